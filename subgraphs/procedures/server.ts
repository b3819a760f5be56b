/** Serves the procedures subgraph over HTTP (and graphql-ws) behind the gateway's internal token. */
import { buildSubgraphServer, type ServerHandle, type SubgraphListenOptions } from '../shared/federation/subgraph-server';
import type { Database } from '../shared/storage/database';
import { ProcedureCatalogue } from './catalogue/procedure-catalogue';
import { createProceduresContext } from './context';
import { buildProceduresSchema } from './schema';

export interface ProceduresDeps {
  db: Database;
  /** Secret the gateway signs internal tokens with. */
  internalSecret: string;
}

/** Port, interface, readiness checks, metrics and shutdown grace (see SubgraphListenOptions). */
export type ProceduresServerOptions = SubgraphListenOptions;

/** A handle whose `start()` builds the schema and listens. */
export function createProceduresSubgraph(deps: ProceduresDeps, options: ProceduresServerOptions = {}): ServerHandle {
  const catalogue = new ProcedureCatalogue(deps.db.prisma);
  return buildSubgraphServer({
    name: 'procedures',
    buildSchema: buildProceduresSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createProceduresContext(base, { catalogue, prisma: deps.db.prisma }),
    ...options,
  });
}
