/**
 * A dossiers subgraph on port 0 over a fresh test database and an in-process bus, as the gateway
 * would call it; `stop()` closes all three.
 */
import { createDossiersSubgraph, type DossiersDeps } from '../../subgraphs/dossiers';
import { seedCatalogues } from '../../subgraphs/procedures';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from './database';
import { TEST_INTERNAL_SECRET } from './subgraph-client';

export interface DossiersTestServer {
  db: Database;
  bus: InProcessEventBus;
  url: string;
  stop(): Promise<void>;
}

export interface DossiersTestServerOptions {
  /** Seed the procedure catalogues first. @default true */
  seed?: boolean;
  /** Rows to write before the server starts. @default none */
  prepare?: (db: Database) => Promise<void>;
  /** Further dependencies of the subgraph. @default none */
  deps?: Partial<Omit<DossiersDeps, 'db' | 'bus' | 'internalSecret'>>;
}

export async function startDossiersTestServer(options: DossiersTestServerOptions = {}): Promise<DossiersTestServer> {
  const db = await openTestDatabase();
  if (options.seed ?? true) await seedCatalogues(db.prisma);
  await options.prepare?.(db);
  const bus = new InProcessEventBus();
  const server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, ...options.deps });
  const { url } = await server.start();
  return {
    db,
    bus,
    url,
    async stop() {
      await server.stop();
      await bus.close();
      await db.close();
    },
  };
}
