/**
 * Benchmark: durable dossier submissions on PostgreSQL, through the dossiers subgraph over HTTP as
 * the gateway calls it. Each submission is the real intake: e-form validation, the day's gap-free
 * receipt number, the appointment date from the working-day calendar, the dossier, its first history
 * row and workflow step, and its outbox event, committed in one transaction (the relay publishes
 * the events meanwhile, as in production).
 *
 *   (1) throughput: N clients (keep-alive), each submitting as soon as its previous answer came —
 *       (a) all to one agency: every submission of the day takes the same receipt counter, the worst
 *       case for the gap-free numbering; (b) spread over one procedure per agency of the seed;
 *   (2) latency at a fixed arrival rate (open loop: a slow answer does not delay the next arrival,
 *       so queueing shows in the figures), p50/p95/p99 measured from each request's scheduled time,
 *       spread over the agencies as in (1b).
 *
 * Baselines measured in the same run, on the same database and the same number of clients:
 *   - a bare durable transaction (BEGIN; INSERT one row; COMMIT) through `pg`: the commit ceiling;
 *   - a trivial GraphQL query over the same HTTP path: the server's request ceiling.
 *
 *     npm run build && node dist/bench/dossier-submissions.js
 *     node dist/bench/dossier-submissions.js --clients 32 --seconds 10 --rate 200 --rate-seconds 10 --pool 10
 *
 * Storage: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the benchmark creates
 * a fresh database `lienthong_bench_<random>` on that server, migrates and seeds it, and drops it at
 * the end (`--keep-database` keeps it). Not run by `npm test`.
 */
import { createBenchDatabase, DEFAULT_BENCH_SERVER_URL } from './bench-database';
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_CITIZEN_ID } from '../adapters/population-db';
import { createDossiersSubgraph } from '../subgraphs/dossiers';
import { seedCatalogues } from '../subgraphs/procedures';
import { INTERNAL_TOKEN_HEADER } from '../subgraphs/shared/auth/tokens';
import { internalTokenSource } from './internal-token-source';
import { configFromProcessEnvironment } from '../subgraphs/shared/config';
import { InProcessEventBus } from '../subgraphs/shared/events/bus';
import { openDatabase, type Database } from '../subgraphs/shared/storage/database';
import { submissionWorkload, type SubmissionWork } from './dossier-submission-workload';

const SECRET = 'bench-internal-secret-of-at-least-32-characters';
const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code appointmentDate } }`;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN };
}
const fmt = (p: ReturnType<typeof percentiles>) =>
  `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`;

/** Runs `op` from `clients` loops for `seconds`; returns completed operations per second and their latencies. */
async function closedLoop(clients: number, seconds: number, op: () => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          firstError ??= err;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, completed: latencies.length, errors, firstError, latency: percentiles(latencies) };
}

/** Starts `op` at a fixed rate whatever the answers; latency counts from each scheduled start. */
async function openLoop(rate: number, seconds: number, op: () => Promise<void>) {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      op().then(
        () => void latencies.push(performance.now() - scheduled),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return { offered: total / seconds, achieved: latencies.length / elapsed, completed: latencies.length, errors, latency: percentiles(latencies) };
}

/** Every receipt code of every agency and day numbered 1..n without a gap or a repeat. */
async function checkReceiptCodes(db: Database): Promise<{ dossiers: number; gapFree: boolean }> {
  const rows = await db.prisma.dossier.findMany({ select: { code: true } });
  const byPrefix = new Map<string, number[]>();
  for (const { code } of rows) {
    const cut = code.lastIndexOf('-');
    const list = byPrefix.get(code.slice(0, cut)) ?? [];
    list.push(Number(code.slice(cut + 1)));
    byPrefix.set(code.slice(0, cut), list);
  }
  const gapFree = [...byPrefix.values()].every((numbers) => numbers.sort((a, b) => a - b).every((n, i) => n === i + 1));
  return { dossiers: rows.length, gapFree };
}

async function main() {
  const clients = arg('clients', 32);
  const seconds = arg('seconds', 10);
  const rate = arg('rate', 200);
  const rateSeconds = arg('rate-seconds', 10);
  const poolSize = arg('pool', 10);
  const serverUrl = configFromProcessEnvironment().DATABASE_URL ?? DEFAULT_BENCH_SERVER_URL;
  const bench = await createBenchDatabase(serverUrl);
  const db = await openDatabase({ url: bench.url, poolSize: 2 });
  const baselinePool = new pg.Pool({ connectionString: bench.url, max: poolSize });
  let server: ChildProcess | undefined;
  try {
    await seedCatalogues(db.prisma);
    // The subgraph runs in its own process, as deployed: the load generator does not share its CPU.
    server = fork(__filename, ['--serve-subgraph', bench.url, String(poolSize)], { stdio: 'inherit' });
    const url = await new Promise<string>((resolve, reject) => {
      server!.once('message', (m) => resolve((m as { url: string }).url));
      server!.once('exit', (code) => reject(new Error(`the subgraph process exited (${code})`)));
    });
    const workload = await submissionWorkload(db.prisma);
    const tokens = new Map(workload.map((w) => [w.agencyCode, internalTokenSource(w.official, SECRET)] as const));
    const post = async (body: string, token = tokens.get(workload[0].agencyCode)!) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await token() }, body });
      const answer = (await res.json()) as { errors?: unknown[] };
      if (answer.errors) throw new Error(JSON.stringify(answer.errors[0]));
    };
    let n = 0;
    const submitTo = (work: SubmissionWork) =>
      post(
        JSON.stringify({
          query: SUBMIT,
          variables: {
            i: { procedureCode: work.procedureCode, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID, formData: work.formData, idempotencyKey: `bench-${++n}` },
          },
        }),
        tokens.get(work.agencyCode),
      );
    const submit = () => submitTo(workload[0]);
    const submitSpread = () => submitTo(workload[n % workload.length]);
    const trivial = () => post(JSON.stringify({ query: '{ __typename }' }));
    await baselinePool.query('CREATE TABLE bench_commit (id BIGSERIAL PRIMARY KEY, payload JSONB NOT NULL, at TIMESTAMP(3) NOT NULL DEFAULT now())');
    const bareTransaction = async () => {
      const c = await baselinePool.connect();
      try {
        await c.query('BEGIN');
        await c.query('INSERT INTO bench_commit (payload) VALUES ($1)', [JSON.stringify(workload[0].formData)]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    };

    const settings = await baselinePool.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'server_version')",
    );
    console.log(`PostgreSQL ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}; pool ${poolSize}; ${clients} clients.`);
    console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (others' work skews every figure).`);
    console.log(`Workload: (a) ${workload[0].procedureCode} at ${workload[0].agencyCode}; (b) ${workload.length} procedures of ${workload.length} agencies.`);
    const warm = await closedLoop(clients, 2, submitSpread); // JIT, connection pools, the calendar's cache
    if (warm.errors > 0) throw new Error(`Submissions fail: ${String(warm.firstError)}`);
    const single = await closedLoop(1, 2, submit);
    console.log(`One client alone:            ${single.perSecond.toFixed(0)} submissions/s (${fmt(single.latency)})`);

    const bare = await closedLoop(clients, seconds, bareTransaction);
    console.log(`Baseline, bare INSERT tx:    ${bare.perSecond.toFixed(0)} tx/s (${fmt(bare.latency)})`);
    const http = await closedLoop(clients, seconds, trivial);
    console.log(`Baseline, { __typename }:    ${http.perSecond.toFixed(0)} requests/s (${fmt(http.latency)})`);

    const throughput = await closedLoop(clients, seconds, submit);
    const spread = await closedLoop(clients, seconds, submitSpread);
    for (const [label, run] of [['(1a) one agency', throughput], [`(1b) ${workload.length} agencies`, spread]] as const) {
      console.log(
        `${label}, ${clients} clients: ${run.perSecond.toFixed(0)} submissions/s (target ≥ 500), ${run.errors} errors (${fmt(run.latency)}); ` +
          `ratio to bare INSERT tx ${(run.perSecond / bare.perSecond).toFixed(2)}, to trivial query ${(run.perSecond / http.perSecond).toFixed(2)}`,
      );
    }
    const backlog = await db.prisma.outboxEvent.count({ where: { publishedAt: null } });
    const drainStarted = performance.now();
    while ((await db.prisma.outboxEvent.count({ where: { publishedAt: null } })) > 0 && performance.now() - drainStarted < 30_000) await sleep(100);
    console.log(`    outbox: ${backlog} events unpublished at the end of the run, drained in ${((performance.now() - drainStarted) / 1000).toFixed(1)} s`);

    const fixed = await openLoop(rate, rateSeconds, submitSpread);
    console.log(
      `(2) At ${fixed.offered.toFixed(0)}/s offered for ${rateSeconds} s: ${fixed.achieved.toFixed(0)}/s answered, ${fixed.errors} errors; ${fmt(fixed.latency)}`,
    );

    const { dossiers, gapFree } = await checkReceiptCodes(db);
    const events = await db.prisma.outboxEvent.count({ where: { topic: 'dossier.status' } });
    const answered = warm.completed + single.completed + throughput.completed + spread.completed + fixed.completed;
    console.log(`Check: ${dossiers} dossiers stored for ${answered} answered submissions, ${events} status events, receipt numbers gap-free: ${gapFree}`);
    if (!gapFree || events !== dossiers || dossiers !== answered) process.exitCode = 1;
  } finally {
    if (server?.connected) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.send('stop');
      await exited;
    }
    await baselinePool.end();
    await db.close();
    if (!process.argv.includes('--keep-database')) await bench.drop();
  }
}

/** The child process: the dossiers subgraph over the bench database, until the parent says stop. */
async function serveSubgraph(url: string, poolSize: number) {
  const db = await openDatabase({ url, poolSize });
  const bus = new InProcessEventBus();
  const subgraph = createDossiersSubgraph({ db, bus, internalSecret: SECRET, deadlines: false });
  const running = await subgraph.start();
  process.send!({ url: running.url });
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    await subgraph.stop();
    await bus.close();
    await db.close();
    process.exit(0);
  });
}

const serving = process.argv.indexOf('--serve-subgraph');
(serving > 0 ? serveSubgraph(process.argv[serving + 1], Number(process.argv[serving + 2])) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
