/**
 * Subscriptions through the gateway (@apollo/gateway executes none). The query planner splits a
 * subscription into the owning subgraph's part (`primary`) and entity fetches for the rest. The
 * primary runs as a graphql-ws subscription on that subgraph, in the name of the caller's visibility
 * scope; each event then goes through the rest of the plan and is shaped to the client's selection,
 * as a query would be. Identical subscriptions share all of that (SharedStreams): one upstream,
 * one fetch and one shaping per event, then one bounded queue per subscriber.
 */
import { createHash, randomUUID } from 'node:crypto';
import { operationFromDocument, type Operation } from '@apollo/federation-internals';
import type { PlanNode, SubscriptionNode } from '@apollo/query-planner';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { BaseContext } from '../../subgraphs/shared/federation/context';
import type { CompiledSupergraph } from '../supergraph/compiled-supergraph';
import { localizeResult } from './localize-result';
import { PlanExecutor, type SubgraphFetcher } from './plan-executor';
import { SharedStreams, streamKey, visibilityScope, type SharedStreamStats, type StartUpstream } from './shared-streams';
import type { QueueLimits, SubscriberSocket } from './subscriber-queue';
import { UpstreamConnections } from './upstream-connections';

type JsonObject = Record<string, unknown>;

export interface FederatedSubscribeOptions {
  /** The gateway's compiled supergraph (shared with its query path). */
  supergraph: CompiledSupergraph;
  /** HTTP URL of each subgraph's GraphQL endpoint; its graphql-ws endpoint is the same path. */
  subgraphUrls: Record<string, string>;
  /** Connection parameters for the upstream subscription (the scope's internal token). */
  upstreamParams: (context: BaseContext) => Promise<Record<string, unknown>>;
  /** Entity fetches for the rest of the plan, bound to the scope. */
  fetcherFor: (context: BaseContext) => SubgraphFetcher;
  /** Per-subscriber queue limits. @default DEFAULT_QUEUE_LIMITS (256 events, 1 MiB buffered) */
  limits?: Partial<QueueLimits>;
  /**
   * Subgraphs whose reads are logged per account (citizens' national data): a stream whose plan reads
   * from one runs per account, shared only among that account's screens. @default ["citizens"]
   */
  perAccountSubgraphs?: readonly string[];
  /**
   * Subscription fields whose every result is the whole state (a snapshot): a subscriber joining a
   * running stream of one gets the latest snapshot at once. @default ["dossierStatsLive"]
   */
  snapshotFields?: readonly string[];
}

export interface FederatedSubscriptionStats extends SharedStreamStats {
  /** graphql-ws connections open to subgraphs (streams of one scope share one). */
  upstreamConnections: number;
}

/** Values are already keyed by response name (alias), as the subgraphs answered them. */
const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) =>
  (source as JsonObject | null)?.[info.path.key as string];

/**
 * Who a shared stream runs as. Shared across accounts, it runs as the scope (a stream id, the role,
 * agency and roles): nothing of one subscriber is lent to the others. Per account, it is the account.
 */
function streamContext(principal: Principal, perAccount: boolean, scope: string): BaseContext {
  const { id, role, agencyCode, personalId, workflowRoles } = principal;
  const streamId = perAccount ? id : `subscription-stream:${createHash('sha256').update(scope).digest('hex').slice(0, 16)}`;
  // A stream outlives its first subscriber; Vietnamese is the default language, errors are localised per subscriber.
  return { principal: { id: streamId, role, agencyCode, personalId, workflowRoles }, locale: 'vi', requestId: randomUUID() };
}

/** Whether a plan reads from any of `services` (its owning subgraph or an entity fetch). */
function readsFrom(node: SubscriptionNode, services: ReadonlySet<string>): boolean {
  if (services.has(node.primary.serviceName)) return true;
  const visit = (n: PlanNode | undefined): boolean => {
    if (!n) return false;
    switch (n.kind) {
      case 'Fetch':
        return services.has(n.serviceName);
      case 'Flatten':
        return visit(n.node);
      case 'Sequence':
      case 'Parallel':
        return n.nodes.some(visit);
      default:
        return true; // unknown shapes: assume the worst, keep it per account
    }
  };
  return visit(node.rest);
}

export class FederatedSubscriptions {
  private readonly compiled: CompiledSupergraph;
  private readonly streams: SharedStreams<ExecutionResult>;
  private readonly connections = new UpstreamConnections();
  private readonly snapshotFields: ReadonlySet<string>;
  private readonly perAccountSubgraphs: ReadonlySet<string>;
  /** Plans by parsed document (the document cache gives one tree per operation text) and operation name. */
  private readonly plans = new WeakMap<DocumentNode, Map<string, SubscriptionNode>>();
  readonly apiSchema: GraphQLSchema;

  constructor(private readonly options: FederatedSubscribeOptions) {
    this.compiled = options.supergraph;
    this.apiSchema = options.supergraph.apiGraphQLSchema;
    this.streams = new SharedStreams<ExecutionResult>({ limits: options.limits, present: localizeResult });
    this.snapshotFields = new Set(options.snapshotFields ?? ['dossierStatsLive']);
    this.perAccountSubgraphs = new Set(options.perAccountSubgraphs ?? ['citizens']);
  }

  stats(): FederatedSubscriptionStats {
    return { ...this.streams.stats(), upstreamConnections: this.connections.size };
  }

  /** Stops every upstream and completes every subscriber (gateway shutdown). */
  close(): void {
    this.streams.closeAll();
    this.connections.closeAll();
  }

  private plan(args: ExecutionArgs): SubscriptionNode {
    const name = args.operationName ?? '';
    let byName = this.plans.get(args.document);
    const cached = byName?.get(name);
    if (cached) return cached;
    const operation: Operation = operationFromDocument(this.compiled.supergraph.schema, args.document, { operationName: args.operationName ?? undefined });
    const node = this.compiled.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') throw new GraphQLError('Not a subscription operation');
    if (!byName) this.plans.set(args.document, (byName = new Map()));
    byName.set(name, node);
    return node;
  }

  /**
   * graphql-ws `subscribe` implementation: the subscriber's queue on the shared stream (an async
   * iterator of shaped results), or an error result. `socket` is the subscriber's connection,
   * watched for back-pressure and closed if the subscriber falls behind.
   */
  async subscribe(args: ExecutionArgs, socket: SubscriberSocket): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const ctx = args.contextValue as BaseContext;
    let node: SubscriptionNode;
    try {
      node = this.plan(args);
    } catch (err) {
      return localizeResult({ errors: [err instanceof GraphQLError ? err : new GraphQLError((err as Error).message)] }, ctx.locale);
    }
    const perAccount = readsFrom(node, this.perAccountSubgraphs);
    const scope = visibilityScope(ctx.principal, perAccount);
    const variables = (args.variableValues ?? {}) as JsonObject;
    let key = streamKey(args.document, args.operationName, variables, scope);
    // A replay from a cursor is this subscriber's own: joining a running stream would skip it.
    if (requestsReplay(args.document, args.operationName, variables)) key += `\u0000${randomUUID()}`;
    const join = { snapshots: rootFields(args.document, args.operationName).every((f) => this.snapshotFields.has(f)) };
    if (this.streams.has(key)) return this.streams.join(key, noUpstream, socket, ctx.locale, join);

    const url = this.options.subgraphUrls[node.primary.serviceName];
    if (!url) return localizeResult({ errors: [new GraphQLError(`No URL for subgraph ${node.primary.serviceName}`)] }, ctx.locale);
    const start = this.upstream(node, url, `${node.primary.serviceName}\u0000${scope}`, args, variables, streamContext(ctx.principal, perAccount, scope));
    return this.streams.join(key, start, socket, ctx.locale, join);
  }

  /** The upstream of one shared stream: subscribed on a pooled connection, each event shaped in order. */
  private upstream(
    node: SubscriptionNode,
    url: string,
    poolKey: string,
    args: ExecutionArgs,
    variables: JsonObject,
    context: BaseContext,
  ): StartUpstream<ExecutionResult> {
    const upstreamVariables: JsonObject = {};
    for (const name of node.primary.variableUsages ?? []) if (name in variables) upstreamVariables[name] = variables[name];
    return (sink) => {
      const connection = this.connections.lease(poolKey, url, () => this.options.upstreamParams(context));
      let stopped = false;
      // Shaping is asynchronous (entity fetches): chained, so results leave in the order events came.
      let chain = Promise.resolve();
      const inOrder = (step: () => Promise<void> | void) => {
        chain = chain
          .then(() => (stopped ? undefined : step()))
          .catch((err: unknown) => {
            if (!stopped) sink.end({ errors: [upstreamError(err)] });
          });
      };
      const unsubscribe = connection.client.subscribe<JsonObject>(
        { query: node.primary.operation, variables: upstreamVariables },
        {
          next: (event) => inOrder(async () => {
            const shaped = await this.shape(event, node, args, context);
            if (!stopped) sink.next(shaped);
          }),
          // Upstream closed abnormally (subgraph down, or refused the subscription): tell the subscribers why.
          error: (err) => inOrder(() => sink.end({ errors: [upstreamError(err)] })),
          complete: () => inOrder(() => sink.end()),
        },
      );
      return () => {
        stopped = true;
        unsubscribe();
        connection.release();
      };
    };
  }

  private async shape(
    event: FormattedExecutionResult<JsonObject, unknown>,
    node: SubscriptionNode,
    args: ExecutionArgs,
    context: BaseContext,
  ): Promise<ExecutionResult> {
    if (!event.data) {
      return { errors: (event.errors as GraphQLError[] | undefined) ?? [new GraphQLError('Upstream subscription ended with no data')] };
    }
    const data = structuredClone(event.data);
    const executor = new PlanExecutor(this.options.fetcherFor(context), (args.variableValues ?? {}) as JsonObject);
    if (node.rest) await executor.execute(node.rest, data);
    const shaped = await execute({
      schema: this.apiSchema,
      document: args.document,
      operationName: args.operationName,
      variableValues: args.variableValues,
      rootValue: data,
      fieldResolver: byResponseKey,
    });
    const errors = [...(event.errors ?? []), ...executor.errors, ...(shaped.errors ?? []).map((e) => e.toJSON())];
    return errors.length > 0 ? { data: shaped.data, errors: errors as GraphQLError[] } : { data: shaped.data };
  }
}

/** Never called: the stream is running (checked just before joining, with no await in between). */
const noUpstream: StartUpstream<ExecutionResult> = (sink) => {
  sink.end({ errors: [new GraphQLError('Subscription stream ended', { extensions: { code: 'UPSTREAM_UNAVAILABLE' } })] });
  return () => undefined;
};

/** Names of the operation's root fields (a subscription has one). */
function rootFields(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operation = getOperationAST(document, operationName);
  return (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** Whether a root field of the operation asks for a replay (`after:` a cursor, not null). */
export function requestsReplay(document: DocumentNode, operationName: string | null | undefined, variables: JsonObject): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const defaults = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]) ?? []);
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const after = selection.arguments?.find((a) => a.name.value === 'after');
    if (!after || after.value.kind === Kind.NULL) continue;
    if (after.value.kind !== Kind.VARIABLE) return true;
    const name = after.value.name.value;
    const given = variables[name];
    if (given !== undefined ? given !== null : (defaults.get(name)?.kind ?? Kind.NULL) !== Kind.NULL) return true;
  }
  return false;
}

function upstreamError(err: unknown): GraphQLError {
  if (Array.isArray(err) && err[0]?.message) {
    const first = err[0] as { message: string; extensions?: JsonObject };
    return new GraphQLError(first.message, { extensions: first.extensions });
  }
  const reason = (err as { reason?: string; message?: string })?.reason ?? (err as Error)?.message ?? String(err);
  return new GraphQLError(`Subscription source unavailable: ${reason}`, { extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
}
