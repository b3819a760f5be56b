import type { AdapterMetrics } from '../../adapters/kit';
/** Serves the citizens subgraph over HTTP behind the gateway's internal token. */
import type { PopulationDbClient } from '../../adapters/population-db';
import { buildSubgraphServer, type ServerHandle } from '../shared/federation/subgraph-server';
import type { Database } from '../shared/storage/database';
import { CitizenAccessLog } from './access/access-log';
import type { InsuranceDbClient } from '../../adapters/insurance-db';
import type { BusinessRegistryClient } from '../../adapters/business-registry';
import { createCitizenSources } from './access/citizen-sources';
import { createCitizensContext } from './context';
import { buildCitizensSchema } from './schema';

export interface CitizensDeps {
  db: Database;
  /** Secret the gateway signs internal tokens with. */
  internalSecret: string;
  /** Client of CSDLQG về dân cư (see `createPopulationDbClient` in adapters/population-db). */
  population: PopulationDbClient;
  /**
   * Clients of further sources of the same data, in order of preference after the population
   * database: CSDL quốc gia về bảo hiểm (see `createInsuranceDbClient` in adapters/insurance-db).
   * @default [] (population database only)
   */
  insurance?: InsuranceDbClient | readonly InsuranceDbClient[];
  /**
   * Client of CSDL quốc gia về đăng ký doanh nghiệp (see `createBusinessRegistryClient` in
   * adapters/business-registry). @default none: `organization` reads fail as UPSTREAM_UNAVAILABLE
   */
  businessRegistry?: BusinessRegistryClient;
  /** Metrics the clients above report into, served by `adapterStatus`. @default none */
  adapterMetrics?: AdapterMetrics;
}

export interface CitizensServerOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
}

/** A handle whose `start()` builds the schema and listens. */
export function createCitizensSubgraph(deps: CitizensDeps, options: CitizensServerOptions = {}): ServerHandle {
  const insurance = deps.insurance === undefined ? [] : Array.isArray(deps.insurance) ? deps.insurance : [deps.insurance as InsuranceDbClient];
  const services = {
    population: deps.population,
    accessLog: new CitizenAccessLog(deps.db.prisma),
    prisma: deps.db.prisma,
    ...createCitizenSources(deps.population, insurance),
    businessRegistry: deps.businessRegistry,
    adapterMetrics: deps.adapterMetrics,
  };
  return buildSubgraphServer({
    name: 'citizens',
    buildSchema: buildCitizensSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createCitizensContext(base, services),
    ...options,
  });
}
