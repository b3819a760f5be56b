/**
 * Seed procedures of residence (cư trú), construction (xây dựng) and household business (hộ kinh
 * doanh), as published on the national public service portal. Fees set by the provincial People's
 * Council are Hà Nội's; where the portal lists an online fee lower than the in-person one, the online
 * fee is used because the hub submits online.
 */
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { component, days, fee, form, free, hours, seedProcedure } from './seed-builders';
import { CONTACT, IDENTITY, ORGANIZATION, count, number, select, text } from './form-fields';

export const RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES: ProcedureDraft[] = [
  seedProcedure({
    code: '1.004222',
    name: 'Đăng ký thường trú',
    description:
      'Người đăng ký nộp Tờ khai thay đổi thông tin cư trú (mẫu CT01) và giấy tờ chứng minh chỗ ở hợp pháp tại Công an ' +
      'cấp xã nơi cư trú hoặc trực tuyến; trẻ em đã có Giấy khai sinh được đăng ký theo cha, mẹ. Cơ quan đăng ký cư trú ' +
      'cập nhật Cơ sở dữ liệu về cư trú. Lệ phí 20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần.',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.cuTru,
    ...agency(AGENCIES.congAnPhuongBaDinh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Thông báo kết quả đăng ký thường trú; thông tin cư trú được cập nhật vào Cơ sở dữ liệu về cư trú',
    times: [days(7)],
    fees: [
      fee(10_000, 'Nộp hồ sơ trực tuyến', 'TRUC_TUYEN', '10.000 đồng/lần'),
      fee(20_000, 'Nộp hồ sơ trực tiếp', 'TRUC_TIEP', '20.000 đồng/lần'),
    ],
    steps: [
      'Người đăng ký nộp hồ sơ tại Công an cấp xã nơi cư trú hoặc qua Cổng dịch vụ công, ứng dụng VNeID',
      ['Công an cấp xã kiểm tra, thẩm định hồ sơ và điều kiện đăng ký thường trú', 6],
      ['Cập nhật thông tin vào Cơ sở dữ liệu về cư trú và thông báo kết quả cho người đăng ký', 1],
    ],
    components: [
      component('Tờ khai thay đổi thông tin cư trú (mẫu CT01)'),
      component('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'COPY'),
      component('Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (trường hợp nhập vào hộ gia đình)'),
    ],
    forms: [form('Tờ khai thay đổi thông tin cư trú (mẫu CT01)', '66/2023/TT-BCA')],
    requirements: ['Có chỗ ở hợp pháp thuộc quyền sở hữu của mình hoặc được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý'],
    legal: [
      'Luật Cư trú số 68/2020/QH14',
      'Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều của Luật Cư trú',
      'Thông tư số 55/2021/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
      'Thông tư số 75/2022/TT-BTC quy định mức thu lệ phí đăng ký cư trú',
    ],
    eForm: {
      code: 'CT01',
      title: 'Tờ khai thay đổi thông tin cư trú',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.ngaySinh,
        IDENTITY.gioiTinh,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        text('noiDangKyThuongTru', 'Địa chỉ đề nghị đăng ký thường trú', true),
        text('hoTenChuHo', 'Họ, chữ đệm và tên chủ hộ', true, 100),
        text('quanHeVoiChuHo', 'Quan hệ với chủ hộ', true, 50),
        select('giayToChoO', 'Giấy tờ chứng minh chỗ ở hợp pháp', [
          'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở',
          'Hợp đồng thuê, mượn, ở nhờ',
          'Văn bản đồng ý của chủ hộ',
        ]),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    // Since 1 July 2025 the commune People's Committee issues permits for detached houses.
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    description:
      'Chủ đầu tư nộp đơn đề nghị cấp giấy phép xây dựng, giấy tờ về quyền sử dụng đất và bản vẽ thiết kế tại UBND cấp xã ' +
      'hoặc trực tuyến. Cơ quan cấp phép kiểm tra hiện trường, đối chiếu quy hoạch và cấp giấy phép trong 15 ngày. ' +
      'Lệ phí 75.000 đồng/giấy phép (mức do HĐND Thành phố Hà Nội quy định).',
    onlineLevel: 3,
    fullOnline: false,
    ...FIELDS.hoatDongXayDung,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy phép xây dựng',
    times: [days(15)],
    fees: [fee(75_000, 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'MAC_DINH', '75.000 đồng/giấy phép (mức của HĐND Thành phố Hà Nội)')],
    steps: [
      'Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Bộ phận Một cửa UBND cấp xã hoặc trực tuyến',
      ['Cơ quan cấp phép kiểm tra hồ sơ, khảo sát thực địa, đối chiếu quy hoạch chi tiết', 10],
      ['Chủ tịch UBND cấp xã xem xét, ký giấy phép xây dựng', 4],
      ['Trả giấy phép xây dựng cho chủ đầu tư', 1],
    ],
    components: [
      component('Đơn đề nghị cấp giấy phép xây dựng theo mẫu'),
      component('Giấy tờ hợp pháp về quyền sử dụng đất', 'CERTIFIED_COPY'),
      component('Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', 'ORIGINAL', 2),
    ],
    forms: [form('Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)', '175/2024/NĐ-CP')],
    requirements: ['Phù hợp với quy hoạch chi tiết xây dựng, thiết kế đô thị đã được phê duyệt', 'Bảo đảm an toàn cho công trình và công trình lân cận'],
    legal: [
      'Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
      'Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
      'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
    ],
    eForm: {
      code: 'DON-GPXD-NO',
      title: 'Đơn đề nghị cấp giấy phép xây dựng (nhà ở riêng lẻ)',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        text('diaChiCongTrinh', 'Địa điểm xây dựng', true),
        text('soThuaDat', 'Thửa đất số', true, 20),
        text('soToBanDo', 'Tờ bản đồ số', true, 20),
        number('dienTichXayDung', 'Diện tích xây dựng tầng 1 (m²)'),
        number('tongDienTichSan', 'Tổng diện tích sàn (m²)'),
        count('soTang', 'Số tầng'),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    code: '2.000720',
    name: 'Đăng ký thành lập hộ kinh doanh',
    description:
      'Chủ hộ kinh doanh nộp Giấy đề nghị đăng ký hộ kinh doanh tại cơ quan đăng ký kinh doanh cấp xã hoặc trực tuyến. ' +
      'Trong 03 ngày làm việc, cơ quan đăng ký kinh doanh cấp Giấy chứng nhận đăng ký hộ kinh doanh. ' +
      'Lệ phí 100.000 đồng/lần (mức do HĐND Thành phố Hà Nội quy định).',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.hoKinhDoanh,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    times: [days(3)],
    fees: [fee(100_000, 'Lệ phí đăng ký hộ kinh doanh', 'MAC_DINH', '100.000 đồng/lần; miễn khi đăng ký trực tuyến theo chính sách của Thành phố (nếu có)')],
    steps: [
      'Chủ hộ kinh doanh nộp Giấy đề nghị đăng ký hộ kinh doanh tại UBND cấp xã hoặc trực tuyến',
      ['Cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ của hồ sơ', 2],
      ['Cấp Giấy chứng nhận đăng ký hộ kinh doanh; trả kết quả', 1],
    ],
    components: [
      component('Giấy đề nghị đăng ký hộ kinh doanh'),
      component('Biên bản họp thành viên hộ gia đình (trường hợp các thành viên hộ gia đình đăng ký)', 'COPY'),
    ],
    forms: [form('Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1)', '02/2023/TT-BKHĐT')],
    requirements: ['Ngành, nghề kinh doanh không bị cấm đầu tư kinh doanh', 'Tên hộ kinh doanh không trùng trong phạm vi cấp xã'],
    legal: [
      'Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp (Chương VIII: hộ kinh doanh)',
      'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
    ],
    eForm: {
      code: 'GDN-HKD',
      title: 'Giấy đề nghị đăng ký hộ kinh doanh',
      fields: [
        IDENTITY.hoTen,
        IDENTITY.ngaySinh,
        IDENTITY.gioiTinh,
        IDENTITY.danToc,
        IDENTITY.quocTich,
        IDENTITY.soDinhDanh,
        IDENTITY.noiThuongTru,
        IDENTITY.noiOHienTai,
        text('tenHoKinhDoanh', 'Tên hộ kinh doanh', true, 150),
        text('diaChiKinhDoanh', 'Địa chỉ trụ sở hộ kinh doanh', true),
        text('nganhNgheKinhDoanh', 'Ngành, nghề kinh doanh', true, 500),
        number('vonKinhDoanh', 'Vốn kinh doanh (đồng)'),
        count('soLaoDong', 'Số lao động', 3),
        CONTACT.soDienThoai,
        CONTACT.email,
      ],
    },
  }),
  seedProcedure({
    // National code not verified against the portal: the format is right, the number may not be.
    code: '1.009982',
    name: 'Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III',
    description:
      'Tổ chức đề nghị nộp đơn và hồ sơ năng lực (nhân sự chủ chốt, kinh nghiệm thực hiện công việc) tại Sở Xây dựng ' +
      'nơi có trụ sở chính hoặc trực tuyến. Sở Xây dựng đánh giá năng lực và cấp chứng chỉ trong 20 ngày. ' +
      'Phí thẩm định 1.000.000 đồng/chứng chỉ.',
    onlineLevel: 4,
    fullOnline: true,
    ...FIELDS.hoatDongXayDung,
    ...agency(AGENCIES.soXayDung),
    implementationLevel: 'PROVINCE',
    subjects: ['ORGANIZATION'],
    resultDocument: 'Chứng chỉ năng lực hoạt động xây dựng',
    times: [days(20)],
    fees: [fee(1_000_000, 'Phí thẩm định cấp chứng chỉ năng lực', 'MAC_DINH', '1.000.000 đồng/chứng chỉ')],
    steps: [
      'Tổ chức nộp hồ sơ đề nghị cấp chứng chỉ năng lực tại Trung tâm Phục vụ hành chính công hoặc trực tuyến',
      ['Sở Xây dựng kiểm tra hồ sơ, đánh giá năng lực tổ chức', 15],
      ['Giám đốc Sở Xây dựng ký cấp chứng chỉ; đăng tải thông tin trên trang thông tin điện tử', 5],
    ],
    components: [
      component('Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng theo mẫu'),
      component('Quyết định công nhận phòng thí nghiệm chuyên ngành xây dựng (đối với khảo sát xây dựng, nếu có)', 'COPY'),
      component('Chứng chỉ hành nghề của các chức danh chủ chốt', 'COPY'),
    ],
    forms: [form('Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng (Mẫu số 04 Phụ lục VII)', '175/2024/NĐ-CP')],
    requirements: ['Có đủ nhân sự chủ chốt có chứng chỉ hành nghề phù hợp với hạng đề nghị', 'Đã thực hiện công việc tương ứng theo quy định cho từng hạng'],
    legal: [
      'Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
      'Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
      'Thông tư số 38/2022/TT-BTC quy định mức thu phí thẩm định cấp chứng chỉ năng lực hoạt động xây dựng',
    ],
    eForm: {
      code: 'DON-CCNL-XD',
      title: 'Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng',
      fields: [
        // The person filing is the organisation's legal representative.
        IDENTITY.hoTen,
        IDENTITY.soDinhDanh,
        ORGANIZATION.tenToChuc,
        ORGANIZATION.maSoDoanhNghiep,
        ORGANIZATION.diaChiTruSo,
        select('hangChungChi', 'Hạng chứng chỉ đề nghị', ['Hạng II', 'Hạng III']),
        text('linhVucHoatDong', 'Lĩnh vực hoạt động xây dựng đề nghị cấp', true, 500),
        CONTACT.soDienThoai,
        { ...CONTACT.email, required: true },
      ],
    },
  }),
];
