/**
 * The citizens subgraph (công dân): citizens from CSDLQG về dân cư and the values of e-form
 * prefills. The population database client lives in adapters/population-db and is re-exported here.
 */
export { buildCitizensSchema } from './schema';
export { createCitizensSubgraph, type CitizensDeps, type CitizensServerOptions, type CitizensSubgraph } from './server';
export { ADAPTER_LIFECYCLE_TOPIC, createAdapterRegistry, type AdapterRegistryServices } from './registry';
export { assertValidPersonalId } from './access/personal-id-guard';
export { createPopulationDbClient, type PopulationDbClient, type PopulationDbClientOptions } from '../../adapters/population-db';
export { verifyAccessLog, type AccessLogVerification } from './access/verify-access-log';
export { createInsuranceDbClient, type InsuranceDbClient, type InsuranceDbClientOptions } from '../../adapters/insurance-db';
export {
  createBusinessRegistryClient,
  type BusinessRegistryClient,
  type BusinessRegistryClientOptions,
} from '../../adapters/business-registry';
