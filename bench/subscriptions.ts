/**
 * Benchmark: federated subscriptions through the gateway (graphql-ws), the live dashboard's load.
 *
 *   (1) memory: N subscribers (default 10,000) connected to the gateway, each with one dashboard
 *       subscription in a realistic mix over a handful of agencies: officials' `dossierEvents` with a
 *       dossier selection resolved across subgraphs, operators' per-agency `dossierEvents`, and
 *       `dossierStatsLive` for officials and operators. Gateway RSS idle (same-run baseline) and loaded,
 *       read in the gateway's own process after a GC; target ≤ 300 MB loaded.
 *   (2) latency: M subscribers (default 1,000) while dossiers are submitted through the gateway at a
 *       fixed rate; per delivered event, client receipt − submit request sent (and − response arrived,
 *       negative when the event beats the HTTP answer); p50/p99, target p99 ≤ 100 ms. Same-run
 *       baseline: the same subscribers on the dossiers subgraph's own graphql-ws endpoint.
 *
 * Processes: the gateway alone in one child (its RSS is its own), the procedures and dossiers
 * subgraphs over embedded PGlite in another, the clients (raw graphql-transport-ws sockets) here.
 * 10,000 sockets need ~10,100 file descriptors in this process and in the gateway's (`ulimit -n`).
 *
 *     npm run build && node dist/bench/subscriptions.js            # 10,000 / 1,000 subscribers, 20/s for 10 s
 *     node dist/bench/subscriptions.js --quick                     # smoke: 1,000 subscribers, 3 s
 *     node dist/bench/subscriptions.js --postgres                  # subgraphs on PostgreSQL (DATABASE_URL or local)
 *     node dist/bench/subscriptions.js --subscribers 5000 --latency-subscribers 500 --rate 50 --seconds 5
 *
 * Not run by `npm test`.
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { DEMO_CITIZEN_ID } from '../adapters/population-db';
import type { Principal } from '../subgraphs/shared/auth/principal';
import { createDevIssuer, issueAccessToken } from '../gateway/auth/dev-issuer';
import { signInternalToken } from '../subgraphs/shared/auth/tokens';
import type { SubmissionWork } from './dossier-submission-workload';
import { configFromProcessEnvironment } from '../subgraphs/shared/config';
import { createBenchDatabase, DEFAULT_BENCH_SERVER_URL } from './bench-database';
import { startSwarm, type OnResult, type SubscriberSpec } from './graphql-ws-swarm';
import { BENCH_AUTH_SECRET, BENCH_INTERNAL_SECRET, forkPart, type GatewayStats, type SubgraphsReady } from './subscription-processes';

const quick = process.argv.includes('--quick');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Dashboards of this many agencies share the load (the workload's first agencies). */
const AGENCIES = 5;
const EVENTS_SELECTION = `id cursor dossierCode agencyCode fromStatus toStatus at`;
const GATEWAY_EVENTS = `subscription($a: String) { dossierEvents(agencyCode: $a) { ${EVENTS_SELECTION} dossier { code status appointmentAt procedure { name } } } }`;
/** On the subgraph, Procedure is a reference: only its key is known there. */
const SUBGRAPH_EVENTS = `subscription($a: String) { dossierEvents(agencyCode: $a) { ${EVENTS_SELECTION} dossier { code status appointmentAt procedure { code } } } }`;
const STATS = `subscription($a: String) { dossierStatsLive(agencyCode: $a) { cursor asOf agencies { agencyCode received receivedToday processing overdue onTimeRate byStatus { status count } } } }`;
const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted.at(-1) ?? NaN };
}
type Percentiles = ReturnType<typeof percentiles>;
const fmt = (p: Percentiles) => `p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms (${p.count} deliveries)`;

/**
 * Accounts behind the screens: a shared stream runs in one account's name (reads of national data are
 * logged per account), so screens share only within an account. Per agency, 20 officials' accounts
 * (their desks and the wall dashboards they sign in); 10 operators' accounts for the province.
 */
// The forked gateway derives the same development key from the same seed.
const BENCH_ISSUER = createDevIssuer({ seed: BENCH_AUTH_SECRET });
const OFFICIAL_ACCOUNTS_PER_AGENCY = 20;
const OPERATOR_ACCOUNTS = 10;
const official = (agencyCode: string, n: number): Principal => ({
  id: `official:bench-${agencyCode}-${n % OFFICIAL_ACCOUNTS_PER_AGENCY}`,
  role: 'OFFICIAL',
  agencyCode,
  workflowRoles: ['RECEPTION'],
});
const operator = (n: number): Principal => ({ id: `operator:bench-${n % OPERATOR_ACCOUNTS}`, role: 'OPERATOR' });

/** The dashboard mix of subscriber i: who subscribes, to what, and for which agency. */
function dashboardMix(i: number, agencies: string[], withStats: boolean): { principal: Principal; query: 'events' | 'stats'; agencyCode: string | null } {
  // Twenty consecutive subscribers share an agency, so every agency gets the whole mix.
  const agency = agencies[Math.floor(i / 20) % agencies.length];
  const slot = i % 20;
  if (withStats && slot < 3) return { principal: official(agency, i), query: 'stats', agencyCode: null }; // 15 %
  if (withStats && slot === 3) return { principal: operator(i), query: 'stats', agencyCode: null }; // 5 %
  if (slot < 8) return { principal: operator(i), query: 'events', agencyCode: slot % 2 === 0 ? agency : null }; // operators, one agency or all
  return { principal: official(agency, i), query: 'events', agencyCode: null }; // officials: their own agency
}

async function gatewaySpecs(count: number, url: string, agencies: string[], withStats: boolean): Promise<SubscriberSpec[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const mix = dashboardMix(i, agencies, withStats);
      return {
        url,
        connectionParams: { authorization: `Bearer ${await issueAccessToken(mix.principal, BENCH_ISSUER)}` },
        query: mix.query === 'stats' ? STATS : GATEWAY_EVENTS,
        variables: { a: mix.agencyCode },
      };
    }),
  );
}

async function subgraphSpecs(count: number, url: string, agencies: string[]): Promise<SubscriberSpec[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const mix = dashboardMix(i, agencies, false);
      return { url, connectionParams: { internalToken: await signInternalToken(mix.principal, BENCH_INTERNAL_SECRET) }, query: SUBGRAPH_EVENTS, variables: { a: mix.agencyCode } };
    }),
  );
}

/** Whether subscriber i's `dossierEvents` delivers the events of `agency` (the latency runs have no stats). */
function sees(i: number, agencies: string[], agency: string): boolean {
  const mix = dashboardMix(i, agencies, false);
  return mix.principal.role === 'OPERATOR' ? mix.agencyCode === null || mix.agencyCode === agency : mix.principal.agencyCode === agency;
}

interface Submission {
  sentAt: number;
  respondedAt: number;
  code: string;
  agencyCode: string;
}

/** Submits counter dossiers at a fixed rate (open loop), round-robin over the agencies' procedures. */
async function submitAtRate(gatewayUrl: string, work: SubmissionWork[], rate: number, seconds: number): Promise<{ submissions: Submission[]; errors: number }> {
  const tokens = await Promise.all(work.map((w) => issueAccessToken(w.official, BENCH_ISSUER)));
  const submissions: Submission[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const w = work[i % work.length];
    const input = { procedureCode: w.procedureCode, formData: w.formData, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID };
    const sentAt = performance.now();
    inFlight.push(
      fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % work.length]}` },
        body: JSON.stringify({ query: SUBMIT, variables: { i: input } }),
      })
        .then((res) => res.json() as Promise<{ data?: { submitDossier?: { code: string } } }>)
        .then((body) => {
          const code = body.data?.submitDossier?.code;
          if (code) submissions.push({ sentAt, respondedAt: performance.now(), code, agencyCode: w.agencyCode });
          else errors++;
        }, () => void errors++),
    );
  }
  await Promise.all(inFlight);
  return { submissions, errors };
}

/** Subscribers on `specs`, dossiers submitted meanwhile; latencies of every delivered event. */
async function measureLatency(specs: SubscriberSpec[], gatewayUrl: string, work: SubmissionWork[], rate: number, seconds: number) {
  const agencies = work.map((w) => w.agencyCode);
  const receipts: Array<{ code: string; at: number; eventAt: number }> = [];
  const onResult: OnResult = (payload, at) => {
    const event = payload.data?.dossierEvents;
    // eventAt: when the status changed (the dossiers process's clock, the same machine's as ours).
    if (event?.dossierCode) receipts.push({ code: event.dossierCode, at, eventAt: Date.parse(event.at) });
  };
  const swarm = await startSwarm(specs.length, (i) => specs[i], onResult);
  await sleep(1000); // upstream subscriptions settle
  const { submissions, errors } = await submitAtRate(gatewayUrl, work, rate, seconds);
  // The last events drain: until nothing arrives for a second (at most 30 s).
  for (let seen = -1, waited = 0; seen !== receipts.length && waited < 30_000; waited += 1000) {
    seen = receipts.length;
    await sleep(1000);
  }
  await swarm.close();
  let expected = 0;
  for (const s of submissions) for (let i = 0; i < specs.length; i++) if (sees(i, agencies, s.agencyCode)) expected++;
  const byCode = new Map(submissions.map((s) => [s.code, s]));
  const fromSent: number[] = [];
  const fromResponse: number[] = [];
  const fromEvent: number[] = [];
  for (const r of receipts) {
    const s = byCode.get(r.code);
    if (!s) continue;
    fromSent.push(r.at - s.sentAt);
    fromResponse.push(r.at - s.respondedAt);
    fromEvent.push(performance.timeOrigin + r.at - r.eventAt);
  }
  return {
    submitted: submissions.length,
    submitErrors: errors,
    expected,
    delivered: fromSent.length,
    fromEvent: percentiles(fromEvent),
    fromSent: percentiles(fromSent),
    fromResponse: percentiles(fromResponse),
    serverCloses: Object.fromEntries(swarm.closedByServer),
  };
}

async function main() {
  const subscribers = arg('subscribers', quick ? 1000 : 10_000);
  const latencySubscribers = arg('latency-subscribers', 1000);
  const rate = arg('rate', 20);
  const seconds = arg('seconds', quick ? 3 : 10);
  const fdLimit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim()) || Infinity;
  if (fdLimit < subscribers + 200) console.warn(`ulimit -n is ${fdLimit}: too few descriptors for ${subscribers} sockets (raise it, or pass --subscribers)`);

  // --postgres: subgraphs on a throw-away PostgreSQL database, as in production; else embedded PGlite,
  // whose queries run on the subgraphs' own thread and add its pauses to every event's latency.
  const database = process.argv.includes('--postgres') ? await createBenchDatabase(configFromProcessEnvironment().DATABASE_URL ?? DEFAULT_BENCH_SERVER_URL) : undefined;
  const subgraphs = await forkPart<SubgraphsReady>('subgraphs', database ? [database.url] : []);
  const gateway = await forkPart<{ url: string }>('gateway', [subgraphs.ready.procedures, subgraphs.ready.dossiers]);
  const gatewayUrl = gateway.ready.url;
  const work = subgraphs.ready.work.slice(0, AGENCIES);
  const agencies = work.map((w) => w.agencyCode);
  try {
    // A first query warms the gateway (plans, connections) before the idle reading.
    await submitAtRate(gatewayUrl, work, 10, 0.5);
    const idle = await gateway.request<GatewayStats>('stats');

    let firstResults = 0;
    const specs = await gatewaySpecs(subscribers, gatewayUrl, agencies, true);
    const connectStarted = performance.now();
    const swarm = await startSwarm(subscribers, (i) => specs[i], () => void firstResults++);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(3000);
    const loaded = await gateway.request<GatewayStats>('stats');
    const memoryRefusals = swarm.errors;
    await swarm.close();
    await sleep(1000);
    const afterClose = await gateway.request<GatewayStats>('stats');

    const throughGateway = await measureLatency(await gatewaySpecs(latencySubscribers, gatewayUrl, agencies, false), gatewayUrl, work, rate, seconds);
    const direct = await measureLatency(await subgraphSpecs(latencySubscribers, subgraphs.ready.dossiers, agencies), gatewayUrl, work, rate, seconds);

    const perSubscriberKb = (loaded.rss - idle.rss) / subscribers / 1024;
    console.log(`\nSubscriptions benchmark — ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}, ${quick ? 'quick' : 'full'} run, ${agencies.length} agencies, subgraphs on ${database ? "PostgreSQL" : "embedded PGlite"}`);
    console.log('measure                                   | value');
    console.log('------------------------------------------+-------------------------------------------------------------');
    console.log(`gateway RSS idle (baseline)               | ${mb(idle.rss).toFixed(1)} MB (heap ${mb(idle.heapUsed).toFixed(1)} MB)`);
    console.log(`gateway RSS, ${String(subscribers).padEnd(6)} subscribers          | ${mb(loaded.rss).toFixed(1)} MB (heap ${mb(loaded.heapUsed).toFixed(1)} MB), target ≤ 300 MB${mb(loaded.rss) <= 300 ? ' ✓' : ' ✗'}`);
    console.log(`  per subscriber                          | ${perSubscriberKb.toFixed(1)} KB; connected in ${connectSeconds.toFixed(1)} s; ${firstResults} first results; ${memoryRefusals} refused`);
    console.log(`  gateway subscriptions                   | ${JSON.stringify(loaded.subscriptions)}`);
    console.log(`gateway RSS after all left                | ${mb(afterClose.rss).toFixed(1)} MB; ${JSON.stringify(afterClose.subscriptions)}`);
    console.log(`event-to-client via gateway (from \`at\`)  | ${fmt(throughGateway.fromEvent)}, target p99 ≤ 100 ms${throughGateway.fromEvent.p99 <= 100 ? ' ✓' : ' ✗'}`);
    console.log(`latency via gateway, from submit sent     | ${fmt(throughGateway.fromSent)}`);
    console.log(`latency via gateway, from response        | ${fmt(throughGateway.fromResponse)}`);
    console.log(`baseline: subgraph direct, from \`at\`     | ${fmt(direct.fromEvent)}`);
    console.log(`baseline: subgraph direct, from sent      | ${fmt(direct.fromSent)}`);
    console.log(`baseline: subgraph direct, from response  | ${fmt(direct.fromResponse)}`);
    console.log(`submissions (gateway run / direct run)    | ${throughGateway.submitted} / ${direct.submitted} at ${rate}/s for ${seconds} s, errors ${throughGateway.submitErrors} / ${direct.submitErrors}`);
    console.log(`deliveries / expected (gateway / direct)  | ${throughGateway.delivered} / ${throughGateway.expected}, ${direct.delivered} / ${direct.expected}`);
    console.log(`server-side closes (gateway / direct)     | ${JSON.stringify(throughGateway.serverCloses)} / ${JSON.stringify(direct.serverCloses)}`);
    console.log(
      JSON.stringify({
        bench: 'subscriptions',
        quick,
        subscribers,
        latencySubscribers,
        rate,
        seconds,
        gatewayRssMb: { idle: +mb(idle.rss).toFixed(1), loaded: +mb(loaded.rss).toFixed(1), afterClose: +mb(afterClose.rss).toFixed(1) },
        gatewaySubscriptions: loaded.subscriptions,
        deliveries: { gateway: [throughGateway.delivered, throughGateway.expected], subgraphDirect: [direct.delivered, direct.expected] },
        latencyMs: {
          gateway: { fromEvent: throughGateway.fromEvent, fromSent: throughGateway.fromSent, fromResponse: throughGateway.fromResponse },
          subgraphDirect: { fromEvent: direct.fromEvent, fromSent: direct.fromSent, fromResponse: direct.fromResponse },
        },
      }),
    );
  } finally {
    await gateway.stop();
    await subgraphs.stop();
    await database?.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
