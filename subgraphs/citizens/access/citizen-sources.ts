/**
 * The national sources of citizen data this subgraph reads, from their clients: the population
 * database always, social insurance when configured, and any further source of the same kind (a
 * benchmark adds a third). The order is the order of preference. Prefill also reads the business
 * registry, through the organisation lookup.
 */
import { POPULATION_DB_SYSTEM, type PopulationDbClient } from '../../../adapters/population-db';
import type { InsuranceDbClient } from '../../../adapters/insurance-db';
import { BUSINESS_REGISTRY_SYSTEM } from '../../../adapters/business-registry';
import {
  insuranceReader,
  organizationReader,
  populationReader,
  SourceRegistry,
  type PrefillSourceReader,
} from '../form-prefill/source-registry';
import type { CitizenSource } from './citizen-lookup';

export interface CitizenSources {
  sources: CitizenSource[];
  prefillSources: SourceRegistry;
}

export function createCitizenSources(population: PopulationDbClient, insurance: readonly InsuranceDbClient[] = []): CitizenSources {
  const sources: CitizenSource[] = [{ system: POPULATION_DB_SYSTEM, fetchMany: (ids, audit) => population.lookupMany(ids, audit) }];
  const readers: PrefillSourceReader[] = [populationReader(POPULATION_DB_SYSTEM) as PrefillSourceReader];
  for (const client of insurance) {
    if (sources.some((s) => s.system === client.system)) throw new Error(`two citizen sources named ${client.system}`);
    sources.push({ system: client.system, fetchMany: (ids, audit) => client.lookupMany(ids, audit) });
    readers.push(insuranceReader(client.system) as PrefillSourceReader);
  }
  // The registry's reads go through the organisation lookup, which fails them typed when it is not configured.
  readers.push(organizationReader(BUSINESS_REGISTRY_SYSTEM) as PrefillSourceReader);
  return { sources, prefillSources: new SourceRegistry(readers) };
}
