/**
 * One load run with autocannon: a GraphQL POST body, a number of connections, optionally a fixed
 * overall rate, and a fresh Authorization header on every request (so no gateway can answer from a
 * per-token cache). Latencies are recorded from autocannon's per-response timings in fractional
 * milliseconds: its own histogram counts whole milliseconds, too coarse for a sub-millisecond overhead.
 * Any connection error, timeout, non-2xx answer or body that fails `verify` counts as an error.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** The request body (a JSON GraphQL request). */
  body: string;
  /** Concurrent connections. @default 1 */
  connections?: number;
  /** Seconds to run. @default 10 */
  durationSeconds?: number;
  /** Requests per second from all connections together; unset means as fast as answers come. @default undefined */
  overallRate?: number;
  /** The next bearer token; called once per request. @default undefined (no Authorization header) */
  nextToken?: () => string;
  /** Whether an answer is right (e.g. has no `errors` and the expected data). @default no GraphQL `errors` */
  verify?: (body: string) => boolean;
  /** Extra request headers. @default {} */
  headers?: Record<string, string>;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  requests: number;
  /** Answers per second over the run. */
  rps: number;
  /** Connection errors, timeouts, non-2xx answers and failed verifications together. */
  errors: number;
  errorBreakdown: { connection: number; timeouts: number; non2xx: number; mismatches: number };
  /** Milliseconds, fractional. */
  latency: LatencySummary;
  durationSeconds: number;
}

const noGraphQLErrors = (body: string) => !body.includes('"errors"');

export function summarize(samples: Float64Array | number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return { p50: NaN, p90: NaN, p99: NaN, mean: NaN, max: NaN };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  let sum = 0;
  for (const v of sorted) sum += v;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), mean: sum / sorted.length, max: sorted[sorted.length - 1] };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const headers = { 'content-type': 'application/json', ...options.headers };
  const nextToken = options.nextToken;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        body: options.body,
        headers,
        connections: options.connections ?? 1,
        duration: options.durationSeconds ?? 10,
        overallRate: options.overallRate,
        timeout: 10,
        verifyBody: options.verify ?? noGraphQLErrors,
        requests: nextToken
          ? [
              {
                setupRequest: (request: { headers?: Record<string, string> }) => {
                  request.headers = { ...headers, authorization: `Bearer ${nextToken()}` };
                  return request;
                },
              },
            ]
          : undefined,
      } as autocannon.Options,
      (err, result) => {
        if (err) return reject(err);
        const non2xx = result.non2xx;
        resolve({
          requests: latencies.length,
          rps: latencies.length / result.duration,
          errors: result.errors + non2xx + result.mismatches,
          errorBreakdown: { connection: result.errors - result.timeouts, timeouts: result.timeouts, non2xx, mismatches: result.mismatches },
          latency: summarize(latencies),
          durationSeconds: result.duration,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}
