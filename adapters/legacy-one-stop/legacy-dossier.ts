/**
 * A dossier as a legacy one-stop system (phần mềm một cửa điện tử, VNPT-iGate style) sends it, and
 * its typed form. The wire names are the legacy system's own (Vietnamese, no diacritics); a record
 * that lacks a field the hub needs is a BAD_RESPONSE naming the field, so the sync stops on it rather
 * than importing half a dossier. The status stays the legacy code: only the status table maps it.
 */
import { AdapterError } from '../soap/adapter-error';

/** Name of the legacy system in dossiers (`legacySystem`), errors and metrics. */
export const LEGACY_ONE_STOP_SYSTEM = 'VNPT_IGATE';

/** How the dossier reached the legacy desk: the hub's SubmissionChannel values. */
export type LegacyChannel = 'COUNTER' | 'ONLINE' | 'POSTAL';

/** Kênh nộp in the legacy system: 1 trực tiếp, 2 trực tuyến, 3 qua bưu chính. */
export const WIRE_CHANNEL: Readonly<Record<string, LegacyChannel>> = { '1': 'COUNTER', '2': 'ONLINE', '3': 'POSTAL' };

/** Chủ hồ sơ: the applicant as the legacy desk recorded them. */
export interface LegacyApplicant {
  fullName: string;
  /** 12-digit personal identification number. */
  personalId: string;
  address: string | null;
  phone: string | null;
}

export interface LegacyDossier {
  /** The legacy dossier code (mã hồ sơ), kept by the hub as the dossier's code. */
  code: string;
  /** National procedure code (mã thủ tục), e.g. `2.001417`. */
  procedureCode: string;
  /** Receiving agency's code as the legacy system knows it. */
  agencyCode: string;
  channel: LegacyChannel;
  applicant: LegacyApplicant;
  /** E-form data (dữ liệu tờ khai), keyed like the hub's e-form fields. */
  formData: Record<string, unknown>;
  /** The legacy status code (trạng thái), unmapped. */
  legacyStatus: string;
  receivedAt: Date;
  /** When the legacy system last changed the record. */
  updatedAt: Date;
  /** The legacy system's cursor right after this record (resume point if the page stops here). */
  cursor: string;
}

/** One page of changes since a cursor. */
export interface LegacyChangePage {
  /** Changed dossiers in change order (a dossier appears once, at its latest change). */
  dossiers: LegacyDossier[];
  /** True when more changes follow `nextCursor`. */
  hasMore: boolean;
  /** Where the next page starts; equals the asked cursor when nothing changed. */
  nextCursor: string;
}

/** A record of the legacy API (`hoSo`). */
export interface WireLegacyDossier {
  maHoSo: string;
  maThuTuc: string;
  maCoQuan: string;
  tenCoQuan?: string;
  tenThuTuc?: string;
  kenhNop: string;
  chuHoSo: { hoTen: string; soDinhDanh: string; diaChi?: string | null; soDienThoai?: string | null };
  duLieuToKhai: Record<string, unknown>;
  trangThai: string;
  tenTrangThai?: string;
  ngayTiepNhan: string;
  ngayHenTra?: string | null;
  capNhatLuc: string;
  conTro: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const scalar = (value: unknown): string | null => (typeof value === 'number' ? String(value) : text(value));
const date = (value: unknown): Date | null => {
  const d = typeof value === 'string' ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/** Parses one record; a missing or malformed field is a BAD_RESPONSE naming it (`data[3].chuHoSo.soDinhDanh`). */
export function fromWireDossier(value: unknown, where: string, system = LEGACY_ONE_STOP_SYSTEM): LegacyDossier {
  const bad = (field: string, problem = 'missing or malformed') => new AdapterError('BAD_RESPONSE', system, `${where}.${field}: ${problem}`);
  const r = (value ?? {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AdapterError('BAD_RESPONSE', system, `${where}: not a dossier record`);
  const code = text(r.maHoSo);
  if (!code) throw bad('maHoSo');
  const procedureCode = text(r.maThuTuc);
  if (!procedureCode) throw bad('maThuTuc');
  const agencyCode = text(r.maCoQuan);
  if (!agencyCode) throw bad('maCoQuan');
  const channel = WIRE_CHANNEL[scalar(r.kenhNop) ?? ''];
  if (!channel) throw bad('kenhNop', `${JSON.stringify(r.kenhNop)} is not 1, 2 or 3`);
  const person = (r.chuHoSo ?? null) as Record<string, unknown> | null;
  const fullName = text(person?.hoTen);
  if (!fullName) throw bad('chuHoSo.hoTen');
  const personalId = scalar(person?.soDinhDanh);
  if (!personalId) throw bad('chuHoSo.soDinhDanh');
  const form = r.duLieuToKhai;
  if (typeof form !== 'object' || form === null || Array.isArray(form)) throw bad('duLieuToKhai');
  const legacyStatus = scalar(r.trangThai);
  if (!legacyStatus) throw bad('trangThai');
  const receivedAt = date(r.ngayTiepNhan);
  if (!receivedAt) throw bad('ngayTiepNhan');
  const updatedAt = date(r.capNhatLuc);
  if (!updatedAt) throw bad('capNhatLuc');
  const cursor = scalar(r.conTro);
  if (!cursor) throw bad('conTro');
  return {
    code,
    procedureCode,
    agencyCode,
    channel,
    applicant: { fullName, personalId, address: text(person?.diaChi), phone: text(person?.soDienThoai) },
    formData: form as Record<string, unknown>,
    legacyStatus,
    receivedAt,
    updatedAt,
    cursor,
  };
}

/** Parses a page answer `{ data, conTiep, conTro }`. */
export function fromWirePage(body: unknown, askedCursor: string, system = LEGACY_ONE_STOP_SYSTEM): LegacyChangePage {
  const page = (body ?? {}) as Record<string, unknown>;
  if (!Array.isArray(page.data)) throw new AdapterError('BAD_RESPONSE', system, 'data: not a list of dossiers');
  if (typeof page.conTiep !== 'boolean') throw new AdapterError('BAD_RESPONSE', system, 'conTiep: not a boolean');
  const nextCursor = scalar(page.conTro) ?? (page.data.length === 0 ? askedCursor : null);
  if (!nextCursor) throw new AdapterError('BAD_RESPONSE', system, 'conTro: missing');
  const dossiers = page.data.map((item, i) => fromWireDossier(item, `data[${i}]`, system));
  return { dossiers, hasMore: page.conTiep, nextCursor };
}
