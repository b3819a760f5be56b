/**
 * The gateway's graphql-ws endpoint (same port and path as HTTP). Callers authenticate in
 * `connection_init` (`{ authorization: "Bearer …" }`); subscriptions run through
 * FederatedSubscriptions (shared upstream streams, one bounded queue per subscriber), queries and
 * mutations through the same gateway pipeline as HTTP. The hub's heartbeat replaces graphql-ws's
 * per-socket keep-alive timers; close codes are listed in HubCloseCode.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { print, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AccessTokenVerifier } from '../auth/access-tokens';
import { principalFromAuthorization } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import { localeFrom } from '../../subgraphs/shared/federation/context';
import { HubCloseCode } from './close-codes';
import { DocumentCache } from './document-cache';
import type { FederatedSubscriptions, FederatedSubscriptionStats } from './federated-subscribe';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, startHeartbeat } from './heartbeat';
import { withWireErrors } from './localize-result';
// Abuse limits (issue 9B): operations over graphql-ws are admitted as HTTP ones are.
import { localizedRefusal, OperationGuard } from '../plugins/request-guard';

export interface GatewayWsOptions {
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  subscriptions: FederatedSubscriptions;
  /** Verifies the access token sent in `connection_init`. */
  verifyAccessToken: AccessTokenVerifier;
  /**
   * WebSocket ping interval; a connection that has not answered the previous ping is terminated
   * (HubCloseCode.HeartbeatTimeout). @default 15000
   */
  heartbeatIntervalMs?: number;
  /** Abuse limits applied to every operation received (issue 9B). @default the guard's defaults */
  guard?: OperationGuard;
}

/** What the subscription endpoint holds right now, and what it dropped since start. */
export interface SubscriptionStats extends FederatedSubscriptionStats {
  /** WebSocket connections open to the gateway. */
  connections: number;
  /** Connections terminated for not answering a heartbeat ping since start. */
  heartbeatTimeouts: number;
}

export interface GatewayWs {
  stats(): SubscriptionStats;
  /** Closes every connection (1001), stops every upstream. */
  dispose(): Promise<void>;
}

type ConnectionExtra = { context?: GatewayContext };

export function startGatewayWs({ httpServer, apollo, subscriptions, verifyAccessToken, heartbeatIntervalMs, guard = new OperationGuard() }: GatewayWsOptions): GatewayWs {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const heartbeat = startHeartbeat(wsServer, { intervalMs: heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS });
  // The subscriber's socket, for back-pressure; keyed by the connection's context (one per connection).
  const socketOf = new WeakMap<GatewayContext, WebSocket>();
  const documents = new DocumentCache(subscriptions.apiSchema);

  const disposable = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: subscriptions.apiSchema,
      onConnect: async (ctx) => {
        try {
          const principal = await principalFromAuthorization(ctx.connectionParams?.authorization, verifyAccessToken);
          const acceptLanguage = ctx.connectionParams?.acceptLanguage as string | undefined;
          // clientAddress: the socket's peer, for per-address rate limits of anonymous callers (issue 9B).
          const context: GatewayContext = { principal, locale: localeFrom(acceptLanguage), requestId: randomUUID(), clientAddress: ctx.extra.request.socket.remoteAddress };
          ctx.extra.context = context;
          socketOf.set(context, ctx.extra.socket);
          // The upgrade request is not needed past authentication; 10,000 of them are megabytes.
          (ctx.extra as { request?: unknown }).request = undefined;
          return true;
        } catch {
          ctx.extra.socket.close(HubCloseCode.Forbidden, 'Invalid access token');
          return false;
        }
      },
      // One parsed, validated tree per distinct operation text, shared by every subscriber sending it.
      onSubscribe: async (ctx, _id, payload) => {
        // Abuse limits (issue 9B): rate, sizes and persisted queries before parsing; depth, aliases, cost after.
        const context = ctx.extra.context!;
        const { persistedQuery } = payload.extensions ?? {};
        // graphql-ws requires a `query` string: a hash-only persisted query comes with an empty one.
        const query = payload.query === '' && persistedQuery ? undefined : payload.query;
        const admission = await guard.admit({ ...payload, query }, context);
        if ('error' in admission) return localizedRefusal(admission.error, context.locale);
        const compiled = documents.get(admission.query);
        if (compiled.errors) return compiled.errors;
        const overLimit = guard.checkDocument(subscriptions.apiSchema, compiled.document, payload.operationName, payload.variables);
        if (overLimit) return localizedRefusal(overLimit, context.locale);
        await guard.remember(admission);
        return {
          schema: subscriptions.apiSchema,
          document: compiled.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: ctx.extra.context!,
        };
      },
      subscribe: async (args) => {
        const socket = socketOf.get(args.contextValue as GatewayContext);
        if (!socket) return { errors: [] };
        return subscriptions.subscribe(args, socket);
      },
      execute: async (args) => {
        const ctx = args.contextValue as GatewayContext;
        const response = await apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          { contextValue: ctx },
        );
        if (response.body.kind !== 'single') return { errors: [] };
        // Apollo's errors are already formatted and localised (localizeErrorsPlugin).
        return withWireErrors(response.body.singleResult as ExecutionResult);
      },
    },
    wsServer,
    // Keep-alive is the hub's heartbeat (one timer for all), not graphql-ws's timers per socket.
    0,
  );
  return {
    stats: () => ({ ...subscriptions.stats(), connections: wsServer.clients.size, heartbeatTimeouts: heartbeat.timeouts }),
    async dispose() {
      heartbeat.stop();
      await disposable.dispose();
      subscriptions.close();
    },
  };
}
