/**
 * Agencies (cơ quan) and fields (lĩnh vực) of the seed catalogue: Thành phố Hà Nội under the
 * two-tier local government in force since 1 July 2025 (province and commune, no district level).
 *
 * Agency codes follow the QCVN 102:2016/BTTTT format "LLL.KK.JJ.NNN" — level-4, level-3 and level-2
 * unit numbers, then the level-1 code (H26 = Thành phố Hà Nội). The level-1 code is real; the unit
 * numbers below are illustrative, not the official assignments, which the city publishes separately.
 * Field codes are the hub's own short codes; the names are the fields of the national catalogue.
 */

export interface AgencySeed {
  code: string;
  name: string;
}

export const AGENCIES = {
  soTuPhap: { code: '000.00.12.H26', name: 'Sở Tư pháp Thành phố Hà Nội' },
  soXayDung: { code: '000.00.13.H26', name: 'Sở Xây dựng Thành phố Hà Nội' },
  ubndPhuongBaDinh: { code: '000.01.41.H26', name: 'UBND phường Ba Đình, Thành phố Hà Nội' },
  ubndPhuongHoanKiem: { code: '000.02.41.H26', name: 'UBND phường Hoàn Kiếm, Thành phố Hà Nội' },
  congAnPhuongBaDinh: { code: '000.01.42.H26', name: 'Công an phường Ba Đình, Thành phố Hà Nội' },
} as const satisfies Record<string, AgencySeed>;

export const FIELDS = {
  hoTich: { fieldCode: 'HOTICH', fieldName: 'Hộ tịch' },
  chungThuc: { fieldCode: 'CHUNGTHUC', fieldName: 'Chứng thực' },
  lyLichTuPhap: { fieldCode: 'LLTP', fieldName: 'Lý lịch tư pháp' },
  cuTru: { fieldCode: 'CUTRU', fieldName: 'Đăng ký, quản lý cư trú' },
  hoatDongXayDung: { fieldCode: 'HDXD', fieldName: 'Hoạt động xây dựng' },
  hoKinhDoanh: { fieldCode: 'HKD', fieldName: 'Thành lập và hoạt động của hộ kinh doanh' },
} as const;

/** The agency columns of a procedure. */
export const agency = (a: AgencySeed) => ({ agencyCode: a.code, agencyName: a.name });
