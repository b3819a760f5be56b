/**
 * A stand-in for a brandname SMS gateway (REST/JSON, own port) that keeps what it was asked to send,
 * for development and tests. Like real gateways it checks the API key and the brandname, refuses
 * non-GSM text unless the message is flagged Unicode, counts segments and drops a repeated request id.
 *
 * - `POST /api/v1/sms/brandname` `{ brandname, soDienThoai, noiDung, unicode, maYeuCau }` →
 *   200 `{ maTinNhan, trangThai: "DA_TIEP_NHAN", soTinNhan }`; 401 `SAI_KHOA_API`; 422 `BRANDNAME_CHUA_DANG_KY`,
 *   `SO_DIEN_THOAI_KHONG_HOP_LE`, `NOI_DUNG_KHONG_HOP_LE`; 503 `TAM_NGUNG_DICH_VU`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpSandboxServer, sendError, sendJson, systemError } from '../../sandbox';

export interface SmsGatewaySimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** The API key callers must send. @default "dev-sms-key" (the hub's development key) */
  apiKey?: string;
  /** Registered brandnames. @default ["LIENTHONG"] */
  brandnames?: string[];
  /** Delay before each answer, in ms. @default 0 */
  latencyMs?: number;
}

export interface SentSms {
  maTinNhan: string;
  brandname: string;
  /** 84xxxxxxxxx */
  soDienThoai: string;
  noiDung: string;
  unicode: boolean;
  /** Billed segments: 160/153 characters in GSM, 70/67 in Unicode. */
  soTinNhan: number;
  maYeuCau: string;
  receivedAt: Date;
}

export interface SmsGatewaySimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every call answers HTTP 503. */
  setAvailable(available: boolean): void;
  /** The next `count` calls answer HTTP `status` (default 503). */
  failNext(count: number, status?: number): void;
  /** Messages accepted, oldest first (a repeated request id appears once). */
  messages(): SentSms[];
  /** Requests received, repeats and refusals included. */
  readonly calls: { total: number };
}

const MAX_BODY_BYTES = 16 * 1024;
const MAX_SEGMENTS = 5;
// Printable ASCII stands for the GSM 03.38 basic set here: Vietnamese letters with marks are outside it.
const GSM_TEXT = /^[\x20-\x7E\r\n]*$/;

export function smsSegments(text: string, unicode: boolean): number {
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}


async function readJson(req: IncomingMessage): Promise<Record<string, any> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

export function createSmsGatewaySimulator(options: SmsGatewaySimulatorOptions = {}): SmsGatewaySimulator {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? 'dev-sms-key';
  const brandnames = new Set(options.brandnames ?? ['LIENTHONG']);
  let latencyMs = options.latencyMs ?? 0;
  let available = true;
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  const sent: SentSms[] = [];
  const byRequestId = new Map<string, SentSms>();
  const calls = { total: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method !== 'POST' || url.pathname !== '/api/v1/sms/brandname') return sendError(res, 404, 'KHONG_CO_DICH_VU', 'Không có dịch vụ này.');
    calls.total += 1;
    if (req.headers['x-api-key'] !== apiKey) return sendError(res, 401, 'SAI_KHOA_API', 'Khóa API không hợp lệ.');
    if (!available) return sendError(res, 503, 'TAM_NGUNG_DICH_VU', 'Tổng đài tạm ngừng phục vụ.');
    if (failures.left > 0) {
      failures.left -= 1;
      return sendError(res, failures.status, 'LOI_TONG_DAI', 'Lỗi tổng đài (giả lập).');
    }
    const body = await readJson(req);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs).unref());
    if (!body || typeof body.maYeuCau !== 'string' || !body.maYeuCau) return sendError(res, 422, 'THIEU_MA_YEU_CAU', 'Thiếu mã yêu cầu.');
    const repeat = byRequestId.get(body.maYeuCau);
    if (repeat) return sendJson(res, 200, { maTinNhan: repeat.maTinNhan, trangThai: 'DA_TIEP_NHAN', soTinNhan: repeat.soTinNhan });
    if (!brandnames.has(body.brandname)) return sendError(res, 422, 'BRANDNAME_CHUA_DANG_KY', 'Brandname chưa đăng ký.');
    if (typeof body.soDienThoai !== 'string' || !/^84[35789]\d{8}$/.test(body.soDienThoai)) {
      return sendError(res, 422, 'SO_DIEN_THOAI_KHONG_HOP_LE', 'Số điện thoại không hợp lệ.');
    }
    const unicode = body.unicode === true;
    const text = body.noiDung;
    if (typeof text !== 'string' || !text || (!unicode && !GSM_TEXT.test(text)) || smsSegments(text, unicode) > MAX_SEGMENTS) {
      return sendError(res, 422, 'NOI_DUNG_KHONG_HOP_LE', 'Nội dung rỗng, quá dài hoặc có ký tự ngoài bảng mã GSM.');
    }
    const message: SentSms = {
      maTinNhan: `SMS${String(sent.length + 1).padStart(8, '0')}`,
      brandname: body.brandname,
      soDienThoai: body.soDienThoai,
      noiDung: text,
      unicode,
      soTinNhan: smsSegments(text, unicode),
      maYeuCau: body.maYeuCau,
      receivedAt: new Date(),
    };
    sent.push(message);
    byRequestId.set(message.maYeuCau, message);
    sendJson(res, 200, { maTinNhan: message.maTinNhan, trangThai: 'DA_TIEP_NHAN', soTinNhan: message.soTinNhan });
  }

  const server = new HttpSandboxServer(handle, { port: options.port, host, onUnexpectedError: systemError });
  return {
    calls,
    setLatency: (ms) => void (latencyMs = ms),
    setAvailable: (value) => void (available = value),
    failNext: (count, status = 503) => void (failures = { left: count, status }),
    messages: () => sent.map((m) => ({ ...m })),
    start: () => server.start(),
    async stop() {
      await server.stop();
    },
  };
}
