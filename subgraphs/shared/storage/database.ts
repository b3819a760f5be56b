/**
 * Opens the hub's PostgreSQL database through Prisma's driver adapter for `pg`:
 * the server named by DATABASE_URL, or, when there is none, an embedded PGlite served on a
 * loopback socket (one connection at a time, hence a pool of one). Migrations are applied first.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { applyMigrations } from './migrate';

export type { PrismaClient } from './generated/client';
export type Prisma = PrismaClient;

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent an embedded PGlite database is started. */
  url?: string;
  /** PGlite data directory, or `memory`. @default "memory" */
  embeddedDataDir?: string;
  /** Pool size for a real server. @default 10 */
  poolSize?: number;
}

export interface Database {
  prisma: PrismaClient;
  /** The URL clients connect to (the embedded socket when embedded). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

async function startEmbedded(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  // PGlite runs one query at a time, so clients use a pool of one; but pg's pool drops a
  // connection after a query error and reconnects at once, before the server has seen the old
  // one close — with the default limit of one connection, that reconnect is refused.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const embedded = options.url ? undefined : await startEmbedded(options.embeddedDataDir ?? 'memory');
  const url = options.url ?? embedded!.url;
  await applyMigrations(url);
  const adapter = new PrismaPg({ connectionString: url, max: embedded ? 1 : (options.poolSize ?? 10) });
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  return {
    prisma,
    url,
    embedded: Boolean(embedded),
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
