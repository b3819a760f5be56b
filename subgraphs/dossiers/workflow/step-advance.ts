/**
 * What follows the open step when it completes. In the dossier's own workflow: one of the step's
 * `next` (the caller names it when there are several). During a transfer: the transfer's next planned
 * step, and after its last one the receiving agency resumes at a `next` of the step the transfer left
 * from. A RETURN_RESULT step next, or no step at all, means the result stage (DONE).
 */
import type { WorkingDayCalendar } from '../../shared/calendar';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { WorkflowStepKind, type WorkflowStep } from '../../procedures/workflow';
import type { DossierTx } from '../dossier/dossier-transition';
import type { DossierRow } from '../dossier/dossier.mapper';
import type { WorkflowServices } from './acting';
import { openStepRow, workflowOfDossier, workflowStep } from './dossier-workflow';
import { closeStep, findNextPlannedStep, findTransferOrigin, StepOutcome, type DossierStepRow } from './step-rows';
import { isTransferred } from './workflow-access';
import { stepDueAt, workingMinutesBetween } from './working-time';

export type Advance =
  /** The transfer's next planned step opens. */
  | { kind: 'PLANNED'; row: DossierStepRow }
  /** A step of the dossier's workflow opens at the receiving agency (`returning`: back from a transfer). */
  | { kind: 'STEP'; step: WorkflowStep; returning: boolean }
  /** No step follows. */
  | { kind: 'END'; returning: boolean };

function badNextStep(vi: string, en: string, candidates: readonly string[]): LienthongError {
  return new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field: 'nextStep', candidates } });
}

/**
 * The key of the step to open among `candidates`: the one named, or the only one; null when there
 * are none. Naming none of several, or one not among them, is BAD_USER_INPUT.
 */
export function chooseNextStep(candidates: readonly string[], requested?: string | null): string | null {
  if (requested) {
    if (candidates.includes(requested)) return requested;
    throw badNextStep(
      `Bước tiếp theo ${requested} không hợp lệ; chọn một trong: ${candidates.join(', ') || '(không có)'}.`,
      `Next step ${requested} is not possible here; choose one of: ${candidates.join(', ') || '(none)'}.`,
      candidates,
    );
  }
  if (candidates.length <= 1) return candidates[0] ?? null;
  throw badNextStep(
    `Cần chọn bước tiếp theo: ${candidates.join(', ')}.`,
    `Several steps may follow; name one as nextStep: ${candidates.join(', ')}.`,
    candidates,
  );
}

/** True when the advance puts the dossier in the result stage (status DONE). */
export const isResultStage = (advance: Advance) =>
  advance.kind === 'END' || (advance.kind === 'STEP' && advance.step.kind === WorkflowStepKind.RETURN_RESULT);

/** Decides what follows `open` (reads only). */
export async function planAdvance(services: WorkflowServices, dossier: DossierRow, open: DossierStepRow, requested?: string | null): Promise<Advance> {
  const workflow = await workflowOfDossier(services, dossier);
  let from = open.stepKey;
  const returning = isTransferred(dossier);
  if (returning) {
    const planned = await findNextPlannedStep(services.prisma, dossier.id);
    if (planned) {
      chooseNextStep([planned.stepKey], requested);
      return { kind: 'PLANNED', row: planned };
    }
    const origin = await findTransferOrigin(services.prisma, dossier.id);
    if (!origin) throw new Error(`dossier ${dossier.code} is transferred but has no transfer origin step`);
    from = origin.stepKey;
  }
  const current = workflowStep(workflow, from);
  if (!current) throw new Error(`step ${from} of dossier ${dossier.code} is not in its workflow`);
  const key = chooseNextStep(current.next, requested);
  return key === null ? { kind: 'END', returning } : { kind: 'STEP', step: workflowStep(workflow, key)!, returning };
}

/** The step the advance opens (null at the end): its key for `currentStep`. */
export const advanceStepKey = (advance: Advance): string | null =>
  advance.kind === 'PLANNED' ? advance.row.stepKey : advance.kind === 'STEP' ? advance.step.key : null;

/** Dossier columns that change with the advance. */
export function advanceColumns(dossier: DossierRow, advance: Advance): Record<string, unknown> {
  return {
    currentStep: advanceStepKey(advance),
    ...(advance.kind !== 'PLANNED' && advance.returning ? { handlingAgencyCode: dossier.agencyCode } : {}),
  };
}

/** Writes the advance: closes `open` as completed and opens what follows, inside the transition. */
export async function writeAdvance(
  tx: DossierTx,
  calendar: WorkingDayCalendar,
  dossier: DossierRow,
  open: DossierStepRow,
  advance: Advance,
  closing: { actor: string; note?: string | null; at: Date },
): Promise<void> {
  await closeStep(tx, open.id, { ...closing, outcome: StepOutcome.COMPLETED });
  if (advance.kind === 'PLANNED') {
    // The planned row keeps its duration as the working time between its scheduled start and due.
    const minutes = workingMinutesBetween(calendar, advance.row.startedAt, advance.row.dueAt);
    await tx.dossierStep.update({
      where: { id: advance.row.id },
      data: { outcome: null, startedAt: closing.at, dueAt: stepDueAt(calendar, closing.at, minutes / 60) },
    });
  } else if (advance.kind === 'STEP') {
    await tx.dossierStep.create({ data: { dossierId: dossier.id, ...openStepRow(calendar, advance.step, dossier.agencyCode, closing.at) } });
  }
}
