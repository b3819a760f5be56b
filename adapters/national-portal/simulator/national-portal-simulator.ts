/**
 * A stand-in for the national public service portal's dossier sync API in development and tests
 * (JSON over HTTP, own port, bearer token):
 *
 * - `POST /api/hoso/dongbo` (dossier record) and `POST /api/hoso/tiendo` (progress update) → 200
 *   `{ maLoi: "0", maHoSoDVCQG }`; the same `maSuKien` again → the same answer, nothing stored twice;
 *   a progress update for a dossier never recorded → 200 `{ maLoi: "HS_CHUA_DONG_BO" }`; a message
 *   missing a member → 200 `{ maLoi: "DU_LIEU_KHONG_HOP_LE" }`; a wrong token → 401 `SAI_TOKEN`.
 * - Test levers: `failNext(n, mode)` answers the next n messages with HTTP 500, a business error
 *   (`maLoi` "99") or no answer at all (a timeout at the client); `received()` lists what was accepted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpSandboxServer, sendError, sendJson, systemError } from '../../sandbox';

export interface NationalPortalSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** The bearer token callers must send. @default "dev-portal-token" (the hub's development token) */
  token?: string;
  /** How long a message failed with mode TIMEOUT waits before it is answered anyway, in ms. @default 30000 */
  hangMs?: number;
}

/** How `failNext` fails a message. */
export type PortalFailureMode = 'HTTP_500' | 'ERROR_CODE' | 'TIMEOUT';

export interface PortalReceivedMessage {
  kind: 'RECORD' | 'PROGRESS';
  maSuKien: string;
  maHoSo: string;
  body: Record<string, unknown>;
  receivedAt: string;
}

export interface NationalPortalSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  /** Fails the next `count` messages (after the token check) the way `mode` says. */
  failNext(count: number, mode?: PortalFailureMode): void;
  /** Messages accepted, first delivery of each `maSuKien` only, oldest first. */
  received(): PortalReceivedMessage[];
  /** Every message that reached the portal (accepted, repeated or failed). */
  readonly calls: { total: number; failed: number; duplicates: number };
}

const MAX_BODY_BYTES = 64 * 1024;
const RECORD_MEMBERS = ['maSuKien', 'maHoSo', 'maTTHC', 'maCoQuan', 'ngayTiepNhan', 'ngayHenTra', 'trangThai', 'kenh'] as const;
const PROGRESS_MEMBERS = ['maSuKien', 'maHoSo', 'trangThai', 'thoiGian'] as const;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
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

const missing = (body: Record<string, unknown>, members: readonly string[]) => members.find((m) => typeof body[m] !== 'string' || !body[m]);

export function createNationalPortalSimulator(options: NationalPortalSimulatorOptions = {}): NationalPortalSimulator {
  const token = options.token ?? 'dev-portal-token';
  const hangMs = options.hangMs ?? 30_000;
  const calls = { total: 0, failed: 0, duplicates: 0 };
  const failures: PortalFailureMode[] = [];
  const accepted: PortalReceivedMessage[] = [];
  /** Answer given per maSuKien, so a resend gets the same one. */
  const answers = new Map<string, { maLoi: string; maHoSoDVCQG: string }>();
  const portalIds = new Map<string, string>();
  const hanging = new Set<() => void>();
  let nextId = 1;

  const hang = () =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        hanging.delete(release);
        resolve();
      };
      const timer = setTimeout(release, hangMs);
      timer.unref();
      hanging.add(release);
    });

  async function receive(kind: 'RECORD' | 'PROGRESS', req: IncomingMessage, res: ServerResponse) {
    calls.total += 1;
    if (req.headers.authorization !== `Bearer ${token}`) return sendError(res, 401, 'SAI_TOKEN', 'Token không hợp lệ.');
    const body = await readJson(req);
    const failure = failures.shift();
    if (failure) {
      calls.failed += 1;
      if (failure === 'HTTP_500') return systemError(res);
      if (failure === 'ERROR_CODE') return sendJson(res, 200, { maLoi: '99', moTa: 'Hệ thống đang bận, vui lòng gửi lại sau.' });
      await hang();
      return sendJson(res, 200, { maLoi: '99', moTa: 'Quá thời gian xử lý.' });
    }
    const absent = body ? missing(body, kind === 'RECORD' ? RECORD_MEMBERS : PROGRESS_MEMBERS) : 'body';
    if (!body || absent) return sendJson(res, 200, { maLoi: 'DU_LIEU_KHONG_HOP_LE', moTa: `Thiếu hoặc sai trường ${absent}.` });
    const eventId = body.maSuKien as string;
    const maHoSo = body.maHoSo as string;
    const earlier = answers.get(eventId);
    if (earlier) {
      calls.duplicates += 1;
      return sendJson(res, 200, earlier);
    }
    if (kind === 'PROGRESS' && !portalIds.has(maHoSo)) {
      return sendJson(res, 200, { maLoi: 'HS_CHUA_DONG_BO', moTa: `Hồ sơ ${maHoSo} chưa được đồng bộ.` });
    }
    if (!portalIds.has(maHoSo)) portalIds.set(maHoSo, `DVCQG-${String(nextId++).padStart(8, '0')}`);
    const answer = { maLoi: '0', maHoSoDVCQG: portalIds.get(maHoSo)! };
    answers.set(eventId, answer);
    accepted.push({ kind, maSuKien: eventId, maHoSo, body, receivedAt: new Date().toISOString() });
    sendJson(res, 200, answer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'POST' && path === '/api/hoso/dongbo') return receive('RECORD', req, res);
    if (req.method === 'POST' && path === '/api/hoso/tiendo') return receive('PROGRESS', req, res);
    return sendError(res, 404, 'KHONG_CO_DICH_VU', 'Không có dịch vụ này.');
  }

  const server = new HttpSandboxServer(handle, { port: options.port, host: options.host, onUnexpectedError: systemError });
  return {
    calls,
    failNext(count, mode = 'HTTP_500') {
      for (let i = 0; i < count; i += 1) failures.push(mode);
    },
    received: () => accepted.map((m) => structuredClone(m)),
    start: () => server.start(),
    async stop() {
      for (const release of [...hanging]) release();
      await server.stop();
    },
  };
}
