/**
 * The supergraph compiled once per gateway: query planning, validation and execution for queries
 * (gateway/http) and subscriptions (gateway/subscriptions) all read the same objects, instead of each
 * building its own copy of the schemas and planner at start-up.
 */
import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';

export interface CompiledSupergraph {
  readonly supergraph: Supergraph;
  /** One planner: it keeps its own caches of what it derived from the supergraph. */
  readonly planner: QueryPlanner;
  /** The API schema (what clients see), in federation's own model, for building operations. */
  readonly apiSchema: Schema;
  /** The same API schema in graphql-js: validation, variables, abuse limits. */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** The supergraph with its join directives, in graphql-js (@apollo/gateway's plan executor reads it). */
  readonly supergraphGraphQLSchema: GraphQLSchema;
}

export function compileSupergraph(supergraphSdl: string): CompiledSupergraph {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  return {
    supergraph,
    planner: new QueryPlanner(supergraph),
    apiSchema,
    apiGraphQLSchema: apiSchema.toGraphQLJSSchema(),
    supergraphGraphQLSchema: supergraph.schema.toGraphQLJSSchema(),
  };
}
