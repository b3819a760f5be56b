/**
 * Queries the gateway runs itself, without Apollo Server's request pipeline: the common case of a
 * portal asking a valid query it asked before. Per operation text and name it keeps the parsed and
 * validated document, the resolved operation, @apollo/gateway's operation context and query plan,
 * and (for operations without variables) the abuse-limit verdict; each request then only checks its
 * variables and runs the plan with @apollo/gateway's own executor over the same subgraph data
 * sources. Anything else (errors, mutations, introspection, @defer, query-plan debugging) is left to
 * Apollo's path, which answers it exactly as before; so is everything when the cache says no.
 *
 * Why: on a query answered by one subgraph, Express and Apollo Server's pipeline (document hashing,
 * plugin hooks, per-request operation context) were a third of the gateway's own time per request.
 */
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { LienthongError } from '../../subgraphs/shared/errors';
import { asksForIntrospection } from '../auth/introspection-gate';
import type { GatewayContext } from '../context';
import type { CompiledSupergraph } from '../supergraph/compiled-supergraph';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** A query ready to run: everything about it that does not depend on the request. */
export interface PreparedQuery {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The operation's own name (logs and metrics), as Apollo reports it. */
  readonly operationName?: string;
  readonly operationContext: OperationContext;
  readonly plan: QueryPlan;
  /** Abuse-limit verdict of an operation without variables (it cannot change); `null` when within limits. */
  limitVerdict?: LienthongError | null;
}

/** A finished execution, errors formatted as Apollo Server formats them (before localisation). */
export interface DirectResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
  /** The HTTP status the errors ask for (`extensions.http`), as Apollo merges it into the answer. */
  httpStatus?: number;
}

export interface DirectQueriesOptions {
  supergraph: CompiledSupergraph;
  /** The data source of a subgraph, by name: the same ones @apollo/gateway runs its plans with. */
  dataSourceFor(name: string): GraphQLDataSource;
  /** Distinct (operation text, name) pairs kept; the oldest is dropped past it. @default 1000 */
  maxEntries?: number;
  /** Longest operation text prepared here; longer ones go to Apollo's path. @default 100000 */
  maxQueryLength?: number;
  /**
   * Operation text held in the cache altogether, in characters: with the plans and syntax trees it
   * stands for (about twenty times the text), this bounds the cache's memory when callers send many
   * large distinct operations. @default 2000000
   */
  maxCachedText?: number;
}

export class DirectQueries {
  private readonly compiled: CompiledSupergraph;
  private readonly serviceMap: ServiceMap;
  /** Prepared queries, and `null` for the texts Apollo's path must answer. */
  private readonly entries = new Map<string, PreparedQuery | null>();
  private readonly maxEntries: number;
  private readonly maxQueryLength: number;
  private readonly maxCachedText: number;
  private cachedText = 0;
  /** Queries answered here since start. */
  answered = 0;

  constructor(options: DirectQueriesOptions) {
    this.compiled = options.supergraph;
    this.serviceMap = Object.create(null) as ServiceMap;
    for (const name of this.compiled.supergraph.subgraphs().names()) this.serviceMap[name] = options.dataSourceFor(name);
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxQueryLength = options.maxQueryLength ?? 100_000;
    this.maxCachedText = options.maxCachedText ?? 2_000_000;
  }

  /** The prepared query for this text and operation name, or null when Apollo's path must answer it. */
  prepare(query: string, operationName: string | undefined): PreparedQuery | null {
    if (query.length > this.maxQueryLength) return null;
    const key = operationName ? `${operationName}\u0000${query}` : query;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = this.compile(query, operationName);
      while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.cachedText + key.length > this.maxCachedText)) {
        const oldest = this.entries.keys().next().value!;
        this.entries.delete(oldest);
        this.cachedText -= oldest.length;
      }
      this.entries.set(key, entry);
      this.cachedText += key.length;
    }
    return entry;
  }

  /** Operation texts held, and their characters altogether. */
  get cacheSize(): { entries: number; characters: number } {
    return { entries: this.entries.size, characters: this.cachedText };
  }

  /** Whether `variables` fit the operation's definitions; when they do not, Apollo's path answers with the errors. */
  variablesFit(prepared: PreparedQuery, variables: Record<string, unknown>): boolean {
    const definitions = prepared.operation.variableDefinitions;
    if (!definitions?.length) return true;
    return !getVariableValues(this.compiled.apiGraphQLSchema, definitions, variables).errors;
  }

  /** Runs the query's plan as `context`'s caller. Upstream failures become errors in the result. */
  async execute(prepared: PreparedQuery, variables: Record<string, unknown>, context: GatewayContext): Promise<DirectResult> {
    this.answered += 1;
    // What @apollo/gateway's executor reads of Apollo Server's request context.
    const requestContext = {
      request: { query: undefined, operationName: prepared.operationName, variables },
      operationName: prepared.operationName ?? null,
      document: prepared.document,
      operation: prepared.operation,
      context,
      contextValue: context,
      metrics: {},
      logger: console,
    };
    const result = await executeQueryPlan(
      prepared.plan,
      this.serviceMap,
      requestContext as unknown as Parameters<typeof executeQueryPlan>[2],
      prepared.operationContext,
      this.compiled.supergraphGraphQLSchema,
      this.compiled.apiSchema,
    );
    const { data, extensions } = result as { data?: Record<string, unknown> | null; extensions?: Record<string, unknown> };
    if (!result.errors?.length) return { data, extensions };
    return { data, extensions, ...formatErrors(result.errors) };
  }

  private compile(query: string, operationName: string | undefined): PreparedQuery | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    const schema = this.compiled.apiGraphQLSchema;
    if (validate(schema, document).length > 0) return null;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== 'query') return null;
    // Introspection is gated per caller, and @defer answers in several parts: both stay on Apollo's path.
    if (asksForIntrospection(document) || /@defer\b/.test(query)) return null;
    try {
      const plan = this.compiled.planner.buildQueryPlan(operationFromDocument(this.compiled.apiSchema, document, { operationName }));
      const operationContext = buildOperationContext({ schema, operationDocument: document, operationName });
      return { document, operation, operationName: operation.name?.value, operationContext, plan };
    } catch {
      return null;
    }
  }
}

/**
 * Errors as Apollo Server formats them: a code on each (INTERNAL_SERVER_ERROR by default), no
 * stack, and `extensions.http` taken out into the answer's status.
 */
export function formatErrors(errors: readonly (GraphQLError | Error)[]): { errors: GraphQLFormattedError[]; httpStatus?: number } {
  let httpStatus: number | undefined;
  const formatted = errors.map((raw) => {
    const error = raw instanceof GraphQLError ? raw : new GraphQLError(String(raw?.message ?? raw), { originalError: raw });
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
    // Apollo's test for an HTTP head it moves out of the error (errors of this hub set only a status).
    if (http && typeof http === 'object' && (!('status' in http) || typeof http.status === 'number') && (!('headers' in http) || http.headers instanceof Map)) {
      if (typeof http.status === 'number') httpStatus = http.status;
      delete extensions.http;
    }
    return { ...error.toJSON(), extensions };
  });
  return { errors: formatted, httpStatus };
}
