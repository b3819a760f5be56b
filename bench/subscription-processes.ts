/**
 * The two processes of the subscriptions benchmark, each forked by bench/subscriptions.ts so that the
 * gateway's RSS is the gateway's alone:
 *   - `subgraphs`: procedures and dossiers subgraphs over an embedded in-memory PGlite database (or the
 *     PostgreSQL database given) and
 *     an in-process bus (no deadline scanner: only the benchmark's submissions make events);
 *   - `gateway`: the gateway against them; it answers `stats` with its memory and subscription counts.
 * Citizens and payments are not started: the benchmark's selections never reach them.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { benchChild, type BenchChild } from './bench-child';
import { createGatewayServer } from '../gateway/gateway-server';
import type { SubscriptionStats } from '../gateway/subscriptions/graphql-ws-server';
import { createDossiersSubgraph } from '../subgraphs/dossiers';
import { createProceduresSubgraph, seedCatalogues } from '../subgraphs/procedures';
import { InProcessEventBus } from '../subgraphs/shared/events/bus';
import { openDatabase } from '../subgraphs/shared/storage/database';
import { createDevIssuer } from '../gateway/auth/dev-issuer';
import { submissionWorkload, type SubmissionWork } from './dossier-submission-workload';

export const BENCH_INTERNAL_SECRET = 'bench-internal-secret-of-at-least-32-characters';
export const BENCH_AUTH_SECRET = 'bench-access-token-secret-of-at-least-32-characters';
/** Nothing listens there: a selection reaching citizens or payments would fail loudly. */
const UNUSED_SUBGRAPH = 'http://127.0.0.1:9/graphql';

export interface SubgraphsReady {
  procedures: string;
  dossiers: string;
  work: SubmissionWork[];
}

export interface GatewayStats {
  rss: number;
  heapUsed: number;
  subscriptions: SubscriptionStats;
}

export async function forkPart<R>(role: 'subgraphs' | 'gateway', args: string[] = []): Promise<BenchChild<R>> {
  // --expose-gc: the gateway collects garbage before each memory reading, so RSS is live memory.
  const child: ChildProcess = fork(__filename, ['--part', role, ...args], { stdio: 'inherit', execArgv: ['--expose-gc'] });
  return benchChild<R>(child, role);
}

/** @param databaseUrl PostgreSQL to use; none: embedded in-memory PGlite (it runs on this process's thread). */
async function serveSubgraphs(databaseUrl?: string): Promise<void> {
  const db = await openDatabase(databaseUrl ? { url: databaseUrl, poolSize: 8 } : { embeddedDataDir: 'memory' });
  await seedCatalogues(db.prisma);
  const bus = new InProcessEventBus();
  const procedures = createProceduresSubgraph({ db, internalSecret: BENCH_INTERNAL_SECRET });
  const dossiers = createDossiersSubgraph({ db, bus, internalSecret: BENCH_INTERNAL_SECRET, deadlines: false });
  const ready: SubgraphsReady = {
    procedures: (await procedures.start()).url,
    dossiers: (await dossiers.start()).url,
    work: await submissionWorkload(db.prisma),
  };
  process.send!(ready);
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    await dossiers.stop();
    await procedures.stop();
    await bus.close();
    await db.close();
    process.exit(0);
  });
}

async function serveGateway(procedures: string, dossiers: string): Promise<void> {
  const gateway = createGatewayServer({
    subgraphUrls: { procedures, dossiers, citizens: UNUSED_SUBGRAPH, payments: UNUSED_SUBGRAPH },
    devIssuer: createDevIssuer({ seed: BENCH_AUTH_SECRET }),
    internalSecret: BENCH_INTERNAL_SECRET,
  });
  const { url } = await gateway.start();
  process.send!({ url });
  process.on('message', async (m) => {
    if (m === 'stats') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send!({ rss, heapUsed, subscriptions: gateway.subscriptionStats() } satisfies GatewayStats);
    } else if (m === 'stop') {
      await gateway.stop();
      process.exit(0);
    }
  });
}

const part = process.argv.indexOf('--part');
if (part > 0) {
  const role = process.argv[part + 1];
  (role === 'gateway' ? serveGateway(process.argv[part + 2], process.argv[part + 3]) : serveSubgraphs(process.argv[part + 2])).catch((err) => {
    console.error(`[bench ${role}]`, err);
    process.exit(1);
  });
}
