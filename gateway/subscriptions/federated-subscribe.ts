/**
 * Subscriptions through the gateway (@apollo/gateway executes none). The query planner splits a
 * subscription into the owning subgraph's part (`primary`) and entity fetches for the rest. The
 * primary runs as a graphql-ws subscription on that subgraph, in the caller's name; each event then
 * goes through the rest of the plan and is shaped to the client's selection, as a query would be.
 */
import { Supergraph, operationFromDocument, type Operation } from '@apollo/federation-internals';
import { QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import {
  execute,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { PlanExecutor, type SubgraphFetcher } from './plan-executor';

type JsonObject = Record<string, unknown>;

export interface FederatedSubscribeOptions {
  supergraphSdl: string;
  /** HTTP URL of each subgraph's GraphQL endpoint; its graphql-ws endpoint is the same path. */
  subgraphUrls: Record<string, string>;
  /** Connection parameters for the upstream subscription (the caller's internal token). */
  upstreamParams: (context: unknown) => Promise<Record<string, unknown>>;
  /** Entity fetches for the rest of the plan, bound to the caller. */
  fetcherFor: (context: unknown) => SubgraphFetcher;
}

/** Values are already keyed by response name (alias), as the subgraphs answered them. */
const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) =>
  (source as JsonObject | null)?.[info.path.key as string];

export class FederatedSubscriptions {
  private readonly supergraph: Supergraph;
  private readonly planner: QueryPlanner;
  readonly apiSchema: GraphQLSchema;

  constructor(private readonly options: FederatedSubscribeOptions) {
    this.supergraph = Supergraph.build(options.supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
    this.apiSchema = this.supergraph.apiSchema().toGraphQLJSSchema();
  }

  private plan(args: ExecutionArgs): SubscriptionNode {
    const operation: Operation = operationFromDocument(this.supergraph.schema, args.document, {
      operationName: args.operationName ?? undefined,
    });
    const node = this.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') throw new GraphQLError('Not a subscription operation');
    return node;
  }

  /** graphql-ws `subscribe` implementation: an async iterator of shaped results. */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let node: SubscriptionNode;
    try {
      node = this.plan(args);
    } catch (err) {
      return { errors: [err instanceof GraphQLError ? err : new GraphQLError((err as Error).message)] };
    }
    const url = this.options.subgraphUrls[node.primary.serviceName];
    if (!url) return { errors: [new GraphQLError(`No URL for subgraph ${node.primary.serviceName}`)] };
    const variables = (args.variableValues ?? {}) as JsonObject;
    const upstreamVariables: JsonObject = {};
    for (const name of node.primary.variableUsages ?? []) if (name in variables) upstreamVariables[name] = variables[name];

    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: await this.options.upstreamParams(args.contextValue),
      // Lazy: the connection lives exactly as long as this one subscription (closed on complete).
      retryAttempts: 0,
    });
    const upstream = client.iterate<JsonObject>({ query: node.primary.operation, variables: upstreamVariables });
    return this.shape(upstream, client, node, args, variables);
  }

  private async *shape(
    upstream: AsyncIterableIterator<FormattedExecutionResult<JsonObject, unknown>>,
    client: Client,
    node: SubscriptionNode,
    args: ExecutionArgs,
    variables: JsonObject,
  ): AsyncIterableIterator<ExecutionResult> {
    try {
      for await (const event of upstream) {
        if (!event.data) {
          yield { errors: (event.errors as GraphQLError[] | undefined) ?? [new GraphQLError('Upstream subscription ended with no data')] };
          continue;
        }
        const data = structuredClone(event.data);
        const executor = new PlanExecutor(this.options.fetcherFor(args.contextValue), variables);
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
        yield errors.length > 0 ? { data: shaped.data, errors: errors as GraphQLError[] } : { data: shaped.data };
      }
    } catch (err) {
      // Upstream closed abnormally (subgraph down, or refused the subscription): tell the client why.
      yield { errors: [upstreamError(err)] };
    } finally {
      await upstream.return?.();
      await client.dispose();
    }
  }
}

function upstreamError(err: unknown): GraphQLError {
  if (Array.isArray(err) && err[0]?.message) {
    const first = err[0] as { message: string; extensions?: JsonObject };
    return new GraphQLError(first.message, { extensions: first.extensions });
  }
  const reason = (err as { reason?: string; message?: string })?.reason ?? (err as Error)?.message ?? String(err);
  return new GraphQLError(`Subscription source unavailable: ${reason}`, { extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
}
