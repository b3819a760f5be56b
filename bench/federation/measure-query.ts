/**
 * Measures one contender on one query: a checked probe answer, a warm-up (not recorded), then one
 * connection (latency), each fixed rate, and many connections (throughput, with the gateway's CPU per
 * request); then subgraph requests per operation and cold vs warm planning. Any error or wrong
 * answer anywhere makes the measurement invalid (the reasons are kept).
 */
import type { AnswerCheck } from './answer-check';
import type { TokenPool, TokenStream } from './bench-tokens';
import { COLD_ALIAS, neverSeenVariant, requestBody, type BenchQuery } from './bench-queries';
import type { ContenderName, RunningContender } from './contenders';
import { processTree } from './contenders/pinned-process';
import { runLoad, type LoadResult } from './load';
import { runPacedLoad } from './paced-load';
import { sampleProcess } from './process-metrics';

export interface MeasureSettings {
  /** Seconds of each recorded run. */
  durationSeconds: number;
  /** Seconds of the unrecorded warm-up (at the throughput's connections). */
  warmupSeconds: number;
  /** Overall requests per second of the fixed-rate runs. */
  rates: readonly number[];
  /** Most connections of the fixed-rate runs (evenly spaced arrivals, see paced-load.ts). */
  rateConnections: number;
  /** Connections of the throughput run. */
  throughputConnections: number;
  /** Never-seen operations sent for cold planning (each then repeated for warm). */
  planningSamples: number;
}

export interface RunFigures {
  connections: number;
  /** Requested overall rate; undefined: as fast as answers come. */
  targetRate?: number;
  /** Whether the answered rate reached 97 % of the requested one. */
  rateMet?: boolean;
  requests: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  errorBreakdown: LoadResult['errorBreakdown'];
}

export interface QueryMeasurement {
  contender: ContenderName;
  query: BenchQuery['name'];
  /** Why the row is invalid; empty when it is valid. */
  invalid: string[];
  latency?: RunFigures;
  rates: RunFigures[];
  throughput?: RunFigures;
  /** Gateway CPU time (its process tree) per request in the throughput run, milliseconds. */
  cpuMsPerRequest?: number;
  /** Gateway CPU time / wall time in the throughput run: near 1, the gateway was the bottleneck. */
  gatewayCpuShare?: number;
  /** Largest gateway RSS sampled every 250 ms over the load runs, MiB. */
  rssMaxMiB?: number;
  subgraphRequestsPerOperation?: number;
  /** Milliseconds, medians: the first answer of a never-seen operation, and its repeats. */
  planning?: { coldMs: number; warmMs: number; samples: number };
}

export interface MeasureContext {
  settings: MeasureSettings;
  pool: TokenPool;
  check: AnswerCheck;
  subgraphUrls: Record<string, string>;
  /** The contender's token stream (shared by its queries, never rewound while it runs). */
  tokens: TokenStream;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function postOnce(url: string, body: string, token: string): Promise<{ ms: number; text: string; status: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await res.text();
  return { ms: performance.now() - started, text, status: res.status };
}

async function subgraphRequests(urls: Record<string, string>): Promise<number> {
  let total = 0;
  for (const url of Object.values(urls)) total += ((await (await fetch(new URL('/stats', url))).json()) as { requests: number }).requests;
  return total;
}

/** The subgraphs' request count once it stops moving: a saturated gateway still works off its backlog after a run. */
async function settledSubgraphRequests(urls: Record<string, string>): Promise<number> {
  let last = await subgraphRequests(urls);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await subgraphRequests(urls);
    if (now === last) return now;
    last = now;
  }
  return last;
}

const figures = (result: LoadResult, connections: number, targetRate?: number): RunFigures => ({
  connections,
  targetRate,
  rateMet: targetRate === undefined ? undefined : result.rps >= 0.97 * targetRate,
  requests: result.requests,
  rps: result.rps,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  errors: result.errors,
  errorBreakdown: result.errorBreakdown,
});

/** Largest RSS of a process tree, sampled every 250 ms until stopped. */
function rssSampler(pid: number | undefined): () => number | undefined {
  if (pid === undefined) return () => undefined;
  let max = 0;
  // The tree is read once: walking all of /proc every 250 ms would cost the load generator's CPU.
  const pids = processTree(pid);
  const sample = () => {
    let rss = 0;
    for (const p of pids) {
      try {
        rss += sampleProcess(p).rssBytes;
      } catch {
        // a worker that just exited
      }
    }
    max = Math.max(max, rss);
  };
  sample();
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    return max / 1024 / 1024;
  };
}

const cpuMsOf = (pid: number) => processTree(pid).reduce((sum, p) => sum + sampleProcess(p).cpuMs, 0);

export async function measureQuery(contender: RunningContender, query: BenchQuery, ctx: MeasureContext): Promise<QueryMeasurement> {
  const { settings, check, tokens } = ctx;
  const url = contender.url ?? ctx.subgraphUrls[query.singleSubgraph!];
  const body = requestBody(query.text);
  const m: QueryMeasurement = { contender: contender.name, query: query.name, invalid: [], rates: [] };

  const probe = await postOnce(url, body, tokens.next());
  const problem = probe.status === 200 ? check.checkAnswer(query.name, probe.text) : `HTTP ${probe.status}: ${probe.text.slice(0, 200)}`;
  if (problem) {
    m.invalid.push(`probe: ${problem}`);
    return m;
  }
  const verify = check.verifierFor(query.name, probe.text);
  let estimatedRps = 5_000;
  const load = async (connections: number, durationSeconds: number, overallRate?: number) => {
    // Minted now, between runs: enough for the expected answers plus half again.
    await ctx.pool.ensure(tokens.used + Math.ceil(durationSeconds * (overallRate ?? estimatedRps) * 1.5) + 1_000);
    return overallRate === undefined
      ? runLoad({ url, body, connections, durationSeconds, nextToken: tokens.next, verify })
      : runPacedLoad({ url, body, connections, durationSeconds, rate: overallRate, nextToken: tokens.next, verify });
  };
  const record = (label: string, run: RunFigures) => {
    if (run.errors) m.invalid.push(`${label}: ${run.errors} errors ${JSON.stringify(run.errorBreakdown)}`);
    return run;
  };

  const gatewayPid = contender.process?.pid;
  const stopRss = rssSampler(gatewayPid);
  try {
    const warm = await load(settings.throughputConnections, settings.warmupSeconds);
    if (warm.errors) m.invalid.push(`warm-up: ${warm.errors} errors ${JSON.stringify(warm.errorBreakdown)}`);
    estimatedRps = Math.max(warm.rps, 100);
    m.latency = record('1 connection', figures(await load(1, settings.durationSeconds), 1));
    for (const rate of settings.rates) {
      m.rates.push(record(`${rate}/s`, figures(await load(settings.rateConnections, settings.durationSeconds, rate), settings.rateConnections, rate)));
    }
    const cpuBefore = gatewayPid === undefined ? 0 : cpuMsOf(gatewayPid);
    const wallBefore = performance.now();
    const throughput = await load(settings.throughputConnections, settings.durationSeconds);
    if (gatewayPid !== undefined) {
      const cpuMs = cpuMsOf(gatewayPid) - cpuBefore;
      m.cpuMsPerRequest = cpuMs / Math.max(1, throughput.requests);
      m.gatewayCpuShare = cpuMs / (performance.now() - wallBefore);
    }
    m.throughput = record(`${settings.throughputConnections} connections`, figures(throughput, settings.throughputConnections));
  } finally {
    m.rssMaxMiB = stopRss();
  }

  // Exact: a fixed number of sequential operations, nothing else in flight.
  const operations = 20;
  const before = await settledSubgraphRequests(ctx.subgraphUrls);
  for (let i = 0; i < operations; i++) {
    const answer = await postOnce(url, body, tokens.next());
    if (!verify(answer.text)) m.invalid.push(`subgraph count: wrong answer ${answer.text.slice(0, 200)}`);
  }
  m.subgraphRequestsPerOperation = ((await subgraphRequests(ctx.subgraphUrls)) - before) / operations;

  if (contender.url) m.planning = await measurePlanning(url, query, ctx, m.invalid);
  return m;
}

/** Cold: the first answer of a never-seen operation; warm: the median of its next five answers. */
async function measurePlanning(url: string, query: BenchQuery, ctx: MeasureContext, invalid: string[]): Promise<QueryMeasurement['planning']> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < ctx.settings.planningSamples; i++) {
    const variant = neverSeenVariant(query, `${Date.now().toString(36)}_${i}`);
    const body = requestBody(variant.text, variant.operationName);
    const repeats: number[] = [];
    for (let r = 0; r <= 5; r++) {
      const answer = await postOnce(url, body, ctx.tokens.next());
      const problem = answer.status === 200 ? ctx.check.checkAnswer(query.name, answer.text, [COLD_ALIAS]) : `HTTP ${answer.status}`;
      if (problem) invalid.push(`planning probe: ${problem}`);
      if (r === 0) cold.push(answer.ms);
      else repeats.push(answer.ms);
    }
    warm.push(median(repeats));
  }
  return { coldMs: median(cold), warmMs: median(warm), samples: cold.length };
}
