/**
 * A participant of social insurance (người tham gia BHXH) as CSDL quốc gia về bảo hiểm holds them:
 * the wire format of its REST/JSON API and the hub's reading of it.
 */

/** System name carried by errors and the access log. */
export const INSURANCE_DB_SYSTEM = 'CSDLQG_BAO_HIEM';

/** Most ids per batch lookup (`POST /api/v1/nguoi-tham-gia/tra-cuu`). */
export const INSURANCE_DB_MAX_BATCH = 100;

/** One participant as sent: dates `dd/MM/yyyy`, sex as code 1 (nam) or 2 (nữ), the address on one line. */
export interface NguoiThamGia {
  soDinhDanh: string;
  /** Mã số BHXH: 10 digits, sent as a string (it may start with 0). */
  maSoBhxh: string;
  hoTen: string;
  ngaySinh: string;
  gioiTinh: 1 | 2;
  diaChi: string | null;
}

/** A participant as the hub reads them: same shapes as the population database's record. */
export interface InsuredPerson {
  personalId: string;
  socialInsuranceNumber: string;
  fullName: string;
  /** `YYYY-MM-DD`, converted from the source's `dd/MM/yyyy`. */
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  /** Contact address registered with social insurance, one line; null when not recorded. */
  address: string | null;
}

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
export const toWireDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** `dd/MM/yyyy` → `YYYY-MM-DD`; null when the text is not such a date. */
export function fromWireDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** Reads one participant; null when the value is not one (the client then reports BAD_RESPONSE). */
export function fromNguoiThamGia(value: unknown): InsuredPerson | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const dateOfBirth = typeof v.ngaySinh === 'string' ? fromWireDate(v.ngaySinh) : null;
  if (typeof v.soDinhDanh !== 'string' || typeof v.hoTen !== 'string' || !dateOfBirth) return null;
  if (typeof v.maSoBhxh !== 'string' || !/^\d{10}$/.test(v.maSoBhxh)) return null;
  if (v.gioiTinh !== 1 && v.gioiTinh !== 2) return null;
  if (v.diaChi !== null && v.diaChi !== undefined && typeof v.diaChi !== 'string') return null;
  return {
    personalId: v.soDinhDanh,
    socialInsuranceNumber: v.maSoBhxh,
    fullName: v.hoTen,
    dateOfBirth,
    sex: v.gioiTinh === 1 ? 'MALE' : 'FEMALE',
    address: typeof v.diaChi === 'string' && v.diaChi !== '' ? v.diaChi : null,
  };
}
