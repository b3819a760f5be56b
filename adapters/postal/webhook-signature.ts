/**
 * The carrier's signed tracking webhook (VNPost-style partner API): the carrier POSTs a JSON body to
 * the URL the hub registered, with `X-VNPost-Signature: t=<unix seconds>,v1=<hex>` where hex is
 * HMAC-SHA256(secret, `<t>.<raw body>`). Signing the timestamp with the body lets the receiver refuse
 * a captured request replayed later (outside the tolerance window); comparing in constant time keeps
 * the expected signature from leaking byte by byte.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromHanhTrinh, WIRE_KIND, type PostalOrderKind, type PostalTracking } from './postal-order';

export const POSTAL_SIGNATURE_HEADER = 'x-vnpost-signature';

/** How far a webhook's timestamp may be from the receiver's clock, in seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

const HEADER = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/;

const hmac = (secret: string, timestamp: number, body: string | Buffer) =>
  createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest();

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signPostalWebhook(body: string | Buffer, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body).toString('hex')}`;
}

export type WebhookVerdict = { valid: true; timestamp: number } | { valid: false; reason: 'MALFORMED' | 'STALE' | 'MISMATCH' };

export interface VerifyWebhookOptions {
  /** Receiver's clock, unix seconds. @default now */
  nowSeconds?: number;
  /** @default DEFAULT_WEBHOOK_TOLERANCE_SECONDS (5 minutes) */
  toleranceSeconds?: number;
}

/** Checks the header against the raw body bytes as received (never a re-serialised body). */
export function verifyPostalWebhook(header: unknown, body: string | Buffer, secret: string, options: VerifyWebhookOptions = {}): WebhookVerdict {
  const match = typeof header === 'string' ? HEADER.exec(header.trim()) : null;
  if (!match) return { valid: false, reason: 'MALFORMED' };
  const timestamp = Number(match[1]);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS)) return { valid: false, reason: 'STALE' };
  const same = timingSafeEqual(hmac(secret, timestamp, body), Buffer.from(match[2], 'hex'));
  return same ? { valid: true, timestamp } : { valid: false, reason: 'MISMATCH' };
}

/** The webhook body (wire names): one tracking change of one order. */
export interface PostalWebhookBody {
  /** The carrier's event id: the same change resent keeps it. */
  maSuKien: string;
  loaiDon: string;
  /** Our reference on the order (the dossier code for deliveries). */
  maThamChieu: string;
  hanhTrinh: unknown;
}

export interface PostalWebhookEvent {
  eventId: string;
  kind: PostalOrderKind;
  reference: string;
  tracking: PostalTracking;
}

/** The event in a webhook body, or null when the body lacks anything the hub relies on. */
export function parsePostalWebhook(value: unknown): PostalWebhookEvent | null {
  const w = value as Partial<PostalWebhookBody> | null;
  if (!w || typeof w !== 'object') return null;
  const kind = (Object.keys(WIRE_KIND) as PostalOrderKind[]).find((k) => WIRE_KIND[k] === w.loaiDon);
  const tracking = fromHanhTrinh(w.hanhTrinh);
  if (!kind || !tracking || typeof w.maSuKien !== 'string' || !/^[\w.:-]{1,100}$/.test(w.maSuKien)) return null;
  if (typeof w.maThamChieu !== 'string' || !w.maThamChieu || w.maThamChieu.length > 64) return null;
  return { eventId: w.maSuKien, kind, reference: w.maThamChieu, tracking };
}
