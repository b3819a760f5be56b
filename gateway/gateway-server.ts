/**
 * The gateway process: one HTTP server with the federated graph (Apollo Server + @apollo/gateway
 * over the committed supergraph), graphql-ws subscriptions on the same path, and development
 * sign-in. Subgraph URLs come from configuration; those in the supergraph file are only defaults.
 */
import { graphqlJsonBody, MAX_REQUEST_BYTES } from '../subgraphs/shared/federation/json-body';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import proxyAddr from 'proxy-addr';
import { disableLibraryTelemetry } from '../subgraphs/shared/config';
import { signInternalToken } from '../subgraphs/shared/auth/tokens';
import { localeFrom } from '../subgraphs/shared/federation/context';
import type { ServerHandle } from '../subgraphs/shared/federation/subgraph-server';
// Identity and access (issue 9A): OIDC/JWKS access tokens, the development issuer, introspection gate.
import { oidcVerifier, refuseEveryToken, type AccessTokenVerifier, type OidcTrust } from './auth/access-tokens';
import { principalFromAuthorization } from './auth/authenticate';
import { createDevIssuer, mountDevIssuerRoutes, type DevIssuer } from './auth/dev-issuer';
import { mountDevTokenRoute } from './auth/dev-tokens';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { introspectionGate } from './auth/introspection-gate';
import { mountDashboard } from './dashboard/dashboard-route';
import type { GatewayContext } from './context';
import { SubgraphCallerDataSource } from './datasources/subgraph-caller-data-source';
import { SubgraphCaller } from './transport/subgraph-caller';
import type { SubgraphHttpOptions } from './transport/subgraph-http';
import { localizeErrorsPlugin } from './plugins/localize-errors-plugin';
import { DirectQueries } from './http/direct-queries';
import { graphqlEndpoint } from './http/graphql-endpoint';
// Abuse limits (issue 9B): depth, cost, aliases, sizes, batching, persisted queries, rate limits.
import { refuseBatchedOperations } from './plugins/abuse-limits';
import { OperationGuard, requestGuardPlugin, type AbuseLimitOptions } from './plugins/request-guard';
import { FederatedSubscriptions } from './subscriptions/federated-subscribe';
import type { SubgraphFetcher } from './subscriptions/plan-executor';
import { startGatewayWs, type GatewayWs, type SubscriptionStats } from './subscriptions/graphql-ws-server';
import { readCommittedSupergraph } from './supergraph/compose';
import { compileSupergraph } from './supergraph/compiled-supergraph';
// Operations (issue 9D): /metrics, /livez, /readyz, request ids in logs, graceful shutdown.
import { GatewayOperations, untilSubscribersCompleted } from './operations/gateway-operations';

export interface GatewayOptions {
  /** GraphQL endpoint of each subgraph, by name (`procedures`, `dossiers`, `citizens`, `payments`). */
  subgraphUrls: Record<string, string>;
  /**
   * The OIDC issuer whose access tokens count; when set, only its keys are trusted (the development
   * issuer is not). @default undefined (the development issuer)
   */
  oidc?: OidcTrust;
  /**
   * The development issuer trusted when `oidc` is not set; `false` trusts no issuer at all (production
   * without OIDC: every bearer token is refused). @default a new one, its key pair generated here
   */
  devIssuer?: DevIssuer | false;
  /** Secret that signs the identity forwarded to subgraphs. */
  internalSecret: string;
  /** Verified access tokens remembered until they expire (a session's token is checked once); 0 turns it off. @default 10000 */
  verifiedTokenCacheSize?: number;
  /** Supergraph SDL to serve. @default the committed schema/supergraph.graphql */
  supergraphSdl?: string;
  /**
   * Offer `POST /auth/dev-token` (with the development issuer) and let every caller introspect the
   * schema (otherwise operators only). @default false
   */
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
  /**
   * Abuse limits decided before execution (issue 9B; see gateway/plugins/request-guard.ts); the
   * gateway closes the rate limiter and persisted query store it is given on stop.
   * @default depth 12, cost 5000, 30 aliases, no batching, 64 KiB text, 256 KiB variables, automatic persisted queries in memory, no rate limit
   */
  abuseLimits?: AbuseLimitOptions;
  /** Connection pools to subgraphs. @default 64 keep-alive connections per subgraph, 30 s timeouts */
  subgraphHttp?: SubgraphHttpOptions;
  /**
   * How long an answer of the public catalogue (the procedures subgraph) serves every caller; a mutation
   * through this gateway drops it at once. 0 turns the sharing off. @default 10000
   */
  publicReadTtlMs?: number;
  /**
   * Serve `POST /graphql` without Express, and run valid queries asked before straight from their
   * cached plan, without Apollo Server's request pipeline (gateway/http/); everything else goes
   * through Apollo either way. `false` keeps Express and Apollo for every request. @default true
   */
  directQueries?: boolean;
  // --- operations (issue 9D) ---
  /** Serve `GET /metrics` (Prometheus text). @default true */
  metricsEnabled?: boolean;
  /** On stop, how long HTTP requests in flight may take before their connections are closed. @default 10000 */
  shutdownGraceMs?: number;
  // --- end operations ---
}

/** The gateway's handle: start/stop as every server, plus what its subscription endpoint holds. */
export interface GatewayServerHandle extends ServerHandle {
  /** Connections, subscribers and upstream streams right now (zeros before start and after stop). */
  subscriptionStats(): SubscriptionStats;
  /** The development issuer the gateway trusts, when it trusts one (tests and `npm start` mint with it). */
  readonly devIssuer?: DevIssuer;
  /** Queries run straight from their prepared plan since start (0 with `directQueries: false`). */
  directlyAnswered(): number;
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
  // GraphQL answers are POST responses nobody revalidates: express would hash every body for an ETag.
  app.set('etag', false);
  app.set('x-powered-by', false);
  app.set('trust proxy', options.trustProxy ?? false);
  // Identity (issue 9A): one issuer's keys count, an external OIDC issuer's or else the development one's.
  const devIssuer = options.oidc || options.devIssuer === false ? undefined : (options.devIssuer ?? createDevIssuer());
  const verifyAccessToken: AccessTokenVerifier = cacheVerifiedTokens(options.oidc ? oidcVerifier(options.oidc) : (devIssuer?.verify ?? refuseEveryToken), {
    maxEntries: options.verifiedTokenCacheSize,
  });
  // POST /graphql with a JSON body is served without Express (gateway/http/graphql-endpoint.ts); set in start().
  let graphqlPost: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const httpServer = createServer((req, res) => {
    if (!graphqlPost?.(req, res)) app(req, res);
  });
  const guard = new OperationGuard(options.abuseLimits);
  // Operations (issue 9D); `ws` is read at each scrape, after start.
  const operations = new GatewayOperations({
    subgraphUrls: options.subgraphUrls,
    subscriptionStats: () => ws?.stats() ?? NO_SUBSCRIPTIONS,
    metricsEnabled: options.metricsEnabled,
  });
  disableLibraryTelemetry();
  const subgraphs = new SubgraphCaller({
    subgraphUrls: options.subgraphUrls,
    internalSecret: options.internalSecret,
    http: options.subgraphHttp,
    timer: operations.subgraphCallTimer,
    publicReadTtlMs: options.publicReadTtlMs,
  });
  const dataSources = new Map<string, SubgraphCallerDataSource>();
  const dataSourceFor = (name: string) => {
    if (!dataSources.has(name)) dataSources.set(name, new SubgraphCallerDataSource(name, subgraphs));
    return dataSources.get(name)!;
  };
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ name }) => dataSourceFor(name) });
  // One compiled supergraph for the direct query path and subscriptions (@apollo/gateway keeps its own).
  const compiled = compileSupergraph(supergraphSdl);
  const direct = options.directQueries === false ? undefined : new DirectQueries({ supergraph: compiled, dataSourceFor });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The hub stops its parts in order on SIGTERM; Apollo's own per-server signal handlers raced it and hung.
    stopOnTerminationSignals: false,
    // Abuse limits (issue 9B): arrays only when batching is allowed; persisted queries are the guard's, not Apollo's.
    allowBatchedHttpRequests: guard.maxBatchedOperations > 1,
    persistedQueries: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }), ...operations.plugins(), requestGuardPlugin(guard), localizeErrorsPlugin, introspectionGate({ openToAll: options.devTokens })],
  });
  // Subscription events' entity fetches go through the same caller as queries.
  const fetcherFor =
    (context: unknown): SubgraphFetcher =>
    (serviceName, operation, variables) =>
      subgraphs.call(serviceName, context as GatewayContext, { query: operation, variables });
  const subscriptions = new FederatedSubscriptions({
    supergraph: compiled,
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
    devIssuer,
    directlyAnswered: () => direct?.answered ?? 0,
    async start() {
      await apollo.start();
      // Request ids, /metrics, /livez (alias /healthz), /readyz (issue 9D).
      operations.mount(app);
      if (devIssuer) mountDevIssuerRoutes(app, devIssuer);
      if (devIssuer && options.devTokens) mountDevTokenRoute(app, devIssuer);
      // Other routes (e.g. the live dashboard page) mount here, before the GraphQL endpoint.
      mountDashboard(app);
      const contextFor = async (req: IncomingMessage, requestId?: string): Promise<GatewayContext> => ({
        principal: await principalFromAuthorization(req.headers.authorization, verifyAccessToken),
        locale: localeFrom(req.headers['accept-language']),
        requestId: requestId ?? (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
        // The socket's address, or the forwarded one when it came through a proxy Express's `trust proxy` trusts.
        clientAddress: proxyAddr(req, app.get('trust proxy fn')),
      });
      // Without direct queries the endpoint stays Express's too, exactly as before it existed.
      if (direct) graphqlPost = graphqlEndpoint({
        apollo,
        direct,
        guard,
        contextFor,
        maxBodyBytes: MAX_REQUEST_BYTES,
        metrics: (options.metricsEnabled ?? true) ? operations.metrics : undefined,
        stopping: () => operations.isDraining,
      });
      // Other requests to /graphql (GET, other body types) keep Express and Apollo's integration.
      app.use(
        '/graphql',
        ...graphqlJsonBody(),
        refuseBatchedOperations(guard.maxBatchedOperations),
        expressMiddleware(apollo, { context: async ({ req }) => contextFor(req) }),
      );
      ws = startGatewayWs({
        httpServer,
        apollo,
        subscriptions,
        verifyAccessToken,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
        guard,
      });
      await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
      const { port } = httpServer.address() as AddressInfo;
      const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
      return { url: `http://${host}:${port}/graphql`, baseUrl: `http://${host}:${port}` };
    },
    async stop() {
      // Graceful (issue 9D): not ready any more; subscribers told `complete`, then sockets closed with 1001;
      // then apollo.stop() stops accepting and waits for HTTP requests in flight (bounded by the grace).
      operations.beginDraining();
      const running = ws;
      if (running) {
        subscriptions.close();
        await untilSubscribersCompleted(() => running.stats());
      }
      ws = undefined;
      await running?.dispose();
      await apollo.stop();
      await guard.close();
      await subgraphs.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
