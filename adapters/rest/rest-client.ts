/**
 * REST clients for upstreams that speak XML or JSON over HTTP, with the same transport contract as the
 * SOAP client: one bounded exchange (adapters/kit/http-exchange.ts), typed AdapterErrors, values as sent
 * (XML with the SOAP kit's parser rules; JSON with 64-bit integers kept as text).
 */
import { parseXmlDocument, type XmlObject } from '../soap/envelope-parser';
import { AdapterError } from '../soap/adapter-error';
import { exchangeHttp, type HttpExchangeResponse } from '../kit/http-exchange';
import { Upstream, type TransportSendOptions, type UpstreamPolicyOptions, type UpstreamTransport } from '../kit/upstream';
import { parseJsonLosslessly, type JsonValue } from './lossless-json';

export type RestFormat = 'json' | 'xml';

/** How one named operation maps to an HTTP request. */
export interface RestOperation {
  method: 'GET' | 'POST';
  /**
   * Path below the base URL; `{name}` placeholders are filled from the input's members (URL-encoded),
   * e.g. `/api/v1/nguoi-tham-gia/{soDinhDanh}`.
   */
  path: string;
  /** Input members sent as query parameters (arrays repeat the parameter). @default [] */
  query?: string[];
  /**
   * Request body for POST: a function of the input (a string is sent as is, anything else as JSON).
   * @default the input as JSON for POST, none for GET
   */
  body?: (input: Record<string, unknown>) => unknown;
}

export interface RestClientOptions {
  /** Upstream system name, carried by every error. */
  system: string;
  /** Base URL, e.g. `http://127.0.0.1:4104`. */
  baseUrl: string;
  /** Operations by name. */
  operations: Record<string, RestOperation>;
  /** Time allowed for one exchange, in ms. @default 3000 */
  timeoutMs?: number;
  /** Largest response body read; larger ones fail with TOO_LARGE before any parsing. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
  /** Headers sent with every request. @default {} */
  headers?: Record<string, string>;
}

/** Per-call HTTP headers (e.g. who asks and why), not part of the cache key. */
export interface RestCallMeta {
  headers?: Record<string, string>;
}

export interface RestCallOptions extends RestCallMeta {
  /** Overrides the client's timeout for this call. @default the client's timeoutMs */
  timeoutMs?: number;
}

export interface RestResult<Body> {
  httpStatus: number;
  /** The parsed body; null for an empty body (e.g. 204). */
  body: Body | null;
}

const UNAVAILABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const MEDIA: Record<RestFormat, string> = { json: 'application/json', xml: 'application/xml' };

export class RestClient<Body> implements UpstreamTransport<RestCallMeta, RestResult<Body>> {
  readonly system: string;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(
    readonly format: RestFormat,
    private readonly options: RestClientOptions,
    private readonly parseBody: (text: string, system: string, status: number) => Body,
  ) {
    this.system = options.system;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  }

  /** The operations this client knows. */
  operations(): string[] {
    return Object.keys(this.options.operations);
  }

  /** Sends `operation` and returns its parsed body, or throws an {@link AdapterError}. */
  async call(operation: string, input: Record<string, unknown> = {}, options: RestCallOptions = {}): Promise<RestResult<Body>> {
    const op = this.options.operations[operation];
    if (!op) throw new Error(`${this.system}: no REST operation ${operation}`);
    let body: string | undefined;
    const headers: Record<string, string> = { accept: MEDIA[this.format], ...this.options.headers, ...options.headers };
    if (op.method === 'POST') {
      const value = op.body ? op.body(input) : input;
      body = typeof value === 'string' ? value : JSON.stringify(value);
      headers['content-type'] ??= typeof value === 'string' ? `${MEDIA[this.format]}; charset=utf-8` : 'application/json; charset=utf-8';
    }
    const response = await exchangeHttp({
      system: this.system,
      url: this.urlOf(op, input),
      method: op.method,
      headers,
      body,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
    });
    return this.interpret(response);
  }

  send(operation: string, input: unknown, options: TransportSendOptions<RestCallMeta>): Promise<RestResult<Body>> {
    return this.call(operation, (input ?? {}) as Record<string, unknown>, { timeoutMs: options.timeoutMs, headers: options.meta?.headers });
  }

  private urlOf(op: RestOperation, input: Record<string, unknown>): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = input[name];
      if (value === undefined || value === null || value === '') throw new Error(`${this.system}: missing path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const name of op.query ?? []) {
      const value = input[name];
      for (const item of Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) {
        url.searchParams.append(name, String(item));
      }
    }
    return url.toString();
  }

  private interpret(response: HttpExchangeResponse): RestResult<Body> {
    const { status } = response;
    if (status === 404) throw new AdapterError('NOT_FOUND', this.system, 'HTTP 404', { httpStatus: status });
    if (UNAVAILABLE_STATUSES.has(status) || status >= 500) {
      throw new AdapterError('UNAVAILABLE', this.system, `HTTP ${status}`, { httpStatus: status });
    }
    if (status < 200 || status >= 300) throw new AdapterError('FAULT', this.system, `HTTP ${status}`, { httpStatus: status });
    if (response.body.trim() === '') return { httpStatus: status, body: null };
    return { httpStatus: status, body: this.parseBody(response.body, this.system, status) };
  }
}

/** A REST client whose answers are JSON (integers beyond 2^53 kept as strings). */
export function createRestJsonClient(options: RestClientOptions): RestClient<JsonValue> {
  return new RestClient<JsonValue>('json', options, parseJsonLosslessly);
}

/** A REST client whose answers are XML: elements by local name, values as text, `xsi:nil` as null. */
export function createRestXmlClient(options: RestClientOptions): RestClient<XmlObject> {
  return new RestClient<XmlObject>('xml', options, (text, system, status) => parseXmlDocument(text, system, status, 'XML response'));
}

export type RestUpstream<Body> = Upstream<RestCallMeta, RestResult<Body>> & { readonly transport: RestClient<Body> };

export interface RestUpstreamOptions extends UpstreamPolicyOptions {
  format: RestFormat;
  /** The REST client's options; its `timeoutMs` defaults to the policy's `timeoutMs`. */
  rest: RestClientOptions;
}

/** A REST upstream with the kit's policy (retries, circuit, cache, metrics). */
export function createRestUpstream(options: RestUpstreamOptions & { format: 'json' }): RestUpstream<JsonValue>;
export function createRestUpstream(options: RestUpstreamOptions & { format: 'xml' }): RestUpstream<XmlObject>;
export function createRestUpstream(options: RestUpstreamOptions): RestUpstream<JsonValue> | RestUpstream<XmlObject> {
  const { rest, format, ...policy } = options;
  const clientOptions = { ...rest, timeoutMs: rest.timeoutMs ?? policy.timeoutMs };
  const timeoutMs = policy.timeoutMs ?? rest.timeoutMs;
  if (format === 'json') {
    return new Upstream({ ...policy, timeoutMs, transport: createRestJsonClient(clientOptions) }) as RestUpstream<JsonValue>;
  }
  return new Upstream({ ...policy, timeoutMs, transport: createRestXmlClient(clientOptions) }) as RestUpstream<XmlObject>;
}
