/**
 * The HTTP server every REST/JSON sandbox simulator runs on: it listens on the given port (0 in
 * tests), answers a handler's unexpected failure the simulator's way instead of hanging the
 * request, and closes its open keep-alive connections on stop so tests end cleanly.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpSandboxServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Answers a request whose handler threw before answering (e.g. the system's 500 body). */
  onUnexpectedError(res: ServerResponse): void;
}

export class HttpSandboxServer {
  private server: Server | undefined;

  constructor(
    private readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
    private readonly options: HttpSandboxServerOptions,
  ) {}

  /** Listens; resolves with the base URL (`http://host:port`). */
  async start(): Promise<{ baseUrl: string }> {
    const host = this.options.host ?? '127.0.0.1';
    const http = createServer((req, res) => {
      this.handle(req, res).catch(() => (res.headersSent ? res.end() : this.options.onUnexpectedError(res)));
    });
    this.server = http;
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.options.port ?? 0, host, resolve);
    });
    const { port } = http.address() as AddressInfo;
    return { baseUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}` };
  }

  async stop(): Promise<void> {
    const http = this.server;
    this.server = undefined;
    if (!http) return;
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

/** A JSON answer, as the sandboxed systems send them. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The error body the Vietnamese sandboxed systems share: `{ maLoi, moTa }` (code, description). */
export const sendError = (res: ServerResponse, status: number, maLoi: string, moTa: string): void => sendJson(res, status, { maLoi, moTa });

/** The answer to a handler that failed unexpectedly. */
export const systemError = (res: ServerResponse): void => sendError(res, 500, 'LOI_HE_THONG', 'Lỗi hệ thống.');
