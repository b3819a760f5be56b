/** Per-request context of the citizens subgraph: the lookup loader is created per request. */
import type { PopulationDbClient } from '../../adapters/population-db';
import type { BaseContext } from '../shared/federation/context';
import type { CitizenAccessLog } from './access/access-log';
import { CitizenLookup } from './access/citizen-lookup';

export interface CitizensServices {
  population: PopulationDbClient;
  accessLog: CitizenAccessLog;
}

export interface CitizensContext extends BaseContext {
  /** Authorised, batched, logged reads of CSDLQG về dân cư for this request. */
  citizens: CitizenLookup;
}

export function createCitizensContext(base: BaseContext, services: CitizensServices): CitizensContext {
  return {
    ...base,
    citizens: new CitizenLookup({
      principal: base.principal,
      requestId: base.requestId,
      population: services.population,
      accessLog: services.accessLog,
    }),
  };
}
