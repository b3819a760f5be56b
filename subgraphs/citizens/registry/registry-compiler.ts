/**
 * The mapping compiler bound to the unified schema: the API schema of the committed supergraph (what
 * clients of the gateway see), so a mapping can only target types and fields the graph serves.
 */
import { Supergraph } from '@apollo/federation-internals';
import { readCommittedSupergraph } from '../../../gateway/supergraph/compose';
import { compileAdapter, unifiedSchemaFrom, type UnifiedSchema } from '../../../adapters/registry';
import type { AdapterCompiler } from './compiler-port';

let unified: UnifiedSchema | undefined;

/** The unified schema, read once per process from schema/supergraph.graphql. */
export function committedUnifiedSchema(): UnifiedSchema {
  unified ??= unifiedSchemaFrom(Supergraph.build(readCommittedSupergraph()).apiSchema().toGraphQLJSSchema());
  return unified;
}

/** compileAdapter against the committed unified schema. */
export const compileAgainstUnifiedSchema: AdapterCompiler = (source, options) => compileAdapter(source, committedUnifiedSchema(), options);
