/** Serves the citizens subgraph over HTTP behind the gateway's internal token. */
import type { PopulationDbClient } from '../../adapters/population-db';
import { buildSubgraphServer, type ServerHandle } from '../shared/federation/subgraph-server';
import type { Database } from '../shared/storage/database';
import { CitizenAccessLog } from './access/access-log';
import { createCitizensContext } from './context';
import { buildCitizensSchema } from './schema';

export interface CitizensDeps {
  db: Database;
  /** Secret the gateway signs internal tokens with. */
  internalSecret: string;
  /** Client of CSDLQG về dân cư (see `createPopulationDbClient` in adapters/population-db). */
  population: PopulationDbClient;
}

export interface CitizensServerOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
}

/** A handle whose `start()` builds the schema and listens. */
export function createCitizensSubgraph(deps: CitizensDeps, options: CitizensServerOptions = {}): ServerHandle {
  const services = { population: deps.population, accessLog: new CitizenAccessLog(deps.db.prisma) };
  return buildSubgraphServer({
    name: 'citizens',
    buildSchema: buildCitizensSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createCitizensContext(base, services),
    ...options,
  });
}
