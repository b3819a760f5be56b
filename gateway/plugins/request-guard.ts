/**
 * The gateway's abuse limits, decided before an operation runs, the same over HTTP and graphql-ws:
 * a rate limit per client, the size of the operation's text and variables, persisted queries, then
 * (once parsed and validated) depth, aliases and cost. Each refusal is a typed error with its HTTP
 * status. HTTP operations are admitted by {@link requestGuardPlugin}; graphql-ws admits its own in
 * `onSubscribe` and hands queries and mutations to Apollo without an HTTP request, which the plugin
 * recognises and does not count a second time.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { BaseContext, Locale } from '../../subgraphs/shared/federation/context';
import { rateLimitKey } from '../../subgraphs/dossiers/public-status/client-key';
import type { RateLimiter } from '../../subgraphs/dossiers/public-status/rate-limiter';
import type { GatewayContext } from '../context';
import { localizeError } from './localize-errors';
import { checkOperationLimits, type OperationLimits } from './operation-limits';
import { PersistedQueries } from './persisted-queries';

export interface AbuseLimitOptions extends OperationLimits {
  /** Operations in one HTTP request; 1 refuses array bodies with BATCH_NOT_ALLOWED. @default 1 */
  maxBatchedOperations?: number;
  /** Bytes (UTF-8) of an operation's text (QUERY_TOO_LARGE). @default 65536 */
  maxOperationBytes?: number;
  /** Bytes of an operation's variables as JSON (VARIABLES_TOO_LARGE). @default 262144 */
  maxVariablesBytes?: number;
  /** Persisted query handling; the guard closes it on stop. @default auto mode with an in-memory store */
  persistedQueries?: PersistedQueries;
  /**
   * Token buckets per client (account, else address); one token per operation. `null` turns the
   * limit off. The guard closes it on stop when it has `close()`. @default none (no rate limit)
   */
  rateLimiter?: (RateLimiter & { close?(): Promise<void> }) | null;
}

export const DEFAULT_MAX_OPERATION_BYTES = 64 * 1024;
export const DEFAULT_MAX_VARIABLES_BYTES = 256 * 1024;

/** What a client sent, before parsing. */
export interface IncomingOperation {
  query?: string;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

export type Admission = { query: string; register?: string } | { error: LienthongError };

export class OperationGuard {
  readonly persistedQueries: PersistedQueries;
  /** Bytes (UTF-8) of an operation's text above which it is refused with QUERY_TOO_LARGE. */
  readonly maxOperationBytes: number;
  private readonly maxVariablesBytes: number;

  constructor(private readonly options: AbuseLimitOptions = {}) {
    this.persistedQueries = options.persistedQueries ?? new PersistedQueries('auto');
    this.maxOperationBytes = options.maxOperationBytes ?? DEFAULT_MAX_OPERATION_BYTES;
    this.maxVariablesBytes = options.maxVariablesBytes ?? DEFAULT_MAX_VARIABLES_BYTES;
  }

  get maxBatchedOperations(): number {
    return this.options.maxBatchedOperations ?? 1;
  }

  /** Everything decided before parsing: rate, sizes, persisted queries. Takes one rate token. */
  async admit(operation: IncomingOperation, context: BaseContext): Promise<Admission> {
    if (this.options.rateLimiter) {
      const decision = await this.options.rateLimiter.take(rateLimitKey(context));
      if (!decision.allowed) {
        return { error: new LienthongError(ErrorCode.RATE_LIMITED, { details: { retryAfterSeconds: decision.retryAfterSeconds } }) };
      }
    }
    if (typeof operation.query === 'string') {
      const bytes = Buffer.byteLength(operation.query, 'utf8');
      if (bytes > this.maxOperationBytes) {
        return { error: new LienthongError(ErrorCode.QUERY_TOO_LARGE, { details: { bytes, maxBytes: this.maxOperationBytes } }) };
      }
    }
    if (operation.variables) {
      // File contents travel as base64 variables (AttachmentUploadInput.contentBase64): they are bounded
      // by the request body cap and the attachment caps, not by this one, which guards everything else.
      const bytes = Buffer.byteLength(JSON.stringify(operation.variables, withoutFileContents), 'utf8');
      if (bytes > this.maxVariablesBytes) {
        return { error: new LienthongError(ErrorCode.VARIABLES_TOO_LARGE, { details: { bytes, maxBytes: this.maxVariablesBytes } }) };
      }
    }
    return this.persistedQueries.resolve(operation.query ?? undefined, operation.extensions ?? undefined);
  }

  /** Depth, aliases and cost of a parsed, validated operation; undefined when within every limit. */
  checkDocument(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): LienthongError | undefined {
    return checkOperationLimits(schema, document, operationName, variables ?? undefined, this.options);
  }

  /** Remembers an admitted automatic persisted query once it passed validation and every limit. */
  async remember(admission: Admission): Promise<void> {
    if ('query' in admission && admission.register) await this.persistedQueries.remember(admission.register, admission.query);
  }

  async close(): Promise<void> {
    await this.options.rateLimiter?.close?.();
    await this.persistedQueries.close();
  }
}

/**
 * A trivial operation Apollo parses instead of a refused one: the refusal is then thrown from
 * `didResolveOperation`, so it leaves through Apollo's normal error path (status, localisation)
 * without the refused text ever being parsed.
 */
const PLACEHOLDER_OPERATION = '{ __typename }';

export function requestGuardPlugin(guard: OperationGuard): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(requestContext) {
      const request = requestContext.request;
      // Without an HTTP request the operation came from graphql-ws, which admitted it already.
      const admission: Admission | undefined = request.http ? await guard.admit(request, requestContext.contextValue) : undefined;
      if (admission) {
        const { persistedQuery: _handled, ...otherExtensions } = request.extensions ?? {};
        request.extensions = otherExtensions;
        if ('error' in admission) {
          request.query = PLACEHOLDER_OPERATION;
          request.operationName = undefined;
          request.variables = undefined;
        } else request.query = admission.query;
      }
      return {
        async didResolveOperation({ schema, document, operationName, request: resolved }) {
          if (admission && 'error' in admission) throw admission.error;
          const refusal = guard.checkDocument(schema, document, operationName, resolved.variables);
          if (refusal) throw refusal;
          if (admission) await guard.remember(admission);
        },
      };
    },
  };
}

/** A refusal as graphql-ws sends it from `onSubscribe`: real GraphQLErrors, in the caller's language. */
export function localizedRefusal(error: GraphQLError, locale: Locale): GraphQLError[] {
  const formatted = localizeError(error.toJSON(), locale);
  return [new GraphQLError(formatted.message, { extensions: formatted.extensions })];
}

/** JSON.stringify replacer: a file's base64 content counts as nothing. */
function withoutFileContents(key: string, value: unknown): unknown {
  return key === 'contentBase64' && typeof value === 'string' ? '' : value;
}
