/**
 * Forks the parts of the hub-domain benchmark (bench/federation/hub-domain-processes.ts) through
 * `taskset`, so each runs on its CPU from its first instruction and every thread V8 and libuv start
 * inherits the pin. Light on purpose: the orchestrator imports this, not the parts' modules.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { benchChild, type BenchChild } from '../../bench-child';

export const HUB_BENCH_INTERNAL_SECRET = 'hub-bench-internal-secret-of-at-least-32-characters';
export const HUB_BENCH_AUTH_SEED = 'hub-bench-access-token-secret-of-at-least-32-characters';

const PARTS_ENTRY = join(__dirname, '..', 'hub-domain-processes.js');

export interface HubSubgraphUrls {
  procedures: string;
  dossiers: string;
  citizens: string;
  payments: string;
}

/** Messages the orchestrator sends the subgraphs part (each answered once). */
export type SubgraphsRequest = { type: 'complete-payment'; providerRef: string } | { type: 'population-calls' };

/** A forked part of the hub-domain benchmark. */
export type HubPart<R> = BenchChild<R, SubgraphsRequest>;

/**
 * Forks `role` on `cpu`.
 * @param args the part's arguments (subgraphs: an optional PostgreSQL URL; gateway: the subgraph URLs as JSON)
 */
export async function forkHubPart<R>(role: 'subgraphs' | 'gateway', cpu: number, args: string[] = []): Promise<HubPart<R>> {
  const child: ChildProcess = fork(PARTS_ENTRY, ['--part', role, ...args], {
    stdio: 'inherit',
    execPath: 'taskset',
    execArgv: ['-c', String(cpu), process.execPath],
  });
  return benchChild<R, SubgraphsRequest>(child, `hub bench ${role}`);
}
