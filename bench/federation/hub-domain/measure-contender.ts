/**
 * One query against one contender (the floor: a subgraph straight; the hub: through the gateway): a
 * warm-up at full concurrency, then the measured runs — one connection (latency), a fixed rate, many
 * connections (throughput). Around each measured run it reads the gateway's and the subgraphs'
 * CPU time and RSS from /proc and the gateway's subgraph-fetch counters from its /metrics.
 */
import { runLoad, type LoadResult } from '../load';
import { sampleProcess } from '../process-metrics';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../../subgraphs/shared/auth/tokens';
import type { DomainQuery } from './domain-queries';
import type { TokenPool } from './token-pool';

export interface HubDomainRow {
  query: string;
  contender: 'floor' | 'hub';
  connections: number;
  /** Requests per second asked for; unset: as fast as answers come. */
  rate?: number;
  /** Answers per second. */
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  /** Gateway CPU time per answered request, ms (hub rows). */
  cpuMsPerRequest?: number;
  /** Gateway resident memory after the run, bytes (hub rows). */
  rssBytes?: number;
  /** Gateway → subgraph requests per answered request (hub rows; 1 by construction for the floor). */
  subgraphRequestsPerOp?: number;
  /** Hub p50 − floor p50 at the same connections and rate, ms (hub rows with a floor). */
  overheadP50?: number;
  overheadP99?: number;
  /** Why the row does not count (errors, reused tokens, no answers); unset when valid. */
  invalid?: string;
  /** Subgraphs process CPU time per answered request, ms (both contenders: what the work costs below the gateway). */
  subgraphsCpuMsPerRequest?: number;
  /** Gateway → subgraph requests per answered request, by subgraph (hub rows). */
  subgraphRequestsBySubgraph?: Record<string, number>;
}

export interface RunPlan {
  /** Warm-up at `throughputConnections` before the measured runs. @default 3 */
  warmUpSeconds: number;
  /** Length of each measured run. @default 10 */
  runSeconds: number;
  /** The fixed rate, requests per second from all connections together. @default 100 */
  rate: number;
  /** Connections of the fixed-rate run (so a slow answer does not hold the rate back). @default 10 */
  rateConnections: number;
  /** Connections of the throughput run. @default 50 */
  throughputConnections: number;
}

export interface ContenderTarget {
  contender: 'floor' | 'hub';
  url: string;
  body: string;
  gatewayPid: number;
  subgraphsPid: number;
  /** Where the gateway serves /metrics (hub only). */
  metricsUrl?: string;
  internalSecret: string;
}

const FETCH_COUNT = /^lienthong_subgraph_fetch_duration_seconds_count\{([^}]*)\}\s+(\d+(?:\.\d+)?)/;
const OPERATIONS = /^lienthong_graphql_operations_total\{[^}]*\}\s+(\d+(?:\.\d+)?)/;

interface GatewayCounts {
  /** Operations the gateway answered (in flight at a run's end included, once settled). */
  operations: number;
  /** Subgraph fetches, by subgraph. */
  fetches: Map<string, number>;
}

/** The gateway's operations and subgraph fetches so far. */
async function gatewayCounts(metricsUrl: string): Promise<GatewayCounts> {
  const text = await (await fetch(metricsUrl)).text();
  const counts: GatewayCounts = { operations: 0, fetches: new Map() };
  for (const line of text.split('\n')) {
    const op = OPERATIONS.exec(line);
    if (op) counts.operations += Number(op[1]);
    const m = FETCH_COUNT.exec(line);
    if (!m) continue;
    const subgraph = /subgraph="([^"]+)"/.exec(m[1])?.[1] ?? '?';
    counts.fetches.set(subgraph, (counts.fetches.get(subgraph) ?? 0) + Number(m[2]));
  }
  return counts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the gateway and the subgraphs are idle: requests still in flight when autocannon
 * stopped (up to one per connection, each several subgraph fetches) are otherwise counted, in CPU
 * time and fetches, against the next run. Idle: at most 2 ticks (20 ms) of CPU in 250 ms each.
 */
async function settle(pids: number[], maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let before = pids.map((pid) => sampleProcess(pid).cpuMs);
  while (Date.now() < deadline) {
    await pause(250);
    const now = pids.map((pid) => sampleProcess(pid).cpuMs);
    if (now.every((cpu, i) => cpu - before[i] <= 20)) return;
    before = now;
  }
}

export async function measureContender(query: DomainQuery, target: ContenderTarget, tokens: TokenPool, plan: RunPlan): Promise<HubDomainRow[]> {
  const load = async (connections: number, seconds: number, rate?: number): Promise<LoadResult> => {
    // Internal tokens live 60 s, longer than a run: one signed per run costs the floor what the gateway's costs it.
    const headers: Record<string, string> = {};
    if (target.contender === 'floor') headers[INTERNAL_TOKEN_HEADER] = await signInternalToken({ ...query.principal, name: 'hub-bench-floor' }, target.internalSecret);
    return runLoad({ url: target.url, body: target.body, connections, durationSeconds: seconds, overallRate: rate, nextToken: tokens.take, verify: query.verify, headers });
  };

  // Enough tokens for the warm-up at any plausible speed; its reuse, if any, does not matter.
  await tokens.ensure(plan.warmUpSeconds * 1000);
  const pids = [target.gatewayPid, target.subgraphsPid];
  const warmUp = await load(plan.throughputConnections, plan.warmUpSeconds);
  await settle(pids);
  if (warmUp.errors > 0) throw new Error(`${query.name} (${target.contender}): ${warmUp.errors} errors during warm-up ${JSON.stringify(warmUp.errorBreakdown)}`);
  tokens.compact();
  // The warm-up runs while code is still being optimised: measured runs go up to twice as fast.
  const fastest = Math.max(warmUp.rps * 2, 200);

  const measured = async (connections: number, rate?: number): Promise<HubDomainRow> => {
    const expected = rate ?? fastest;
    await tokens.ensure(Math.ceil(expected * plan.runSeconds * 1.5) + 500);
    const reusedBefore = tokens.reused;
    const countsBefore = target.metricsUrl ? await gatewayCounts(target.metricsUrl) : undefined;
    const gatewayBefore = sampleProcess(target.gatewayPid);
    const subgraphsBefore = sampleProcess(target.subgraphsPid);
    const result = await load(connections, plan.runSeconds, rate);
    // The work of requests still in flight at the end (at most one per connection) counts to this run.
    await settle(pids);
    const gatewayAfter = sampleProcess(target.gatewayPid);
    const subgraphsAfter = sampleProcess(target.subgraphsPid);
    const countsAfter = target.metricsUrl ? await gatewayCounts(target.metricsUrl) : undefined;
    const reused = tokens.reused - reusedBefore;
    tokens.compact();
    const perRequest = (ms: number) => (result.requests > 0 ? ms / result.requests : undefined);
    const row: HubDomainRow = {
      query: query.name,
      contender: target.contender,
      connections,
      ...(rate ? { rate } : {}),
      rps: result.rps,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      subgraphsCpuMsPerRequest: perRequest(subgraphsAfter.cpuMs - subgraphsBefore.cpuMs),
    };
    if (target.contender === 'hub') {
      row.cpuMsPerRequest = perRequest(gatewayAfter.cpuMs - gatewayBefore.cpuMs);
      row.rssBytes = gatewayAfter.rssBytes;
    } else {
      row.subgraphRequestsPerOp = 1;
    }
    if (countsBefore && countsAfter) {
      // Per operation the gateway answered in the window, so requests cut off at the end do not skew it.
      const operations = countsAfter.operations - countsBefore.operations;
      const bySubgraph: Record<string, number> = {};
      for (const [name, count] of countsAfter.fetches) {
        const delta = count - (countsBefore.fetches.get(name) ?? 0);
        if (delta > 0 && operations > 0) bySubgraph[name] = delta / operations;
      }
      row.subgraphRequestsBySubgraph = bySubgraph;
      row.subgraphRequestsPerOp = Object.values(bySubgraph).reduce((a, b) => a + b, 0);
    }
    const problems = [
      result.errors > 0 ? `${result.errors} errors ${JSON.stringify(result.errorBreakdown)}` : '',
      reused > 0 ? `${reused} tokens reused` : '',
      result.requests === 0 ? 'no answers' : '',
    ].filter(Boolean);
    if (problems.length) row.invalid = problems.join('; ');
    return row;
  };

  return [await measured(1), await measured(plan.rateConnections, plan.rate), await measured(plan.throughputConnections)];
}

/** Sets each hub row's overhead over the floor row of the same query, connections and rate. */
export function addOverheads(rows: HubDomainRow[]): void {
  for (const hub of rows.filter((r) => r.contender === 'hub')) {
    const floor = rows.find((r) => r.contender === 'floor' && r.query === hub.query && r.connections === hub.connections && r.rate === hub.rate);
    if (!floor) continue;
    hub.overheadP50 = hub.p50 - floor.p50;
    hub.overheadP99 = hub.p99 - floor.p99;
  }
}
