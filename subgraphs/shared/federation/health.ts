/**
 * Liveness and readiness of one server. `/livez` (and its old name `/healthz`) says the process
 * answers; `/readyz` runs the server's checks (database, Redis, the subgraphs behind the gateway) and
 * answers 503 with the failing ones while any fails, or while the server is draining for shutdown,
 * so a load balancer stops sending it work before it goes.
 */
import type express from 'express';
import type { EventBus } from '../events/bus';
import type { Database } from '../storage/database';

/** One dependency's check: resolves when usable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<void>;

export interface HealthOptions {
  /** Service name in the answers. */
  service: string;
  /** Checks run by `/readyz`, by name. @default none (ready while not draining) */
  checks?: Record<string, ReadinessCheck>;
  /** Time one check may take before it counts as failed. @default 2000 */
  checkTimeoutMs?: number;
  /** True once shutdown started. @default never */
  draining?: () => boolean;
}

export interface CheckResult {
  status: 'ok' | 'failed';
  durationMs: number;
  error?: string;
}

export function mountHealth(app: express.Express, options: HealthOptions): void {
  const live: express.RequestHandler = (_req, res) => {
    res.json({ status: 'ok', service: options.service });
  };
  app.get('/livez', live);
  app.get('/healthz', live);
  app.get('/readyz', async (_req, res) => {
    const draining = options.draining?.() ?? false;
    const results = await runChecks(options.checks ?? {}, options.checkTimeoutMs ?? 2000);
    const ready = !draining && Object.values(results).every((r) => r.status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : draining ? 'draining' : 'not ready', service: options.service, checks: results });
  });
}

async function runChecks(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<Record<string, CheckResult>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, { status: 'ok', durationMs: Math.round(performance.now() - started) }];
      } catch (err) {
        return [name, { status: 'failed', durationMs: Math.round(performance.now() - started), error: (err as Error)?.message ?? String(err) }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The database answers a trivial query. */
export function databaseCheck(db: Pick<Database, 'prisma'>): ReadinessCheck {
  return async () => {
    await db.prisma.$queryRaw`SELECT 1`;
  };
}

/** Another server's `/readyz` answers 200 (the gateway checks each subgraph this way). */
export function remoteReadinessCheck(graphqlUrl: string, timeoutMs = 2000): ReadinessCheck {
  const url = graphqlUrl.replace(/\/graphql\/?$/, '') + '/readyz';
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  };
}

/** The event bus accepts a publish (with Redis: the connection is up; nobody listens on this topic). */
export function eventBusCheck(bus: Pick<EventBus, 'publish'>): ReadinessCheck {
  return () => bus.publish('lienthong.readiness', { at: Date.now() });
}
