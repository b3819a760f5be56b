/**
 * Prometheus figures of one server (gateway or subgraph), served on its `GET /metrics`: the process
 * (prom-client's defaults), HTTP requests and GraphQL operations by type and outcome code, and what
 * each server adds (subgraph fetches, subscriptions, outbox backlog, adapters). One registry per
 * server, never prom-client's global one, so several servers in one process (the embedded default,
 * the tests) never collide; registries of other parts (the citizens' AdapterPrometheus) are merged
 * into the same answer rather than served on a second endpoint.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PrismaClient } from '../storage/database';
import { outcomeOf } from '../logging-request';

export const METRICS_PATH = '/metrics';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly operations: Counter<'operation_type' | 'outcome'>;
  private readonly operationDuration: Histogram<'operation_type' | 'outcome'>;
  private readonly merged: Registry[] = [];

  /** @param service labels every figure (`gateway`, `dossiers`, …). */
  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'lienthong_' });
    this.httpRequests = new Counter({
      name: 'lienthong_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'lienthong_http_request_duration_seconds',
      help: 'Time to answer HTTP requests',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.operations = new Counter({
      name: 'lienthong_graphql_operations_total',
      help: 'GraphQL operations, by type and outcome (ok, or the first error code)',
      labelNames: ['operation_type', 'outcome'],
      registers: [this.registry],
    });
    this.operationDuration = new Histogram({
      name: 'lienthong_graphql_operation_duration_seconds',
      help: 'Time to answer GraphQL operations',
      labelNames: ['operation_type', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Serves another registry's figures in this server's answer (e.g. the adapters'). */
  merge(registry: Registry): void {
    this.merged.push(registry);
  }

  /** Counts every HTTP request; the route label is the mounted path only, never ids from the URL. */
  httpMiddleware(): express.RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      // originalUrl: inside a mounted router `req.path` is relative to the mount point.
      res.on('finish', () => this.recordHttp(req.method, req.originalUrl, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
      next();
    };
  }

  /** Counts GraphQL operations by type (query, mutation, subscription) and outcome code. */
  graphqlPlugin(): ApolloServerPlugin<object> {
    const record = this.recordOperation.bind(this);
    return {
      async requestDidStart() {
        const started = performance.now();
        let operationType = 'unknown';
        return {
          async didResolveOperation({ operation }) {
            operationType = operation?.operation ?? 'unknown';
          },
          async willSendResponse(requestContext) {
            record(operationType, outcomeOf(requestContext), (performance.now() - started) / 1000);
          },
        };
      },
    };
  }

  /** Counts one answered HTTP request; `url` may carry a query string, the route label never does. */
  recordHttp(method: string, url: string, status: number, seconds: number): void {
    const route = routeLabel(url.split('?')[0]);
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  /** Counts one GraphQL operation by type (query, mutation, subscription) and outcome code. */
  recordOperation(operationType: string, outcome: string, seconds: number): void {
    const labels = { operation_type: operationType, outcome };
    this.operations.inc(labels);
    this.operationDuration.observe(labels, seconds);
  }

  /** Mounts `GET /metrics` (unauthenticated: counts only, no personal data; keep it off the public network). */
  mount(app: express.Express): void {
    app.get(METRICS_PATH, async (_req, res) => {
      // One text, the other registries' figures appended as they are (names never overlap: all are prefixed
      // by what they measure). Registry.merge would drop this server's default label.
      const texts = await Promise.all([this.registry, ...this.merged].map((r) => r.metrics()));
      res.type(this.registry.contentType).send(texts.join('\n'));
    });
  }
}

function routeLabel(path: string): string {
  const known = ['/graphql', '/metrics', '/livez', '/readyz', '/healthz', '/auth', '/dashboard'];
  return known.find((p) => path === p || path.startsWith(p + '/')) ?? 'other';
}

/**
 * Outbox figures for a subgraph with a relay: events not yet published, and how long the oldest of
 * them has waited (the relay's lag). Read at each scrape, one indexed query.
 */
export function registerOutboxMetrics(metrics: ServerMetrics, prisma: PrismaClient): void {
  let last: Promise<{ backlog: number; lagSeconds: number }> | undefined;
  // Both gauges are collected in one scrape: share one query between them.
  const read = () =>
    (last ??= prisma
      .$queryRaw<Array<{ backlog: bigint; oldest: Date | null }>>`SELECT count(*) AS backlog, min(created_at) AS oldest FROM outbox_event WHERE published_at IS NULL`
      .then(([row]) => ({
        backlog: Number(row?.backlog ?? 0),
        lagSeconds: row?.oldest ? Math.max(0, (Date.now() - new Date(row.oldest).getTime()) / 1000) : 0,
      }))
      .catch(() => ({ backlog: Number.NaN, lagSeconds: Number.NaN }))
      .finally(() => setTimeout(() => (last = undefined), 0)));
  new Gauge({
    name: 'lienthong_outbox_backlog',
    help: 'Outbox events not yet published to the bus',
    registers: [metrics.registry],
    async collect() {
      this.set((await read()).backlog);
    },
  });
  new Gauge({
    name: 'lienthong_outbox_relay_lag_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when none)',
    registers: [metrics.registry],
    async collect() {
      this.set((await read()).lagSeconds);
    },
  });
}
