/** Idempotent loading of the seed catalogue. */
import type { PrismaClient } from '../../shared/storage/database';
import { toProcedureColumns, type ProcedureRecord } from '../catalogue/procedure-record';
import { JUSTICE_PROCEDURES } from './justice-procedures';
import { RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES } from './residence-construction-business-procedures';

/** The seed catalogue: real procedures of Thành phố Hà Nội at province and commune level. */
export const SEED_PROCEDURES: readonly ProcedureRecord[] = [...JUSTICE_PROCEDURES, ...RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES];

/**
 * Upserts every seed procedure by code in one transaction (all or nothing) and returns how many.
 * Running it again rewrites the same rows, so a start-up may always call it.
 */
export async function seedProcedures(prisma: PrismaClient): Promise<number> {
  // Checked before the first write: a bad seed entry must not leave half a catalogue.
  const rows = SEED_PROCEDURES.map(toProcedureColumns);
  await prisma.$transaction(
    rows.map((row) => {
      const { code, ...rest } = row;
      return prisma.procedure.upsert({ where: { code }, create: row, update: rest });
    }),
  );
  return rows.length;
}
