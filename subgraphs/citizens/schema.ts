/** The citizens subgraph schema: type-graphql classes → Federation 2 subgraph. */
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { Citizen } from './citizen/citizen';
import { resolveCitizenReference } from './citizen/citizen.reference';
import { CitizenResolver } from './citizen/citizen.resolver';
import { FormPrefill } from './form-prefill/form-prefill';
import { resolveFormPrefillReference } from './form-prefill/form-prefill.reference';
import { FormPrefillResolver } from './form-prefill/form-prefill.resolver';
import { DataAccessLogResolver } from './access/data-access-log.resolver';
import { AdapterStatusResolver } from './adapters/adapter-status.resolver';
import { Organization } from './organization/organization';
import { resolveOrganizationReference } from './organization/organization.reference';
import { OrganizationResolver } from './organization/organization.resolver';
import { AdapterLookupResolver } from './registry/adapter-lookup.resolver';
import { AdapterRegistryResolver } from './registry/registry.resolver';
import { ConnectivityCheck, ExternalPerson } from './registry/unified-types';

let built: Promise<SubgraphSchema> | undefined;

/** Builds the schema once per process; resolvers take their services from the request context. */
export function buildCitizensSchema(): Promise<SubgraphSchema> {
  built ??= buildFederatedSchema({
    resolvers: [CitizenResolver, FormPrefillResolver, DataAccessLogResolver, OrganizationResolver, AdapterStatusResolver, AdapterRegistryResolver, AdapterLookupResolver],
    orphanedTypes: [Citizen, FormPrefill, Organization, ExternalPerson, ConnectivityCheck],
    references: {
      Citizen: resolveCitizenReference,
      FormPrefill: resolveFormPrefillReference,
      Organization: resolveOrganizationReference,
    },
  }).catch((err: unknown) => {
    built = undefined; // let a later call retry rather than cache the failure
    throw err;
  });
  return built;
}
