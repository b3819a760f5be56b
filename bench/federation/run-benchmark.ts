/**
 * Gateway benchmark (issue 10): the hub's gateway side by side with what users would pick instead, on
 * the reference workload of The Guild's federation gateway benchmark. Contenders, one at a time,
 * each in its own process pinned to CPU 0, against the same four subgraphs (one process, CPU 1, with
 * this load generator): the subgraph called directly (the floor), plain @apollo/gateway,
 * @graphql-hive/gateway and the hub's gateway. Then the hub's own domain queries (./hub-domain.ts),
 * hub against the floor. Prints tables; `--json` writes the figures.
 *
 *     npm run bench                                   # full: 10 s runs, ~11 min; numbers for docs/benchmarks.md
 *     npm run bench:smoke                             # CI: 1 s runs, ~2 min, loose checks
 *     node dist/bench/federation/run-benchmark.js --only hub,apollo --duration 5 --no-domain --json .scratch/bench.json
 *     node dist/bench/federation/run-benchmark.js --postgres [URL]   # domain queries on a throw-away PostgreSQL database
 *
 * Exit code 1 when any answer was wrong or any request failed (that row is INVALID), or, in smoke
 * mode, when a loose sanity check fails. Every child process is stopped at the end, also on failure
 * and on SIGINT/SIGTERM. Not run by `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerCheck } from './answer-check';
import { TokenPool } from './bench-tokens';
import { BENCH_QUERIES } from './bench-queries';
import { CONTENDER_NAMES, startContender, type ContenderName } from './contenders';
import { isRunning, killAllPinned, LOAD_CPU, pinSelf, processTree, startPinned, type PinnedProcess } from './contenders/pinned-process';
import { measureQuery, type MeasureSettings, type QueryMeasurement } from './measure-query';
import { REFERENCE_SUBGRAPHS, composeReferenceSupergraph } from './reference-subgraphs';
import { DEFAULT_BENCH_SERVER_URL } from '../bench-database';
import { runHubDomainBench } from './hub-domain';
import { formatReport, machineInfo, targetChecks, type BenchmarkReport, type ExtraSection } from './report';

interface Cli {
  smoke: boolean;
  json?: string;
  only: ContenderName[];
  duration?: number;
  /** Run the hub's own domain queries too. */
  domain: boolean;
  /** PostgreSQL server for the domain queries' throw-away database; unset: embedded PGlite. */
  postgres?: string;
}

function parseCli(argv: string[]): Cli {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = (value('--only')?.split(',') ?? [...CONTENDER_NAMES]) as ContenderName[];
  const unknown = only.filter((n) => !CONTENDER_NAMES.includes(n));
  if (unknown.length) throw new Error(`--only: unknown contender(s) ${unknown.join(', ')}; known: ${CONTENDER_NAMES.join(', ')}`);
  const duration = value('--duration');
  const postgres = value('--postgres');
  return {
    smoke: argv.includes('--smoke'),
    json: value('--json'),
    only,
    duration: duration === undefined ? undefined : Number(duration),
    domain: !argv.includes('--no-domain'),
    postgres: postgres === undefined ? undefined : postgres.startsWith('-') || postgres === '' ? DEFAULT_BENCH_SERVER_URL : postgres,
  };
}

function settingsFor(cli: Cli): MeasureSettings {
  return cli.smoke
    ? { durationSeconds: cli.duration ?? 1, warmupSeconds: 1, rates: [100], rateConnections: 20, throughputConnections: 50, planningSamples: 2 }
    : { durationSeconds: cli.duration ?? 10, warmupSeconds: 3, rates: [200, 500], rateConnections: 20, throughputConnections: 50, planningSamples: 5 };
}

/** The hub's own domain queries (procedure search, dossier across four subgraphs, prefill), hub against the floor. */
async function collectExtraSections(cli: Cli, failures: string[]): Promise<ExtraSection[]> {
  if (!cli.domain) return [];
  const rows = await runHubDomainBench({ smoke: cli.smoke, postgresUrl: cli.postgres });
  for (const row of rows) if (row.invalid) failures.push(`${row.query} (${row.contender}, ${row.connections} conn): ${row.invalid}`);
  const ms = (v?: number) => (v === undefined ? null : Number(v.toFixed(2)));
  return [
    {
      title: `Hub domain queries (${cli.postgres ? 'PostgreSQL' : 'embedded PGlite'}; floor: the one subgraph that answers alone)`,
      columns: ['query', 'contender', 'conns', 'rate/s', 'RPS', 'p50 ms', 'p99 ms', 'Δp50 ms', 'Δp99 ms', 'gateway CPU ms/req', 'subgraph req/op', 'RSS MiB', 'status'],
      rows: rows.map((r) => ({
        query: r.query,
        contender: r.contender,
        conns: r.connections,
        'rate/s': r.rate ?? 'max',
        RPS: Math.round(r.rps),
        'p50 ms': ms(r.p50),
        'p99 ms': ms(r.p99),
        'Δp50 ms': ms(r.overheadP50),
        'Δp99 ms': ms(r.overheadP99),
        'gateway CPU ms/req': ms(r.cpuMsPerRequest),
        'subgraph req/op': ms(r.subgraphRequestsPerOp),
        'RSS MiB': r.rssBytes === undefined ? null : Math.round(r.rssBytes / 2 ** 20),
        status: r.invalid ? `INVALID: ${r.invalid}` : 'ok',
      })),
    },
  ];
}

/** The loose checks that fail a smoke run beyond errors and disagreeing answers. */
function smokeFailures(ms: QueryMeasurement[]): string[] {
  const rps = (c: string) => ms.find((m) => m.contender === c && m.query === 'TestQuery')?.throughput?.rps;
  const hub = rps('hub');
  const apollo = rps('apollo');
  return hub !== undefined && apollo !== undefined && hub < 0.5 * apollo
    ? [`smoke: hub TestQuery RPS ${hub.toFixed(0)} is under half of @apollo/gateway's ${apollo.toFixed(0)}`]
    : [];
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const settings = settingsFor(cli);
  const started = Date.now();
  const machine = machineInfo();
  pinSelf(LOAD_CPU);
  const check = new AnswerCheck();
  const pool = new TokenPool();
  // Most tokens are minted here, before any run; the pool only grows between runs when a fast contender needs more.
  await pool.ensure(cli.smoke ? 20_000 : 60_000);
  const measurements: QueryMeasurement[] = [];
  const reusedByContender: Record<string, number> = {};
  const failures: string[] = [];
  const watchedPids: number[] = [];
  let subgraphs: PinnedProcess | undefined;
  try {
    subgraphs = startPinned('subgraphs', LOAD_CPU, process.execPath, [join(__dirname, 'subgraph-process.js'), '--exit-with-stdin']);
    watchedPids.push(subgraphs.pid);
    const subgraphUrls = await subgraphs.firstJsonLine<Record<string, string>>();
    const supergraphSdl = composeReferenceSupergraph(REFERENCE_SUBGRAPHS, subgraphUrls);
    for (const name of CONTENDER_NAMES.filter((n) => cli.only.includes(n))) {
      const queries = BENCH_QUERIES.filter((q) => name !== 'direct' || q.singleSubgraph);
      process.stderr.write(`[bench] ${name}: starting\n`);
      const contender = await startContender(name, { supergraphSdl, subgraphUrls });
      if (contender.process) watchedPids.push(...processTree(contender.process.pid));
      const tokens = pool.stream();
      try {
        for (const query of queries) {
          const m = await measureQuery(contender, query, { settings, pool, check, subgraphUrls, tokens });
          measurements.push(m);
          failures.push(...m.invalid.map((reason) => `${name} ${query.name}: ${reason}`));
          process.stderr.write(`[bench] ${name} ${query.name}: ${Math.round(m.throughput?.rps ?? 0)} RPS${m.invalid.length ? ' INVALID' : ''}\n`);
        }
      } finally {
        reusedByContender[name] = tokens.reused;
        await contender.stop();
      }
    }
  } catch (err) {
    if (subgraphs) process.stderr.write(`[bench] subgraphs' output:\n${subgraphs.output()}\n`);
    throw err;
  } finally {
    await subgraphs?.stop();
    killAllPinned();
  }
  const extraSections = await collectExtraSections(cli, failures);
  if (cli.smoke) failures.push(...smokeFailures(measurements));
  const orphans = watchedPids.filter(isRunning);
  if (orphans.length) failures.push(`processes still running after the benchmark: ${orphans.join(', ')}`);
  const report: BenchmarkReport = {
    mode: cli.smoke ? 'smoke' : 'full',
    startedAt: new Date(started).toISOString(),
    elapsedSeconds: (Date.now() - started) / 1000,
    machine,
    settings,
    tokens: { minted: pool.size, reusedByContender },
    measurements,
    targets: targetChecks(measurements),
    extraSections,
    failures,
  };
  process.stdout.write(formatReport(report));
  if (cli.json) writeFileSync(cli.json, `${JSON.stringify(report, null, 2)}\n`);
  return failures.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllPinned();
    process.exit(130);
  });
}
process.on('exit', () => killAllPinned());

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[bench] failed:', err);
    killAllPinned();
    process.exit(1);
  },
);
