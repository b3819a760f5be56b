/**
 * Seed procedures of the justice sector (hộ tịch, chứng thực, lý lịch tư pháp) as published on the
 * national public service portal (Cổng Dịch vụ công quốc gia), with their national codes, fees and
 * processing times. `processingDays` is the longest statutory time in working days; where the law
 * says "trong ngày" (same day, next working day when received after 15:00) it is 1.
 */
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { component, days, fee, form, free, hours, seedProcedure } from './seed-builders';
import { CONTACT, IDENTITY, count, date, select, text } from './form-fields';

const LUAT_HO_TICH = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
];

export const JUSTICE_PROCEDURES: ProcedureDraft[] = [
  seedProcedure({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    description:
      'Người đi đăng ký khai sinh nộp tờ khai và Giấy chứng sinh (hoặc văn bản thay thế) tại UBND cấp xã nơi cư trú ' +
      'của cha hoặc mẹ, hoặc nộp trực tuyến. Công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ đăng ký khai sinh và ' +
      'cấp Giấy khai sinh bản chính. Miễn lệ phí đăng ký khai sinh đúng hạn.',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.hoTich,
    ...agency(AGENCIES.ubndPhuongBaDinh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy khai sinh (bản chính)',
    times: [hours(8, 'Ngay trong ngày tiếp nhận; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo')],
    fees: [free('Miễn lệ phí đăng ký khai sinh')],
    steps: [
      'Người đi đăng ký khai sinh nộp Tờ khai và Giấy chứng sinh tại Bộ phận Một cửa của UBND cấp xã hoặc trực tuyến',
      'Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện',
      'Công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử, cấp số định danh cá nhân',
      'Chủ tịch UBND cấp xã ký Giấy khai sinh; trả kết quả cho người yêu cầu',
    ],
    components: [
      component('Tờ khai đăng ký khai sinh theo mẫu'),
      component('Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh (nếu không có Giấy chứng sinh)'),
    ],
    forms: [form('Tờ khai đăng ký khai sinh', '04/2024/TT-BTP')],
    requirements: ['Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh con'],
    coordinating: [AGENCIES.congAnPhuongBaDinh],
    legal: [
      ...LUAT_HO_TICH,
      'Nghị định số 63/2024/NĐ-CP về liên thông thủ tục hành chính đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    ],
    eForm: {
      code: 'TK-KHAI-SINH',
      title: 'Tờ khai đăng ký khai sinh',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        select('quanHeVoiNguoiDuocKhaiSinh', 'Quan hệ với người được khai sinh', ['Cha', 'Mẹ', 'Ông', 'Bà', 'Người thân thích khác']),
        text('hoTenTre', 'Họ, chữ đệm và tên người được khai sinh', true, 100),
        date('ngaySinhTre', 'Ngày, tháng, năm sinh'),
        select('gioiTinhTre', 'Giới tính', ['Nam', 'Nữ']),
        text('noiSinh', 'Nơi sinh', true),
        text('danTocTre', 'Dân tộc', true, 50),
        text('quocTichTre', 'Quốc tịch', true, 50),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    description:
      'Hai bên nam, nữ nộp tờ khai đăng ký kết hôn tại UBND cấp xã nơi cư trú của một trong hai bên. Khi được giải quyết, ' +
      'hai bên cùng có mặt để ký Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn. Trường hợp cần xác minh điều kiện kết hôn, ' +
      'thời hạn không quá 05 ngày làm việc. Miễn lệ phí với công dân Việt Nam cư trú ở trong nước.',
    onlineLevel: 3,
    fullOnline: false,
    ...FIELDS.hoTich,
    ...agency(AGENCIES.ubndPhuongBaDinh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy chứng nhận kết hôn',
    times: [
      hours(8, 'Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ', 'NGAY_TRONG_NGAY'),
      days(5, 'Trường hợp cần xác minh điều kiện kết hôn', 'CAN_XAC_MINH'),
    ],
    fees: [free('Miễn lệ phí với công dân Việt Nam cư trú ở trong nước')],
    steps: [
      'Hai bên nam, nữ nộp Tờ khai đăng ký kết hôn tại Bộ phận Một cửa UBND cấp xã nơi cư trú của một trong hai bên',
      'Công chức tư pháp - hộ tịch kiểm tra, xác minh điều kiện kết hôn theo Luật Hôn nhân và gia đình',
      'Công chức tư pháp - hộ tịch ghi vào Sổ đăng ký kết hôn; hai bên cùng ký vào Sổ và Giấy chứng nhận kết hôn',
      'Chủ tịch UBND cấp xã trao Giấy chứng nhận kết hôn cho hai bên',
    ],
    components: [
      component('Tờ khai đăng ký kết hôn theo mẫu'),
      component('Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không phải nơi thường trú)'),
    ],
    forms: [form('Tờ khai đăng ký kết hôn', '04/2024/TT-BTP')],
    requirements: [
      'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên',
      'Việc kết hôn do nam và nữ tự nguyện quyết định',
      'Không bị mất năng lực hành vi dân sự và không thuộc trường hợp cấm kết hôn',
    ],
    legal: [...LUAT_HO_TICH, 'Luật Hôn nhân và gia đình số 52/2014/QH13'],
    eForm: {
      code: 'TK-KET-HON',
      title: 'Tờ khai đăng ký kết hôn',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.ngaySinh,
        IDENTITY.gioiTinh,
        IDENTITY.danToc,
        IDENTITY.quocTich,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        text('hoTenBenKia', 'Họ, chữ đệm và tên của bên kia', true, 100),
        date('ngaySinhBenKia', 'Ngày, tháng, năm sinh của bên kia'),
        { key: 'soDinhDanhBenKia', label: 'Số định danh cá nhân của bên kia', type: 'PERSONAL_ID', required: true },
        text('noiCuTruBenKia', 'Nơi cư trú của bên kia', true),
        select('ketHonLanThu', 'Kết hôn lần thứ', ['Lần đầu', 'Lần thứ hai trở lên']),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    description:
      'Người yêu cầu cấp bản sao trích lục về sự kiện hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử...) nộp tờ khai ' +
      'tại cơ quan đang lưu giữ Sổ hộ tịch hoặc trực tuyến; kết quả trả trong ngày. Phí 8.000 đồng/bản sao trích lục.',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.hoTich,
    ...agency(AGENCIES.ubndPhuongBaDinh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Bản sao Trích lục hộ tịch / bản sao Giấy khai sinh',
    times: [hours(8, 'Ngay trong ngày tiếp nhận; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo')],
    fees: [fee(8_000, 'Phí cấp bản sao trích lục hộ tịch', 'MAC_DINH', '8.000 đồng/bản sao')],
    steps: [
      'Người yêu cầu nộp Tờ khai cấp bản sao trích lục hộ tịch tại cơ quan lưu giữ Sổ hộ tịch hoặc trực tuyến',
      'Công chức tư pháp - hộ tịch kiểm tra, đối chiếu Sổ hộ tịch và Cơ sở dữ liệu hộ tịch điện tử',
      'Chủ tịch UBND cấp xã ký cấp bản sao trích lục; trả kết quả',
    ],
    components: [component('Tờ khai cấp bản sao trích lục hộ tịch theo mẫu')],
    forms: [form('Tờ khai cấp bản sao trích lục hộ tịch', '04/2024/TT-BTP')],
    legal: [
      ...LUAT_HO_TICH,
      'Thông tư số 281/2016/TT-BTC quy định mức thu phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch',
    ],
    eForm: {
      code: 'TK-BAN-SAO-TRICH-LUC',
      title: 'Tờ khai cấp bản sao trích lục hộ tịch',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        select('loaiTrichLuc', 'Loại trích lục', [
          'Trích lục khai sinh',
          'Trích lục kết hôn',
          'Trích lục khai tử',
          'Trích lục nhận cha, mẹ, con',
        ]),
        text('hoTenNguoiDuocCap', 'Họ, chữ đệm và tên người được cấp trích lục', true, 100),
        text('soDangKy', 'Số đăng ký sự kiện hộ tịch (nếu biết)', false, 30),
        count('soBanSao', 'Số bản sao đề nghị cấp'),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    description:
      'Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại bộ phận một cửa của UBND cấp xã; người thực hiện ' +
      'chứng thực đối chiếu và chứng thực trong ngày. Phí 2.000 đồng/trang, từ trang thứ ba 1.000 đồng/trang, tối đa ' +
      '200.000 đồng/bản.',
    onlineLevel: 2,
    fullOnline: false,
    ...FIELDS.chungThuc,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Bản sao được chứng thực từ bản chính',
    times: [hours(8, 'Trong ngày tiếp nhận; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo')],
    fees: [
      fee(2_000, 'Hai trang đầu', 'TRANG_1_2', '2.000 đồng/trang'),
      fee(1_000, 'Từ trang thứ ba trở đi', 'TU_TRANG_3', '1.000 đồng/trang, tối đa 200.000 đồng/bản'),
    ],
    steps: [
      'Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại Bộ phận Một cửa UBND cấp xã',
      'Người thực hiện chứng thực kiểm tra, đối chiếu bản sao với bản chính',
      'Người có thẩm quyền ký chứng thực, đóng dấu và ghi vào Sổ chứng thực; trả kết quả',
    ],
    components: [
      component('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao'),
      component('Bản sao cần chứng thực', 'COPY'),
    ],
    requirements: ['Bản chính không thuộc các trường hợp không được chứng thực bản sao (bị tẩy xóa, sửa chữa, hư hỏng, cũ nát không xác định được nội dung...)'],
    methods: ['IN_PERSON'],
    legal: [
      'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
      'Thông tư số 01/2020/TT-BTP quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP',
      'Thông tư số 226/2016/TT-BTC quy định mức thu phí chứng thực',
    ],
    eForm: {
      code: 'TK-CHUNG-THUC-BAN-SAO',
      title: 'Phiếu yêu cầu chứng thực bản sao từ bản chính',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.soDinhDanh,
        text('tenGiayTo', 'Tên giấy tờ, văn bản cần chứng thực', true, 200),
        count('soTrang', 'Số trang của bản chính', 3),
        count('soBanSao', 'Số bản sao cần chứng thực'),
        CONTACT.soDienThoai,
      ],
    },
  }),
  seedProcedure({
    code: '2.001417',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    description:
      'Người yêu cầu nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp tại Sở Tư pháp nơi thường trú hoặc trực tuyến ' +
      '(xác thực bằng tài khoản định danh điện tử mức 2). Sở Tư pháp tra cứu, xác minh và cấp Phiếu số 1 hoặc Phiếu số 2. ' +
      'Phí 200.000 đồng/lần/người; sinh viên, người có công với cách mạng 100.000 đồng.',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.lyLichTuPhap,
    ...agency(AGENCIES.soTuPhap),
    implementationLevel: 'PROVINCE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
    times: [days(10, 'Công dân Việt Nam'), days(15, 'Trường hợp phải xác minh (người nước ngoài, người đã cư trú ở nhiều nơi)', 'CAN_XAC_MINH')],
    fees: [
      fee(200_000, 'Phí cung cấp thông tin lý lịch tư pháp', 'MAC_DINH', '200.000 đồng/lần/người'),
      fee(100_000, 'Sinh viên, người có công với cách mạng, thân nhân liệt sĩ', 'GIAM_PHI', '100.000 đồng/lần/người'),
      fee(0, 'Trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo', 'MIEN_PHI'),
    ],
    steps: [
      'Người yêu cầu nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp tại Trung tâm Phục vụ hành chính công hoặc trực tuyến',
      ['Sở Tư pháp tra cứu Cơ sở dữ liệu lý lịch tư pháp', 3],
      ['Sở Tư pháp phối hợp Công an Thành phố xác minh thông tin án tích khi cần', 5],
      ['Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp; trả kết quả', 2],
    ],
    components: [
      component('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu'),
      component('Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp Phiếu số 1)'),
    ],
    forms: [form('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', '13/2011/TT-BTP')],
    coordinating: [AGENCIES.congAnThanhPho],
    legal: [
      'Luật Lý lịch tư pháp số 28/2009/QH12',
      'Nghị định số 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
      'Thông tư số 244/2016/TT-BTC quy định mức thu phí cung cấp thông tin lý lịch tư pháp',
    ],
    eForm: {
      code: 'TK-LLTP',
      title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.gioiTinh,
        IDENTITY.ngaySinh,
        IDENTITY.queQuan,
        IDENTITY.danToc,
        IDENTITY.quocTich,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        IDENTITY.noiOHienTai,
        select('loaiPhieu', 'Loại Phiếu yêu cầu cấp', ['Phiếu số 1', 'Phiếu số 2']),
        text('mucDichSuDung', 'Mục đích sử dụng Phiếu', true, 200),
        count('soLuongPhieu', 'Số lượng Phiếu yêu cầu cấp'),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
];
