/**
 * A stand-in for the national business registry in development and tests: a real SOAP service
 * (`soap.listen`, WSDL at `?wsdl`) over deterministic organisations, with the faults the real one
 * sends, adjustable latency, an off switch and call counters.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { ABSENT_TAX_CODE, FIXED_ORGANIZATIONS } from '../fixtures';
import type { OrganizationRecord } from '../organization-record';
import { checkTaxCode } from '../tax-code';
import { toDoanhNghiep, type DoanhNghiep } from '../wire-format';
import {
  BUSINESS_REGISTRY_FAULTS,
  BUSINESS_REGISTRY_MAX_BATCH,
  BUSINESS_REGISTRY_NAMESPACE,
  businessRegistryWsdl,
  type BusinessRegistryFaultCode,
} from '../wsdl';
import { generateOrganizations } from './organization-generator';

export interface BusinessRegistrySimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Generated enterprises (their branches come on top), besides the fixed ones of fixtures.ts. @default 150 */
  organizations?: number;
  /** Seed of the generated organisations. @default 20200515 */
  seed?: number;
  /** HTTP path of the service. @default "/csdl-dkdn" */
  path?: string;
}

export interface BusinessRegistrySimulatorCalls {
  /** Operations invoked (requests that reached an operation, answered or faulted). */
  total: number;
  byOperation: Record<string, number>;
}

export interface BusinessRegistrySimulator {
  start(): Promise<{ url: string; wsdlUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every operation answers the TAM_NGUNG_DICH_VU fault with HTTP 503. */
  setAvailable(available: boolean): void;
  readonly calls: BusinessRegistrySimulatorCalls;
  /** Every organisation held (fixed ones first), as the hub's client reads them. */
  readonly organizations: readonly OrganizationRecord[];
}

interface RequestHeader {
  MaYeuCau?: string;
  MaDonVi?: string;
  NguoiTraCuu?: string;
  MucDich?: string;
}

const fault = (code: BusinessRegistryFaultCode, statusCode = 500, moTa?: string) => ({
  Fault: {
    faultcode: `soap:${BUSINESS_REGISTRY_FAULTS[code].faultcode}`,
    faultstring: BUSINESS_REGISTRY_FAULTS[code].vi,
    detail: { LoiTraCuu: { attributes: { xmlns: BUSINESS_REGISTRY_NAMESPACE }, MaLoi: code, MoTa: moTa ?? BUSINESS_REGISTRY_FAULTS[code].vi } },
    statusCode,
  },
});

/** The registry answers by the code as written in the schema (hyphenated for a dependent unit). */
const normalized = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const check = checkTaxCode(value);
  return check.valid && check.parts.normalized === value ? value : undefined;
};

export function createBusinessRegistrySimulator(options: BusinessRegistrySimulatorOptions = {}): BusinessRegistrySimulator {
  const path = options.path ?? '/csdl-dkdn';
  const host = options.host ?? '127.0.0.1';
  let latencyMs = options.latencyMs ?? 0;
  let available = true;
  const calls: BusinessRegistrySimulatorCalls = { total: 0, byOperation: {} };
  const reserved = new Set([ABSENT_TAX_CODE, ...FIXED_ORGANIZATIONS.map((o) => o.taxCode)]);
  const organizations = Object.freeze([
    ...FIXED_ORGANIZATIONS,
    ...generateOrganizations(options.seed ?? 20200515, options.organizations ?? 150, reserved),
  ]);
  const byCode = new Map<string, DoanhNghiep>(organizations.map((o) => [o.taxCode, toDoanhNghiep(o)]));
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
    TraCuuDoanhNghiep: async (args: { MaSoDoanhNghiep?: unknown }, _callback: unknown, header: unknown) => {
      admit('TraCuuDoanhNghiep', header);
      const code = normalized(args?.MaSoDoanhNghiep);
      if (!code) throw fault('MA_SO_KHONG_HOP_LE');
      await delay();
      const organization = byCode.get(code);
      if (!organization) throw fault('KHONG_TIM_THAY');
      return { DoanhNghiep: organization };
    },
    TraCuuNhieuDoanhNghiep: async (args: { MaSoDoanhNghiep?: unknown }, _callback: unknown, header: unknown) => {
      admit('TraCuuNhieuDoanhNghiep', header);
      const sent = args?.MaSoDoanhNghiep === undefined ? [] : [args.MaSoDoanhNghiep].flat();
      if (sent.length === 0 || sent.length > BUSINESS_REGISTRY_MAX_BATCH) {
        throw fault('YEU_CAU_KHONG_HOP_LE', 500, `Cần từ 1 đến ${BUSINESS_REGISTRY_MAX_BATCH} mã số doanh nghiệp.`);
      }
      const codes = sent.map(normalized);
      if (codes.some((c) => c === undefined)) throw fault('MA_SO_KHONG_HOP_LE');
      await delay();
      const found = [...new Set(codes as string[])].flatMap((c) => byCode.get(c) ?? []);
      return { DoanhNghiep: found };
    },
  };

  return {
    calls,
    organizations,
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
          xml: businessRegistryWsdl(url),
          services: { DichVuTraCuuDoanhNghiep: { TraCuuDoanhNghiepPort: service } },
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
