/**
 * The gateway's graphql-ws endpoint (same port and path as HTTP). Callers authenticate in
 * `connection_init` (`{ authorization: "Bearer …" }`); subscriptions run through
 * FederatedSubscriptions, queries and mutations through the same gateway pipeline as HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { print, type ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { principalFromAuthorization } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import { localizeError } from '../plugins/localize-errors';
import { localeFrom } from '../../subgraphs/shared/federation/context';
import type { FederatedSubscriptions } from './federated-subscribe';

export interface GatewayWsOptions {
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  subscriptions: FederatedSubscriptions;
  authSecret: string;
}

type ConnectionExtra = { context?: GatewayContext };

export function startGatewayWs({ httpServer, apollo, subscriptions, authSecret }: GatewayWsOptions): () => Promise<void> {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const localize = (result: ExecutionResult, ctx: GatewayContext): ExecutionResult =>
    // graphql-ws sends results as they are serialised; formatted errors are what goes on the wire.
    result.errors
      ? ({ ...result, errors: result.errors.map((e) => localizeError('toJSON' in e ? e.toJSON() : e, ctx.locale)) } as unknown as ExecutionResult)
      : result;

  const disposable = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: subscriptions.apiSchema,
      onConnect: async (ctx) => {
        try {
          const principal = await principalFromAuthorization(ctx.connectionParams?.authorization, authSecret);
          const acceptLanguage = ctx.connectionParams?.acceptLanguage as string | undefined;
          ctx.extra.context = { principal, locale: localeFrom(acceptLanguage), requestId: randomUUID() };
          return true;
        } catch {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Invalid access token');
          return false;
        }
      },
      context: (ctx) => ctx.extra.context!,
      subscribe: async (args) => {
        const ctx = args.contextValue as GatewayContext;
        const result = await subscriptions.subscribe(args);
        if (!(Symbol.asyncIterator in result)) return localize(result, ctx);
        return (async function* () {
          for await (const r of result) yield localize(r, ctx);
        })();
      },
      execute: async (args) => {
        const ctx = args.contextValue as GatewayContext;
        const response = await apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          { contextValue: ctx },
        );
        if (response.body.kind !== 'single') return { errors: [] };
        return response.body.singleResult as ExecutionResult;
      },
    },
    wsServer,
  );
  return async () => {
    await disposable.dispose();
  };
}
