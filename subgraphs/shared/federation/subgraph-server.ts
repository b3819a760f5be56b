/**
 * Serves one subgraph: GraphQL over HTTP (Apollo Server on express) and graphql-ws on the same
 * port and path for its subscription fields. Subgraphs trust only the gateway: every operation must
 * carry the gateway's signed internal token, which names the caller.
 */
import { graphqlJsonBody } from './json-body';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { INTERNAL_TOKEN_HEADER, readInternalToken } from '../auth/tokens';
import { ErrorCode, LienthongError } from '../errors';
import { type BaseContext, localeFrom } from './context';
// --- operations (issue 9D) ---
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { operationLoggingPlugin, requestContextMiddleware } from '../logging-request';
import { mountHealth, type ReadinessCheck } from './health';
import { ServerMetrics } from './metrics';
// --- end operations ---

/**
 * A subgraph answers an executed operation with 200 even when resolvers threw typed errors: the
 * gateway must receive them as GraphQL errors to merge into partial data (a 4xx would make it a
 * transport failure). The gateway sets the HTTP status its own client sees.
 */
const executedOperationsAnswer200: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && 'data' in response.body.singleResult) response.http.status = 200;
      },
    };
  },
};

export interface SubgraphServerOptions<C extends BaseContext> {
  /** Subgraph name, as in the supergraph (`procedures`, `dossiers`, ...). */
  name: string;
  /** Builds the subgraph's schema; called once, by `start()`. */
  buildSchema: () => Promise<{ schema: GraphQLSchema }>;
  /** Secret the gateway signs internal tokens with. */
  internalSecret: string;
  /** Adds the subgraph's per-request state (DataLoaders, services) to the base context. */
  context: (base: BaseContext) => C | Promise<C>;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Extra HTTP routes mounted before GraphQL, e.g. a provider's callback. @default none */
  routes?: (app: express.Express) => void;
  /** Runs once the server listens, e.g. to learn its own URL or start event consumers. @default none */
  onStarted?: (running: RunningServer) => void | Promise<void>;
  /** Runs first on stop, e.g. to stop event consumers. @default none */
  onStopping?: () => void | Promise<void>;
  // --- operations (issue 9D) ---
  /** `/readyz` checks (database, Redis…), by name. @default none: ready while listening and not draining */
  readiness?: Record<string, ReadinessCheck>;
  /** Serve `GET /metrics`. @default true */
  metricsEnabled?: boolean;
  /** Adds the subgraph's own figures (outbox, adapters) to its registry. @default none */
  metrics?: (metrics: ServerMetrics) => void;
  /** On stop, how long requests in flight may take before their connections are closed. @default 10000 */
  shutdownGraceMs?: number;
  // --- end operations ---
}

/** What the process decides for every subgraph it runs (ports, probes, shutdown), as opposed to what the subgraph itself wires. */
export type SubgraphListenOptions = Partial<Pick<SubgraphServerOptions<BaseContext>, 'port' | 'host' | 'readiness' | 'metricsEnabled' | 'shutdownGraceMs'>>;

export interface RunningServer {
  /** GraphQL endpoint URL (HTTP; the same path serves graphql-ws). */
  url: string;
  /** Base URL of the server, without a path. */
  baseUrl: string;
}

export interface ServerHandle {
  start(): Promise<RunningServer>;
  stop(): Promise<void>;
}

export function buildSubgraphServer<C extends BaseContext>(options: SubgraphServerOptions<C>): ServerHandle {
  const app = express();
  // GraphQL answers are POST responses nobody revalidates: express would hash every body for an ETag.
  app.set('etag', false);
  app.set('x-powered-by', false);
  const httpServer: Server = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  let stopWs: (() => Promise<void>) | undefined;
  let apollo: ApolloServer<C> | undefined;
  let draining = false;
  const serverMetrics = new ServerMetrics(options.name);
  options.metrics?.(serverMetrics);

  const authenticate = async (token: unknown, acceptLanguage: string | undefined, requestId?: string) => {
    if (typeof token !== 'string' || token === '') {
      throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
        en: 'Subgraphs accept requests from the gateway only.',
        vi: 'Dịch vụ con chỉ nhận yêu cầu từ cổng (gateway).',
      });
    }
    const { principal, clientAddress } = await readInternalToken(token, options.internalSecret);
    return options.context({ principal, locale: localeFrom(acceptLanguage), requestId: requestId ?? randomUUID(), clientAddress });
  };

  return {
    async start() {
      if (apollo) throw new Error(`The ${options.name} subgraph is already started`);
      const { schema } = await options.buildSchema();
      apollo = new ApolloServer<C>({
        schema,
        introspection: true,
        includeStacktraceInErrorResponses: false,
        // The hub stops its parts in order on SIGTERM; Apollo's own per-server signal handlers raced it and hung.
        stopOnTerminationSignals: false,
        // No Apollo Studio here: federated traces would only add bytes to every subgraph answer.
        plugins: [
          executedOperationsAnswer200,
          ApolloServerPluginInlineTraceDisabled(),
          // Stops accepting, then waits for requests in flight (bounded) before closing connections.
          ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
          operationLoggingPlugin(options.name),
          serverMetrics.graphqlPlugin(),
        ],
      });
      await apollo.start();
      app.use(requestContextMiddleware());
      if (options.metricsEnabled ?? true) {
        app.use(serverMetrics.httpMiddleware());
        serverMetrics.mount(app);
      }
      mountHealth(app, { service: options.name, checks: options.readiness, draining: () => draining });
      options.routes?.(app);
      app.use(
        '/graphql',
        ...graphqlJsonBody(),
        expressMiddleware(apollo, {
          context: async ({ req }) =>
            authenticate(req.header(INTERNAL_TOKEN_HEADER), req.header('accept-language'), req.header('x-request-id')),
        }),
      );
      const disposable = useServer<Record<string, unknown>>(
        {
          schema,
          onConnect: async (ctx) => {
            try {
              await authenticate(ctx.connectionParams?.internalToken, undefined);
              return true;
            } catch {
              return false;
            }
          },
          context: async (ctx) =>
            authenticate(ctx.connectionParams?.internalToken, ctx.connectionParams?.acceptLanguage as string | undefined),
        },
        wsServer,
      );
      stopWs = async () => disposable.dispose();
      await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
      const { port } = httpServer.address() as AddressInfo;
      const baseUrl = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : (options.host ?? '127.0.0.1')}:${port}`;
      const running = { url: `${baseUrl}/graphql`, baseUrl };
      await options.onStarted?.(running);
      return running;
    },
    async stop() {
      draining = true;
      await options.onStopping?.();
      await stopWs?.();
      await apollo?.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
