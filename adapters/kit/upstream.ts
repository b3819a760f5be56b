/**
 * The one way an adapter calls a national system: `callUpstream(operation, input, { idempotent })`
 * puts a TTL cache, retries with backoff, a circuit breaker and metrics around any transport (SOAP,
 * REST/XML, REST/JSON). Retries are for idempotent reads only and never outlive the call's deadline:
 * the caller's timeout bounds the whole call, not each attempt.
 */
import { AdapterError } from '../soap/adapter-error';
import { AdapterMetrics, type AdapterMetricsRecorder, type CircuitState } from './adapter-metrics';
import { DEFAULT_RETRY, backoffDelay, sleep, type RetryOptions } from './backoff';
import { UpstreamCircuit, type CircuitBreakerOptions } from './circuit-breaker';
import { TtlCache, cacheKeyOf } from './ttl-cache';

/** What a transport gets for one exchange. */
export interface TransportSendOptions<Meta> {
  /** Time left for this exchange, in ms; the transport must fail with TIMEOUT beyond it. */
  timeoutMs: number;
  /** Per-call metadata that is not part of the call's identity (e.g. audit headers). */
  meta?: Meta;
}

/** One exchange with an upstream, without policy: throws {@link AdapterError} on failure. */
export interface UpstreamTransport<Meta = unknown, Result = unknown> {
  /** Upstream system name, e.g. `CSDLQG_DAN_CU`. */
  readonly system: string;
  send(operation: string, input: unknown, options: TransportSendOptions<Meta>): Promise<Result>;
}

export interface CacheOptions {
  /** Time to live per operation, in ms; operations not listed (or 0) are not cached. @default {} (no caching) */
  ttlMs?: Record<string, number>;
  /** Most results kept across operations (least recently used evicted). @default 1000 */
  maxEntries?: number;
}

/** The resilience policy of one upstream. */
export interface UpstreamPolicyOptions {
  /** Time allowed for one attempt, in ms. @default 3000 */
  timeoutMs?: number;
  /** Time allowed for a whole call, retries and backoff included, in ms. @default timeoutMs */
  deadlineMs?: number;
  /** Retries of idempotent reads. @default { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } */
  retry?: RetryOptions;
  /** Circuit breaker, or `false` for none. @default { failureThreshold: 5, windowMs: 10000, resetTimeoutMs: 5000 } */
  circuit?: CircuitBreakerOptions | false;
  /** Result cache for idempotent reads. @default no caching */
  cache?: CacheOptions;
  /** Where figures are recorded. @default a registry of this upstream's own */
  metrics?: AdapterMetrics;
  /** Jitter source, replaceable in tests. @default Math.random */
  random?: () => number;
  /** Clock for deadlines and cache expiry, in ms. @default Date.now */
  now?: () => number;
}

export interface UpstreamOptions<Meta, Result> extends UpstreamPolicyOptions {
  transport: UpstreamTransport<Meta, Result>;
}

export interface UpstreamCallOptions<Meta = unknown> {
  /**
   * True for reads that may be repeated without effect: only they are retried and cached. Required, so
   * that every call site says which it is.
   */
  idempotent: boolean;
  /** Per-call metadata passed to the transport, not part of the cache key. */
  meta?: Meta;
  /** Deadline of this call, in ms. @default the upstream's deadlineMs */
  deadlineMs?: number;
}

const codeOf = (err: unknown): string => (err instanceof AdapterError ? err.code : 'INTERNAL');

export class Upstream<Meta = unknown, Result = unknown> {
  readonly system: string;
  readonly transport: UpstreamTransport<Meta, Result>;
  readonly metrics: AdapterMetrics;
  private readonly recorder: AdapterMetricsRecorder;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly retry: Required<RetryOptions>;
  private readonly circuit: UpstreamCircuit | undefined;
  private readonly cache: TtlCache<Result>;
  private readonly ttlMs: Record<string, number>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: UpstreamOptions<Meta, Result>) {
    this.transport = options.transport;
    this.system = options.transport.system;
    this.metrics = options.metrics ?? new AdapterMetrics();
    this.recorder = this.metrics.adapter(this.system);
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.deadlineMs = options.deadlineMs ?? this.timeoutMs;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.retry.attempts = Math.max(1, Math.floor(this.retry.attempts));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.circuit = options.circuit === false ? undefined : new UpstreamCircuit(this.system, options.circuit ?? {}, this.recorder);
    if (!this.circuit) this.recorder.circuit('DISABLED');
    this.cache = new TtlCache<Result>({ maxEntries: options.cache?.maxEntries, now: this.now });
    this.ttlMs = { ...options.cache?.ttlMs };
  }

  /** State of this upstream's circuit. */
  get circuitState(): CircuitState {
    return this.circuit?.state ?? 'DISABLED';
  }

  /**
   * Calls `operation` with `input`. Cached results are shared: treat them as read-only.
   * Throws {@link AdapterError} (CIRCUIT_OPEN while the circuit is open).
   */
  async callUpstream(operation: string, input: unknown, options: UpstreamCallOptions<Meta>): Promise<Result> {
    this.recorder.call();
    const ttl = options.idempotent ? (this.ttlMs[operation] ?? 0) : 0;
    const key = ttl > 0 ? cacheKeyOf(operation, input) : undefined;
    if (key !== undefined) {
      const cached = this.cache.get(key);
      if (cached !== undefined) {
        this.recorder.cacheHit();
        return cached;
      }
      this.recorder.cacheMiss();
    }
    const started = this.now();
    try {
      const result = await this.attempt(operation, input, options, started);
      this.recorder.success(this.now() - started);
      // Errors are never cached: only a result reaches this line.
      if (key !== undefined) this.cache.set(key, result, ttl);
      return result;
    } catch (err) {
      this.recorder.failure(codeOf(err), this.now() - started);
      throw err;
    }
  }

  /** Empties the cache (e.g. after the upstream's data is known to have changed). */
  clearCache(): void {
    this.cache.clear();
  }

  /** Stops the circuit breaker's timers; call when the adapter is no longer used. */
  close(): void {
    this.circuit?.shutdown();
    this.cache.clear();
  }

  private async attempt(operation: string, input: unknown, options: UpstreamCallOptions<Meta>, started: number): Promise<Result> {
    const deadline = started + (options.deadlineMs ?? this.deadlineMs);
    const attempts = options.idempotent ? this.retry.attempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadline - this.now();
      if (remaining <= 0) throw new AdapterError('TIMEOUT', this.system, `no answer within the call's deadline`);
      const send = () => this.transport.send(operation, input, { timeoutMs: Math.min(this.timeoutMs, remaining), meta: options.meta });
      try {
        return await (this.circuit ? this.circuit.run(() => (this.recorder.attempt(), send())) : (this.recorder.attempt(), send()));
      } catch (err) {
        const retryable = err instanceof AdapterError && err.retryable;
        if (!retryable || attempt >= attempts) throw err;
        const delay = backoffDelay(attempt, this.retry, this.random);
        // A retry that cannot start before the deadline would only turn the real error into a TIMEOUT.
        if (this.now() + delay >= deadline) throw err;
        await sleep(delay);
        this.recorder.retry();
      }
    }
  }
}

/** An upstream with the given transport and policy. */
export function createUpstream<Meta, Result>(options: UpstreamOptions<Meta, Result>): Upstream<Meta, Result> {
  return new Upstream(options);
}
