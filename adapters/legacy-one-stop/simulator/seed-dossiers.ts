/**
 * The dossiers the simulated one-stop software holds at start: procedures and agencies of the hub's
 * seed catalogue (Sở Tư pháp Hà Nội: lý lịch tư pháp; UBND phường Ba Đình: khai sinh, trích lục hộ
 * tịch), with form data keyed like the hub's e-forms, as a desk that used the national e-form
 * standard would have stored it. Reception dates are a few days before the simulator starts, so
 * their codes (which carry the reception date) are always in the past.
 */
import type { WireLegacyDossier } from '../legacy-dossier';

/** A seed record without what the simulator fills in (code, dates, cursor). */
export type SeedDossier = Omit<WireLegacyDossier, 'maHoSo' | 'ngayTiepNhan' | 'ngayHenTra' | 'capNhatLuc' | 'conTro'> & {
  /** Days before the simulator's start the desk received it. */
  receivedDaysAgo: number;
  /** Working days the procedure allows, for the appointment date (ngày hẹn trả). */
  processingDays: number;
};

/** Code prefix (mã đơn vị on the legacy system) of each agency. */
export const LEGACY_CODE_PREFIX: Readonly<Record<string, string>> = {
  '000.00.12.H26': 'G22.26',
  '000.01.41.H26': 'G22.26.41',
};

const SO_TU_PHAP = { maCoQuan: '000.00.12.H26', tenCoQuan: 'Sở Tư pháp Thành phố Hà Nội' };
const UBND_BA_DINH = { maCoQuan: '000.01.41.H26', tenCoQuan: 'UBND phường Ba Đình, Thành phố Hà Nội' };
const LLTP = { maThuTuc: '2.001417', tenThuTuc: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam' };
const KHAI_SINH = { maThuTuc: '1.001193', tenThuTuc: 'Đăng ký khai sinh' };
const TRICH_LUC = { maThuTuc: '2.000635', tenThuTuc: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh' };

interface Person {
  hoTen: string;
  soDinhDanh: string;
  gioiTinh: 'Nam' | 'Nữ';
  ngaySinh: string;
  queQuan: string;
  diaChi: string;
  soDienThoai: string;
}

const TRAN_THI_BICH_NGOC: Person = {
  hoTen: 'Trần Thị Bích Ngọc',
  soDinhDanh: '001185004567',
  gioiTinh: 'Nữ',
  ngaySinh: '1985-07-21',
  queQuan: 'Xã Đông Anh, Thành phố Hà Nội',
  diaChi: 'Số 18 ngõ 95 phố Chùa Bộc, Phường Kim Liên, Thành phố Hà Nội',
  soDienThoai: '0983456712',
};
const LE_MINH_TUAN: Person = {
  hoTen: 'Lê Minh Tuấn',
  soDinhDanh: '036092007890',
  gioiTinh: 'Nam',
  ngaySinh: '1992-02-03',
  queQuan: 'Xã Hải Hậu, Tỉnh Ninh Bình',
  diaChi: 'Phòng 1204 tòa B, chung cư Sky Park, số 3 Tôn Thất Thuyết, Phường Cầu Giấy, Thành phố Hà Nội',
  soDienThoai: '0356789123',
};
const PHAM_THU_HA: Person = {
  hoTen: 'Phạm Thu Hà',
  soDinhDanh: '001195008765',
  gioiTinh: 'Nữ',
  ngaySinh: '1995-11-09',
  queQuan: 'Phường Ba Đình, Thành phố Hà Nội',
  diaChi: 'Số 7 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  soDienThoai: '0868123456',
};
const NGUYEN_DUC_THANG: Person = {
  hoTen: 'Nguyễn Đức Thắng',
  soDinhDanh: '001088003321',
  gioiTinh: 'Nam',
  ngaySinh: '1988-04-30',
  queQuan: 'Xã Sóc Sơn, Thành phố Hà Nội',
  diaChi: 'Số 42 phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội',
  soDienThoai: '0912778899',
};

const chuHoSo = (p: Person) => ({ hoTen: p.hoTen, soDinhDanh: p.soDinhDanh, diaChi: p.diaChi, soDienThoai: p.soDienThoai });

/** Form data of a lý lịch tư pháp request (TK-LLTP). */
export function criminalRecordForm(p: Person, mucDichSuDung: string, loaiPhieu = 'Phiếu số 1'): Record<string, unknown> {
  return {
    hoTen: p.hoTen,
    gioiTinh: p.gioiTinh,
    ngaySinh: p.ngaySinh,
    queQuan: p.queQuan,
    danToc: 'Kinh',
    quocTich: 'Việt Nam',
    soDinhDanh: p.soDinhDanh,
    noiThuongTru: p.diaChi,
    noiOHienTai: p.diaChi,
    loaiPhieu,
    mucDichSuDung,
    soLuongPhieu: 1,
    soDienThoai: p.soDienThoai,
  };
}

/** The applicant of a lý lịch tư pháp request, for test dossiers. */
export const SAMPLE_APPLICANT = LE_MINH_TUAN;

export const SEED_DOSSIERS: readonly SeedDossier[] = [
  {
    ...SO_TU_PHAP,
    ...LLTP,
    kenhNop: '1',
    chuHoSo: chuHoSo(TRAN_THI_BICH_NGOC),
    duLieuToKhai: criminalRecordForm(TRAN_THI_BICH_NGOC, 'Bổ sung hồ sơ xin việc tại Công ty Cổ phần Sữa Việt Nam'),
    trangThai: '2',
    receivedDaysAgo: 6,
    processingDays: 10,
  },
  {
    ...SO_TU_PHAP,
    ...LLTP,
    kenhNop: '2',
    chuHoSo: chuHoSo(LE_MINH_TUAN),
    duLieuToKhai: criminalRecordForm(LE_MINH_TUAN, 'Xin thị thực lao động tại Nhật Bản', 'Phiếu số 2'),
    trangThai: '1',
    receivedDaysAgo: 3,
    processingDays: 10,
  },
  {
    ...SO_TU_PHAP,
    ...LLTP,
    kenhNop: '1',
    chuHoSo: chuHoSo(NGUYEN_DUC_THANG),
    duLieuToKhai: criminalRecordForm(NGUYEN_DUC_THANG, 'Bổ sung hồ sơ đăng ký kinh doanh'),
    trangThai: '4',
    receivedDaysAgo: 12,
    processingDays: 10,
  },
  {
    ...UBND_BA_DINH,
    ...KHAI_SINH,
    kenhNop: '1',
    chuHoSo: chuHoSo(PHAM_THU_HA),
    duLieuToKhai: {
      hoTen: PHAM_THU_HA.hoTen,
      soDinhDanh: PHAM_THU_HA.soDinhDanh,
      noiThuongTru: PHAM_THU_HA.diaChi,
      quanHeVoiNguoiDuocKhaiSinh: 'Mẹ',
      hoTenTre: 'Đỗ Phạm Minh Khôi',
      ngaySinhTre: '2026-10-02',
      gioiTinhTre: 'Nam',
      noiSinh: 'Bệnh viện Phụ sản Hà Nội, Phường Giảng Võ, Thành phố Hà Nội',
      danTocTre: 'Kinh',
      quocTichTre: 'Việt Nam',
      soDienThoai: PHAM_THU_HA.soDienThoai,
    },
    trangThai: '5',
    receivedDaysAgo: 9,
    processingDays: 1,
  },
  {
    ...UBND_BA_DINH,
    ...TRICH_LUC,
    kenhNop: '3',
    chuHoSo: chuHoSo(NGUYEN_DUC_THANG),
    duLieuToKhai: {
      hoTen: NGUYEN_DUC_THANG.hoTen,
      soDinhDanh: NGUYEN_DUC_THANG.soDinhDanh,
      noiThuongTru: NGUYEN_DUC_THANG.diaChi,
      loaiTrichLuc: 'Trích lục kết hôn',
      hoTenNguoiDuocCap: NGUYEN_DUC_THANG.hoTen,
      soDangKy: '125/2015',
      soBanSao: 2,
      soDienThoai: NGUYEN_DUC_THANG.soDienThoai,
    },
    trangThai: '3',
    receivedDaysAgo: 4,
    processingDays: 1,
  },
];
