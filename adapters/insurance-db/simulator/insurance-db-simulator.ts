/**
 * A stand-in for CSDL quốc gia về bảo hiểm (social insurance) in development and tests: a REST/JSON
 * service over the participants of fixtures.ts, with adjustable latency, an off switch (HTTP 503) and
 * call counters. Like the real one, it refuses calls that do not say who asks and why.
 *
 * - `GET  /api/v1/nguoi-tham-gia/{soDinhDanh}` → 200 `{ nguoiThamGia }`, 404 `{ maLoi: "KHONG_TIM_THAY" }`
 * - `POST /api/v1/nguoi-tham-gia/tra-cuu` `{ danhSachSoDinhDanh: [...] }` → 200 `{ ketQua: [...] }` (found ones only)
 * - headers `x-ma-yeu-cau`, `x-nguoi-tra-cuu`, `x-muc-dich` (URI-encoded) are required (400 otherwise).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpSandboxServer, sendError, sendJson, systemError } from '../../sandbox';
import { insuranceParticipants } from '../fixtures';
import { INSURANCE_DB_MAX_BATCH } from '../insured-person';

export interface InsuranceDbSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Seed and count of generated people, as the population simulator's. @default 20250701, 200 */
  seed?: number;
  people?: number;
}

export interface InsuranceDbSimulatorCalls {
  /** Requests that reached an operation (answered or refused). */
  total: number;
  byOperation: Record<string, number>;
}

export interface InsuranceDbSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every operation answers HTTP 503 `TAM_NGUNG_DICH_VU`. */
  setAvailable(available: boolean): void;
  readonly calls: InsuranceDbSimulatorCalls;
}

const MAX_BODY_BYTES = 64 * 1024;
const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9]{12}$/.test(value);


async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createInsuranceDbSimulator(options: InsuranceDbSimulatorOptions = {}): InsuranceDbSimulator {
  const host = options.host ?? '127.0.0.1';
  let latencyMs = options.latencyMs ?? 0;
  let available = true;
  const calls: InsuranceDbSimulatorCalls = { total: 0, byOperation: {} };
  const participants = insuranceParticipants({ seed: options.seed, people: options.people });
  const timers = new Set<NodeJS.Timeout>();

  const delay = () =>
    new Promise<void>((resolve) => {
      if (latencyMs <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, latencyMs);
      timers.add(timer);
    });

  /** Counts the call and checks what the real service checks first; false when it answered already. */
  const admit = (operation: string, req: IncomingMessage, res: ServerResponse): boolean => {
    calls.total += 1;
    calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
    if (!available) {
      sendError(res, 503, 'TAM_NGUNG_DICH_VU', 'Hệ thống tạm ngừng phục vụ.');
      return false;
    }
    if (!req.headers['x-ma-yeu-cau'] || !req.headers['x-nguoi-tra-cuu'] || !req.headers['x-muc-dich']) {
      sendError(res, 400, 'THIEU_THONG_TIN_YEU_CAU', 'Thiếu mã yêu cầu, người tra cứu hoặc mục đích.');
      return false;
    }
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    const one = /^\/api\/v1\/nguoi-tham-gia\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/api/v1/nguoi-tham-gia/tra-cuu') {
      if (!admit('traCuuNhieu', req, res)) return;
      const text = await readBody(req);
      let ids: unknown;
      try {
        ids = text === null ? undefined : (JSON.parse(text) as { danhSachSoDinhDanh?: unknown }).danhSachSoDinhDanh;
      } catch {
        ids = undefined;
      }
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > INSURANCE_DB_MAX_BATCH) {
        return sendError(res, 400, 'YEU_CAU_KHONG_HOP_LE', `Cần từ 1 đến ${INSURANCE_DB_MAX_BATCH} số định danh.`);
      }
      if (!ids.every(isId)) return sendError(res, 400, 'SO_DINH_DANH_KHONG_HOP_LE', 'Số định danh không hợp lệ.');
      await delay();
      return sendJson(res, 200, { ketQua: [...new Set(ids)].flatMap((id) => participants.get(id) ?? []) });
    }
    if (req.method === 'GET' && one) {
      if (!admit('traCuu', req, res)) return;
      const id = decodeURIComponent(one[1]);
      if (!isId(id)) return sendError(res, 400, 'SO_DINH_DANH_KHONG_HOP_LE', 'Số định danh không hợp lệ.');
      await delay();
      const person = participants.get(id);
      return person ? sendJson(res, 200, { nguoiThamGia: person }) : sendError(res, 404, 'KHONG_TIM_THAY', 'Không tìm thấy người tham gia.');
    }
    return sendError(res, 404, 'KHONG_CO_DICH_VU', 'Không có dịch vụ này.');
  }

  const server = new HttpSandboxServer(handle, { port: options.port, host, onUnexpectedError: systemError });
  return {
    calls,
    setLatency(ms) {
      latencyMs = ms;
    },
    setAvailable(value) {
      available = value;
    },
    start: () => server.start(),
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await server.stop();
    },
  };
}
