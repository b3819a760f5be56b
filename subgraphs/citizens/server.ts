/** Serves the citizens subgraph over HTTP behind the gateway's internal token. */
import type { PopulationDbClient } from '../../adapters/population-db';
import { buildSubgraphServer, type RunningServer, type ServerHandle } from '../shared/federation/subgraph-server';
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

/** A handle whose `start()` builds the schema (once per process) and listens. */
export function createCitizensSubgraph(deps: CitizensDeps, options: CitizensServerOptions = {}): ServerHandle {
  const services = { population: deps.population, accessLog: new CitizenAccessLog(deps.db.prisma) };
  let server: ServerHandle | undefined;
  return {
    async start(): Promise<RunningServer> {
      if (server) throw new Error('The citizens subgraph is already started');
      const { schema } = await buildCitizensSchema();
      server = buildSubgraphServer({
        name: 'citizens',
        schema,
        internalSecret: deps.internalSecret,
        context: (base) => createCitizensContext(base, services),
        port: options.port,
        host: options.host,
      });
      return server.start();
    },
    async stop(): Promise<void> {
      const running = server;
      server = undefined;
      await running?.stop();
    },
  };
}
