/**
 * A stand-in for CSDLQG về dân cư in development and tests: a real SOAP service (`soap.listen`,
 * WSDL at `?wsdl`) over deterministic people, with the faults the real one sends, adjustable
 * latency, an off switch and call counters.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { ABSENT_PERSONAL_ID, FIXED_SOURCE_PEOPLE } from '../fixtures';
import { toCongDan, type CongDan } from '../wire-format';
import { POPULATION_DB_FAULTS, POPULATION_DB_MAX_BATCH, POPULATION_DB_NAMESPACE, populationDbWsdl, type PopulationDbFaultCode } from '../wsdl';
import { generatePopulation } from './population-generator';

export interface PopulationDbSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Generated people, besides the fixed ones of fixtures.ts. @default 200 */
  people?: number;
  /** Seed of the generated people. @default 20250701 */
  seed?: number;
  /** HTTP path of the service. @default "/csdl-dan-cu" */
  path?: string;
}

export interface PopulationDbSimulatorCalls {
  /** Operations invoked (requests that reached an operation, answered or faulted). */
  total: number;
  byOperation: Record<string, number>;
}

export interface PopulationDbSimulator {
  start(): Promise<{ url: string; wsdlUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every operation answers the TAM_NGUNG_DICH_VU fault with HTTP 503. */
  setAvailable(available: boolean): void;
  readonly calls: PopulationDbSimulatorCalls;
}

interface RequestHeader {
  MaYeuCau?: string;
  MaDonVi?: string;
  NguoiTraCuu?: string;
  MucDich?: string;
}

const fault = (code: PopulationDbFaultCode, statusCode = 500, moTa?: string) => ({
  Fault: {
    faultcode: `soap:${POPULATION_DB_FAULTS[code].faultcode}`,
    faultstring: POPULATION_DB_FAULTS[code].vi,
    detail: { LoiTraCuu: { attributes: { xmlns: POPULATION_DB_NAMESPACE }, MaLoi: code, MoTa: moTa ?? POPULATION_DB_FAULTS[code].vi } },
    statusCode,
  },
});

const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9]{12}$/.test(value);

export function createPopulationDbSimulator(options: PopulationDbSimulatorOptions = {}): PopulationDbSimulator {
  const path = options.path ?? '/csdl-dan-cu';
  const host = options.host ?? '127.0.0.1';
  let latencyMs = options.latencyMs ?? 0;
  let available = true;
  const calls: PopulationDbSimulatorCalls = { total: 0, byOperation: {} };
  const reserved = new Set([ABSENT_PERSONAL_ID, ...FIXED_SOURCE_PEOPLE.map((p) => p.personalId)]);
  const people = [...FIXED_SOURCE_PEOPLE, ...generatePopulation(options.seed ?? 20250701, options.people ?? 200, reserved)];
  const byId = new Map<string, CongDan>(people.map((p) => [p.personalId, toCongDan(p)]));
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | undefined;

  const delay = () =>
    new Promise<void>((resolve) => {
      if (latencyMs <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, latencyMs);
      timers.add(timer);
    });

  /** Counts the call, then checks what the real service checks before reading anything. */
  const admit = (operation: string, header: unknown) => {
    calls.total += 1;
    calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
    if (!available) throw fault('TAM_NGUNG_DICH_VU', 503);
    const info = (header as { ThongTinYeuCau?: RequestHeader } | undefined)?.ThongTinYeuCau;
    if (!info?.MaYeuCau || !info.MaDonVi || !info.NguoiTraCuu || !info.MucDich) throw fault('THIEU_THONG_TIN_YEU_CAU');
  };

  const service = {
    TraCuuCongDan: async (args: { SoDinhDanh?: unknown }, _callback: unknown, header: unknown) => {
      admit('TraCuuCongDan', header);
      if (!isId(args?.SoDinhDanh)) throw fault('SO_DINH_DANH_KHONG_HOP_LE');
      await delay();
      const person = byId.get(args.SoDinhDanh);
      if (!person) throw fault('KHONG_TIM_THAY');
      return { CongDan: person };
    },
    TraCuuNhieuCongDan: async (args: { SoDinhDanh?: unknown }, _callback: unknown, header: unknown) => {
      admit('TraCuuNhieuCongDan', header);
      const ids = args?.SoDinhDanh === undefined ? [] : [args.SoDinhDanh].flat();
      if (ids.length === 0 || ids.length > POPULATION_DB_MAX_BATCH) {
        throw fault('YEU_CAU_KHONG_HOP_LE', 500, `Cần từ 1 đến ${POPULATION_DB_MAX_BATCH} số định danh.`);
      }
      const badId = ids.find((id) => !isId(id));
      if (badId !== undefined) throw fault('SO_DINH_DANH_KHONG_HOP_LE');
      await delay();
      const found = [...new Set(ids as string[])].flatMap((id) => byId.get(id) ?? []);
      return { CongDan: found };
    },
  };

  return {
    calls,
    setLatency(ms) {
      latencyMs = ms;
    },
    setAvailable(value) {
      available = value;
    },
    async start() {
      const http = createServer((req, res) => {
        res.statusCode = req.url === '/healthz' ? 200 : 404;
        res.end(req.url === '/healthz' ? 'ok' : undefined);
      });
      server = http;
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port ?? 0, host, resolve);
      });
      const { port } = http.address() as AddressInfo;
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${path}`;
      await new Promise<void>((resolve, reject) => {
        soap.listen(http, {
          path,
          xml: populationDbWsdl(url),
          services: { DichVuTraCuuDanCu: { TraCuuDanCuPort: service } },
          suppressStack: true,
          callback: (err: unknown) => (err ? reject(err) : resolve()),
        });
      });
      return { url, wsdlUrl: `${url}?wsdl` };
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const http = server;
      server = undefined;
      if (!http) return;
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
