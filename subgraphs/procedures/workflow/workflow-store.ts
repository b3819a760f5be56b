/** The `workflow_definition` table: every version of every procedure's workflow, never overwritten. */
import type { PrismaClient } from '../../shared/storage/database';
import { isUniqueViolation, versionTaken } from './definition-editing';
import { parseWorkflowDefinition, type WorkflowDefinition } from './workflow-definition';

export interface StoredWorkflow {
  procedureCode: string;
  version: number;
  definition: WorkflowDefinition;
  createdAt: Date;
  /** Principal id of who defined it. */
  createdBy: string;
}

interface WorkflowRow {
  procedureCode: string;
  version: number;
  definition: unknown;
  createdAt: Date;
  createdBy: string;
}

function toStoredWorkflow(row: WorkflowRow): StoredWorkflow {
  return {
    procedureCode: row.procedureCode,
    version: row.version,
    definition: parseWorkflowDefinition(row.definition, `workflow ${row.procedureCode} v${row.version}`),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/**
 * A procedure's workflow: the given version, or the latest when `version` is omitted; null when
 * there is none. The dossiers subgraph drives dossier processing from it.
 */
export async function loadWorkflow(
  prisma: PrismaClient,
  procedureCode: string,
  version?: number | null,
): Promise<StoredWorkflow | null> {
  const row =
    version === undefined || version === null
      ? await prisma.workflowDefinition.findFirst({ where: { procedureCode }, orderBy: { version: 'desc' } })
      : await prisma.workflowDefinition.findUnique({ where: { procedureCode_version: { procedureCode, version } } });
  return row ? toStoredWorkflow(row) : null;
}

/** Every version of a procedure's workflow, oldest first. */
export async function listWorkflowVersions(prisma: PrismaClient, procedureCode: string): Promise<StoredWorkflow[]> {
  const rows = await prisma.workflowDefinition.findMany({ where: { procedureCode }, orderBy: { version: 'asc' } });
  return rows.map(toStoredWorkflow);
}

/** The latest workflow of each procedure in one query, in the order asked (null where none): a DataLoader batch. */
export async function loadLatestWorkflows(
  prisma: PrismaClient,
  procedureCodes: readonly string[],
): Promise<Array<StoredWorkflow | null>> {
  const rows = await prisma.workflowDefinition.findMany({
    where: { procedureCode: { in: [...new Set(procedureCodes)] } },
    orderBy: [{ procedureCode: 'asc' }, { version: 'desc' }],
    distinct: ['procedureCode'],
  });
  const byCode = new Map(rows.map((row) => [row.procedureCode, toStoredWorkflow(row)]));
  return procedureCodes.map((code) => byCode.get(code) ?? null);
}

/**
 * Stores a checked definition as the procedure's next version (last + 1). Two saves racing for the
 * same number meet the primary key; the loser gets CONFLICT rather than overwriting.
 */
export async function saveWorkflow(
  prisma: PrismaClient,
  procedureCode: string,
  definition: WorkflowDefinition,
  createdBy: string,
): Promise<StoredWorkflow> {
  try {
    const row = await prisma.$transaction(async (tx) => {
      const last = await tx.workflowDefinition.aggregate({ where: { procedureCode }, _max: { version: true } });
      return tx.workflowDefinition.create({
        data: {
          procedureCode,
          version: (last._max.version ?? 0) + 1,
          definition: definition as unknown as object,
          createdBy,
        },
      });
    });
    return toStoredWorkflow(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw versionTaken(procedureCode, 'workflow');
    throw err;
  }
}
