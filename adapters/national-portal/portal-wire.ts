/**
 * Wire format of the national public service portal's dossier sync API (Cổng Dịch vụ công quốc gia,
 * JSON over HTTP, bearer token, Vietnamese member names). Both messages carry `maSuKien` (event id):
 * the portal takes each event once, so the hub may resend after a timeout without a duplicate.
 */

export const NATIONAL_PORTAL_SYSTEM = 'CONG_DVC_QUOC_GIA';

/** `POST /api/hoso/dongbo`: a dossier record (đồng bộ hồ sơ), sent once per dossier. */
export interface PortalDossierRecord {
  maSuKien: string;
  /** Mã hồ sơ (the hub's receipt code, or the legacy code kept as is). */
  maHoSo: string;
  /** Mã thủ tục hành chính. */
  maTTHC: string;
  /** Mã cơ quan tiếp nhận. */
  maCoQuan: string;
  /** Chủ hồ sơ: the personal id masked, as the portal only needs to match it, not to read it. */
  chuHoSo: { soDinhDanhAn: string };
  /** ISO 8601 instants. */
  ngayTiepNhan: string;
  ngayHenTra: string;
  /** Portal status code, see {@link PORTAL_STATUS_CODES}. */
  trangThai: string;
  /** Kênh nộp: TRUC_TUYEN, TRUC_TIEP or BUU_CHINH. */
  kenh: string;
}

/** `POST /api/hoso/tiendo`: a progress update (cập nhật tiến độ) of a dossier already recorded. */
export interface PortalProgressUpdate {
  maSuKien: string;
  maHoSo: string;
  trangThai: string;
  /** ISO 8601 instant of the change. */
  thoiGian: string;
  ghiChu: string | null;
}

/** The portal's answer: `maLoi` "0" is success; anything else is refused with `moTa`. */
export interface PortalAnswer {
  maLoi: string;
  moTa?: string;
  maHoSoDVCQG?: string;
}

/**
 * The hub's dossier statuses as the portal codes them (the portal's own status table). An unknown hub
 * status is sent as is, so a new status is visible on the portal side rather than silently dropped.
 */
export const PORTAL_STATUS_CODES: Readonly<Record<string, string>> = Object.freeze({
  NEW: '1', // Mới đăng ký
  PAYMENT_DUE: '2', // Chờ nộp phí, lệ phí
  ACCEPTED: '3', // Đã tiếp nhận
  PROCESSING: '4', // Đang xử lý
  SUPPLEMENT_REQUESTED: '5', // Yêu cầu bổ sung
  NOT_ACCEPTED: '6', // Không tiếp nhận
  WITHDRAWN: '7', // Rút hồ sơ
  STOPPED: '8', // Dừng xử lý
  DONE: '9', // Đã có kết quả
  RETURNED: '10', // Đã trả kết quả
});

export const portalStatusOf = (hubStatus: string): string => PORTAL_STATUS_CODES[hubStatus] ?? hubStatus;

const CHANNELS: Readonly<Record<string, string>> = { ONLINE: 'TRUC_TUYEN', COUNTER: 'TRUC_TIEP', POSTAL: 'BUU_CHINH' };
export const portalChannelOf = (hubChannel: string): string => CHANNELS[hubChannel] ?? hubChannel;

/** `001090012345` → `001******345`: enough to match the citizen's own account, not to identify anyone. */
export function maskPersonalId(personalId: string): string {
  if (personalId.length <= 6) return '*'.repeat(personalId.length);
  return `${personalId.slice(0, 3)}${'*'.repeat(personalId.length - 6)}${personalId.slice(-3)}`;
}
