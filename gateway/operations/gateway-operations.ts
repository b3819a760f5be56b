/**
 * The gateway's operations surface: `/metrics` (its own figures, subgraph fetch durations and the
 * subscription endpoint's figures), `/livez`, `/readyz` (every subgraph's own `/readyz`), request
 * ids and the per-operation log line, and the draining state shutdown turns on. Kept here so the
 * gateway server only wires it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { Gauge, Histogram } from 'prom-client';
import { mountHealth, remoteReadinessCheck } from '../../subgraphs/shared/federation/health';
import { ServerMetrics } from '../../subgraphs/shared/federation/metrics';
import { operationLoggingPlugin, requestContextMiddleware } from '../../subgraphs/shared/logging-request';
import type { SubscriptionStats } from '../subscriptions/graphql-ws-server';

export interface GatewayOperationsOptions {
  /** GraphQL endpoint of each subgraph, by name; `/readyz` asks each one's `/readyz`. */
  subgraphUrls: Record<string, string>;
  /** The subscription endpoint's figures, read at each scrape. */
  subscriptionStats: () => SubscriptionStats;
  /** Serve `GET /metrics`. @default true */
  metricsEnabled?: boolean;
}

export class GatewayOperations {
  readonly metrics = new ServerMetrics('gateway');
  private draining = false;
  private readonly subgraphFetch: Histogram<'subgraph' | 'status'>;

  constructor(private readonly options: GatewayOperationsOptions) {
    this.subgraphFetch = new Histogram({
      name: 'lienthong_subgraph_fetch_duration_seconds',
      help: 'Gateway → subgraph requests, by subgraph and HTTP status (`error` when no answer)',
      labelNames: ['subgraph', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.metrics.registry],
    });
    const stats = options.subscriptionStats;
    new Gauge({
      name: 'lienthong_subscriptions',
      help: 'Subscription endpoint right now: connections, subscribers, upstream streams and connections',
      labelNames: ['kind'],
      registers: [this.metrics.registry],
      collect() {
        const s = stats();
        this.set({ kind: 'connections' }, s.connections);
        this.set({ kind: 'subscribers' }, s.subscribers);
        this.set({ kind: 'upstream_streams' }, s.upstreamStreams);
        this.set({ kind: 'upstream_connections' }, s.upstreamConnections);
      },
    });
    // Counters of the endpoint since start, read as gauges (they restart from 0 with the endpoint).
    new Gauge({
      name: 'lienthong_subscription_disconnects',
      help: 'Clients disconnected since start, by reason (slow consumer, heartbeat timeout)',
      labelNames: ['reason'],
      registers: [this.metrics.registry],
      collect() {
        const s = stats();
        this.set({ reason: 'slow_consumer' }, s.slowConsumerDisconnects);
        this.set({ reason: 'heartbeat_timeout' }, s.heartbeatTimeouts);
      },
    });
  }

  /** Apollo plugins: the per-operation log line and the operation counters. */
  plugins(): ApolloServerPlugin<object>[] {
    return [operationLoggingPlugin('gateway'), this.metrics.graphqlPlugin()];
  }

  /** Request ids, HTTP counters, `/metrics`, `/livez` (`/healthz`) and `/readyz`; mount before other routes. */
  mount(app: express.Express): void {
    app.use(requestContextMiddleware());
    if (this.options.metricsEnabled ?? true) {
      app.use(this.metrics.httpMiddleware());
      this.metrics.mount(app);
    }
    const checks = Object.fromEntries(Object.entries(this.options.subgraphUrls).map(([name, url]) => [`subgraph:${name}`, remoteReadinessCheck(url)]));
    mountHealth(app, { service: 'gateway', checks, draining: () => this.draining });
  }

  /** Times each request the data source sends (query plans' fetches to subgraphs). */
  /** Times one gateway → subgraph call into `lienthong_subgraph_fetch_duration_seconds` (see the data source). */
  readonly subgraphCallTimer = (subgraph: string) => {
    const end = this.subgraphFetch.startTimer({ subgraph });
    return (outcome: string) => void end({ status: outcome });
  };

  /** Whether shutdown has begun (beginDraining). */
  get isDraining(): boolean {
    return this.draining;
  }

  /** From now on `/readyz` answers 503 (draining), so balancers stop sending new work. */
  beginDraining(): void {
    this.draining = true;
  }
}

/**
 * Waits (bounded) until the subscription endpoint has no subscriber left, once their streams were
 * ended: graphql-ws sends each one `complete` as its stream ends, and those messages must be on the
 * sockets before the sockets are closed with 1001.
 */
export async function untilSubscribersCompleted(stats: () => SubscriptionStats, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (stats().subscribers > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  // One more turn: the last `complete` is sent after the subscriber's stream reports done.
  await new Promise((r) => setTimeout(r, 10));
}
