import type { AdapterMetrics } from '../../adapters/kit';
/** Per-request context of the citizens subgraph: the lookup loader is created per request. */
import type { PopulationDbClient } from '../../adapters/population-db';
import type { BaseContext } from '../shared/federation/context';
import type { CitizenAccessLog } from './access/access-log';
import { CitizenLookup, type CitizenSource } from './access/citizen-lookup';
import type { DossierDirectory } from './access/citizen-access-policy';
import { createDossierDirectory } from './access/dossier-directory';
import type { SourceRegistry } from './form-prefill/source-registry';
import type { PrismaClient } from '../shared/storage/database';
import type { BusinessRegistryClient } from '../../adapters/business-registry';
import { OrganizationLookup } from './organization/organization-lookup';
import type { AdapterRegistryServices } from './registry';

export interface CitizensServices {
  population: PopulationDbClient;
  accessLog: CitizenAccessLog;
  /** Read-only access to the dossiers, for the access policy. */
  prisma: PrismaClient;
  /** Every national source of citizen data, population database first. */
  sources: readonly CitizenSource[];
  /** Which source serves which prefill path. */
  prefillSources: SourceRegistry;
  /** Client of the business registry (CSDL quốc gia về đăng ký doanh nghiệp). @default none: organisation reads fail as UPSTREAM_UNAVAILABLE */
  businessRegistry?: BusinessRegistryClient;
  /** Metrics the sources' clients report into. @default none: `adapterStatus` lists nothing */
  adapterMetrics?: AdapterMetrics;
  /** The adapter registry (issue 8). @default none: registry fields fail as INTERNAL_SERVER_ERROR */
  registry?: AdapterRegistryServices;
}

export interface CitizensContext extends BaseContext {
  /** Authorised, batched, logged reads of CSDLQG về dân cư for this request. */
  citizens: CitizenLookup;
  /** The access log (read by `myDataAccessLog`). */
  accessLog: CitizenAccessLog;
  /** Dossier facts for the access policy, batched per request. */
  dossiers: DossierDirectory;
  prefillSources: SourceRegistry;
  /** Authorised, batched, logged reads of the business registry for this request. */
  organizations: OrganizationLookup;
  adapterMetrics?: AdapterMetrics;
  registry?: AdapterRegistryServices;
}

export function createCitizensContext(base: BaseContext, services: CitizensServices): CitizensContext {
  const dossiers = createDossierDirectory(services.prisma);
  return {
    ...base,
    adapterMetrics: services.adapterMetrics,
    registry: services.registry,
    citizens: new CitizenLookup({
      principal: base.principal,
      requestId: base.requestId,
      sources: services.sources,
      populationSystem: services.sources[0].system,
      accessLog: services.accessLog,
      dossiers,
    }),
    accessLog: services.accessLog,
    dossiers,
    prefillSources: services.prefillSources,
    organizations: new OrganizationLookup({
      principal: base.principal,
      requestId: base.requestId,
      registry: services.businessRegistry,
      accessLog: services.accessLog,
    }),
  };
}
