/**
 * Every gateway → subgraph call, for queries, mutations and subscription events alike: the caller's
 * identity in a short-lived internal token (signed once per client request), each entity sent once,
 * keep-alive pools, typed errors, and the published catalogue's answers shared for a while.
 *
 * The procedure catalogue is public by law and the same for every caller, and portals ask for the
 * same procedures all day: a public subgraph's query answers serve every caller for
 * `publicReadTtlMs`. A mutation sent to that subgraph through this gateway drops them at once;
 * changes made elsewhere show after the TTL. Answers with errors are never kept.
 */
import type { GraphQLFormattedError } from 'graphql';
import { INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN_TTL_SECONDS, signInternalToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { REQUEST_ID_HEADER } from '../../subgraphs/shared/logging';
import { RecentReads } from '../../subgraphs/shared/storage/recent-reads';
import type { GatewayContext } from '../context';
import { dedupeRepresentations } from './entity-dedup';
import { SubgraphHttp, SubgraphUnreachableError, type SubgraphHttpOptions } from './subgraph-http';

type JsonObject = Record<string, unknown>;

export interface SubgraphAnswer {
  data?: JsonObject | null;
  errors?: GraphQLFormattedError[];
}

export interface SubgraphRequest {
  query: string;
  variables?: JsonObject;
  operationName?: string;
}

/** Starts timing one subgraph call; the returned function ends it with the outcome (HTTP status or "error"). */
export type SubgraphCallTimer = (subgraph: string) => (outcome: string) => void;

export interface SubgraphCallerOptions {
  /** GraphQL endpoint of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  /** Secret that signs the identity forwarded to subgraphs. */
  internalSecret: string;
  /** Connection pools. @default SubgraphHttp's defaults */
  http?: SubgraphHttpOptions;
  /** Metrics hook. @default undefined */
  timer?: SubgraphCallTimer;
  /** Subgraphs whose query answers are the same for every caller. @default ["procedures"] */
  publicSubgraphs?: readonly string[];
  /** How long a public subgraph's answer serves other callers. @default 10000 */
  publicReadTtlMs?: number;
}

/**
 * The internal token of a context, signed on its first subgraph call and again once half its life
 * has passed: a client request's context is gone long before, but a subscription stream's context
 * lives as long as the stream, and each of its events' fetches must carry a token still valid.
 */
const internalTokens = new WeakMap<object, { token: Promise<string>; signedAt: number }>();

/** The token for `context`'s caller, signed once per request context (per half-life for long-lived ones). */
export function internalTokenFor(context: GatewayContext, secret: string): Promise<string> {
  const now = Date.now();
  const held = internalTokens.get(context);
  if (held && now - held.signedAt < (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2) return held.token;
  const token = signInternalToken(context.principal, secret, context.clientAddress);
  internalTokens.set(context, { token, signedAt: now });
  return token;
}

const isQuery = (operation: string) => /^\s*(query\b|\{)/.test(operation);

export class SubgraphCaller {
  private readonly http: SubgraphHttp;
  private readonly publicSubgraphs: ReadonlySet<string>;
  private readonly publicReads: RecentReads;

  constructor(private readonly options: SubgraphCallerOptions) {
    this.http = new SubgraphHttp(options.http);
    this.publicSubgraphs = new Set(options.publicSubgraphs ?? ['procedures']);
    this.publicReads = new RecentReads({ ttlMs: options.publicReadTtlMs ?? 10_000, maxEntries: 2000 });
  }

  /** Calls `serviceName` as `context`'s caller; rejects with UPSTREAM_UNAVAILABLE or UPSTREAM_BAD_RESPONSE. */
  async call(serviceName: string, context: GatewayContext, request: SubgraphRequest): Promise<SubgraphAnswer> {
    if (!context?.principal) throw new Error('Gateway context has no principal; refusing to call a subgraph anonymously by accident');
    const deduped = dedupeRepresentations(request.variables);
    const body = JSON.stringify({ query: request.query, variables: deduped.variables, operationName: request.operationName });
    if (!this.publicSubgraphs.has(serviceName)) return deduped.expand(await this.send(serviceName, context, body));
    if (!isQuery(request.query)) {
      this.publicReads.clear();
      return deduped.expand(await this.send(serviceName, context, body));
    }
    const key = `${serviceName}\u0000${context.locale}\u0000${body}`;
    const shared = this.publicReads.get(key, () => this.send(serviceName, context, body));
    const answer = await shared;
    if (answer.errors?.length) this.publicReads.forget(key);
    // The executor merges answers into the response in place: each caller gets its own copy.
    return deduped.expand(structuredClone(answer));
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async send(serviceName: string, context: GatewayContext, body: string): Promise<SubgraphAnswer> {
    const headers: Record<string, string> = {
      [INTERNAL_TOKEN_HEADER]: await internalTokenFor(context, this.options.internalSecret),
      'accept-language': context.locale ?? 'vi',
    };
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    const end = this.options.timer?.(serviceName);
    let status: number;
    let answer: unknown;
    try {
      ({ status, body: answer } = await this.http.postJson(this.options.subgraphUrls[serviceName], body, headers));
    } catch (err) {
      end?.('error');
      throw upstreamError(serviceName, err as Error);
    }
    end?.(String(status));
    // A subgraph answers GraphQL errors with 200; anything else is not an answer to use.
    if (status < 200 || status > 299 || typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw upstreamError(serviceName, new Error(`The ${serviceName} subgraph answered HTTP ${status} without a GraphQL result`), status);
    }
    return answer as SubgraphAnswer;
  }
}

/** A subgraph that cannot be reached, or answers with something other than GraphQL, named in a typed error. */
function upstreamError(serviceName: string, cause: Error, upstreamStatus?: number): LienthongError {
  const unreachable = cause instanceof SubgraphUnreachableError;
  return new LienthongError(unreachable ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_BAD_RESPONSE, {
    details: { serviceName, ...(upstreamStatus !== undefined ? { upstreamStatus } : {}) },
    cause,
  });
}
