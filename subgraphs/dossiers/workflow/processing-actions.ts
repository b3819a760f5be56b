/**
 * Officials' actions on the open step: accept at reception (tiếp nhận), refuse at reception (không
 * tiếp nhận), complete a step, stop processing (dừng xử lý). Each checks who acts, the version read
 * and the state machine before writing anything, then commits in one transaction.
 */
import type { Principal } from '../../shared/auth/principal';
import { DossierStatus } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import {
  commitAction,
  MAX_NOTE_LENGTH,
  officialOnOpenStep,
  optionalText,
  requiredText,
  type DossierActionRequest,
  type WorkflowServices,
} from './acting';
import { DossierAction, invalidTransition, targetStatus } from './dossier-state-machine';
import { advanceColumns, isResultStage, planAdvance, writeAdvance } from './step-advance';
import { cancelPlannedSteps, closeStep, StepOutcome } from './step-rows';

export interface CompleteStepRequest extends DossierActionRequest {
  /** Key of the step to open when the workflow offers several. @default the only next step */
  nextStep?: string | null;
  /** @default none */
  note?: string | null;
}

export interface ReasonRequest extends DossierActionRequest {
  reason: string;
}

/**
 * Completes the open step (ACCEPT at reception, COMPLETE_STEP after it) and opens the next one.
 * Entering the result stage needs an issued result and makes the dossier DONE.
 */
async function advanceDossier(
  services: WorkflowServices,
  principal: Principal,
  request: CompleteStepRequest,
  action: DossierAction.ACCEPT | DossierAction.COMPLETE_STEP,
  now: Date,
): Promise<DossierRow> {
  const note = optionalText(request.note, 'note', MAX_NOTE_LENGTH);
  const { dossier, open } = await officialOnOpenStep(services, principal, request, action);
  const advance = await planAdvance(services, dossier, open, request.nextStep);
  const resultStage = isResultStage(advance);
  const status = dossier.status as DossierStatus;
  if (resultStage && action === DossierAction.ACCEPT) {
    throw invalidTransition(dossier.code, action, status, {
      vi: 'Quy trình không có bước xử lý sau bước tiếp nhận.',
      en: 'The workflow has no processing step after reception.',
    });
  }
  if (resultStage && !(await services.prisma.dossierResult.findUnique({ where: { dossierId: dossier.id }, select: { dossierId: true } }))) {
    throw invalidTransition(dossier.code, action, status, {
      vi: `Hồ sơ ${dossier.code} chưa có kết quả giải quyết; cần ban hành kết quả trước khi chuyển trả kết quả.`,
      en: `Dossier ${dossier.code} has no issued result yet; issue it before the result stage.`,
    });
  }
  const to = targetStatus(action, status, { resultStage })!;
  const calendar = await services.calendars.calendar();
  const closing = { actor: principal.id, note, at: now };
  return commitAction(services, action, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to,
    actor: principal.id,
    note: note ?? undefined,
    stepKey: open.stepKey,
    at: now,
    set: { ...advanceColumns(dossier, advance), ...(to === DossierStatus.DONE ? { completedAt: now } : {}) },
    within: (tx, updated) => writeAdvance(tx, calendar, updated, open, advance, closing),
  });
}

/** NEW → ACCEPTED: reception accepts the dossier; the reception step completes and the next opens. */
export function acceptDossier(services: WorkflowServices, principal: Principal, request: CompleteStepRequest, now = new Date()): Promise<DossierRow> {
  return advanceDossier(services, principal, request, DossierAction.ACCEPT, now);
}

/** ACCEPTED/PROCESSING → PROCESSING (or DONE at the result stage): the open step completes. */
export function completeStep(services: WorkflowServices, principal: Principal, request: CompleteStepRequest, now = new Date()): Promise<DossierRow> {
  return advanceDossier(services, principal, request, DossierAction.COMPLETE_STEP, now);
}

/** Ends the dossier at its open step with a reason: NEW → NOT_ACCEPTED, or ACCEPTED/PROCESSING → STOPPED. */
async function endAtOpenStep(
  services: WorkflowServices,
  principal: Principal,
  request: ReasonRequest,
  action: DossierAction.REJECT | DossierAction.STOP,
  now: Date,
): Promise<DossierRow> {
  const reason = requiredText(request.reason, 'reason', MAX_NOTE_LENGTH);
  const { dossier, open } = await officialOnOpenStep(services, principal, request, action);
  return commitAction(services, action, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: targetStatus(action, dossier.status as DossierStatus)!,
    actor: principal.id,
    note: reason,
    stepKey: open.stepKey,
    at: now,
    set: { currentStep: null, completedAt: now, pausedAt: null },
    within: async (tx, updated) => {
      await closeStep(tx, open.id, { outcome: StepOutcome.REJECTED, actor: principal.id, note: reason, at: now });
      await cancelPlannedSteps(tx, updated.id, principal.id, now);
    },
  });
}

/** NEW → NOT_ACCEPTED: reception refuses the dossier with a reason. */
export function rejectDossier(services: WorkflowServices, principal: Principal, request: ReasonRequest, now = new Date()): Promise<DossierRow> {
  return endAtOpenStep(services, principal, request, DossierAction.REJECT, now);
}

/** ACCEPTED/PROCESSING → STOPPED: processing stops with a reason. */
export function stopDossier(services: WorkflowServices, principal: Principal, request: ReasonRequest, now = new Date()): Promise<DossierRow> {
  return endAtOpenStep(services, principal, request, DossierAction.STOP, now);
}
