/**
 * The skeleton of a sandbox national database that follows the lookup convention
 * (lookup-convention.ts): a real SOAP service (`soap.listen`, WSDL at `?wsdl`) that counts calls,
 * can be made slow or unavailable, refuses requests without a `ThongTinYeuCau` header and answers
 * with `LoiTraCuu` faults. Each simulator brings its WSDL, its data and its operations.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';

/** Faults every lookup service has; a simulator adds its own. */
export type CommonLookupFault = 'THIEU_THONG_TIN_YEU_CAU' | 'TAM_NGUNG_DICH_VU' | 'KHONG_TIM_THAY' | 'YEU_CAU_KHONG_HOP_LE';
export type LookupFaultTable<F extends string> = Record<F | CommonLookupFault, { faultcode: string; vi: string }>;

export interface LookupSandboxCalls {
  /** Operations invoked (requests that reached an operation, answered or faulted). */
  total: number;
  byOperation: Record<string, number>;
}

export interface LookupSandbox {
  start(): Promise<{ url: string; wsdlUrl: string }>;
  stop(): Promise<void>;
  setLatency(ms: number): void;
  /** When false, every operation answers the TAM_NGUNG_DICH_VU fault with HTTP 503. */
  setAvailable(available: boolean): void;
  readonly calls: LookupSandboxCalls;
}

/** What an operation handler uses: admission (count, availability, header), faults, latency. */
export interface LookupSandboxTools<F extends string> {
  admit(operation: string, header: unknown): void;
  fault(code: F | CommonLookupFault, statusCode?: number, moTa?: string): unknown;
  delay(): Promise<void>;
}

type Operation = (args: any, callback: unknown, header: unknown) => Promise<unknown>;

export interface LookupSandboxOptions<F extends string> {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** HTTP path of the service. */
  path: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  namespace: string;
  faults: LookupFaultTable<F>;
  /** The WSDL, given the service's own URL. */
  wsdl: (url: string) => string;
  /** WSDL service and port names. */
  serviceName: string;
  portName: string;
  operations: (tools: LookupSandboxTools<F>) => Record<string, Operation>;
}

export function createLookupSandbox<F extends string>(options: LookupSandboxOptions<F>): LookupSandbox {
  const host = options.host ?? '127.0.0.1';
  let latencyMs = options.latencyMs ?? 0;
  let available = true;
  const calls: LookupSandboxCalls = { total: 0, byOperation: {} };
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | undefined;

  const fault = (code: F | CommonLookupFault, statusCode = 500, moTa?: string) => {
    const entry = options.faults[code];
    return {
      Fault: {
        faultcode: `soap:${entry.faultcode}`,
        faultstring: entry.vi,
        detail: { LoiTraCuu: { attributes: { xmlns: options.namespace }, MaLoi: code, MoTa: moTa ?? entry.vi } },
        statusCode,
      },
    };
  };
  const tools: LookupSandboxTools<F> = {
    fault,
    /** Counts the call, then checks what the real service checks before reading anything. */
    admit(operation, header) {
      calls.total += 1;
      calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
      if (!available) throw fault('TAM_NGUNG_DICH_VU', 503);
      const info = (header as { ThongTinYeuCau?: Record<string, unknown> } | undefined)?.ThongTinYeuCau;
      if (!info?.MaYeuCau || !info.MaDonVi || !info.NguoiTraCuu || !info.MucDich) throw fault('THIEU_THONG_TIN_YEU_CAU');
    },
    delay: () =>
      new Promise<void>((resolve) => {
        if (latencyMs <= 0) return resolve();
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, latencyMs);
        timers.add(timer);
      }),
  };
  const service = options.operations(tools);

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
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${options.path}`;
      await new Promise<void>((resolve, reject) => {
        soap.listen(http, {
          path: options.path,
          xml: options.wsdl(url),
          services: { [options.serviceName]: { [options.portName]: service } },
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
