/**
 * A fresh, migrated database for one test file: a throw-away database on the PostgreSQL server named
 * by TEST_DATABASE_URL (CI sets it), else an in-memory embedded PGlite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../subgraphs/shared/storage/database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A test database; on PostgreSQL also its URL, for a second connection (a second hub instance). */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (!TEST_DATABASE_URL) return openDatabase({ embeddedDataDir: 'memory' });
  const name = `lienthong_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
