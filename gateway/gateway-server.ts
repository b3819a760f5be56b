/**
 * The gateway process: one HTTP server with the federated graph (Apollo Server + @apollo/gateway
 * over the committed supergraph), graphql-ws subscriptions on the same path, and development
 * sign-in. Subgraph URLs come from configuration; those in the supergraph file are only defaults.
 */
import { graphqlJsonBody } from '../subgraphs/shared/federation/json-body';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../subgraphs/shared/auth/tokens';
import { localeFrom } from '../subgraphs/shared/federation/context';
import type { ServerHandle } from '../subgraphs/shared/federation/subgraph-server';
import { principalFromAuthorization } from './auth/authenticate';
import { mountDevTokenRoute } from './auth/dev-tokens';
import { mountDashboard } from './dashboard/dashboard-route';
import type { GatewayContext } from './context';
import { IdentityForwardingDataSource } from './datasources/identity-forwarding-data-source';
import { localizeErrorsPlugin } from './plugins/localize-errors-plugin';
import { FederatedSubscriptions } from './subscriptions/federated-subscribe';
import type { SubgraphFetcher } from './subscriptions/plan-executor';
import { startGatewayWs, type GatewayWs, type SubscriptionStats } from './subscriptions/graphql-ws-server';
import { readCommittedSupergraph } from './supergraph/compose';

export interface GatewayOptions {
  /** GraphQL endpoint of each subgraph, by name (`procedures`, `dossiers`, `citizens`, `payments`). */
  subgraphUrls: Record<string, string>;
  /** Secret that verifies callers' access tokens. */
  authSecret: string;
  /** Secret that signs the identity forwarded to subgraphs. */
  internalSecret: string;
  /** Supergraph SDL to serve. @default the committed schema/supergraph.graphql */
  supergraphSdl?: string;
  /** Offer `POST /auth/dev-token`. @default false */
  devTokens?: boolean;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the caller's address
   * (rate limits): e.g. `loopback`, `10.0.0.0/8`, or a hop count. @default false (the socket's address)
   */
  trustProxy?: boolean | number | string;
  /**
   * graphql-ws heartbeat: ping every connection this often; one that has not answered the previous
   * ping is terminated (HubCloseCode.HeartbeatTimeout). @default 15000
   */
  heartbeatIntervalMs?: number;
  /**
   * Results queued for one subscriber before the client is disconnected as too slow
   * (HubCloseCode.SlowConsumer; it resumes from its last cursor). @default 256
   */
  maxQueuedEvents?: number;
  /** Bytes buffered on one client's socket before it is disconnected as too slow. @default 1048576 (1 MiB) */
  maxBufferedBytes?: number;
}

/** The gateway's handle: start/stop as every server, plus what its subscription endpoint holds. */
export interface GatewayServerHandle extends ServerHandle {
  /** Connections, subscribers and upstream streams right now (zeros before start and after stop). */
  subscriptionStats(): SubscriptionStats;
}

const NO_SUBSCRIPTIONS: SubscriptionStats = Object.freeze({
  connections: 0,
  subscribers: 0,
  upstreamStreams: 0,
  upstreamConnections: 0,
  slowConsumerDisconnects: 0,
  heartbeatTimeouts: 0,
});

export function createGatewayServer(options: GatewayOptions): GatewayServerHandle {
  const supergraphSdl = options.supergraphSdl ?? readCommittedSupergraph();
  const app = express();
  app.set('trust proxy', options.trustProxy ?? false);
  const httpServer = createServer(app);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new IdentityForwardingDataSource(name, options.subgraphUrls[name] ?? url!, options.internalSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The hub stops its parts in order on SIGTERM; Apollo's own per-server signal handlers raced it and hung.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), localizeErrorsPlugin],
  });
  const fetcherFor =
    (context: unknown): SubgraphFetcher =>
    async (serviceName, operation, variables) => {
      const ctx = context as GatewayContext;
      const res = await fetch(options.subgraphUrls[serviceName], {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': ctx.locale,
          [INTERNAL_TOKEN_HEADER]: await signInternalToken(ctx.principal, options.internalSecret, ctx.clientAddress),
        },
        body: JSON.stringify({ query: operation, variables }),
      });
      return (await res.json()) as Awaited<ReturnType<SubgraphFetcher>>;
    };
  const subscriptions = new FederatedSubscriptions({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    fetcherFor,
    limits: { maxQueuedEvents: options.maxQueuedEvents, maxBufferedBytes: options.maxBufferedBytes },
    upstreamParams: async (context) => {
      const ctx = context as GatewayContext;
      return { internalToken: await signInternalToken(ctx.principal, options.internalSecret), acceptLanguage: ctx.locale };
    },
  });
  let ws: GatewayWs | undefined;

  return {
    subscriptionStats: () => ws?.stats() ?? NO_SUBSCRIPTIONS,
    async start() {
      await apollo.start();
      app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok', service: 'gateway' });
      });
      if (options.devTokens) mountDevTokenRoute(app, options.authSecret);
      // Other routes (e.g. the live dashboard page) mount here, before the GraphQL endpoint.
      mountDashboard(app);
      app.use(
        '/graphql',
        ...graphqlJsonBody(),
        expressMiddleware(apollo, {
          context: async ({ req }) => ({
            principal: await principalFromAuthorization(req.header('authorization'), options.authSecret),
            locale: localeFrom(req.header('accept-language')),
            requestId: req.header('x-request-id') ?? randomUUID(),
            // req.ip: the socket's address, or the forwarded one when it came through a trusted proxy.
            clientAddress: req.ip,
          }),
        }),
      );
      ws = startGatewayWs({
        httpServer,
        apollo,
        subscriptions,
        authSecret: options.authSecret,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
      });
      await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
      const { port } = httpServer.address() as AddressInfo;
      const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
      return { url: `http://${host}:${port}/graphql`, baseUrl: `http://${host}:${port}` };
    },
    async stop() {
      const running = ws;
      ws = undefined;
      await running?.dispose();
      await apollo.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
