/**
 * Agencies (cơ quan) and fields (lĩnh vực) of the seed catalogue: Thành phố Hà Nội under the
 * two-tier local government in force since 1 July 2025 (province and commune, no district level),
 * with the departments as merged in 2025 (e.g. Sở Tài chính took over Sở Kế hoạch và Đầu tư, Sở Nội vụ
 * the labour side of Sở Lao động – Thương binh và Xã hội, Sở Xây dựng took over Sở Giao thông vận tải,
 * Sở Nông nghiệp và Môi trường took over Sở Tài nguyên và Môi trường).
 *
 * Agency codes follow the QCVN 102:2016/BTTTT format "LLL.KK.JJ.NNN" — level-4, level-3 and level-2
 * unit numbers, then the level-1 code (H26 = Thành phố Hà Nội). The level-1 code is real; the unit
 * numbers below are illustrative, not the official assignments, which the city publishes separately.
 * Commune codes are the official ones of Decision 19/2025/QĐ-TTg (e.g. Phường Ba Đình = 00004).
 * Addresses and phone numbers are left out where not known for sure; reception hours are the
 * civil-service office hours, which each agency confirms.
 * Field codes are the hub's own short codes; the names are the fields of the national catalogue.
 *
 * `seedSharedCatalogues` (shared-catalogues module) writes SEED_AGENCIES / SEED_FIELDS to the
 * `agency` / `procedure_field` tables before `seedProcedures` runs.
 */

export interface SeedAgency {
  /** Electronic identification code (QCVN 102:2016). */
  code: string;
  name: string;
  level: 'PROVINCE' | 'COMMUNE' | 'CENTRAL';
  /** Province code of Decision 19/2025/QĐ-TTg; '01' = Thành phố Hà Nội. */
  provinceCode: string;
  /** Official 5-digit commune code, for commune-level agencies. */
  communeCode?: string;
  address?: string;
  phone?: string;
  receptionHours?: string;
  /** Local hour after which a dossier counts from the next working day. @default the hub's */
  cutoffHour?: number;
}

export interface SeedField {
  code: string;
  name: string;
}

const OFFICE_HOURS = 'Sáng 8:00–12:00, chiều 13:30–17:00, từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết)';
const COMMUNE_HOURS = 'Sáng 8:00–12:00, chiều 13:30–17:00, từ thứ Hai đến thứ Sáu; sáng thứ Bảy 8:00–12:00 (theo thông báo của UBND xã, phường)';

const province = (code: string, name: string, extra: Partial<SeedAgency> = {}): SeedAgency => ({
  code,
  name,
  level: 'PROVINCE',
  provinceCode: '01',
  receptionHours: OFFICE_HOURS,
  ...extra,
});

const commune = (code: string, name: string, communeCode: string, extra: Partial<SeedAgency> = {}): SeedAgency => ({
  code,
  name,
  level: 'COMMUNE',
  provinceCode: '01',
  communeCode,
  receptionHours: COMMUNE_HOURS,
  ...extra,
});

export const AGENCIES = {
  ubndThanhPho: province('000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội'),
  trungTamHccThanhPho: province('000.00.01.H26', 'Trung tâm Phục vụ hành chính công Thành phố Hà Nội', {
    // Address as announced when the centre opened in 2025; to be confirmed by the operator.
    address: '258 Võ Chí Công, phường Phú Thượng, Thành phố Hà Nội',
  }),
  soTuPhap: province('000.00.12.H26', 'Sở Tư pháp Thành phố Hà Nội', { cutoffHour: 16 }),
  soXayDung: province('000.00.13.H26', 'Sở Xây dựng Thành phố Hà Nội'),
  soTaiChinh: province('000.00.14.H26', 'Sở Tài chính Thành phố Hà Nội'),
  soNoiVu: province('000.00.15.H26', 'Sở Nội vụ Thành phố Hà Nội'),
  soNongNghiepMoiTruong: province('000.00.16.H26', 'Sở Nông nghiệp và Môi trường Thành phố Hà Nội'),
  vanPhongDangKyDatDai: province('000.16.01.H26', 'Văn phòng Đăng ký đất đai Hà Nội (thuộc Sở Nông nghiệp và Môi trường)'),
  soGiaoDuc: province('000.00.17.H26', 'Sở Giáo dục và Đào tạo Thành phố Hà Nội'),
  soYTe: province('000.00.18.H26', 'Sở Y tế Thành phố Hà Nội'),
  soCongThuong: province('000.00.19.H26', 'Sở Công Thương Thành phố Hà Nội'),
  soVanHoaTheThao: province('000.00.20.H26', 'Sở Văn hóa và Thể thao Thành phố Hà Nội'),
  congAnThanhPho: province('000.00.21.H26', 'Công an Thành phố Hà Nội'),
  ubndPhuongBaDinh: commune('000.01.41.H26', 'UBND phường Ba Đình, Thành phố Hà Nội', '00004'),
  ubndPhuongHoanKiem: commune('000.02.41.H26', 'UBND phường Hoàn Kiếm, Thành phố Hà Nội', '00070'),
  ubndPhuongCauGiay: commune('000.03.41.H26', 'UBND phường Cầu Giấy, Thành phố Hà Nội', '00166'),
  ubndPhuongHaDong: commune('000.04.41.H26', 'UBND phường Hà Đông, Thành phố Hà Nội', '09556'),
  ubndXaDongAnh: commune('000.05.41.H26', 'UBND xã Đông Anh, Thành phố Hà Nội', '00454'),
  congAnPhuongBaDinh: commune('000.01.42.H26', 'Công an phường Ba Đình, Thành phố Hà Nội', '00004'),
} as const satisfies Record<string, SeedAgency>;

export const FIELDS = {
  hoTich: { fieldCode: 'HOTICH', fieldName: 'Hộ tịch' },
  chungThuc: { fieldCode: 'CHUNGTHUC', fieldName: 'Chứng thực' },
  lyLichTuPhap: { fieldCode: 'LLTP', fieldName: 'Lý lịch tư pháp' },
  cuTru: { fieldCode: 'CUTRU', fieldName: 'Đăng ký, quản lý cư trú' },
  hoatDongXayDung: { fieldCode: 'HDXD', fieldName: 'Hoạt động xây dựng' },
  hoKinhDoanh: { fieldCode: 'HKD', fieldName: 'Thành lập và hoạt động của hộ kinh doanh' },
  doanhNghiep: { fieldCode: 'DKDN', fieldName: 'Thành lập và hoạt động của doanh nghiệp' },
  datDai: { fieldCode: 'DATDAI', fieldName: 'Đất đai' },
  baoTroXaHoi: { fieldCode: 'BTXH', fieldName: 'Bảo trợ xã hội' },
  nguoiCoCong: { fieldCode: 'NCC', fieldName: 'Người có công' },
  laoDong: { fieldCode: 'LAODONG', fieldName: 'Việc làm, lao động' },
  giaoDuc: { fieldCode: 'GDDT', fieldName: 'Giáo dục và Đào tạo' },
  yTe: { fieldCode: 'KCB', fieldName: 'Khám bệnh, chữa bệnh' },
  duongBo: { fieldCode: 'DUONGBO', fieldName: 'Đường bộ' },
  xuatNhapCanh: { fieldCode: 'XNC', fieldName: 'Quản lý xuất nhập cảnh' },
  thuongMai: { fieldCode: 'LUUTHONG', fieldName: 'Lưu thông hàng hóa trong nước' },
  vanHoa: { fieldCode: 'VANHOA', fieldName: 'Văn hóa cơ sở' },
} as const;

/** Every agency the seed names, for the `agency` table. */
export const SEED_AGENCIES: SeedAgency[] = Object.values(AGENCIES);

/** Every field the seed names, for the `procedure_field` table. */
export const SEED_FIELDS: SeedField[] = Object.values(FIELDS).map((f) => ({ code: f.fieldCode, name: f.fieldName }));

/** The agency columns of a procedure. */
export const agency = (a: SeedAgency) => ({ agencyCode: a.code, agencyName: a.name });
