/** The procedures subgraph schema: type-graphql classes → Federation 2 subgraph. */
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { CALENDAR_RESOLVERS } from './calendar';
import { FormPrefillResolver } from './form-prefill/form-prefill.resolver';
import { resolveFormPrefillReference } from './form-prefill/form-prefill.reference';
import { ProcedureResolver } from './procedure/procedure.resolver';
import { resolveProcedureReference } from './procedure/procedure.reference';
import { SHARED_CATALOGUE_RESOLVERS } from './shared-catalogues';
import { DEFINITION_RESOLVERS } from './workflow';

let built: Promise<SubgraphSchema> | undefined;

/** Builds the schema once per process; resolvers take their services from the request context. */
export function buildProceduresSchema(): Promise<SubgraphSchema> {
  built ??= buildFederatedSchema({
    resolvers: [ProcedureResolver, FormPrefillResolver, ...SHARED_CATALOGUE_RESOLVERS, ...DEFINITION_RESOLVERS, ...CALENDAR_RESOLVERS],
    references: {
      Procedure: resolveProcedureReference,
      FormPrefill: resolveFormPrefillReference,
    },
  }).catch((err: unknown) => {
    built = undefined; // let a later call retry rather than cache the failure
    throw err;
  });
  return built;
}
