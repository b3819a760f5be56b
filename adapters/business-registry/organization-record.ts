/** An organisation as the hub sees it, read from the business registry; field names in English. */
import type { Address } from '../population-db';

export interface LegalRepresentative {
  /** Họ và tên. */
  fullName: string;
  /** 12-digit personal identification number (số định danh cá nhân); null when not recorded. */
  personalId: string | null;
  /** Chức danh, e.g. `Giám đốc`, `Chủ tịch Hội đồng quản trị`; null when not recorded. */
  title: string | null;
}

export interface OrganizationRecord {
  /** Normalised tax code (mã số doanh nghiệp): `NNNNNNNNNN` or `NNNNNNNNNN-NNN` for a dependent unit. */
  taxCode: string;
  /** Tên doanh nghiệp bằng tiếng Việt. */
  name: string;
  /** Tên bằng tiếng nước ngoài; null when not registered. */
  englishName: string | null;
  /** Loại hình doanh nghiệp, e.g. `Công ty cổ phần`. */
  legalForm: string;
  /** Địa chỉ trụ sở chính in current administrative units (commune + province). */
  headOfficeAddress: Address;
  /** Người đại diện theo pháp luật (the head of a dependent unit); null when not recorded. */
  legalRepresentative: LegalRepresentative | null;
  /** Ngày cấp lần đầu, exactly as sent (xsd:date text, normally `YYYY-MM-DD`). */
  registrationDate: string;
  /** Tình trạng hoạt động as the registry writes it, e.g. `Đang hoạt động`. */
  status: string;
}
