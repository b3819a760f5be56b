/**
 * How the gateway calls a subgraph for a query plan's fetch. Every call carries a short-lived internal
 * token naming the caller, signed with a secret only the gateway and subgraphs share (subgraphs refuse
 * requests without it), signed once per client request and reused by all of its fetches. Repeated
 * entities are sent once (entity-dedup), over the keep-alive pools of SubgraphHttp.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { REQUEST_ID_HEADER } from '../../subgraphs/shared/logging';
import type { GatewayContext } from '../context';
import { dedupeRepresentations } from '../transport/entity-dedup';
import { SubgraphUnreachableError, type SubgraphHttp } from '../transport/subgraph-http';

/** Starts timing one subgraph call; the returned function ends it with the outcome (HTTP status or "error"). */
export type SubgraphCallTimer = (subgraph: string) => (outcome: string) => void;

/** The internal token of a client request, signed on its first subgraph call. */
const internalTokens = new WeakMap<object, Promise<string>>();

/** The token for `context`'s caller, signed once per request context. */
export function internalTokenFor(context: GatewayContext, secret: string): Promise<string> {
  let token = internalTokens.get(context);
  if (!token) {
    token = signInternalToken(context.principal, secret, context.clientAddress);
    internalTokens.set(context, token);
  }
  return token;
}

/** The headers every gateway → subgraph call carries for `context`. */
export async function subgraphHeaders(context: GatewayContext, secret: string): Promise<Record<string, string>> {
  return {
    [INTERNAL_TOKEN_HEADER]: await internalTokenFor(context, secret),
    'accept-language': context.locale ?? 'vi',
    ...(context.requestId ? { [REQUEST_ID_HEADER]: context.requestId } : {}),
  };
}

export class IdentityForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly url: string,
    private readonly internalSecret: string,
    private readonly http: SubgraphHttp,
    private readonly timer?: SubgraphCallTimer,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<GraphQLDataSource['process']> {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal) throw new Error('Gateway context has no principal; refusing to call a subgraph anonymously by accident');
    const deduped = dedupeRepresentations(request.variables as Record<string, unknown> | undefined);
    const body = JSON.stringify({ query: request.query, variables: deduped.variables, operationName: request.operationName });
    const headers = await subgraphHeaders(ctx as GatewayContext, this.internalSecret);
    const end = this.timer?.(this.serviceName);
    let status: number;
    let answer: unknown;
    try {
      ({ status, body: answer } = await this.http.postJson(this.url, body, headers));
    } catch (err) {
      end?.('error');
      throw this.upstreamError(err as Error);
    }
    end?.(String(status));
    // A subgraph answers GraphQL errors with 200; anything else is not an answer to use.
    if (status < 200 || status > 299 || typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw this.upstreamError(new Error(`The ${this.serviceName} subgraph answered HTTP ${status} without a GraphQL result`), status);
    }
    return deduped.expand(answer as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] }) as Awaited<ReturnType<GraphQLDataSource['process']>>;
  }

  /**
   * A subgraph that cannot be reached, or answers with something other than GraphQL, becomes a
   * typed upstream error naming the service; the gateway still returns what the others gave.
   */
  private upstreamError(cause: Error, upstreamStatus?: number): LienthongError {
    const unreachable = cause instanceof SubgraphUnreachableError;
    return new LienthongError(unreachable ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_BAD_RESPONSE, {
      details: { serviceName: this.serviceName, ...(upstreamStatus !== undefined ? { upstreamStatus } : {}) },
      cause,
    });
  }
}
