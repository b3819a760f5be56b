/**
 * Seed procedures of residence (cư trú), construction (xây dựng) and household business (hộ kinh
 * doanh), as published on the national public service portal. Fees set by the provincial People's
 * Council are Hà Nội's; where the portal lists an online fee lower than the in-person one, the online
 * fee is used because the hub submits online.
 */
import type { ProcedureRecord } from '../catalogue/procedure-record';
import { AGENCIES, FIELDS, agency } from './agencies-and-fields';
import { CONTACT, IDENTITY, count, number, select, text } from './form-fields';

export const RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES: ProcedureRecord[] = [
  {
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
    processingDays: 7,
    feeVnd: 10_000,
    resultDocument: 'Thông báo kết quả đăng ký thường trú; thông tin cư trú được cập nhật vào Cơ sở dữ liệu về cư trú',
    legalBasis: [
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
  },
  {
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
    processingDays: 15,
    feeVnd: 75_000,
    resultDocument: 'Giấy phép xây dựng',
    legalBasis: [
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
  },
  {
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
    processingDays: 3,
    feeVnd: 100_000,
    resultDocument: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    legalBasis: [
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
  },
  {
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
    processingDays: 20,
    feeVnd: 1_000_000,
    resultDocument: 'Chứng chỉ năng lực hoạt động xây dựng',
    legalBasis: [
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
        text('tenToChuc', 'Tên tổ chức', true, 200),
        text('maSoDoanhNghiep', 'Mã số doanh nghiệp', true, 14, { pattern: '[0-9]{10}(-[0-9]{3})?' }),
        text('diaChiTruSo', 'Địa chỉ trụ sở chính', true),
        select('hangChungChi', 'Hạng chứng chỉ đề nghị', ['Hạng II', 'Hạng III']),
        text('linhVucHoatDong', 'Lĩnh vực hoạt động xây dựng đề nghị cấp', true, 500),
        CONTACT.soDienThoai,
        { ...CONTACT.email, required: true },
      ],
    },
  },
];
