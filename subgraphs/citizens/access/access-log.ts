/**
 * The citizen access log: one row per person per upstream call, whatever the outcome, appended to a
 * hash chain (access-log-chain.ts). The table refuses UPDATE and DELETE (a database trigger); the chain
 * makes any change made behind the trigger's back (or with it disabled) detectable by {@link verifyAccessLog}.
 */
import { Prisma } from '../../shared/storage/generated/client';
import type { PrismaClient } from '../../shared/storage/database';
import type { Principal } from '../../shared/auth/principal';
import { chainHash, GENESIS_HASH, type AccessLogContent } from './access-log-chain';

export { verifyAccessLog, type AccessLogVerification, type VerifyAccessLogOptions } from './verify-access-log';

const { sql, join } = Prisma;

export type AccessOutcome = 'FOUND' | 'NOT_FOUND' | 'ERROR';

export interface AccessLogEntry {
  personalId: string;
  purpose: string;
  outcome: AccessOutcome;
  /** The dossier that justified the access (officials), when there is one. @default null */
  dossierCode?: string | null;
}

/** How long a log write may wait for a connection, and run, in milliseconds. */
const LOG_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

// Any constant will do, as long as nothing else in the database locks the same key.
const ACCESS_LOG_LOCK_KEY = 4_003_001;

export class CitizenAccessLog {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Appends every entry of one upstream call, chained after the last row. Writers in several processes
   * serialise on a transaction-level advisory lock, so two of them never chain onto the same row.
   */
  async record(principal: Principal, source: string, at: Date, entries: readonly AccessLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      // Raw statements: Prisma's createManyAndReturn costs ~4 ms here, and this write sits on the
      // answer path of every lookup (bench:prefill (b)). The lock and the read of the last hash must be
      // two statements: a statement's snapshot is taken before it waits for the lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCESS_LOG_LOCK_KEY}::bigint)`;
      const [last] = await tx.$queryRaw<Array<{ hash: string | null }>>`
        SELECT hash FROM citizen_access_log ORDER BY id DESC LIMIT 1`;
      let prevHash = last?.hash ?? GENESIS_HASH;
      // Stamped under the lock, so the log's time order is its chain order even when two sources'
      // answers (`at`) are written in the other order. The column keeps milliseconds: the ISO string
      // of this Date is what reads back, so it is what is hashed.
      const atIso = new Date(Math.max(at.getTime(), Date.now())).toISOString();
      const rows = entries.map((e) => {
        const content: AccessLogContent = {
          at: atIso,
          actorId: principal.id,
          actorRole: principal.role,
          purpose: e.purpose,
          personalId: e.personalId,
          source,
          outcome: e.outcome,
          dossierCode: e.dossierCode ?? null,
        };
        const hash = chainHash(content, prevHash);
        const row = { content, prevHash, hash };
        prevHash = hash;
        return row;
      });
      const values = rows.map(
        ({ content: c, prevHash: prev, hash }) =>
          sql`(${new Date(c.at)}, ${c.actorId}, ${c.actorRole}, ${c.purpose}, ${c.personalId}, ${c.source}, ${c.outcome}, ${c.dossierCode}, ${prev}, ${hash})`,
      );
      const written = await tx.$queryRaw<Array<{ id: bigint; hash: string }>>`
        INSERT INTO citizen_access_log (at, actor_id, actor_role, purpose, personal_id, source, outcome, dossier_code, prev_hash, hash)
        VALUES ${join(values)} RETURNING id, hash`;
      // The chain runs in id order: refuse (roll back) rather than store a batch numbered out of order.
      const ordered = [...written].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (ordered.length !== rows.length || ordered.some((row, i) => row.hash !== rows[i].hash)) {
        throw new Error('citizen_access_log: ids were not assigned in insertion order');
      }
      // Writers queue on the lock by design: under a burst, waiting for a connection is normal, not a failure.
    }, LOG_TRANSACTION);
  }

  /** A person's rows, newest first, after the row with id `beforeId` when given. */
  listForPerson(personalId: string, take: number, beforeId?: bigint) {
    return this.prisma.citizenAccessLog.findMany({
      where: { personalId, ...(beforeId !== undefined ? { id: { lt: beforeId } } : {}) },
      orderBy: { id: 'desc' },
      take,
    });
  }
}
