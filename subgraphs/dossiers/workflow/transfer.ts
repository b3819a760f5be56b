/**
 * Transfer to another agency (một cửa liên thông): the official on the open step hands the dossier to
 * a coordinating agency, which runs its own steps (given, or one COORDINATING_AGENCY step of three
 * working days). The open step closes as TRANSFERRED; the other agency's first step opens and the
 * rest are planned. When its last step completes, the receiving agency resumes after the step the
 * transfer left from (see step-advance.ts).
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { HOURS_PER_WORKING_DAY, WorkflowRole } from '../../procedures/workflow';
import { STEP_KEY } from '../../procedures/workflow/workflow-definition';
import { DossierStatus } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import { commitAction, MAX_NOTE_LENGTH, officialOnOpenStep, optionalText, requiredText, type DossierActionRequest, type WorkflowServices } from './acting';
import { invalidTransition, DossierAction } from './dossier-state-machine';
import { openStepRow } from './dossier-workflow';
import { closeStep, StepOutcome } from './step-rows';
import { handlingAgencyOf, isTransferred } from './workflow-access';
import { stepDueAt } from './working-time';

/** One step the coordinating agency runs. */
export interface TransferStep {
  key: string;
  name: string;
  role: WorkflowRole;
  durationWorkingHours: number;
}

export interface TransferRequest extends DossierActionRequest {
  toAgencyCode: string;
  /** The other agency's steps, in order. @default one COORDINATING_AGENCY step of 3 working days */
  steps?: TransferStep[] | null;
  /** @default none */
  note?: string | null;
}

/** Most steps one transfer may plan. */
export const MAX_TRANSFER_STEPS = 20;
/** Longest single transfer step: 60 working days. */
const MAX_STEP_HOURS = 60 * HOURS_PER_WORKING_DAY;

export const DEFAULT_TRANSFER_STEP: Readonly<TransferStep> = Object.freeze({
  key: 'phoi_hop',
  name: 'Cơ quan phối hợp giải quyết (liên thông)',
  role: WorkflowRole.COORDINATING_AGENCY,
  durationWorkingHours: 3 * HOURS_PER_WORKING_DAY,
});

function badStep(field: string, en: string, vi: string): LienthongError {
  return new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });
}

/** The checked steps of a transfer (the default when none are given); BAD_USER_INPUT names the first fault. */
export function checkTransferSteps(steps: readonly TransferStep[] | null | undefined): TransferStep[] {
  if (!steps) return [{ ...DEFAULT_TRANSFER_STEP }];
  if (steps.length === 0 || steps.length > MAX_TRANSFER_STEPS) {
    throw badStep('steps', `List between 1 and ${MAX_TRANSFER_STEPS} steps.`, `Cần từ 1 đến ${MAX_TRANSFER_STEPS} bước.`);
  }
  const keys = new Set<string>();
  return steps.map((step, i) => {
    const at = `steps[${i}]`;
    if (typeof step.key !== 'string' || !STEP_KEY.test(step.key)) {
      throw badStep(`${at}.key`, `The step key must match ${STEP_KEY.source}.`, `Khóa bước phải khớp ${STEP_KEY.source}.`);
    }
    if (keys.has(step.key)) throw badStep(`${at}.key`, `Step key ${step.key} is used twice.`, `Khóa bước ${step.key} bị trùng.`);
    keys.add(step.key);
    if (!(Object.values(WorkflowRole) as string[]).includes(step.role)) {
      throw badStep(`${at}.role`, `Unknown workflow role ${step.role}.`, `Vai trò ${step.role} không hợp lệ.`);
    }
    const hours = step.durationWorkingHours;
    if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_STEP_HOURS) {
      throw badStep(
        `${at}.durationWorkingHours`,
        `The duration must be more than 0 and at most ${MAX_STEP_HOURS} working hours.`,
        `Thời hạn phải lớn hơn 0 và tối đa ${MAX_STEP_HOURS} giờ làm việc.`,
      );
    }
    return { key: step.key, name: requiredText(step.name, `${at}.name`, 200), role: step.role, durationWorkingHours: hours };
  });
}

/** ACCEPTED/PROCESSING → PROCESSING at another agency. */
export async function transferDossier(services: WorkflowServices, principal: Principal, request: TransferRequest, now = new Date()): Promise<DossierRow> {
  const note = optionalText(request.note, 'note', MAX_NOTE_LENGTH);
  const steps = checkTransferSteps(request.steps);
  const toAgencyCode = requiredText(request.toAgencyCode, 'toAgencyCode', 64);
  const { dossier, open } = await officialOnOpenStep(services, principal, request, DossierAction.TRANSFER);
  if (isTransferred(dossier)) {
    throw invalidTransition(dossier.code, DossierAction.TRANSFER, dossier.status as DossierStatus, {
      vi: `Hồ sơ ${dossier.code} đang được cơ quan ${handlingAgencyOf(dossier)} xử lý liên thông.`,
      en: `Dossier ${dossier.code} is already with agency ${handlingAgencyOf(dossier)}; it must come back first.`,
    });
  }
  if (toAgencyCode === dossier.agencyCode) {
    throw badStep('toAgencyCode', 'A dossier is transferred to another agency than the one that received it.', 'Chỉ chuyển liên thông đến cơ quan khác.');
  }
  const agency = await services.prisma.agency.findUnique({ where: { code: toAgencyCode }, select: { code: true, name: true } });
  if (!agency) {
    throw new LienthongError(ErrorCode.AGENCY_NOT_FOUND, {
      vi: `Không tìm thấy cơ quan ${toAgencyCode}.`,
      en: `Agency ${toAgencyCode} not found.`,
      details: { field: 'toAgencyCode', agencyCode: toAgencyCode },
    });
  }

  const calendar = await services.calendars.calendar();
  const [first, ...later] = steps;
  return commitAction(services, DossierAction.TRANSFER, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: DossierStatus.PROCESSING,
    actor: principal.id,
    note: `Chuyển liên thông đến ${agency.name} (${agency.code})${note ? `: ${note}` : ''}`,
    stepKey: open.stepKey,
    at: now,
    set: { handlingAgencyCode: agency.code, currentStep: first.key },
    within: async (tx, updated) => {
      await closeStep(tx, open.id, { outcome: StepOutcome.TRANSFERRED, actor: principal.id, note, at: now });
      const opened = openStepRow(calendar, first, agency.code, now);
      await tx.dossierStep.create({ data: { dossierId: updated.id, ...opened } });
      // Later steps are scheduled back to back; each is rescheduled from the moment it really opens.
      let startedAt = opened.dueAt;
      for (const step of later) {
        const dueAt = stepDueAt(calendar, startedAt, step.durationWorkingHours);
        await tx.dossierStep.create({
          data: {
            dossierId: updated.id,
            stepKey: step.key,
            stepName: step.name,
            role: step.role,
            agencyCode: agency.code,
            startedAt,
            dueAt,
            outcome: StepOutcome.PLANNED,
          },
        });
        startedAt = dueAt;
      }
    },
  });
}
