/**
 * A stand-in for a legacy one-stop software (phần mềm một cửa điện tử, VNPT-iGate style) in
 * development and tests: JSON over HTTP on its own port, an `X-API-Key`, seeded with dossiers of the
 * hub's procedures, and levers for tests (add or change a dossier, fail the next calls).
 *
 * - `GET /api/v1/hoso?capNhatTu=<cursor>&gioiHan=<n>` → `{ data: [hoSo…], conTiep, conTro }`: dossiers
 *   changed after the cursor (empty: from the start), in change order, each once at its latest change;
 *   every record carries `conTro`, the cursor right after it.
 * - `PUT /api/v1/hoso/{maHoSo}/trangthai` `{ trangThai, ghiChu, thoiGian, maSuKien }` → `{ thanhCong: true }`,
 *   applied once per `maSuKien` (a repeat answers the same without a change); also as POST with
 *   `X-HTTP-Method-Override: PUT`. 404 `KHONG_TIM_THAY`, 422 `TRANG_THAI_KHONG_HOP_LE`.
 * - 401 `SAI_KHOA_API` without the key; 400 `CON_TRO_KHONG_HOP_LE` for a cursor it did not give.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpSandboxServer, sendError, sendJson, systemError } from '../../sandbox';
import type { WireLegacyDossier } from '../legacy-dossier';
import { LEGACY_CODE_PREFIX, SEED_DOSSIERS, type SeedDossier } from './seed-dossiers';

export interface LegacyOneStopSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** The API key callers must send. @default "dev-legacy-key" (the hub's development key) */
  apiKey?: string;
  /** Dossiers held at start. @default SEED_DOSSIERS */
  seed?: readonly SeedDossier[];
  /** The clock. @default () => new Date() */
  now?: () => Date;
}

/** The legacy status codes the simulated software knows (its own table). */
export const SIMULATOR_STATUSES: Readonly<Record<string, string>> = {
  '1': 'Mới tiếp nhận',
  '2': 'Đang xử lý',
  '3': 'Chờ bổ sung',
  '4': 'Đã có kết quả',
  '5': 'Đã trả kết quả',
  '6': 'Từ chối',
  '7': 'Dừng xử lý',
};

/** A status update the simulator received and applied. */
export interface ReceivedStatusPush {
  maHoSo: string;
  trangThai: string;
  ghiChu: string;
  thoiGian: string;
  maSuKien: string;
}

/** How the next calls fail: HTTP 500, or no answer at all (the caller times out). */
export type SimulatedFailure = 'ERROR' | 'TIMEOUT';

/** A new dossier for {@link LegacyOneStopSimulator.addDossier}; the code is given unless set. */
export type NewSimulatedDossier = Omit<SeedDossier, 'processingDays'> & { maHoSo?: string; processingDays?: number };

export interface LegacyOneStopSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  /** Receives a dossier at the legacy desk; returns it as the API sends it. */
  addDossier(dossier: NewSimulatedDossier): WireLegacyDossier;
  /** Changes a dossier as a legacy official would (any status code, even one the hub does not know). */
  updateDossier(maHoSo: string, change: Partial<Pick<WireLegacyDossier, 'trangThai' | 'duLieuToKhai' | 'chuHoSo'>>): WireLegacyDossier;
  dossier(maHoSo: string): WireLegacyDossier | undefined;
  dossiers(): WireLegacyDossier[];
  /** The next `count` calls fail the given way. */
  failNext(count: number, how?: SimulatedFailure): void;
  /** Status updates applied, oldest first (a repeated maSuKien is not listed twice). */
  pushes(): ReceivedStatusPush[];
  readonly calls: { total: number; failed: number; byOperation: Record<string, number> };
}

const MAX_BODY_BYTES = 64 * 1024;
const MAX_PAGE = 500;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** yyMMdd of a time in Vietnam (the legacy codes' date). */
const yymmdd = (at: Date) => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(2, 10).replaceAll('-', '');

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

export function createLegacyOneStopSimulator(options: LegacyOneStopSimulatorOptions = {}): LegacyOneStopSimulator {
  const apiKey = options.apiKey ?? 'dev-legacy-key';
  const now = options.now ?? (() => new Date());
  const calls = { total: 0, failed: 0, byOperation: {} as Record<string, number> };
  /** Records by code, each with the sequence number of its latest change. */
  const records = new Map<string, { record: WireLegacyDossier; seq: number }>();
  const sequences = new Map<string, number>();
  const seenEvents = new Set<string>();
  const applied: ReceivedStatusPush[] = [];
  let changeSeq = 0;
  let failures: { count: number; how: SimulatedFailure } = { count: 0, how: 'ERROR' };

  const touch = (record: WireLegacyDossier) => {
    changeSeq += 1;
    record.capNhatLuc = now().toISOString();
    record.conTro = String(changeSeq);
    records.set(record.maHoSo, { record, seq: changeSeq });
  };

  const nextCode = (agency: string, receivedAt: Date) => {
    const prefix = LEGACY_CODE_PREFIX[agency] ?? 'G22.26.99';
    const day = yymmdd(receivedAt);
    const n = (sequences.get(`${prefix}-${day}`) ?? 122) + 1; // the desk had received others that day
    sequences.set(`${prefix}-${day}`, n);
    return `${prefix}-${day}-${String(n).padStart(6, '0')}`;
  };

  function addDossier(input: NewSimulatedDossier): WireLegacyDossier {
    const { receivedDaysAgo, processingDays, maHoSo, ...wire } = input;
    const receivedAt = new Date(now().getTime() - receivedDaysAgo * DAY_MS);
    const code = maHoSo ?? nextCode(wire.maCoQuan, receivedAt);
    if (records.has(code)) throw new Error(`legacy simulator: dossier ${code} exists`);
    const record: WireLegacyDossier = {
      ...structuredClone(wire),
      maHoSo: code,
      tenTrangThai: SIMULATOR_STATUSES[wire.trangThai] ?? 'Không xác định',
      ngayTiepNhan: receivedAt.toISOString(),
      // Calendar days stand in for working days: the hub computes its own appointment date anyway.
      ngayHenTra: new Date(receivedAt.getTime() + (processingDays ?? 10) * DAY_MS).toISOString(),
      capNhatLuc: '',
      conTro: '',
    };
    touch(record);
    return structuredClone(record);
  }

  function updateDossier(code: string, change: Partial<Pick<WireLegacyDossier, 'trangThai' | 'duLieuToKhai' | 'chuHoSo'>>): WireLegacyDossier {
    const found = records.get(code);
    if (!found) throw new Error(`legacy simulator: no dossier ${code}`);
    Object.assign(found.record, structuredClone(change));
    if (change.trangThai !== undefined) found.record.tenTrangThai = SIMULATOR_STATUSES[change.trangThai] ?? 'Không xác định';
    touch(found.record);
    return structuredClone(found.record);
  }

  /** Counts the call, checks the key, applies a planned failure; false when it answered already. */
  const admit = (operation: string, req: IncomingMessage, res: ServerResponse): boolean => {
    calls.total += 1;
    calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
    if (req.headers['x-api-key'] !== apiKey) {
      sendError(res, 401, 'SAI_KHOA_API', 'Khóa API không hợp lệ.');
      return false;
    }
    if (failures.count > 0) {
      failures.count -= 1;
      calls.failed += 1;
      // TIMEOUT: never answer; the caller gives up, and stop() closes the connection.
      if (failures.how === 'ERROR') systemError(res);
      return false;
    }
    return true;
  };

  function listChanges(url: URL, res: ServerResponse) {
    const cursorText = url.searchParams.get('capNhatTu') ?? '';
    const cursor = cursorText === '' ? 0 : Number(cursorText);
    if (!Number.isSafeInteger(cursor) || cursor < 0 || cursor > changeSeq) {
      return sendError(res, 400, 'CON_TRO_KHONG_HOP_LE', 'Con trỏ không hợp lệ.');
    }
    const limit = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('gioiHan') ?? 100) || 100));
    const changed = [...records.values()].filter((r) => r.seq > cursor).sort((a, b) => a.seq - b.seq);
    const page = changed.slice(0, limit);
    const conTro = page.length > 0 ? String(page[page.length - 1].seq) : String(cursor);
    sendJson(res, 200, { data: page.map((r) => r.record), conTiep: changed.length > page.length, conTro });
  }

  async function setStatus(code: string, req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    const found = records.get(code);
    if (!found) return sendError(res, 404, 'KHONG_TIM_THAY', `Không tìm thấy hồ sơ ${code}.`);
    const trangThai = String(body?.trangThai ?? '');
    const maSuKien = String(body?.maSuKien ?? '');
    if (!SIMULATOR_STATUSES[trangThai]) return sendError(res, 422, 'TRANG_THAI_KHONG_HOP_LE', `Mã trạng thái ${trangThai} không hợp lệ.`);
    if (!maSuKien) return sendError(res, 422, 'DU_LIEU_KHONG_HOP_LE', 'Thiếu mã sự kiện (maSuKien).');
    if (!seenEvents.has(maSuKien)) {
      seenEvents.add(maSuKien);
      applied.push({ maHoSo: code, trangThai, ghiChu: String(body?.ghiChu ?? ''), thoiGian: String(body?.thoiGian ?? ''), maSuKien });
      updateDossier(code, { trangThai });
    }
    sendJson(res, 200, { thanhCong: true });
  }

  const server = new HttpSandboxServer(
    async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://legacy.local');
      const method = req.method === 'POST' && String(req.headers['x-http-method-override'] ?? '').toUpperCase() === 'PUT' ? 'PUT' : req.method;
      const status = /^\/api\/v1\/hoso\/([^/]+)\/trangthai$/.exec(url.pathname);
      if (method === 'GET' && url.pathname === '/api/v1/hoso') {
        if (admit('danhSachHoSo', req, res)) listChanges(url, res);
      } else if (method === 'PUT' && status) {
        if (admit('capNhatTrangThai', req, res)) await setStatus(decodeURIComponent(status[1]), req, res);
      } else {
        sendError(res, 404, 'KHONG_TIM_THAY', 'Không có dịch vụ này.');
      }
    },
    { port: options.port, host: options.host, onUnexpectedError: systemError },
  );

  for (const seed of options.seed ?? SEED_DOSSIERS) addDossier(seed);

  return {
    start: () => server.start(),
    stop: () => server.stop(),
    addDossier,
    updateDossier,
    dossier: (code) => structuredClone(records.get(code)?.record),
    dossiers: () => [...records.values()].sort((a, b) => a.seq - b.seq).map((r) => structuredClone(r.record)),
    failNext(count, how = 'ERROR') {
      failures = { count, how };
    },
    pushes: () => structuredClone(applied),
    calls,
  };
}
