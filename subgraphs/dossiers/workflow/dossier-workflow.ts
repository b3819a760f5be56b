/**
 * The workflow a dossier follows: the procedure's stored workflow in force when the dossier was
 * received (its version kept on the dossier), or, when the procedure has none, the default workflow
 * for its processing time (`workflowVersion` null). Steps of a transfer (một cửa liên thông) are not
 * part of it: they live only as the dossier's step rows.
 */
import type { WorkingDayCalendar } from '../../shared/calendar';
import type { PrismaClient } from '../../shared/storage/database';
import { defaultWorkflowFor, loadWorkflow, type WorkflowDefinition, type WorkflowStep } from '../../procedures/workflow';
import type { ProcedureCatalogue } from '../../procedures';
import type { DossierRow } from '../dossier/dossier.mapper';
import { stepDueAt } from './working-time';

export interface DossierWorkflow {
  /** Stored version, or null for the default workflow. */
  version: number | null;
  definition: WorkflowDefinition;
}

/** The workflow a new dossier of this procedure takes: the latest stored one, else the default. */
export async function latestWorkflowFor(
  prisma: PrismaClient,
  procedure: { code: string; processingDays: number },
): Promise<DossierWorkflow> {
  const stored = await loadWorkflow(prisma, procedure.code);
  return stored
    ? { version: stored.version, definition: stored.definition }
    : { version: null, definition: defaultWorkflowFor(procedure.processingDays) };
}

/** The workflow `dossier` was received under. */
export async function workflowOfDossier(
  deps: { prisma: PrismaClient; catalogue: ProcedureCatalogue },
  dossier: Pick<DossierRow, 'procedureCode' | 'procedureVersion' | 'workflowVersion'>,
): Promise<DossierWorkflow> {
  if (dossier.workflowVersion !== null) {
    const stored = await loadWorkflow(deps.prisma, dossier.procedureCode, dossier.workflowVersion);
    // Workflow versions are never deleted: a missing one is a data fault, not a user error.
    if (!stored) throw new Error(`workflow ${dossier.procedureCode} v${dossier.workflowVersion} is missing`);
    return { version: stored.version, definition: stored.definition };
  }
  const procedure = await deps.catalogue.requireVersion(dossier.procedureCode, dossier.procedureVersion);
  return { version: null, definition: defaultWorkflowFor(procedure.processingDays) };
}

export function workflowStep(workflow: DossierWorkflow, key: string): WorkflowStep | undefined {
  return workflow.definition.steps.find((s) => s.key === key);
}

/** The columns of a dossier step row that opens `step` at `agencyCode` now. */
export function openStepRow(
  calendar: WorkingDayCalendar,
  step: Pick<WorkflowStep, 'key' | 'name' | 'role' | 'durationWorkingHours'>,
  agencyCode: string,
  now: Date,
) {
  return {
    stepKey: step.key,
    stepName: step.name,
    role: step.role,
    agencyCode,
    startedAt: now,
    dueAt: stepDueAt(calendar, now, step.durationWorkingHours),
  };
}
