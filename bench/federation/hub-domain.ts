/**
 * The hub's own domain queries in the gateway benchmark (issue 10's reference workload): procedure
 * search, a dossier with its procedure, applicant and payment, and the prefill of an e-form — each
 * through the hub's gateway and, where one subgraph answers it alone, against that subgraph straight
 * (the floor). Per query and contender: warm-up, one connection, a fixed rate, many connections; a
 * distinct access token on every request; gateway CPU-ms per request and RSS from /proc; gateway →
 * subgraph fetches per operation from the gateway's /metrics. Any error makes a row INVALID.
 *
 * Placement on the 2 CPUs: the gateway alone on CPU 0; the four subgraphs with their simulators and
 * database, and this process (autocannon), on CPU 1.
 *
 *     npx tsc -p tsconfig.json && node dist/bench/federation/hub-domain.js [--smoke] [--postgres [URL]]
 *
 * `--postgres` runs the subgraphs on a throw-away database created on that PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards; otherwise embedded PGlite in memory.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createDevIssuer } from '../../gateway/auth/dev-issuer';
import { signInternalToken } from '../../subgraphs/shared/auth/tokens';
import { createBenchDatabase, DEFAULT_BENCH_SERVER_URL } from '../bench-database';
import { forkHubPart, HUB_BENCH_AUTH_SEED, HUB_BENCH_INTERNAL_SECRET, type HubPart, type HubSubgraphUrls } from './hub-domain/fork-part';
import { domainQueries } from './hub-domain/domain-queries';
import { formatHubDomainTable } from './hub-domain/format-table';
import { setUpJourney } from './hub-domain/journey-setup';
import { addOverheads, measureContender, type HubDomainRow, type RunPlan } from './hub-domain/measure-contender';
import { TokenPool } from './hub-domain/token-pool';

export type { HubDomainRow } from './hub-domain/measure-contender';

export interface HubDomainOptions {
  /** Short runs (1 s warm-up, 1 s per run) to check that everything works. */
  smoke: boolean;
  /** PostgreSQL server on which to create the throw-away database. @default undefined (embedded PGlite) */
  postgresUrl?: string;
  /** Progress lines. @default console.error */
  log?: (line: string) => void;
}

const FULL_PLAN: RunPlan = { warmUpSeconds: 3, runSeconds: 10, rate: 100, rateConnections: 10, throughputConnections: 50 };
// Smoke: 10 connections at most, so that a 1 s run still gets answers from a loaded CI machine (the dossier query takes ~0.7 s at 50).
const SMOKE_PLAN: RunPlan = { warmUpSeconds: 1, runSeconds: 1, rate: 20, rateConnections: 5, throughputConnections: 10 };
const GATEWAY_CPU = 0;
const SUBGRAPHS_AND_LOAD_CPU = 1;

/** Pins every thread of this process to `cpu`; returns what undoes it. */
function pinThisProcess(cpu: number): () => void {
  const pid = String(process.pid);
  const mask = /:\s*([0-9a-f]+)\s*$/i.exec(execFileSync('taskset', ['-p', pid], { encoding: 'utf8' }))?.[1];
  execFileSync('taskset', ['-a', '-pc', String(cpu), pid], { stdio: 'ignore' });
  return () => {
    if (mask) execFileSync('taskset', ['-a', '-p', mask, pid], { stdio: 'ignore' });
  };
}

export async function runHubDomainBench(options: HubDomainOptions): Promise<HubDomainRow[]> {
  const log = options.log ?? ((line: string) => console.error(line));
  const plan = options.smoke ? SMOKE_PLAN : FULL_PLAN;
  const unpin = pinThisProcess(SUBGRAPHS_AND_LOAD_CPU);
  const database = options.postgresUrl ? await createBenchDatabase(options.postgresUrl) : undefined;
  let subgraphs: HubPart<HubSubgraphUrls> | undefined;
  let gateway: HubPart<{ url: string; baseUrl: string }> | undefined;
  try {
    subgraphs = await forkHubPart<HubSubgraphUrls>('subgraphs', SUBGRAPHS_AND_LOAD_CPU, database ? [database.url] : []);
    gateway = await forkHubPart<{ url: string; baseUrl: string }>('gateway', GATEWAY_CPU, [JSON.stringify(subgraphs.ready)]);
    log(`hub-domain: subgraphs (pid ${subgraphs.pid}, CPU 1, ${database ? 'PostgreSQL' : 'embedded PGlite'}), gateway (pid ${gateway.pid}, CPU 0) ready`);
    const issuer = createDevIssuer({ seed: HUB_BENCH_AUTH_SEED });
    const journey = await setUpJourney({
      gatewayUrl: gateway.ready.url,
      subgraphUrls: subgraphs.ready,
      issuer,
      subgraphs,
      internalToken: (principal) => signInternalToken(principal, HUB_BENCH_INTERNAL_SECRET),
    });
    log(`hub-domain: dossier ${journey.dossierCode} submitted and paid; agency ${journey.official.agencyCode}`);

    const rows: HubDomainRow[] = [];
    const common = { gatewayPid: gateway.pid, subgraphsPid: subgraphs.pid, internalSecret: HUB_BENCH_INTERNAL_SECRET };
    for (const [i, query] of domainQueries(journey).entries()) {
      // One pool per query for both contenders: no token is ever sent twice.
      const tokens = new TokenPool(issuer, query.principal, `hub-bench-q${i}`);
      if (query.floor) {
        log(`hub-domain: ${query.name} — floor (${query.floor.subgraph} subgraph straight)`);
        rows.push(...(await measureContender(query, { contender: 'floor', url: subgraphs.ready[query.floor.subgraph], body: query.floor.body, ...common }, tokens, plan)));
      }
      log(`hub-domain: ${query.name} — hub`);
      const metricsUrl = `${gateway.ready.baseUrl}/metrics`;
      rows.push(...(await measureContender(query, { contender: 'hub', url: gateway.ready.url, body: query.hubBody, metricsUrl, ...common }, tokens, plan)));
    }
    addOverheads(rows);
    return rows;
  } finally {
    await gateway?.stop();
    await subgraphs?.stop();
    await database?.drop();
    unpin();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--postgres');
  const postgresUrl = at < 0 ? undefined : args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1] : DEFAULT_BENCH_SERVER_URL;
  const started = performance.now();
  const rows = await runHubDomainBench({ smoke: args.includes('--smoke'), postgresUrl });
  console.log(formatHubDomainTable(rows));
  console.log(`\n${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s${args.includes('--smoke') ? ' (smoke)' : ''}.`);
  const invalid = rows.filter((r) => r.invalid);
  if (invalid.length) {
    console.log(`${invalid.length} INVALID row(s): the run does not count.`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
