/**
 * More commune-level procedures of Thành phố Hà Nội: household business, construction, land
 * mediation, social protection. Since 1 July 2025 the commune People's Committee handles what the
 * district level handled before. National codes and fees marked "verify" are best knowledge of the
 * national portal (dichvucong.gov.vn) and of the Hà Nội fee resolutions, not checked offline.
 */
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { basicForm, number, select, text } from './form-fields';
import { component, days, fee, form, free, seedProcedure } from './seed-builders';

const HKD_LEGAL = ['Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp (Chương VIII: hộ kinh doanh)', 'Thông tư số 02/2023/TT-BKHĐT sửa đổi Thông tư số 01/2021/TT-BKHĐT hướng dẫn về đăng ký doanh nghiệp'];
const BTXH_LEGAL = ['Luật Người khuyết tật số 51/2010/QH12', 'Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội'];
const hkd = { ...FIELDS.hoKinhDoanh, ...agency(AGENCIES.ubndPhuongCauGiay), implementationLevel: 'COMMUNE' as const, subjects: ['INDIVIDUAL' as const] };
const btxh = { ...FIELDS.baoTroXaHoi, ...agency(AGENCIES.ubndPhuongHaDong), implementationLevel: 'COMMUNE' as const, subjects: ['INDIVIDUAL' as const] };
const hkdForm = (code: string, title: string) =>
  basicForm(code, title, text('tenHoKinhDoanh', 'Tên hộ kinh doanh', true, 150), text('maSoHoKinhDoanh', 'Mã số hộ kinh doanh', true, 20));

export const COMMUNE_ECONOMY_SOCIAL_PROCEDURES: ProcedureDraft[] = [
  seedProcedure({
    code: '2.000575', // verify: code
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    description: 'Hộ kinh doanh thay đổi tên, địa chỉ, ngành nghề, vốn, chủ hộ nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã hoặc trực tuyến.',
    onlineLevel: 4,
    ...hkd,
    resultDocument: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại theo nội dung thay đổi)',
    times: [days(3)],
    fees: [fee(50_000, 'Lệ phí thay đổi nội dung đăng ký hộ kinh doanh', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: HKD_LEGAL,
    steps: [['Nộp Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 0], ['Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ', 2], ['Cấp Giấy chứng nhận; trả kết quả', 1]],
    components: [component('Thông báo thay đổi nội dung đăng ký hộ kinh doanh'), component('Giấy chứng nhận đăng ký hộ kinh doanh đã cấp')],
    forms: [form('Thông báo thay đổi nội dung đăng ký hộ kinh doanh (Phụ lục III-2)', '02/2023/TT-BKHĐT')],
    eForm: hkdForm('TB-THAY-DOI-HKD', 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh'),
  }),
  seedProcedure({
    code: '2.000588', // verify: code
    name: 'Tạm ngừng hoạt động hộ kinh doanh',
    description: 'Hộ kinh doanh tạm ngừng kinh doanh từ 30 ngày trở lên thông báo cho cơ quan đăng ký kinh doanh cấp xã chậm nhất 03 ngày làm việc trước ngày tạm ngừng.',
    onlineLevel: 4,
    ...hkd,
    resultDocument: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh',
    times: [days(3)],
    fees: [free()],
    legal: HKD_LEGAL,
    steps: [['Nộp Thông báo tạm ngừng kinh doanh', 0], ['Cơ quan đăng ký kinh doanh cấp xã kiểm tra', 2], ['Cấp Giấy xác nhận tạm ngừng; trả kết quả', 1]],
    components: [component('Thông báo về việc tạm ngừng hoạt động hộ kinh doanh')],
    forms: [form('Thông báo tạm ngừng hộ kinh doanh (Phụ lục III-3)', '02/2023/TT-BKHĐT')],
    requirements: ['Thông báo chậm nhất 03 ngày làm việc trước ngày tạm ngừng'],
    eForm: hkdForm('TB-TAM-NGUNG-HKD', 'Thông báo tạm ngừng hoạt động hộ kinh doanh'),
  }),
  seedProcedure({
    code: '2.000607', // verify: code
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    description: 'Hộ kinh doanh chấm dứt hoạt động nộp thông báo kèm Giấy chứng nhận đăng ký hộ kinh doanh tại cơ quan đăng ký kinh doanh cấp xã, sau khi đã hoàn thành nghĩa vụ thuế.',
    onlineLevel: 4,
    ...hkd,
    resultDocument: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
    times: [days(3)],
    fees: [free()],
    legal: HKD_LEGAL,
    steps: [['Nộp Thông báo chấm dứt hoạt động', 0], ['Cơ quan đăng ký kinh doanh cấp xã kiểm tra, chuyển tình trạng pháp lý', 2], ['Thông báo kết quả; liên thông cơ quan thuế', 1]],
    components: [component('Thông báo về việc chấm dứt hoạt động hộ kinh doanh'), component('Giấy chứng nhận đăng ký hộ kinh doanh (bản gốc)')],
    forms: [form('Thông báo chấm dứt hoạt động hộ kinh doanh (Phụ lục III-4)', '02/2023/TT-BKHĐT')],
    requirements: ['Đã thanh toán đầy đủ các khoản nợ, nghĩa vụ thuế'],
    eForm: hkdForm('TB-CHAM-DUT-HKD', 'Thông báo chấm dứt hoạt động hộ kinh doanh'),
  }),
  seedProcedure({
    code: '1.009995', // verify: code
    name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ',
    description: 'Chủ đầu tư sửa chữa, cải tạo làm thay đổi kết cấu chịu lực hoặc mặt ngoài nhà ở riêng lẻ nộp hồ sơ tại UBND cấp xã.',
    onlineLevel: 3,
    ...FIELDS.hoatDongXayDung,
    ...agency(AGENCIES.ubndPhuongHoanKiem),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy phép xây dựng sửa chữa, cải tạo',
    times: [days(15)],
    fees: [fee(75_000, 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: ['Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14', 'Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng'],
    steps: [['Tiếp nhận hồ sơ', 0], ['Kiểm tra hồ sơ, thực địa, đối chiếu quy hoạch', 10], ['Chủ tịch UBND cấp xã ký giấy phép', 4], ['Trả kết quả', 1]],
    components: [component('Đơn đề nghị cấp giấy phép sửa chữa, cải tạo'), component('Giấy tờ về quyền sở hữu công trình', 'CERTIFIED_COPY'), component('Ảnh chụp hiện trạng công trình và bản vẽ thiết kế cải tạo', 'ORIGINAL', 2)],
    forms: [form('Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)', '175/2024/NĐ-CP')],
    eForm: basicForm('DON-GPXD-SC', 'Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', text('diaChiCongTrinh', 'Địa điểm công trình', true), number('dienTichSan', 'Tổng diện tích sàn sau cải tạo (m²)')),
  }),
  seedProcedure({
    code: '1.003554', // verify: code
    name: 'Hòa giải tranh chấp đất đai',
    description: 'Các bên tranh chấp đất đai gửi đơn đề nghị hòa giải đến UBND cấp xã nơi có đất; UBND cấp xã tổ chức hòa giải trong 30 ngày.',
    onlineLevel: 2,
    ...FIELDS.datDai,
    ...agency(AGENCIES.ubndXaDongAnh),
    implementationLevel: 'COMMUNE',
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Biên bản hòa giải thành hoặc không thành',
    times: [days(30)],
    fees: [free()],
    legal: ['Luật Đất đai số 31/2024/QH15', 'Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai'],
    steps: [['Tiếp nhận đơn đề nghị hòa giải', 1], ['Thẩm tra, xác minh nguồn gốc, quá trình sử dụng đất', 14], ['Tổ chức cuộc họp hòa giải có các bên tranh chấp', 14], ['Lập biên bản hòa giải, gửi các bên', 1]],
    methods: ['IN_PERSON', 'POSTAL'],
    components: [component('Đơn đề nghị hòa giải tranh chấp đất đai'), component('Giấy tờ liên quan đến thửa đất tranh chấp', 'COPY')],
    requirements: ['Tranh chấp đất đai mà các bên không tự hòa giải được'],
    eForm: basicForm('DON-HOA-GIAI-DD', 'Đơn đề nghị hòa giải tranh chấp đất đai', text('diaChiThuaDat', 'Địa chỉ thửa đất tranh chấp', true), text('noiDungTranhChap', 'Nội dung tranh chấp', true, 2000)),
  }),
  seedProcedure({
    code: '1.001699', // verify: code
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    description: 'Người khuyết tật hoặc người đại diện nộp đơn tại UBND cấp xã nơi cư trú; Hội đồng xác định mức độ khuyết tật tổ chức xác định và Chủ tịch UBND cấp xã cấp Giấy xác nhận.',
    onlineLevel: 3,
    ...btxh,
    resultDocument: 'Giấy xác nhận khuyết tật',
    times: [days(25)],
    fees: [free()],
    legal: [...BTXH_LEGAL, 'Nghị định số 28/2012/NĐ-CP quy định chi tiết Luật Người khuyết tật', 'Thông tư số 01/2019/TT-BLĐTBXH quy định việc xác định mức độ khuyết tật'],
    steps: [['Tiếp nhận đơn, triệu tập Hội đồng xác định mức độ khuyết tật', 5], ['Hội đồng quan sát, đánh giá, xác định dạng và mức độ khuyết tật', 15], ['Niêm yết, thông báo kết quả; Chủ tịch UBND cấp xã cấp Giấy xác nhận', 5]],
    components: [component('Đơn đề nghị xác định mức độ khuyết tật'), component('Giấy tờ liên quan đến khuyết tật (bệnh án, giấy giám định)', 'COPY')],
    forms: [form('Đơn đề nghị xác định, xác định lại mức độ khuyết tật (Mẫu số 01)', '01/2019/TT-BLĐTBXH')],
    eForm: basicForm('DON-XD-KHUYET-TAT', 'Đơn đề nghị xác định mức độ khuyết tật', text('hoTenNguoiKhuyetTat', 'Họ, chữ đệm và tên người khuyết tật', true, 100), select('dangKhuyetTat', 'Dạng khuyết tật', ['Vận động', 'Nghe, nói', 'Nhìn', 'Thần kinh, tâm thần', 'Trí tuệ', 'Khác'])),
  }),
  seedProcedure({
    code: '1.001776', // verify: code
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    description: 'Đối tượng bảo trợ xã hội hoặc người giám hộ nộp tờ khai tại UBND cấp xã; Hội đồng xét duyệt xem xét, niêm yết công khai và Chủ tịch UBND cấp xã quyết định.',
    onlineLevel: 3,
    ...btxh,
    resultDocument: 'Quyết định trợ cấp xã hội hằng tháng',
    times: [days(15)],
    fees: [free()],
    legal: BTXH_LEGAL,
    steps: [['Tiếp nhận tờ khai, Hội đồng xét duyệt họp', 7], ['Niêm yết công khai kết quả xét duyệt', 2], ['Chủ tịch UBND cấp xã quyết định trợ cấp; trả kết quả', 6]],
    components: [component('Tờ khai đề nghị trợ giúp xã hội theo mẫu'), component('Giấy xác nhận khuyết tật hoặc giấy tờ chứng minh đối tượng', 'COPY')],
    forms: [form('Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a–1d)', '20/2021/NĐ-CP')],
    requirements: ['Thuộc đối tượng bảo trợ xã hội theo Điều 5 Nghị định số 20/2021/NĐ-CP'],
    eForm: basicForm('TK-TRO-CAP-XH', 'Tờ khai đề nghị trợ giúp xã hội', select('doiTuong', 'Đối tượng', ['Người cao tuổi', 'Người khuyết tật', 'Trẻ em mồ côi', 'Người đơn thân nghèo nuôi con', 'Khác'])),
  }),
  seedProcedure({
    code: '1.001758', // verify: code
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    description: 'Cơ quan, tổ chức, cá nhân tổ chức mai táng cho đối tượng đang hưởng trợ cấp xã hội hằng tháng nộp tờ khai tại UBND cấp xã để được hỗ trợ chi phí mai táng.',
    onlineLevel: 3,
    ...btxh,
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Quyết định hỗ trợ chi phí mai táng',
    times: [days(5)],
    fees: [free()],
    legal: BTXH_LEGAL,
    steps: [['Tiếp nhận tờ khai', 1], ['Công chức văn hóa - xã hội kiểm tra, trình Chủ tịch UBND cấp xã', 2], ['Chủ tịch UBND cấp xã quyết định hỗ trợ; chi trả', 2]],
    components: [component('Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04)'), component('Trích lục khai tử', 'COPY')],
    forms: [form('Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04)', '20/2021/NĐ-CP')],
    eForm: basicForm('TK-MAI-TANG', 'Tờ khai đề nghị hỗ trợ chi phí mai táng', text('hoTenNguoiChet', 'Họ, chữ đệm và tên người đã chết', true, 100)),
  }),
];
