/**
 * The registered adapters' figures in Prometheus text, served on the citizens subgraph's `GET /metrics`:
 * calls by outcome, a latency histogram and whether each circuit is open. A registry of its own, so
 * several hubs in one test process never collide on prom-client's global registry.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';


export class AdapterPrometheus {
  readonly registry = new Registry();
  private readonly calls: Counter<'adapter' | 'outcome'>;
  private readonly latency: Histogram<'adapter'>;

  /** @param circuitStates read at each scrape: adapter name → circuit state (CLOSED, OPEN, HALF_OPEN, ...). */
  constructor(circuitStates: () => Record<string, string>) {
    this.calls = new Counter({
      name: 'lienthong_adapter_calls_total',
      help: 'Calls through registered adapters, by outcome (ok, or the error code)',
      labelNames: ['adapter', 'outcome'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'lienthong_adapter_latency_seconds',
      help: 'Latency of calls through registered adapters',
      labelNames: ['adapter'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'lienthong_adapter_circuit_open',
      help: '1 while the adapter’s circuit breaker is open (calls refused without trying)',
      labelNames: ['adapter'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [adapter, state] of Object.entries(circuitStates())) this.set({ adapter }, state === 'OPEN' ? 1 : 0);
      },
    });
  }

  /** Records one finished call; `outcome` is `ok` or an error code. */
  observe(adapter: string, outcome: string, durationMs: number): void {
    this.calls.inc({ adapter, outcome });
    this.latency.observe({ adapter }, durationMs / 1000);
  }
}
