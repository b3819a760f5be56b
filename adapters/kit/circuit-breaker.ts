/**
 * One circuit breaker per upstream, on opossum: opossum keeps the state machine (open → half-open
 * after `resetTimeoutMs` → one probe → closed or open again); the opening rule is ours, "N failures
 * within a rolling window", because opossum's own rule is a failure percentage.
 */
import CircuitBreaker from 'opossum';
import { AdapterError } from '../soap/adapter-error';
import type { AdapterMetricsRecorder, CircuitState } from './adapter-metrics';

export interface CircuitBreakerOptions {
  /** Failures within `windowMs` that open the circuit. @default 5 */
  failureThreshold?: number;
  /** Length of the rolling window in which failures are counted, in ms. @default 10000 */
  windowMs?: number;
  /** Time the circuit stays open before one probe call is let through (half-open), in ms. @default 5000 */
  resetTimeoutMs?: number;
  /**
   * Which errors say the upstream is unhealthy. Others (a NOT_FOUND, a business FAULT) prove it answered.
   * @default AdapterErrors TIMEOUT, UNAVAILABLE and BAD_RESPONSE
   */
  countsAsFailure?: (err: unknown) => boolean;
}

const UNHEALTHY = new Set(['TIMEOUT', 'UNAVAILABLE', 'BAD_RESPONSE']);
export const defaultCountsAsFailure = (err: unknown): boolean => err instanceof AdapterError && UNHEALTHY.has(err.code);

type Thunk = () => Promise<unknown>;

export class UpstreamCircuit {
  private readonly breaker: CircuitBreaker<[Thunk], unknown>;
  private failures: number[] = [];
  private readonly threshold: number;
  private readonly windowMs: number;

  constructor(
    private readonly system: string,
    options: CircuitBreakerOptions,
    private readonly metrics: AdapterMetricsRecorder,
  ) {
    this.threshold = Math.max(1, options.failureThreshold ?? 5);
    this.windowMs = options.windowMs ?? 10_000;
    const countsAsFailure = options.countsAsFailure ?? defaultCountsAsFailure;
    this.breaker = new CircuitBreaker((run: Thunk) => run(), {
      name: system,
      timeout: false, // each attempt carries its own timeout (see Upstream)
      resetTimeout: options.resetTimeoutMs ?? 5000,
      // Disables opossum's percentage rule (a rate is never > 100%); the half-open probe rule remains.
      errorThresholdPercentage: 100,
      rollingCountTimeout: this.windowMs,
      errorFilter: (err: unknown) => !countsAsFailure(err),
    });
    this.breaker.on('failure', () => this.recordFailure());
    this.breaker.on('open', () => this.metrics.circuit('OPEN'));
    this.breaker.on('halfOpen', () => this.metrics.circuit('HALF_OPEN'));
    this.breaker.on('close', () => {
      this.failures = [];
      this.metrics.circuit('CLOSED');
    });
    this.metrics.circuit('CLOSED');
  }

  get state(): CircuitState {
    if (this.breaker.opened) return 'OPEN';
    return this.breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED';
  }

  /** Runs `action` through the breaker; while open, fails at once with `CIRCUIT_OPEN`. */
  async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(action)) as T;
    } catch (err) {
      if ((err as { code?: string })?.code === 'EOPENBREAKER') {
        throw new AdapterError('CIRCUIT_OPEN', this.system, 'circuit open after repeated failures; not called', { cause: err });
      }
      throw err;
    }
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.breaker.shutdown();
  }

  private recordFailure(): void {
    const now = Date.now();
    this.failures = this.failures.filter((at) => at > now - this.windowMs);
    this.failures.push(now);
    if (this.failures.length >= this.threshold && !this.breaker.opened) this.breaker.open();
  }
}
