/**
 * The `eform_definition` table: every version of every procedure's e-form, never overwritten. Saving
 * a version also makes it the procedure's current e-form (`procedure.e_form`, which the read path
 * serves as `Procedure.eForm` and dossier intake validates against), in the same transaction.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { isUniqueViolation, versionTaken } from '../workflow/definition-editing';
import { parseEFormDefinition, type EFormDefinition } from './e-form-definition';

export interface StoredEFormDefinition {
  procedureCode: string;
  version: number;
  form: EFormDefinition;
  createdAt: Date;
  /** Principal id of who defined it. */
  createdBy: string;
}

interface EFormRow {
  procedureCode: string;
  version: number;
  definition: unknown;
  createdAt: Date;
  createdBy: string;
}

function toStored(row: EFormRow): StoredEFormDefinition {
  return {
    procedureCode: row.procedureCode,
    version: row.version,
    form: parseEFormDefinition(row.definition, `e-form ${row.procedureCode} v${row.version}`),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** A procedure's e-form definition: the given version, or the latest when omitted; null when none. */
export async function loadEFormDefinition(
  prisma: PrismaClient,
  procedureCode: string,
  version?: number | null,
): Promise<StoredEFormDefinition | null> {
  const row =
    version === undefined || version === null
      ? await prisma.eFormDefinition.findFirst({ where: { procedureCode }, orderBy: { version: 'desc' } })
      : await prisma.eFormDefinition.findUnique({ where: { procedureCode_version: { procedureCode, version } } });
  return row ? toStored(row) : null;
}

/** Every version of a procedure's e-form, oldest first. */
export async function listEFormVersions(prisma: PrismaClient, procedureCode: string): Promise<StoredEFormDefinition[]> {
  const rows = await prisma.eFormDefinition.findMany({ where: { procedureCode }, orderBy: { version: 'asc' } });
  return rows.map(toStored);
}

/**
 * Stores a checked form as the procedure's next version (last + 1) and makes it the current e-form,
 * all or nothing. Two saves racing for the same number meet the primary key; the loser gets CONFLICT.
 */
export async function saveEFormDefinition(
  prisma: PrismaClient,
  procedureCode: string,
  form: EFormDefinition,
  createdBy: string,
): Promise<StoredEFormDefinition> {
  const json = form as unknown as object;
  try {
    const row = await prisma.$transaction(async (tx) => {
      const last = await tx.eFormDefinition.aggregate({ where: { procedureCode }, _max: { version: true } });
      const created = await tx.eFormDefinition.create({
        data: { procedureCode, version: (last._max.version ?? 0) + 1, definition: json, createdBy },
      });
      await tx.procedure.update({ where: { code: procedureCode }, data: { eForm: json } });
      return created;
    });
    return toStored(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw versionTaken(procedureCode, 'e-form');
    throw err;
  }
}
