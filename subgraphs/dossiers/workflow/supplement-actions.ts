/**
 * Supplements and withdrawal. An official asks for a supplement (yêu cầu bổ sung) and the clock
 * stops; when the applicant supplements, the dossier goes back to where it was, and the appointment
 * and the open step's deadline move later by the working time the clock stood still. The applicant
 * may withdraw (rút hồ sơ) at any point before a result.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { validateFormData } from '../../procedures';
import { DossierStatus } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import {
  commitAction,
  loadVisibleDossier,
  MAX_NOTE_LENGTH,
  officialOnOpenStep,
  optionalText,
  requiredText,
  requireState,
  type DossierActionRequest,
  type WorkflowServices,
} from './acting';
import { DossierAction, invalidTransition, targetStatus } from './dossier-state-machine';
import { cancelPlannedSteps, closeStep, findOpenStep, StepOutcome } from './step-rows';
import { requireApplicant } from './workflow-access';
import { addWorkingMinutes, workingMinutesBetween } from './working-time';

/** Most items one supplement request may list. */
export const MAX_SUPPLEMENT_ITEMS = 50;
const MAX_ITEM_LENGTH = 500;

export interface SupplementRequest extends DossierActionRequest {
  reason: string;
  /** What the applicant must add or correct (thành phần cần bổ sung). */
  items: string[];
}

export interface SupplementSubmission extends DossierActionRequest {
  /** Form fields to change; merged over the form as filed and checked against the e-form. @default unchanged */
  formData?: Record<string, unknown> | null;
  /** @default none */
  note?: string | null;
}

export interface WithdrawalRequest extends DossierActionRequest {
  reason: string;
}

/** NEW/ACCEPTED/PROCESSING → SUPPLEMENT_REQUESTED by the official on the open step; the clock pauses. */
export async function requestSupplement(services: WorkflowServices, principal: Principal, request: SupplementRequest, now = new Date()): Promise<DossierRow> {
  const reason = requiredText(request.reason, 'reason', MAX_NOTE_LENGTH);
  if (!Array.isArray(request.items) || request.items.length === 0 || request.items.length > MAX_SUPPLEMENT_ITEMS) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Cần liệt kê từ 1 đến ${MAX_SUPPLEMENT_ITEMS} nội dung cần bổ sung.`,
      en: `List between 1 and ${MAX_SUPPLEMENT_ITEMS} items to supplement.`,
      details: { field: 'items' },
    });
  }
  const items = request.items.map((item, i) => requiredText(item, `items[${i}]`, MAX_ITEM_LENGTH));
  const { dossier, open } = await officialOnOpenStep(services, principal, request, DossierAction.REQUEST_SUPPLEMENT);
  return commitAction(services, DossierAction.REQUEST_SUPPLEMENT, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: DossierStatus.SUPPLEMENT_REQUESTED,
    actor: principal.id,
    note: `${reason}\nCần bổ sung:\n${items.map((item) => `- ${item}`).join('\n')}`,
    stepKey: open.stepKey,
    at: now,
    set: { pausedAt: now },
  });
}

/** The status the dossier had when the pending supplement was requested. */
async function statusBeforeSupplement(services: WorkflowServices, dossier: DossierRow): Promise<DossierStatus | undefined> {
  const request = await services.prisma.dossierStatusChange.findFirst({
    where: { dossierId: dossier.id, toStatus: DossierStatus.SUPPLEMENT_REQUESTED },
    orderBy: { id: 'desc' },
  });
  return (request?.fromStatus ?? undefined) as DossierStatus | undefined;
}

/** The merged form, or FORM_VALIDATION_FAILED against the e-form of the dossier's procedure version. */
async function supplementedForm(services: WorkflowServices, dossier: DossierRow, changes: Record<string, unknown>): Promise<Record<string, unknown>> {
  const merged = { ...(dossier.formData as Record<string, unknown>), ...changes };
  const procedure = await services.catalogue.requireVersion(dossier.procedureCode, dossier.procedureVersion);
  const violations = validateFormData(procedure.eForm, merged);
  if (violations.length > 0) throw new LienthongError(ErrorCode.FORM_VALIDATION_FAILED, { details: { violations } });
  return merged;
}

/** SUPPLEMENT_REQUESTED → the status before, by the applicant; deadlines move by the paused working time. */
export async function submitSupplement(services: WorkflowServices, principal: Principal, request: SupplementSubmission, now = new Date()): Promise<DossierRow> {
  const note = optionalText(request.note, 'note', MAX_NOTE_LENGTH);
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireApplicant(principal, dossier);
  requireState(dossier, request.expectedVersion, DossierAction.SUBMIT_SUPPLEMENT);
  const status = dossier.status as DossierStatus;
  const to = targetStatus(DossierAction.SUBMIT_SUPPLEMENT, status, { statusBeforeSupplement: await statusBeforeSupplement(services, dossier) });
  if (!to) throw invalidTransition(dossier.code, DossierAction.SUBMIT_SUPPLEMENT, status);
  const formData = request.formData ? await supplementedForm(services, dossier, request.formData) : undefined;

  const calendar = await services.calendars.calendar();
  const paused = workingMinutesBetween(calendar, dossier.pausedAt ?? now, now);
  const open = await findOpenStep(services.prisma, dossier.id);
  const moved =
    paused > 0
      ? { appointmentAt: addWorkingMinutes(calendar, dossier.appointmentAt, paused), dueSoonNotifiedAt: null, overdueNotifiedAt: null }
      : {};
  return commitAction(services, DossierAction.SUBMIT_SUPPLEMENT, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to,
    actor: principal.id,
    note: note ?? undefined,
    stepKey: open?.stepKey ?? null,
    at: now,
    // A moved appointment is a new deadline: its due-soon and overdue notices may be due again.
    set: { pausedAt: null, ...moved, ...(formData ? { formData } : {}) },
    within: async (tx) => {
      if (open && paused > 0) {
        await tx.dossierStep.update({ where: { id: open.id }, data: { dueAt: addWorkingMinutes(calendar, open.dueAt, paused) } });
      }
    },
  });
}

/** Any status before a result → WITHDRAWN, by the applicant; the open step is cancelled. */
export async function withdrawDossier(services: WorkflowServices, principal: Principal, request: WithdrawalRequest, now = new Date()): Promise<DossierRow> {
  const reason = requiredText(request.reason, 'reason', MAX_NOTE_LENGTH);
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireApplicant(principal, dossier);
  requireState(dossier, request.expectedVersion, DossierAction.WITHDRAW);
  const open = await findOpenStep(services.prisma, dossier.id);
  return commitAction(services, DossierAction.WITHDRAW, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: DossierStatus.WITHDRAWN,
    actor: principal.id,
    note: reason,
    stepKey: open?.stepKey ?? null,
    at: now,
    set: { currentStep: null, completedAt: now, pausedAt: null },
    within: async (tx, updated) => {
      if (open) await closeStep(tx, open.id, { outcome: StepOutcome.CANCELLED, actor: principal.id, note: reason, at: now });
      await cancelPlannedSteps(tx, updated.id, principal.id, now);
    },
  });
}
