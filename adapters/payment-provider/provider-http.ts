/**
 * One HTTP exchange with the payment provider, with the hub's failure vocabulary: no answer in time is
 * UPSTREAM_TIMEOUT, no connection / 5xx / 429 is UPSTREAM_UNAVAILABLE, anything unreadable or refused
 * is UPSTREAM_BAD_RESPONSE. Only calls the caller declares safe to repeat are retried, and only after
 * the first two kinds: a refused or malformed answer would be refused again.
 */
import { backoffDelay, sleep, type RetryOptions } from '../kit/backoff';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

export interface ProviderHttpOptions {
  baseUrl: string;
  /** Time allowed for one attempt. */
  timeoutMs: number;
  retry: Required<RetryOptions>;
  /** Jitter source. */
  random: () => number;
}

export interface ProviderRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** A 404 answers `null` instead of an error. @default false */
  notFoundIsNull?: boolean;
  /** True when repeating the request cannot do anything twice: it is then retried on timeouts and 5xx. */
  repeatable: boolean;
}

/** A typed error about the provider; `en` says what went wrong, the Vietnamese text is the catalogue's. */
export const upstreamError = (code: ErrorCode, en: string, details?: Record<string, unknown>) =>
  new LienthongError(code, { en: `Payment provider: ${en}`, details: { upstream: 'payment-provider', ...details } });

const RETRYABLE = new Set<string>([ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.UPSTREAM_UNAVAILABLE]);

export class ProviderHttp {
  constructor(private readonly options: ProviderHttpOptions) {}

  /** Sends the request, retrying a repeatable one with backoff; throws UPSTREAM_* errors. */
  async send(request: ProviderRequest): Promise<unknown> {
    const attempts = request.repeatable ? Math.max(1, Math.floor(this.options.retry.attempts)) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(request);
      } catch (err) {
        const retryable = err instanceof LienthongError && RETRYABLE.has(err.code);
        if (!retryable || attempt >= attempts) throw err;
        await sleep(backoffDelay(attempt, this.options.retry, this.options.random));
      }
    }
  }

  private async once({ method, path, body, notFoundIsNull = false }: ProviderRequest): Promise<unknown> {
    const { timeoutMs } = this.options;
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.options.baseUrl + path, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw upstreamError(ErrorCode.UPSTREAM_TIMEOUT, `no answer within ${timeoutMs} ms`);
      }
      throw upstreamError(ErrorCode.UPSTREAM_UNAVAILABLE, 'unreachable');
    }
    if (notFoundIsNull && res.status === 404) return null;
    if (res.status >= 500 || res.status === 429) {
      throw upstreamError(ErrorCode.UPSTREAM_UNAVAILABLE, `HTTP ${res.status}`, { upstreamStatus: res.status });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw upstreamError(ErrorCode.UPSTREAM_BAD_RESPONSE, `HTTP ${res.status} with a body that is not JSON`, {
        upstreamStatus: res.status,
      });
    }
    if (!res.ok) {
      // The provider refused the request itself (bad checksum, duplicate reference, …).
      const upstreamCode = (json as { code?: unknown } | null)?.code;
      throw upstreamError(ErrorCode.UPSTREAM_BAD_RESPONSE, `request refused (HTTP ${res.status})`, {
        upstreamStatus: res.status,
        ...(typeof upstreamCode === 'string' ? { upstreamCode } : {}),
      });
    }
    return json;
  }
}
