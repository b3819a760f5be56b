/**
 * The hash-chained access log on a real database: concurrent writers keep one chain, the trigger
 * refuses UPDATE and DELETE, and the verifier catches rows altered, removed or inserted behind it.
 */
import { CitizenAccessLog, verifyAccessLog } from '../../subgraphs/citizens/access/access-log';
import { chainHash } from '../../subgraphs/citizens/access/access-log-chain';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { openDatabase, type Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';

const official: Principal = { id: 'official:000.00.12.H26', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const TRIGGER = 'citizen_access_log_no_update_delete';

describe('hash-chained access log', () => {
  let db: Database;
  /** A second connection pool to the same database when it is a real server: another "process". */
  let other: Database | undefined;

  beforeAll(async () => {
    db = await openTestDatabase();
    if (!db.embedded) other = await openDatabase({ url: db.url, poolSize: 4 });
  });

  afterAll(async () => {
    await other?.close();
    await db?.close();
  });

  const rows = () => db.prisma.citizenAccessLog.findMany({ orderBy: { id: 'asc' } });

  /** Runs `sql` with the append-only trigger disabled, as an attacker with table rights could. */
  async function behindTheTrigger(sql: string) {
    await db.prisma.$executeRawUnsafe(`ALTER TABLE citizen_access_log DISABLE TRIGGER ${TRIGGER}`);
    try {
      await db.prisma.$executeRawUnsafe(sql);
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE citizen_access_log ENABLE TRIGGER ${TRIGGER}`);
    }
  }

  it('verifies an empty log', async () => {
    await expect(verifyAccessLog(db.prisma)).resolves.toMatchObject({ ok: true, checked: 0 });
  });

  it('keeps one chain across concurrent writers, batch after batch', async () => {
    const writers = [new CitizenAccessLog(db.prisma), new CitizenAccessLog((other ?? db).prisma)];
    const writes = Array.from({ length: 24 }, (_, i) =>
      writers[i % 2].record(official, i % 3 === 0 ? 'CSDLQG_BAO_HIEM' : 'CSDLQG_DAN_CU', new Date(), [
        { personalId: '001090012345', purpose: `dossier:D-${i}`, outcome: 'FOUND', dossierCode: `D-${i}` },
        { personalId: '079195001234', purpose: `dossier:D-${i}`, outcome: 'NOT_FOUND', dossierCode: `D-${i}` },
      ]),
    );
    await Promise.all(writes);
    const all = await rows();
    expect(all).toHaveLength(48);
    expect(all[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i += 1) expect(all[i].prevHash).toBe(all[i - 1].hash);
    // The stored `at` reads back to the millisecond that was hashed.
    const first = all[0];
    expect(chainHash({ ...first, at: first.at.toISOString() }, first.prevHash!)).toBe(first.hash);
    await expect(verifyAccessLog(db.prisma, { batchSize: 7 })).resolves.toMatchObject({ ok: true, checked: 48, lastHash: all[47].hash });
  });

  it('refuses UPDATE and DELETE', async () => {
    const [row] = await rows();
    await expect(db.prisma.citizenAccessLog.update({ where: { id: row.id }, data: { purpose: 'x' } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.citizenAccessLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM citizen_access_log WHERE id = ${row.id}`)).rejects.toThrow(/append-only/);
    expect(await rows()).toHaveLength(48);
  });

  it('catches an altered row', async () => {
    const all = await rows();
    const target = all[10];
    await behindTheTrigger(`UPDATE citizen_access_log SET purpose = 'nothing to see' WHERE id = ${target.id}`);
    await expect(verifyAccessLog(db.prisma, { batchSize: 4 })).resolves.toMatchObject({
      ok: false,
      firstBrokenId: target.id.toString(),
      problem: 'HASH_MISMATCH',
    });
    await behindTheTrigger(`UPDATE citizen_access_log SET purpose = '${target.purpose}' WHERE id = ${target.id}`);
    await expect(verifyAccessLog(db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it('catches a row altered to the millisecond', async () => {
    const target = (await rows())[5];
    await behindTheTrigger(`UPDATE citizen_access_log SET "at" = "at" + interval '1 millisecond' WHERE id = ${target.id}`);
    await expect(verifyAccessLog(db.prisma)).resolves.toMatchObject({ ok: false, firstBrokenId: target.id.toString(), problem: 'HASH_MISMATCH' });
    await behindTheTrigger(`UPDATE citizen_access_log SET "at" = "at" - interval '1 millisecond' WHERE id = ${target.id}`);
    await expect(verifyAccessLog(db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it('catches a row inserted in the middle with a forged hash', async () => {
    const all = await rows();
    // A new row can only get a higher id: forge it as if it had been chained after the current last row but one.
    const before = all[all.length - 2];
    const content = { at: new Date().toISOString(), actorId: 'intruder', actorRole: 'OPERATOR', purpose: 'x', personalId: '001090012345', source: 'CSDLQG_DAN_CU', outcome: 'FOUND', dossierCode: null };
    const hash = chainHash(content, before.hash!);
    await db.prisma.citizenAccessLog.create({ data: { ...content, at: new Date(content.at), prevHash: before.hash, hash } });
    const result = await verifyAccessLog(db.prisma);
    expect(result).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN' });
    expect(BigInt(result.firstBrokenId!)).toBeGreaterThan(all[all.length - 1].id);
    await behindTheTrigger(`DELETE FROM citizen_access_log WHERE "actor_id" = 'intruder'`);
    await expect(verifyAccessLog(db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it('catches a removed row at the row after it (an id gap alone proves nothing)', async () => {
    const all = await rows();
    await behindTheTrigger(`DELETE FROM citizen_access_log WHERE id = ${all[20].id}`);
    await expect(verifyAccessLog(db.prisma, { batchSize: 20 })).resolves.toMatchObject({
      ok: false,
      firstBrokenId: all[21].id.toString(),
      problem: 'CHAIN_BROKEN',
    });
  });
});
