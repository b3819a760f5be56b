/**
 * Province-level procedures of Thành phố Hà Nội: enterprise registration (Sở Tài chính since the 2025
 * merger with Sở Kế hoạch và Đầu tư), land registration (Văn phòng Đăng ký đất đai), construction
 * (Sở Xây dựng). National codes and fees marked "verify" are best knowledge of the national portal
 * (dichvucong.gov.vn) and the fee circulars, not checked offline.
 */
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { basicForm, number, select, text } from './form-fields';
import { component, days, fee, form, seedProcedure } from './seed-builders';

const DKDN_LEGAL = ['Luật Doanh nghiệp số 59/2020/QH14', 'Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp', 'Thông tư số 47/2019/TT-BTC quy định mức thu phí, lệ phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp'];
const DAT_DAI_LEGAL = ['Luật Đất đai số 31/2024/QH15', 'Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất'];
const XD_LEGAL = ['Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14', 'Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng'];
const dkdn = { ...FIELDS.doanhNghiep, ...agency(AGENCIES.soTaiChinh), implementationLevel: 'PROVINCE' as const };
const dkdnFees = [fee(0, 'Đăng ký qua mạng điện tử', 'TRUC_TUYEN', 'Miễn lệ phí'), fee(50_000, 'Đăng ký trực tiếp', 'TRUC_TIEP', '50.000 đồng/lần')];
const dkdnSteps: Array<[string, number]> = [['Nộp hồ sơ qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp hoặc trực tiếp', 0], ['Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ', 2], ['Cấp Giấy chứng nhận đăng ký doanh nghiệp; liên thông cơ quan thuế', 1]];
const dkdnForm = (code: string, title: string) =>
  basicForm(code, title, text('tenDoanhNghiep', 'Tên doanh nghiệp', true, 200), text('diaChiTruSo', 'Địa chỉ trụ sở chính', true), number('vonDieuLe', 'Vốn điều lệ (đồng)'));
const land = { ...FIELDS.datDai, ...agency(AGENCIES.vanPhongDangKyDatDai), implementationLevel: 'PROVINCE' as const, subjects: ['INDIVIDUAL' as const, 'ORGANIZATION' as const] };

export const PROVINCE_BUSINESS_LAND_PROCEDURES: ProcedureDraft[] = [
  seedProcedure({
    code: '2.001610', // verify: code
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    description: 'Chủ doanh nghiệp tư nhân nộp Giấy đề nghị đăng ký doanh nghiệp tại Phòng Đăng ký kinh doanh nơi đặt trụ sở chính, ưu tiên qua mạng điện tử.',
    onlineLevel: 4,
    ...dkdn,
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Giấy chứng nhận đăng ký doanh nghiệp',
    times: [days(3)],
    fees: dkdnFees,
    legal: DKDN_LEGAL,
    steps: dkdnSteps,
    components: [component('Giấy đề nghị đăng ký doanh nghiệp tư nhân'), component('Bản sao giấy tờ pháp lý của chủ doanh nghiệp', 'COPY')],
    forms: [form('Giấy đề nghị đăng ký doanh nghiệp tư nhân (Phụ lục I-1)', '68/2025/TT-BTC')],
    requirements: ['Ngành, nghề đăng ký kinh doanh không bị cấm', 'Tên doanh nghiệp đặt đúng quy định của Luật Doanh nghiệp'],
    eForm: dkdnForm('GDN-DNTN', 'Giấy đề nghị đăng ký doanh nghiệp tư nhân'),
  }),
  seedProcedure({
    code: '2.002042', // verify: code
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    description: 'Chủ sở hữu công ty nộp hồ sơ đăng ký doanh nghiệp tại Phòng Đăng ký kinh doanh nơi đặt trụ sở chính hoặc qua mạng điện tử.',
    onlineLevel: 4,
    ...dkdn,
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Giấy chứng nhận đăng ký doanh nghiệp',
    times: [days(3)],
    fees: dkdnFees,
    legal: DKDN_LEGAL,
    steps: dkdnSteps,
    components: [component('Giấy đề nghị đăng ký doanh nghiệp'), component('Điều lệ công ty'), component('Bản sao giấy tờ pháp lý của chủ sở hữu và người đại diện theo pháp luật', 'COPY')],
    forms: [form('Giấy đề nghị đăng ký công ty TNHH một thành viên (Phụ lục I-2)', '68/2025/TT-BTC')],
    requirements: ['Ngành, nghề đăng ký kinh doanh không bị cấm', 'Hồ sơ hợp lệ và đã nộp đủ lệ phí'],
    eForm: dkdnForm('GDN-TNHH1TV', 'Giấy đề nghị đăng ký công ty TNHH một thành viên'),
  }),
  seedProcedure({
    code: '1.005378', // verify: code
    name: 'Đăng ký thành lập công ty cổ phần',
    description: 'Người thành lập doanh nghiệp nộp hồ sơ đăng ký công ty cổ phần tại Phòng Đăng ký kinh doanh nơi đặt trụ sở chính hoặc qua mạng điện tử.',
    onlineLevel: 4,
    ...dkdn,
    subjects: ['INDIVIDUAL', 'ORGANIZATION'],
    resultDocument: 'Giấy chứng nhận đăng ký doanh nghiệp',
    times: [days(3)],
    fees: dkdnFees,
    legal: DKDN_LEGAL,
    steps: dkdnSteps,
    components: [component('Giấy đề nghị đăng ký doanh nghiệp'), component('Điều lệ công ty'), component('Danh sách cổ đông sáng lập'), component('Bản sao giấy tờ pháp lý của cổ đông sáng lập', 'COPY')],
    forms: [form('Giấy đề nghị đăng ký công ty cổ phần (Phụ lục I-4)', '68/2025/TT-BTC')],
    requirements: ['Có ít nhất 03 cổ đông sáng lập', 'Ngành, nghề đăng ký kinh doanh không bị cấm'],
    eForm: dkdnForm('GDN-CTCP', 'Giấy đề nghị đăng ký công ty cổ phần'),
  }),
  seedProcedure({
    code: '2.002039', // verify: code
    name: 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp',
    description: 'Doanh nghiệp thay đổi tên, trụ sở, vốn điều lệ, người đại diện theo pháp luật đăng ký với Phòng Đăng ký kinh doanh trong 10 ngày kể từ ngày thay đổi.',
    onlineLevel: 4,
    ...dkdn,
    subjects: ['ORGANIZATION'],
    resultDocument: 'Giấy chứng nhận đăng ký doanh nghiệp (cấp theo nội dung thay đổi)',
    times: [days(3)],
    fees: dkdnFees,
    legal: DKDN_LEGAL,
    steps: dkdnSteps,
    components: [component('Thông báo thay đổi nội dung đăng ký doanh nghiệp'), component('Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông')],
    forms: [form('Thông báo thay đổi nội dung đăng ký doanh nghiệp (Phụ lục II-1)', '68/2025/TT-BTC')],
    eForm: dkdnForm('TB-THAY-DOI-DN', 'Thông báo thay đổi nội dung đăng ký doanh nghiệp'),
  }),
  seedProcedure({
    code: '2.000889', // verify: code
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế',
    description: 'Người sử dụng đất nộp hồ sơ đăng ký biến động tại Văn phòng Đăng ký đất đai; cơ quan thuế xác định nghĩa vụ tài chính, Văn phòng cập nhật và cấp Giấy chứng nhận.',
    onlineLevel: 3,
    ...land,
    resultDocument: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    times: [days(10)],
    fees: [fee(100_000, 'Lệ phí cấp Giấy chứng nhận (cá nhân, hộ gia đình)', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội'), fee(500_000, 'Lệ phí cấp Giấy chứng nhận (tổ chức)', 'TO_CHUC', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: DAT_DAI_LEGAL,
    steps: [['Tiếp nhận hồ sơ tại Bộ phận Một cửa', 0], ['Văn phòng Đăng ký đất đai kiểm tra, gửi thông tin cho cơ quan thuế', 3], ['Người sử dụng đất nộp nghĩa vụ tài chính', 3], ['Chỉnh lý hồ sơ địa chính, cấp Giấy chứng nhận; trả kết quả', 4]],
    components: [component('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)'), component('Hợp đồng, văn bản chuyển quyền đã công chứng, chứng thực'), component('Giấy chứng nhận đã cấp (bản gốc)')],
    forms: [form('Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)', '101/2024/NĐ-CP')],
    requirements: ['Có Giấy chứng nhận; đất không có tranh chấp, không bị kê biên; trong thời hạn sử dụng đất'],
    coordinating: [AGENCIES.soTaiChinh],
    eForm: basicForm('DON-11-DK', 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', text('soGiayChungNhan', 'Số phát hành Giấy chứng nhận', true, 30), select('loaiBienDong', 'Loại biến động', ['Chuyển nhượng', 'Tặng cho', 'Thừa kế'])),
  }),
  seedProcedure({
    code: '1.004227', // verify: code
    name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    description: 'Người sử dụng đất đề nghị cấp đổi Giấy chứng nhận đã cấp bị ố, nhòe, rách, hư hỏng hoặc do đo đạc lại nộp hồ sơ tại Văn phòng Đăng ký đất đai.',
    onlineLevel: 3,
    ...land,
    resultDocument: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp đổi)',
    times: [days(7)],
    fees: [fee(50_000, 'Lệ phí cấp đổi Giấy chứng nhận', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: DAT_DAI_LEGAL,
    steps: [['Tiếp nhận hồ sơ', 0], ['Kiểm tra hồ sơ, xác nhận lý do cấp đổi', 4], ['In, ký Giấy chứng nhận; trả kết quả', 3]],
    components: [component('Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)'), component('Giấy chứng nhận đã cấp (bản gốc)')],
    forms: [form('Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)', '101/2024/NĐ-CP')],
    eForm: basicForm('DON-CAP-DOI-GCN', 'Đơn đề nghị cấp đổi Giấy chứng nhận', text('soGiayChungNhan', 'Số phát hành Giấy chứng nhận', true, 30), text('lyDoCapDoi', 'Lý do cấp đổi', true, 500)),
  }),
  seedProcedure({
    code: '1.009974', // verify: code
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III',
    description: 'Chủ đầu tư công trình không theo tuyến nộp hồ sơ tại Sở Xây dựng; Sở thẩm định, lấy ý kiến cơ quan liên quan và cấp giấy phép trong 20 ngày.',
    onlineLevel: 3,
    ...FIELDS.hoatDongXayDung,
    ...agency(AGENCIES.soXayDung),
    implementationLevel: 'PROVINCE',
    subjects: ['ORGANIZATION'],
    resultDocument: 'Giấy phép xây dựng',
    times: [days(20)],
    fees: [fee(150_000, 'Lệ phí cấp giấy phép xây dựng công trình', 'MAC_DINH', 'verify: mức của HĐND Thành phố Hà Nội')],
    legal: XD_LEGAL,
    steps: [['Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công', 0], ['Sở Xây dựng thẩm định hồ sơ, kiểm tra thực địa, lấy ý kiến cơ quan liên quan', 15], ['Giám đốc Sở Xây dựng ký giấy phép; trả kết quả', 5]],
    components: [component('Đơn đề nghị cấp giấy phép xây dựng'), component('Quyết định phê duyệt dự án, văn bản thẩm định thiết kế', 'COPY'), component('Bản vẽ thiết kế xây dựng', 'ORIGINAL', 2)],
    forms: [form('Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)', '175/2024/NĐ-CP')],
    requirements: ['Phù hợp quy hoạch xây dựng; thiết kế đã được thẩm định theo quy định'],
    coordinating: [AGENCIES.soNongNghiepMoiTruong],
    eForm: basicForm('DON-GPXD-CT', 'Đơn đề nghị cấp giấy phép xây dựng công trình', text('tenCongTrinh', 'Tên công trình', true, 300), select('capCongTrinh', 'Cấp công trình', ['Cấp II', 'Cấp III'])),
  }),
  seedProcedure({
    code: '1.009986', // verify: code
    name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
    description: 'Cá nhân đề nghị cấp chứng chỉ hành nghề khảo sát, thiết kế, giám sát, định giá xây dựng nộp hồ sơ tại Sở Xây dựng và sát hạch theo quy định.',
    onlineLevel: 4,
    ...FIELDS.hoatDongXayDung,
    ...agency(AGENCIES.soXayDung),
    implementationLevel: 'PROVINCE',
    subjects: ['INDIVIDUAL'],
    resultDocument: 'Chứng chỉ hành nghề hoạt động xây dựng',
    times: [days(20)],
    fees: [fee(300_000, 'Lệ phí cấp chứng chỉ hành nghề', 'MAC_DINH', '300.000 đồng/chứng chỉ (Thông tư số 38/2022/TT-BTC)')],
    legal: [...XD_LEGAL, 'Thông tư số 38/2022/TT-BTC quy định mức thu phí, lệ phí trong hoạt động xây dựng'],
    steps: [['Tiếp nhận hồ sơ', 0], ['Sở Xây dựng kiểm tra hồ sơ, tổ chức sát hạch', 15], ['Giám đốc Sở Xây dựng ký cấp chứng chỉ', 5]],
    components: [component('Đơn đề nghị cấp chứng chỉ hành nghề'), component('Văn bằng được đào tạo', 'COPY'), component('Bản kê khai kinh nghiệm hoạt động xây dựng')],
    forms: [form('Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng (Mẫu số 01 Phụ lục VII)', '175/2024/NĐ-CP')],
    requirements: ['Có trình độ chuyên môn và kinh nghiệm phù hợp với lĩnh vực, hạng đề nghị', 'Đạt yêu cầu sát hạch'],
    eForm: basicForm('DON-CCHN-XD', 'Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng', select('hang', 'Hạng chứng chỉ', ['Hạng II', 'Hạng III']), text('linhVucHanhNghe', 'Lĩnh vực hành nghề', true, 300)),
  }),
];
