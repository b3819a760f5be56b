/** The citizen access log: one row per person per upstream call, whatever the outcome. */
import type { PrismaClient } from '../../shared/storage/database';
import type { Principal } from '../../shared/auth/principal';

export type AccessOutcome = 'FOUND' | 'NOT_FOUND' | 'ERROR';

export interface AccessLogEntry {
  personalId: string;
  purpose: string;
  outcome: AccessOutcome;
}

export class CitizenAccessLog {
  constructor(private readonly prisma: PrismaClient) {}

  /** Writes every entry of one upstream call in one statement. */
  async record(principal: Principal, source: string, at: Date, entries: readonly AccessLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.citizenAccessLog.createMany({
      data: entries.map((e) => ({
        at,
        actorId: principal.id,
        actorRole: principal.role,
        purpose: e.purpose,
        personalId: e.personalId,
        source,
        outcome: e.outcome,
      })),
    });
  }
}
