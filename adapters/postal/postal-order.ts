/**
 * Pickup and delivery orders with the postal carrier, and the wire format of its REST/JSON API
 * (VNPost-style partner API, Vietnamese member names). The parsers here read both the answers to
 * our calls and, later, the carrier's signed tracking webhooks (issue 8), which carry the same
 * `hanhTrinh` record.
 */
import type { PostalAddress } from './postal-address';

export const POSTAL_SYSTEM = 'BUU_CHINH_VNPOST';

/** Thu gom hồ sơ từ người dân (pickup) or chuyển phát kết quả (delivery). */
export type PostalOrderKind = 'PICKUP' | 'DELIVERY';

/** Where an item is, as the carrier reports it. */
export const PostalTrackingStatus = {
  /** Đã tạo đơn: the order exists, nothing collected yet. */
  CREATED: 'CREATED',
  /** Đã nhận hàng: the postman collected the item. */
  PICKED_UP: 'PICKED_UP',
  /** Đang vận chuyển. */
  IN_TRANSIT: 'IN_TRANSIT',
  /** Phát thành công: handed to the recipient. */
  DELIVERED: 'DELIVERED',
  /** Chuyển hoàn: could not be delivered and went back to the sender. */
  RETURNED: 'RETURNED',
} as const;
export type PostalTrackingStatus = (typeof PostalTrackingStatus)[keyof typeof PostalTrackingStatus];

export const TRACKING_STATUSES: readonly PostalTrackingStatus[] = Object.values(PostalTrackingStatus);
export const isTrackingStatus = (value: unknown): value is PostalTrackingStatus =>
  typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value);

export interface PostalParty {
  name: string;
  /** Mobile or landline; required for the recipient, whom the postman calls. */
  phone?: string;
  address: PostalAddress;
}

export interface PostalOrderRequest {
  /** Our reference: the dossier code. The carrier returns the same order for the same reference and kind. */
  reference: string;
  sender: PostalParty;
  recipient: PostalParty;
  /** What is inside, printed on the label, e.g. `Kết quả giải quyết TTHC: Phiếu lý lịch tư pháp số 1`. */
  contents: string;
  /** Declared weight in grams. @default 200 (an envelope of documents) */
  weightGrams?: number;
  note?: string;
}

export interface PostalOrder {
  kind: PostalOrderKind;
  /** The carrier's order id. */
  orderId: string;
  /** S10 tracking code printed on the item, e.g. `EL123456785VN`. */
  trackingCode: string;
  reference: string;
  status: PostalTrackingStatus;
  createdAt: Date;
  /** Postage (cước phí) in đồng. */
  feeVnd: number;
}

export interface PostalTrackingEvent {
  status: PostalTrackingStatus;
  at: Date;
  /** Post office or place, e.g. `Bưu cục Trung tâm Hà Nội`. */
  location: string;
  description: string;
}

export interface PostalTracking {
  orderId: string;
  trackingCode: string;
  status: PostalTrackingStatus;
  /** Oldest first. */
  events: PostalTrackingEvent[];
}

/** The carrier's wire names. */
export const WIRE_KIND: Record<PostalOrderKind, string> = { PICKUP: 'THU_GOM', DELIVERY: 'CHUYEN_PHAT' };

export function toWireOrder(request: PostalOrderRequest): Record<string, unknown> {
  const party = (p: PostalParty) => ({
    hoTen: p.name,
    soDienThoai: p.phone ?? null,
    diaChi: { chiTiet: p.address.detail, phuongXa: p.address.commune, tinhThanh: p.address.province },
  });
  return {
    maThamChieu: request.reference,
    loaiDichVu: 'HCC', // bưu chính công ích phục vụ hành chính công
    nguoiGui: party(request.sender),
    nguoiNhan: party(request.recipient),
    noiDung: request.contents,
    khoiLuongGram: request.weightGrams ?? 200,
    ghiChu: request.note ?? null,
  };
}

type Wire = Record<string, unknown> | null | undefined;
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const date = (v: unknown) => {
  const d = typeof v === 'string' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/** A `donHang` record, or null when it lacks anything the hub relies on. */
export function fromDonHang(value: unknown): PostalOrder | null {
  const w = value as Wire;
  if (!w || typeof w !== 'object') return null;
  const kind = (Object.keys(WIRE_KIND) as PostalOrderKind[]).find((k) => WIRE_KIND[k] === w.loaiDon);
  const orderId = str(w.maDonHang);
  const trackingCode = str(w.maVanDon);
  const reference = str(w.maThamChieu);
  const createdAt = date(w.ngayTao);
  const feeVnd = typeof w.cuocPhiVnd === 'number' && Number.isInteger(w.cuocPhiVnd) ? w.cuocPhiVnd : undefined;
  if (!kind || !orderId || !trackingCode || !reference || !createdAt || feeVnd === undefined || !isTrackingStatus(w.trangThai)) return null;
  return { kind, orderId, trackingCode, reference, status: w.trangThai, createdAt, feeVnd };
}

/** A `hanhTrinh` record (tracking answer or webhook body), or null when not understood. */
export function fromHanhTrinh(value: unknown): PostalTracking | null {
  const w = value as Wire;
  if (!w || typeof w !== 'object' || !Array.isArray(w.lichSu)) return null;
  const orderId = str(w.maDonHang);
  const trackingCode = str(w.maVanDon);
  if (!orderId || !trackingCode || !isTrackingStatus(w.trangThai)) return null;
  const events: PostalTrackingEvent[] = [];
  for (const item of w.lichSu as Wire[]) {
    const at = date(item?.thoiGian);
    if (!item || !at || !isTrackingStatus(item.trangThai)) return null;
    events.push({ status: item.trangThai, at, location: str(item.buuCuc) ?? '', description: str(item.moTa) ?? '' });
  }
  return { orderId, trackingCode, status: w.trangThai, events };
}
