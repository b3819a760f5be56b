/**
 * Published versions of procedures (`procedure_version`), by effective date. The version in force
 * on a day is the newest publication (highest version number) whose effective date has come: a later
 * publication supersedes an earlier one, even one still waiting for its date.
 */
import type { PrismaClient } from '../../shared/storage/database';
import type { Prisma } from '../../shared/storage/generated/client';
import { parseEFormDefinition } from '../e-form/e-form-definition';
import { dateToDay, dayToDate, type IsoDay } from './local-date';
import { toProcedureColumns, type ProcedureRecord } from './procedure-record';

/** What `procedureVersions` lists. */
export interface ProcedureVersionSummary {
  version: number;
  effectiveFrom: IsoDay;
  createdAt: Date;
  createdBy: string;
}

type VersionRow = { procedureCode: string; version: number; effectiveFrom: Date; record: Prisma.JsonValue };

/** A stored version → record; the row's number and date win over the JSON's. */
export function recordOfVersion(row: VersionRow): ProcedureRecord {
  const record = row.record as unknown as ProcedureRecord;
  if (!record || typeof record !== 'object' || record.code !== row.procedureCode) {
    throw new Error(`procedure_version ${row.procedureCode} v${row.version} holds no record of that procedure`);
  }
  return {
    ...record,
    version: row.version,
    effectiveFrom: dateToDay(row.effectiveFrom),
    cutoffHour: record.cutoffHour ?? null,
    eForm: parseEFormDefinition(record.eForm, `e-form of procedure ${row.procedureCode} v${row.version}`),
  };
}

/** The version of `code` in force on `day`, or null (none published, or none in force yet). */
export async function findVersionInForce(prisma: PrismaClient, code: string, day: IsoDay): Promise<ProcedureRecord | null> {
  const row = await prisma.procedureVersion.findFirst({
    where: { procedureCode: code, effectiveFrom: { lte: dayToDate(day) } },
    orderBy: { version: 'desc' },
  });
  return row ? recordOfVersion(row) : null;
}

/** One published version, or null. */
export async function findVersion(prisma: PrismaClient, code: string, version: number): Promise<ProcedureRecord | null> {
  const row = await prisma.procedureVersion.findUnique({ where: { procedureCode_version: { procedureCode: code, version } } });
  return row ? recordOfVersion(row) : null;
}

/** True when `code` has at least one published version. */
export async function hasVersions(prisma: PrismaClient, code: string): Promise<boolean> {
  return (await prisma.procedureVersion.count({ where: { procedureCode: code } })) > 0;
}

/** Every version of `code`, oldest first. */
export async function listVersions(prisma: PrismaClient, code: string): Promise<ProcedureVersionSummary[]> {
  const rows = await prisma.procedureVersion.findMany({
    where: { procedureCode: code },
    orderBy: { version: 'asc' },
    select: { version: true, effectiveFrom: true, createdAt: true, createdBy: true },
  });
  return rows.map((r) => ({ ...r, effectiveFrom: dateToDay(r.effectiveFrom) }));
}

/**
 * Makes the `procedure` row of every procedure whose newest due version is not yet in the row that
 * version (a version published for a later date takes effect when its date comes). Returns the
 * codes changed. Idempotent; two processes racing write the same content.
 */
export async function promoteDueVersions(prisma: PrismaClient, today: IsoDay): Promise<string[]> {
  const due = await prisma.$queryRaw<Array<{ code: string; version: number }>>`
    SELECT v.procedure_code AS code, MAX(v.version)::int AS version
    FROM procedure_version v LEFT JOIN procedure p ON p.code = v.procedure_code
    WHERE v.effective_from <= ${dayToDate(today)}::date
    GROUP BY v.procedure_code, p.version
    HAVING p.version IS NULL OR MAX(v.version) > p.version`;
  if (due.length === 0) return [];
  const rows = await prisma.procedureVersion.findMany({
    where: { OR: due.map((d) => ({ procedureCode: d.code, version: d.version })) },
  });
  await prisma.$transaction(
    rows.map((row) => {
      const columns = toProcedureColumns(recordOfVersion(row));
      const { code, ...rest } = columns;
      return prisma.procedure.upsert({ where: { code }, create: columns, update: rest });
    }),
  );
  return rows.map((r) => r.procedureCode);
}
