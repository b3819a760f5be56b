/**
 * A stand-in for the postal carrier's partner API in development and tests (REST/JSON, own port):
 * pickup and delivery orders keyed by our reference, S10 tracking codes, tracking that tests move
 * forward with `advance`, an API key, adjustable latency and failures (HTTP 503).
 *
 * - `POST /api/v1/don-hang/thu-gom` | `/chuyen-phat` → 201 `{ donHang }` (new), 200 `{ donHang }` (same
 *   reference again: the same order), 422 `{ maLoi: "DIA_CHI_KHONG_HOP_LE" | "DU_LIEU_KHONG_HOP_LE" }`
 * - `GET /api/v1/hanh-trinh/{maVanDon}` → 200 `{ hanhTrinh }`, 404 `{ maLoi: "KHONG_TIM_THAY" }`
 * - header `x-api-key` must be the agreed key (401 `SAI_KHOA_API` otherwise).
 * With a webhook configured (`webhookUrl` + `webhookSecret`, or `setWebhook`), every tracking change is
 * also POSTed there, signed (webhook-signature.ts), and resent on a non-2xx answer or no answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpSandboxServer, sendError, sendJson, systemError } from '../../sandbox';
import { findProvince } from '../postal-address';
import { PostalTrackingStatus, TRACKING_STATUSES, WIRE_KIND, type PostalOrderKind } from '../postal-order';
import { formatTrackingCode } from '../tracking-code';
import { POSTAL_SIGNATURE_HEADER, signPostalWebhook, type PostalWebhookBody } from '../webhook-signature';

export interface PostalSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** The API key callers must send. @default "dev-postal-key" (the hub's development key) */
  apiKey?: string;
  /** Delay before each answer, in ms. @default 0 */
  latencyMs?: number;
  /** Share of calls answered 503 at random, 0–1. @default 0 */
  failureRate?: number;
  /** Random source for failures. @default Math.random */
  random?: () => number;
  /** First tracking serial. @default 10000000 */
  firstSerial?: number;
  /** Where tracking changes are pushed. @default none (no webhook) */
  webhookUrl?: string;
  /** Secret the pushes are signed with. @default none (no webhook) */
  webhookSecret?: string;
  /** Attempts per push before the carrier gives up on it. @default 5 */
  webhookAttempts?: number;
  /** Wait between two attempts of a push, in ms. @default 200 */
  webhookRetryDelayMs?: number;
}

/** What happened to webhook pushes so far. */
export interface PostalWebhookStats {
  /** Pushes answered 2xx. */
  delivered: number;
  /** Attempts answered otherwise, or not answered. */
  failedAttempts: number;
  /** Pushes given up after the last attempt. */
  abandoned: number;
}

export interface PostalSimulatorTrackingEvent {
  trangThai: PostalTrackingStatus;
  thoiGian: string;
  buuCuc: string;
  moTa: string;
}

/** An order as the simulated carrier keeps it (wire names). */
export interface PostalSimulatorOrder {
  loaiDon: string;
  maDonHang: string;
  maVanDon: string;
  maThamChieu: string;
  trangThai: PostalTrackingStatus;
  ngayTao: string;
  cuocPhiVnd: number;
  yeuCau: Record<string, any>;
  lichSu: PostalSimulatorTrackingEvent[];
}

export interface PostalSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every call answers HTTP 503 `TAM_NGUNG_DICH_VU`. */
  setAvailable(available: boolean): void;
  setFailureRate(rate: number): void;
  /** Moves an item to `status` (default: the next one until DELIVERED); returns the order with its history. */
  advance(trackingCode: string, status?: PostalTrackingStatus): PostalSimulatorOrder;
  /** Called on every tracking change; the hook for webhooks. Returns an unsubscribe function. */
  onTrackingEvent(listener: (order: PostalSimulatorOrder) => void): () => void;
  /** Orders received so far, oldest first. */
  orders(): PostalSimulatorOrder[];
  /** Pushes later tracking changes to `url` signed with `secret`; null stops pushing. */
  setWebhook(url: string | null, secret?: string): void;
  /** Resolves once every push started so far is delivered or given up. */
  flushWebhooks(): Promise<void>;
  readonly webhooks: PostalWebhookStats;
  readonly calls: { total: number; byOperation: Record<string, number> };
}

const MAX_BODY_BYTES = 64 * 1024;
const PHONE = /^(0|\+?84)(3|5|7|8|9)\d{8}$|^(0|\+?84)2\d{9}$/;
const COMMUNE = /^(phường|xã|đặc khu)\s+\S/iu;
const DESCRIPTIONS: Record<PostalTrackingStatus, string> = {
  CREATED: 'Đã tạo đơn',
  PICKED_UP: 'Bưu tá đã nhận hàng',
  IN_TRANSIT: 'Đang vận chuyển',
  DELIVERED: 'Phát thành công',
  RETURNED: 'Chuyển hoàn cho người gửi',
};


async function readJson(req: IncomingMessage): Promise<Record<string, any> | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** What is wrong with a party, or null: a real carrier refuses an address it cannot route. */
function partyProblem(party: any, needsPhone: boolean): string | null {
  if (!party || typeof party.hoTen !== 'string' || !party.hoTen.trim()) return 'thiếu họ tên';
  if (needsPhone && !(typeof party.soDienThoai === 'string' && PHONE.test(party.soDienThoai.replace(/[\s.]/g, '')))) return 'số điện thoại không hợp lệ';
  const a = party.diaChi;
  if (!a || typeof a.chiTiet !== 'string' || !a.chiTiet.trim()) return 'thiếu địa chỉ chi tiết';
  if (typeof a.tinhThanh !== 'string' || !findProvince(a.tinhThanh)) return 'tỉnh, thành phố không tồn tại';
  if (needsPhone && !(typeof a.phuongXa === 'string' && COMMUNE.test(a.phuongXa))) return 'thiếu phường, xã';
  return null;
}

const postOffice = (province: string) => `Bưu cục Trung tâm ${province.replace(/^(Thành phố|Tỉnh)\s+/u, '')}`;

export function createPostalSimulator(options: PostalSimulatorOptions = {}): PostalSimulator {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? 'dev-postal-key';
  const random = options.random ?? Math.random;
  let latencyMs = options.latencyMs ?? 0;
  let failureRate = options.failureRate ?? 0;
  let available = true;
  let serial = options.firstSerial ?? 10_000_000;
  const calls = { total: 0, byOperation: {} as Record<string, number> };
  const byReference = new Map<string, PostalSimulatorOrder>();
  const byTracking = new Map<string, PostalSimulatorOrder>();
  const listeners = new Set<(order: PostalSimulatorOrder) => void>();
  let webhook = options.webhookUrl && options.webhookSecret ? { url: options.webhookUrl, secret: options.webhookSecret } : null;
  const webhookAttempts = options.webhookAttempts ?? 5;
  const webhookRetryDelayMs = options.webhookRetryDelayMs ?? 200;
  const webhooks: PostalWebhookStats = { delivered: 0, failedAttempts: 0, abandoned: 0 };
  const pushes = new Set<Promise<void>>();
  const lastPush = new Map<string, Promise<void>>();
  let stopped = false;

  /** One tracking change to the webhook, resent until a 2xx; the event id stays the same across resends. */
  const push = async (target: { url: string; secret: string }, order: PostalSimulatorOrder) => {
    const body: PostalWebhookBody = {
      maSuKien: `${order.maDonHang}-${order.lichSu.length}`,
      loaiDon: order.loaiDon,
      maThamChieu: order.maThamChieu,
      hanhTrinh: wireTracking(order),
    };
    const text = JSON.stringify(body);
    for (let attempt = 1; attempt <= webhookAttempts && !stopped; attempt += 1) {
      try {
        const res = await fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [POSTAL_SIGNATURE_HEADER]: signPostalWebhook(text, target.secret) },
          body: text,
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer();
        if (res.ok) {
          webhooks.delivered += 1;
          return;
        }
      } catch {
        // unreachable or no answer: same as a failed answer
      }
      webhooks.failedAttempts += 1;
      if (attempt < webhookAttempts) await new Promise((resolve) => setTimeout(resolve, webhookRetryDelayMs).unref());
    }
    webhooks.abandoned += 1;
  };

  const delay = () => new Promise<void>((resolve) => (latencyMs > 0 ? setTimeout(resolve, latencyMs).unref() : resolve()));

  const admit = (operation: string, req: IncomingMessage, res: ServerResponse): boolean => {
    calls.total += 1;
    calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
    if (req.headers['x-api-key'] !== apiKey) {
      sendError(res, 401, 'SAI_KHOA_API', 'Khóa API không hợp lệ.');
      return false;
    }
    if (!available || random() < failureRate) {
      sendError(res, 503, 'TAM_NGUNG_DICH_VU', 'Hệ thống tạm ngừng phục vụ.');
      return false;
    }
    return true;
  };

  const record = (order: PostalSimulatorOrder, status: PostalTrackingStatus, place: string) => {
    order.trangThai = status;
    order.lichSu.push({ trangThai: status, thoiGian: new Date().toISOString(), buuCuc: place, moTa: DESCRIPTIONS[status] });
    for (const listener of listeners) listener(structuredClone(order));
    if (webhook && !stopped) {
      // One item's changes go out one after another, in order, as a carrier's per-item queue does.
      const target = webhook;
      const change = structuredClone(order);
      const previous = lastPush.get(order.maVanDon) ?? Promise.resolve();
      const pending = previous.then(() => push(target, change));
      lastPush.set(order.maVanDon, pending);
      pushes.add(pending);
      void pending.finally(() => {
        pushes.delete(pending);
        if (lastPush.get(order.maVanDon) === pending) lastPush.delete(order.maVanDon);
      });
    }
  };

  async function createOrder(kind: PostalOrderKind, req: IncomingMessage, res: ServerResponse) {
    if (!admit(kind === 'PICKUP' ? 'taoDonThuGom' : 'taoDonChuyenPhat', req, res)) return;
    const body = await readJson(req);
    const reference = body?.maThamChieu;
    if (!body || typeof reference !== 'string' || !reference.trim() || reference.length > 64 || typeof body.noiDung !== 'string') {
      return sendError(res, 422, 'DU_LIEU_KHONG_HOP_LE', 'Thiếu mã tham chiếu hoặc nội dung hàng gửi.');
    }
    await delay();
    const key = `${kind}|${reference}`;
    const existing = byReference.get(key);
    if (existing) return sendJson(res, 200, { donHang: wireOrder(existing) });
    const problem = partyProblem(body.nguoiGui, false) ?? partyProblem(body.nguoiNhan, true);
    if (problem) return sendError(res, 422, 'DIA_CHI_KHONG_HOP_LE', `Người gửi hoặc người nhận: ${problem}.`);
    const now = new Date();
    serial += 1;
    const sameProvince = findProvince(body.nguoiGui.diaChi.tinhThanh)?.code === findProvince(body.nguoiNhan.diaChi.tinhThanh)?.code;
    const grams = Number.isFinite(body.khoiLuongGram) ? Math.max(0, body.khoiLuongGram) : 200;
    const order: PostalSimulatorOrder = {
      loaiDon: WIRE_KIND[kind],
      maDonHang: `VNP${now.toISOString().slice(2, 10).replace(/-/g, '')}${String(serial % 1_000_000).padStart(6, '0')}`,
      maVanDon: formatTrackingCode(kind === 'PICKUP' ? 'EP' : 'EL', serial),
      maThamChieu: reference,
      trangThai: PostalTrackingStatus.CREATED,
      ngayTao: now.toISOString(),
      // Flat public-service rates, plus 2,000 đ per started 500 g beyond the first.
      cuocPhiVnd: (sameProvince ? 22_000 : 32_000) + Math.max(0, Math.ceil(grams / 500) - 1) * 2_000,
      yeuCau: body,
      lichSu: [],
    };
    byReference.set(key, order);
    byTracking.set(order.maVanDon, order);
    record(order, PostalTrackingStatus.CREATED, postOffice(body.nguoiGui.diaChi.tinhThanh));
    sendJson(res, 201, { donHang: wireOrder(order) });
  }

  const wireOrder = (o: PostalSimulatorOrder) => {
    const { yeuCau: _request, lichSu: _history, ...rest } = o;
    return rest;
  };
  const wireTracking = (o: PostalSimulatorOrder) => ({ maDonHang: o.maDonHang, maVanDon: o.maVanDon, trangThai: o.trangThai, lichSu: o.lichSu });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'POST' && url.pathname === '/api/v1/don-hang/thu-gom') return createOrder('PICKUP', req, res);
    if (req.method === 'POST' && url.pathname === '/api/v1/don-hang/chuyen-phat') return createOrder('DELIVERY', req, res);
    const tracking = /^\/api\/v1\/hanh-trinh\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && tracking) {
      if (!admit('traCuuHanhTrinh', req, res)) return;
      await delay();
      const order = byTracking.get(decodeURIComponent(tracking[1]));
      return order ? sendJson(res, 200, { hanhTrinh: wireTracking(order) }) : sendError(res, 404, 'KHONG_TIM_THAY', 'Không tìm thấy mã vận đơn.');
    }
    return sendError(res, 404, 'KHONG_CO_DICH_VU', 'Không có dịch vụ này.');
  }

  const server = new HttpSandboxServer(handle, { port: options.port, host, onUnexpectedError: systemError });
  return {
    calls,
    setLatency: (ms) => void (latencyMs = ms),
    setAvailable: (value) => void (available = value),
    setFailureRate: (rate) => void (failureRate = rate),
    advance(trackingCode, status) {
      const order = byTracking.get(trackingCode);
      if (!order) throw new Error(`no item ${trackingCode}`);
      const terminal = order.trangThai === 'DELIVERED' || order.trangThai === 'RETURNED';
      if (!status && terminal) throw new Error(`item ${trackingCode} is ${order.trangThai}: name the status to move it to`);
      // CREATED → PICKED_UP → IN_TRANSIT → DELIVERED; RETURNED only when asked for.
      const next = status ?? TRACKING_STATUSES[TRACKING_STATUSES.indexOf(order.trangThai) + 1];
      const place =
        next === 'DELIVERED' ? `Bưu cục ${order.yeuCau.nguoiNhan.diaChi.phuongXa}` : next === 'IN_TRANSIT' ? 'Trung tâm khai thác vận chuyển' : postOffice(order.yeuCau.nguoiGui.diaChi.tinhThanh);
      record(order, next, place);
      return structuredClone(order);
    },
    onTrackingEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    orders: () => [...byReference.values()].map((o) => structuredClone(o)),
    webhooks,
    setWebhook(url, secret) {
      if (url && !secret) throw new Error('a webhook needs a secret to sign with');
      webhook = url ? { url, secret: secret! } : null;
    },
    async flushWebhooks() {
      while (pushes.size > 0) await Promise.all([...pushes]);
    },
    start: () => {
      stopped = false;
      return server.start();
    },
    async stop() {
      stopped = true;
      await Promise.all([...pushes]);
      await server.stop();
    },
  };
}
