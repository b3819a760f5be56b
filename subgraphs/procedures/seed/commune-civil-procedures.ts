/**
 * More commune-level procedures of the justice and residence fields (hộ tịch, chứng thực, cư trú) of
 * Thành phố Hà Nội. Names, steps, times and fees follow the laws cited. National codes marked
 * "verify" are from memory of the national portal (dichvucong.gov.vn) and were not checked offline;
 * fees marked "verify" are the best knowledge of the Hà Nội People's Council resolution on fees.
 */
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { basicForm, count, date, select, text } from './form-fields';
import { component, days, fee, form, free, hours, seedProcedure } from './seed-builders';

const HO_TICH = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  'Thông tư số 04/2024/TT-BTP sửa đổi, bổ sung Thông tư số 04/2020/TT-BTP hướng dẫn Luật Hộ tịch',
];
const CHUNG_THUC = [
  'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  'Thông tư số 226/2016/TT-BTC quy định mức thu phí chứng thực',
];
const CU_TRU = ['Luật Cư trú số 68/2020/QH14', 'Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều của Luật Cư trú', 'Thông tư số 75/2022/TT-BTC quy định mức thu lệ phí đăng ký cư trú'];
const TK_HO_TICH = '04/2024/TT-BTP';
const hoTich = { ...FIELDS.hoTich, ...agency(AGENCIES.ubndPhuongBaDinh), implementationLevel: 'COMMUNE' as const, subjects: ['INDIVIDUAL' as const] };

export const COMMUNE_CIVIL_PROCEDURES: ProcedureDraft[] = [
  seedProcedure({
    code: '1.000656', // verify: code
    name: 'Đăng ký khai tử',
    description: 'Người thân thích của người chết nộp Tờ khai đăng ký khai tử và giấy báo tử tại UBND cấp xã nơi cư trú cuối cùng của người chết trong 15 ngày kể từ ngày chết.',
    onlineLevel: 4,
    ...hoTich,
    resultDocument: 'Trích lục khai tử (bản chính)',
    times: [hours(8, 'Ngay trong ngày; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo'), days(3, 'Trường hợp cần xác minh', 'CAN_XAC_MINH')],
    fees: [free('Miễn lệ phí đăng ký khai tử')],
    legal: HO_TICH,
    steps: ['Người yêu cầu nộp Tờ khai và Giấy báo tử tại Bộ phận Một cửa hoặc trực tuyến', 'Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử', 'Chủ tịch UBND cấp xã ký Trích lục khai tử; trả kết quả'],
    components: [component('Tờ khai đăng ký khai tử theo mẫu'), component('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử')],
    forms: [form('Tờ khai đăng ký khai tử', TK_HO_TICH)],
    requirements: ['Đăng ký trong thời hạn 15 ngày kể từ ngày có người chết (quá hạn vẫn được đăng ký)'],
    coordinating: [AGENCIES.congAnPhuongBaDinh],
    eForm: basicForm('TK-KHAI-TU', 'Tờ khai đăng ký khai tử', text('hoTenNguoiChet', 'Họ, chữ đệm và tên người chết', true, 100), date('ngayChet', 'Ngày chết'), text('noiChet', 'Nơi chết', true), text('nguyenNhanChet', 'Nguyên nhân chết', true)),
  }),
  seedProcedure({
    code: '1.004873', // verify: code
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    description: 'Người yêu cầu nộp Tờ khai cấp Giấy xác nhận tình trạng hôn nhân tại UBND cấp xã nơi thường trú; Giấy có giá trị 06 tháng kể từ ngày cấp.',
    onlineLevel: 4,
    ...hoTich,
    resultDocument: 'Giấy xác nhận tình trạng hôn nhân',
    times: [days(3), days(23, 'Trường hợp phải xác minh tại nơi cư trú trước đây', 'CAN_XAC_MINH')],
    fees: [fee(5_000, 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: HO_TICH,
    steps: [['Tiếp nhận Tờ khai tại Bộ phận Một cửa hoặc trực tuyến', 0], ['Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân', 2], ['Chủ tịch UBND cấp xã ký Giấy xác nhận; trả kết quả', 1]],
    components: [component('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu'), component('Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ/chồng (nếu có)', 'COPY')],
    forms: [form('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', TK_HO_TICH)],
    eForm: basicForm('TK-XN-TTHN', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', select('tinhTrangHonNhan', 'Tình trạng hôn nhân hiện tại', ['Chưa kết hôn', 'Đã ly hôn', 'Vợ/chồng đã chết', 'Đang có vợ/chồng']), text('mucDichSuDung', 'Mục đích sử dụng', true, 200)),
  }),
  seedProcedure({
    code: '1.001022', // verify: code
    name: 'Đăng ký nhận cha, mẹ, con',
    description: 'Người nhận cha, mẹ, con nộp tờ khai và chứng cứ chứng minh quan hệ cha, mẹ, con tại UBND cấp xã nơi cư trú của người nhận hoặc người được nhận.',
    onlineLevel: 3,
    ...hoTich,
    resultDocument: 'Trích lục đăng ký nhận cha, mẹ, con',
    times: [days(3), days(8, 'Trường hợp cần xác minh', 'CAN_XAC_MINH')],
    fees: [fee(15_000, 'Lệ phí đăng ký nhận cha, mẹ, con', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: [...HO_TICH, 'Luật Hôn nhân và gia đình số 52/2014/QH13'],
    steps: [['Tiếp nhận hồ sơ; niêm yết việc nhận cha, mẹ, con', 1], ['Công chức tư pháp - hộ tịch xác minh, báo cáo Chủ tịch UBND cấp xã', 1], ['Các bên có mặt ký Sổ hộ tịch; trả Trích lục', 1]],
    components: [component('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu'), component('Văn bản của cơ quan y tế, giám định xác nhận quan hệ cha, mẹ, con hoặc chứng cứ khác')],
    forms: [form('Tờ khai đăng ký nhận cha, mẹ, con', TK_HO_TICH)],
    requirements: ['Bên nhận và bên được nhận còn sống vào thời điểm đăng ký; việc nhận không có tranh chấp'],
    eForm: basicForm('TK-NHAN-CMC', 'Tờ khai đăng ký nhận cha, mẹ, con', text('hoTenNguoiDuocNhan', 'Họ, chữ đệm và tên người được nhận', true, 100), select('quanHe', 'Quan hệ', ['Cha nhận con', 'Mẹ nhận con', 'Con nhận cha', 'Con nhận mẹ'])),
  }),
  seedProcedure({
    code: '1.004859', // verify: code
    name: 'Đăng ký lại khai sinh',
    description: 'Việc khai sinh đã đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất thì được đăng ký lại.',
    onlineLevel: 3,
    ...hoTich,
    resultDocument: 'Giấy khai sinh (bản chính) ghi "Đăng ký lại"',
    times: [days(5), days(10, 'Trường hợp phải xác minh', 'CAN_XAC_MINH')],
    fees: [fee(5_000, 'Lệ phí đăng ký lại khai sinh', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: HO_TICH,
    steps: [['Tiếp nhận Tờ khai và giấy tờ liên quan', 1], ['Công chức tư pháp - hộ tịch kiểm tra, xác minh việc đã đăng ký khai sinh', 3], ['Chủ tịch UBND cấp xã ký Giấy khai sinh; trả kết quả', 1]],
    components: [component('Tờ khai đăng ký lại khai sinh theo mẫu'), component('Bản sao Giấy khai sinh cũ hoặc giấy tờ có thông tin khai sinh (nếu có)', 'COPY')],
    forms: [form('Tờ khai đăng ký lại khai sinh', TK_HO_TICH)],
    requirements: ['Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất'],
    eForm: basicForm('TK-DK-LAI-KS', 'Tờ khai đăng ký lại khai sinh', text('noiDangKyTruocDay', 'Nơi đã đăng ký khai sinh trước đây', true)),
  }),
  seedProcedure({
    code: '1.004845', // verify: code
    name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    description: 'Người yêu cầu thay đổi, cải chính, bổ sung thông tin hộ tịch cho người dưới 14 tuổi, xác định lại dân tộc, bổ sung thông tin còn thiếu tại UBND cấp xã nơi đã đăng ký hộ tịch hoặc nơi cư trú.',
    onlineLevel: 4,
    ...hoTich,
    resultDocument: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    times: [days(3), days(6, 'Trường hợp cần xác minh', 'CAN_XAC_MINH'), hours(8, 'Bổ sung thông tin hộ tịch', 'BO_SUNG')],
    fees: [fee(15_000, 'Thay đổi, cải chính hộ tịch', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội'), fee(0, 'Bổ sung thông tin hộ tịch', 'BO_SUNG')],
    legal: [...HO_TICH, 'Bộ luật Dân sự số 91/2015/QH13'],
    steps: [['Tiếp nhận Tờ khai và giấy tờ chứng minh', 1], ['Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ hộ tịch', 1], ['Chủ tịch UBND cấp xã ký Trích lục; trả kết quả', 1]],
    components: [component('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu'), component('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', 'CERTIFIED_COPY')],
    forms: [form('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', TK_HO_TICH)],
    eForm: basicForm('TK-CAI-CHINH', 'Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch', text('noiDungThayDoi', 'Nội dung đề nghị thay đổi, cải chính, bổ sung', true, 500), text('lyDo', 'Lý do', true, 500)),
  }),
  seedProcedure({
    code: '2.000884', // verify: code
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ)',
    description: 'Người yêu cầu xuất trình giấy tờ tùy thân và giấy tờ, văn bản cần chứng thực chữ ký; ký trước mặt người thực hiện chứng thực.',
    onlineLevel: 2,
    ...FIELDS.chungThuc,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
    times: [hours(8, 'Trong ngày; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo')],
    fees: [fee(10_000, 'Phí chứng thực chữ ký', 'MAC_DINH', '10.000 đồng/trường hợp')],
    legal: CHUNG_THUC,
    steps: ['Người yêu cầu xuất trình giấy tờ tùy thân và văn bản cần chứng thực', 'Người yêu cầu ký trước mặt người thực hiện chứng thực', 'Người có thẩm quyền ghi lời chứng, ký, đóng dấu, ghi Sổ chứng thực; trả kết quả'],
    methods: ['IN_PERSON'],
    components: [component('Giấy tờ tùy thân còn giá trị sử dụng'), component('Giấy tờ, văn bản sẽ ký')],
    requirements: ['Người yêu cầu có năng lực hành vi dân sự đầy đủ và ký trước mặt người thực hiện chứng thực'],
    eForm: basicForm('TK-CT-CHU-KY', 'Phiếu yêu cầu chứng thực chữ ký', text('tenGiayTo', 'Tên giấy tờ, văn bản cần chứng thực chữ ký', true, 200), count('soBan', 'Số bản')),
  }),
  seedProcedure({
    code: '2.001035', // verify: code
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
    description: 'Các bên tham gia hợp đồng nộp dự thảo hợp đồng và giấy tờ về tài sản; ký trước mặt người thực hiện chứng thực tại UBND cấp xã.',
    onlineLevel: 2,
    ...FIELDS.chungThuc,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Hợp đồng, giao dịch được chứng thực',
    times: [days(2), days(3, 'Hợp đồng phức tạp (thỏa thuận bằng văn bản)', 'PHUC_TAP')],
    fees: [fee(50_000, 'Phí chứng thực hợp đồng, giao dịch', 'MAC_DINH', '50.000 đồng/hợp đồng, giao dịch')],
    legal: CHUNG_THUC,
    steps: [['Tiếp nhận dự thảo hợp đồng và giấy tờ', 0], ['Kiểm tra năng lực hành vi dân sự, ý chí tự nguyện; các bên ký trước mặt người thực hiện chứng thực', 1], ['Ghi lời chứng, ký, đóng dấu; trả kết quả', 1]],
    methods: ['IN_PERSON'],
    components: [component('Dự thảo hợp đồng, giao dịch'), component('Giấy tờ tùy thân của người yêu cầu', 'COPY'), component('Giấy chứng nhận quyền sở hữu hoặc giấy tờ thay thế đối với tài sản', 'COPY')],
    requirements: ['Người yêu cầu chịu trách nhiệm về nội dung, tính hợp pháp của hợp đồng, giao dịch'],
    eForm: basicForm('TK-CT-HD', 'Phiếu yêu cầu chứng thực hợp đồng, giao dịch', text('tenHopDong', 'Tên hợp đồng, giao dịch', true, 200), text('taiSan', 'Tài sản', true, 300)),
  }),
  seedProcedure({
    code: '1.004194', // verify: code
    name: 'Đăng ký tạm trú',
    description: 'Công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi thường trú từ 30 ngày trở lên đăng ký tạm trú tại Công an cấp xã.',
    onlineLevel: 4,
    ...FIELDS.cuTru,
    ...agency(AGENCIES.congAnPhuongBaDinh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Thông báo kết quả đăng ký tạm trú; thông tin được cập nhật vào Cơ sở dữ liệu về cư trú',
    times: [days(3)],
    fees: [fee(7_000, 'Nộp hồ sơ trực tuyến', 'TRUC_TUYEN', '7.000 đồng/lần'), fee(15_000, 'Nộp hồ sơ trực tiếp', 'TRUC_TIEP', '15.000 đồng/lần')],
    legal: CU_TRU,
    steps: [['Nộp hồ sơ tại Công an cấp xã hoặc trực tuyến (VNeID, Cổng dịch vụ công)', 0], ['Công an cấp xã thẩm định, cập nhật Cơ sở dữ liệu về cư trú', 2], ['Thông báo kết quả', 1]],
    components: [component('Tờ khai thay đổi thông tin cư trú (mẫu CT01)'), component('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'COPY')],
    forms: [form('Tờ khai thay đổi thông tin cư trú (mẫu CT01)', '66/2023/TT-BCA')],
    requirements: ['Sinh sống tại chỗ ở hợp pháp ngoài nơi thường trú từ 30 ngày trở lên'],
    eForm: basicForm('CT01-TAM-TRU', 'Tờ khai thay đổi thông tin cư trú (đăng ký tạm trú)', text('diaChiTamTru', 'Địa chỉ đề nghị đăng ký tạm trú', true), date('tamTruDenNgay', 'Tạm trú đến ngày')),
  }),
];
