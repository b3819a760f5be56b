/**
 * The citizen access log: one row per person per upstream call, whatever the outcome, appended to a
 * hash chain (access-log-chain.ts). The table refuses UPDATE and DELETE (a database trigger); the chain
 * makes any change made behind the trigger's back (or with it disabled) detectable by {@link verifyAccessLog}.
 */
import type { PrismaClient } from '../../shared/storage/database';
import type { Principal } from '../../shared/auth/principal';
import { chainHash, GENESIS_HASH, type AccessLogContent } from './access-log-chain';

export { verifyAccessLog, type AccessLogVerification, type VerifyAccessLogOptions } from './verify-access-log';

export type AccessOutcome = 'FOUND' | 'NOT_FOUND' | 'ERROR';

export interface AccessLogEntry {
  personalId: string;
  purpose: string;
  outcome: AccessOutcome;
  /** The dossier that justified the access (officials), when there is one. @default null */
  dossierCode?: string | null;
}

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
    // The column keeps milliseconds: the ISO string of this Date is what reads back, so it is what is hashed.
    const atIso = at.toISOString();
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCESS_LOG_LOCK_KEY}::bigint)`;
      const last = await tx.citizenAccessLog.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
      let prevHash = last?.hash ?? GENESIS_HASH;
      const data = entries.map((e) => {
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
        const row = { ...content, at: new Date(atIso), prevHash, hash };
        prevHash = hash;
        return row;
      });
      const written = await tx.citizenAccessLog.createManyAndReturn({ data, select: { id: true, hash: true } });
      // The chain runs in id order: refuse (roll back) rather than store a batch numbered out of order.
      const ordered = [...written].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (ordered.some((row, i) => row.hash !== data[i].hash)) {
        throw new Error('citizen_access_log: ids were not assigned in insertion order');
      }
    });
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
