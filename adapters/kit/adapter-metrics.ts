/**
 * In-memory metrics per adapter (upstream system): calls, attempts, retries, errors by code, latency,
 * cache hits and circuit state. Nothing is exposed over HTTP here; a health or GraphQL surface reads
 * {@link AdapterMetrics.snapshot}.
 */

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'DISABLED';

/** Upper bounds (ms) of the cumulative latency histogram; the last bucket is +Infinity. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] as const;

export interface LatencySummary {
  /** Calls measured since start (cache hits excluded). */
  count: number;
  /** Median and 95th percentile over the most recent samples (see `sampleWindow`), in ms; 0 when none. */
  p50: number;
  p95: number;
  max: number;
  /** Cumulative histogram since start: calls that took at most `le` ms (`le: null` is +Infinity). */
  buckets: Array<{ le: number | null; count: number }>;
}

export interface AdapterStats {
  /** Calls made through the upstream (one per `callUpstream`, cache hits included). */
  calls: number;
  /** Exchanges actually attempted (a call with two retries counts three; cache hits and open-circuit rejections none). */
  attempts: number;
  retries: number;
  successes: number;
  /** Failed calls by final error code (`AdapterError.code`, or `INTERNAL` for anything else). */
  errors: Record<string, number>;
  cache: { hits: number; misses: number };
  latencyMs: LatencySummary;
  circuit: { state: CircuitState; timesOpened: number };
}

export interface AdapterMetricsOptions {
  /** Latest latency samples kept per adapter for percentiles. @default 1024 */
  sampleWindow?: number;
}

/** The recording side for one adapter; obtained with {@link AdapterMetrics.adapter}. */
export class AdapterMetricsRecorder {
  private calls = 0;
  private attempts = 0;
  private retries = 0;
  private successes = 0;
  private readonly errors = new Map<string, number>();
  private hits = 0;
  private misses = 0;
  private readonly samples: number[] = [];
  private next = 0;
  private measured = 0;
  private max = 0;
  private readonly buckets = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  private circuitState: CircuitState = 'DISABLED';
  private timesOpened = 0;

  constructor(private readonly sampleWindow: number) {}

  call(): void {
    this.calls += 1;
  }
  attempt(): void {
    this.attempts += 1;
  }
  retry(): void {
    this.retries += 1;
  }
  cacheHit(): void {
    this.hits += 1;
  }
  cacheMiss(): void {
    this.misses += 1;
  }
  success(latencyMs: number): void {
    this.successes += 1;
    this.latency(latencyMs);
  }
  failure(code: string, latencyMs: number): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    this.latency(latencyMs);
  }
  circuit(state: CircuitState): void {
    if (state === 'OPEN' && this.circuitState !== 'OPEN') this.timesOpened += 1;
    this.circuitState = state;
  }

  private latency(ms: number): void {
    if (this.samples.length < this.sampleWindow) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.sampleWindow;
    this.measured += 1;
    this.max = Math.max(this.max, ms);
    const index = LATENCY_BUCKETS_MS.findIndex((le) => ms <= le);
    this.buckets[index === -1 ? LATENCY_BUCKETS_MS.length : index] += 1;
  }

  snapshot(): AdapterStats {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const pick = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
    let cumulative = 0;
    const buckets = this.buckets.map((count, i) => {
      cumulative += count;
      return { le: i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i] : null, count: cumulative };
    });
    return {
      calls: this.calls,
      attempts: this.attempts,
      retries: this.retries,
      successes: this.successes,
      errors: Object.fromEntries(this.errors),
      cache: { hits: this.hits, misses: this.misses },
      latencyMs: { count: this.measured, p50: pick(0.5), p95: pick(0.95), max: this.max, buckets },
      circuit: { state: this.circuitState, timesOpened: this.timesOpened },
    };
  }
}

/** A registry of adapters' metrics; share one per process (or per test). */
export class AdapterMetrics {
  private readonly recorders = new Map<string, AdapterMetricsRecorder>();
  private readonly sampleWindow: number;

  constructor(options: AdapterMetricsOptions = {}) {
    this.sampleWindow = Math.max(1, options.sampleWindow ?? 1024);
  }

  /** The recorder of `system`, created on first use. */
  adapter(system: string): AdapterMetricsRecorder {
    let recorder = this.recorders.get(system);
    if (!recorder) {
      recorder = new AdapterMetricsRecorder(this.sampleWindow);
      this.recorders.set(system, recorder);
    }
    return recorder;
  }

  /** Every adapter's figures, by system name. */
  snapshot(): Record<string, AdapterStats> {
    return Object.fromEntries([...this.recorders].map(([system, recorder]) => [system, recorder.snapshot()]));
  }
}
