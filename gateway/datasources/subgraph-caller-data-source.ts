/**
 * @apollo/gateway's data source for one subgraph: every fetch of a query plan goes through the
 * gateway's SubgraphCaller (internal token, entity deduplication, keep-alive pools, typed errors,
 * shared catalogue answers) instead of Apollo's own fetch stack.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../context';
import type { SubgraphCaller } from '../transport/subgraph-caller';

export class SubgraphCallerDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly caller: SubgraphCaller,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<GraphQLDataSource['process']> {
    if (!request.query) throw new Error('Missing query');
    const answer = await this.caller.call(this.serviceName, context as GatewayContext, {
      query: request.query,
      variables: request.variables as Record<string, unknown> | undefined,
      operationName: request.operationName,
    });
    return answer as Awaited<ReturnType<GraphQLDataSource['process']>>;
  }
}
