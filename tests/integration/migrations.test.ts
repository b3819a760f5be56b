/**
 * The offline migration runner, against a fresh database: a throw-away database on the PostgreSQL
 * server of TEST_DATABASE_URL when set, else an embedded PGlite served on a loopback socket.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { applyMigrations, type Migration } from '../../subgraphs/shared/storage/migrate';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const MIGRATIONS_DIR = join(__dirname, '../../schema/prisma/migrations');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: sha256(sql) });

let url: string;
let teardown: () => Promise<void>;

async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
const tableExists = async (table: string) =>
  (await query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`public.${table}`]))[0].t !== null;
const rowsFor = (name: string) => query('SELECT * FROM "_prisma_migrations" WHERE migration_name = $1', [name]);

beforeAll(async () => {
  if (TEST_DATABASE_URL) {
    const name = `lienthong_mig_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    teardown = async () => {
      await server.stop();
      await db.close();
    };
  }
});

afterAll(async () => {
  await teardown?.();
});

describe(`applyMigrations (${TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const committed = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('applies the committed migrations once, and nothing the second time', async () => {
    expect(committed.length).toBeGreaterThan(0);
    await expect(applyMigrations(url)).resolves.toEqual(committed);
    expect(await tableExists('procedure')).toBe(true);
    await expect(applyMigrations(url)).resolves.toEqual([]);
    const rows = await query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
  });

  it("records them in Prisma's shape: sha256 of the SQL, finished, one step", async () => {
    for (const name of committed) {
      const rows = await rowsFor(name);
      expect(rows).toHaveLength(1);
      const row = rows[0];
      expect(row.checksum).toBe(sha256(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8')));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.started_at).toBeInstanceOf(Date);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('refuses a migration whose SQL changed after it was applied, and applies nothing after it', async () => {
    await expect(applyMigrations(url, [migration('m_changed', 'CREATE TABLE mig_changed (id INT)')])).resolves.toEqual(['m_changed']);
    const edited = migration('m_changed', 'CREATE TABLE mig_changed (id INT, extra TEXT)');
    const later = migration('m_after_changed', 'CREATE TABLE mig_after_changed (id INT)');
    await expect(applyMigrations(url, [edited, later])).rejects.toThrow('Migration m_changed was changed after it was applied');
    expect(await tableExists('mig_after_changed')).toBe(false);
    expect(await rowsFor('m_after_changed')).toHaveLength(0);
    expect((await rowsFor('m_changed'))[0].checksum).toBe(sha256('CREATE TABLE mig_changed (id INT)'));
  });

  it('rolls a failing migration back: its table does not exist and no row is recorded', async () => {
    const good = migration('m_good', 'CREATE TABLE mig_good (id INT)');
    const bad = migration('m_bad', 'CREATE TABLE mig_bad (id INT);\nINSERT INTO mig_bad VALUES (1);\nSELECT no_such_function();');
    const after = migration('m_after_bad', 'CREATE TABLE mig_after_bad (id INT)');
    await expect(applyMigrations(url, [good, bad, after])).rejects.toThrow(/^Migration m_bad failed: .*no_such_function/);
    expect(await tableExists('mig_good')).toBe(true);
    expect(await rowsFor('m_good')).toHaveLength(1);
    expect(await tableExists('mig_bad')).toBe(false);
    expect(await rowsFor('m_bad')).toHaveLength(0);
    expect(await tableExists('mig_after_bad')).toBe(false);

    // Fixed, it applies on the next start; the one already done is not run again.
    const fixed = migration('m_bad', 'CREATE TABLE mig_bad (id INT);\nINSERT INTO mig_bad VALUES (1);');
    await expect(applyMigrations(url, [good, fixed, after])).resolves.toEqual(['m_bad', 'm_after_bad']);
    expect(await query('SELECT id FROM mig_bad')).toEqual([{ id: 1 }]);
  });

  (TEST_DATABASE_URL ? it : it.skip)('serialises concurrent runs with an advisory lock: each migration is applied once', async () => {
    // Slow enough that, without the lock, both runs would see it pending and the second would fail.
    const slow = migration('m_concurrent', 'SELECT pg_sleep(0.5);\nCREATE TABLE mig_concurrent (id INT);\nINSERT INTO mig_concurrent VALUES (1);');
    const next = migration('m_concurrent_next', 'INSERT INTO mig_concurrent VALUES (2);');
    const results = await Promise.all([applyMigrations(url, [slow, next]), applyMigrations(url, [slow, next])]);
    expect(results.flat().sort()).toEqual(['m_concurrent', 'm_concurrent_next']);
    expect(results.some((r) => r.length === 0)).toBe(true);
    expect(await rowsFor('m_concurrent')).toHaveLength(1);
    expect(await rowsFor('m_concurrent_next')).toHaveLength(1);
    expect(await query('SELECT id FROM mig_concurrent ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
