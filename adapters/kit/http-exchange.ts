/**
 * One HTTP exchange with an upstream system, bounded in time and size: the whole exchange (connect,
 * headers and body) must finish within `timeoutMs`, and the body is read as a stream and abandoned
 * as soon as it passes `maxResponseBytes`, so a hostile or broken upstream cannot make the hub buffer
 * (or later parse) an unbounded document. Shared by the SOAP and REST transports.
 */
import { AdapterError } from '../soap/adapter-error';
import { currentLogContext, REQUEST_ID_HEADER } from '../../subgraphs/shared/logging';

export interface HttpExchangeRequest {
  /** Upstream system name, for errors. */
  system: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface HttpExchangeResponse {
  status: number;
  contentType: string;
  /** The body decoded as UTF-8 (SOAP 1.1 and 1.2 over HTTP are UTF-8 here). */
  body: string;
}

export async function exchangeHttp(request: HttpExchangeRequest): Promise<HttpExchangeResponse> {
  const { system, timeoutMs, maxResponseBytes } = request;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const failure = (err: unknown, phase: string): AdapterError => {
    if (err instanceof AdapterError) return err;
    if (timedOut) return new AdapterError('TIMEOUT', system, `no complete answer within ${timeoutMs} ms`, { cause: err });
    return new AdapterError('UNAVAILABLE', system, `${phase} failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  };
  try {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: withRequestId(request.headers),
        body: request.body,
        signal: controller.signal,
      });
    } catch (err) {
      throw failure(err, 'connection');
    }
    const tooLarge = () =>
      new AdapterError('TOO_LARGE', system, `response larger than ${maxResponseBytes} bytes`, { httpStatus: response.status });
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxResponseBytes) {
      controller.abort();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
          if (received > maxResponseBytes) {
            controller.abort();
            throw tooLarge();
          }
          chunks.push(value);
        }
      } catch (err) {
        throw failure(err, 'reading the response');
      } finally {
        reader.releaseLock();
      }
    }
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch (err) {
      throw new AdapterError('BAD_RESPONSE', system, 'response is not valid UTF-8', { httpStatus: response.status, cause: err });
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } finally {
    clearTimeout(timer);
  }
}

/** The hub request's id goes upstream too, so an agency's logs can be matched with ours (issue 9D). */
function withRequestId(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  const requestId = currentLogContext()?.requestId;
  if (!requestId || Object.keys(headers ?? {}).some((h) => h.toLowerCase() === REQUEST_ID_HEADER)) return headers;
  return { ...headers, [REQUEST_ID_HEADER]: requestId };
}
