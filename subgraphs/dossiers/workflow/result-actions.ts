/**
 * The result (kết quả giải quyết): a signing or registering official records the electronic result
 * document while the dossier is processed, and the return step hands it over (RETURNED). The postal
 * return calls {@link completeReturnStep} once its delivery order exists.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { WorkflowRole } from '../../procedures/workflow';
import { DossierStatus } from '../dossier/dossier-status';
import type { DossierTx } from '../dossier/dossier-transition';
import type { DossierRow } from '../dossier/dossier.mapper';
import { checkFile, type FileUpload } from '../files/file-policy';
import {
  commitAction,
  loadVisibleDossier,
  MAX_NOTE_LENGTH,
  optionalText,
  requiredText,
  requireState,
  type DossierActionRequest,
  type WorkflowServices,
} from './acting';
import { DossierAction } from './dossier-state-machine';
import { closeStep, findOpenStep, StepOutcome } from './step-rows';
import { requireHandlingOfficial, requireOfficial, requireStepActor } from './workflow-access';

/** Who may issue a result: the agency leader who signs it, or the clerk who registers it. */
export const RESULT_ISSUER_ROLES: readonly string[] = [WorkflowRole.AGENCY_LEADER, WorkflowRole.CLERK];

export interface IssueResultRequest extends DossierActionRequest {
  /** Số, ký hiệu văn bản, e.g. `123/GKS-UBND`. */
  documentNumber: string;
  /** Trích yếu (what the document is). */
  title: string;
  file: FileUpload;
}

export interface ReturnStepRequest extends DossierActionRequest {
  /** @default none */
  note?: string | null;
  /** More dossier columns to set with the return (e.g. `returnMethod`). @default none */
  set?: Record<string, unknown>;
  /** More writes in the same transaction (e.g. the postal order on the result). @default none */
  within?: (tx: DossierTx, dossier: DossierRow) => Promise<void>;
}

/** Records the result document (PROCESSING stays PROCESSING; a history note says it was issued). */
export async function issueResult(services: WorkflowServices, principal: Principal, request: IssueResultRequest, now = new Date()): Promise<DossierRow> {
  const documentNumber = requiredText(request.documentNumber, 'input.documentNumber', 100);
  const title = requiredText(request.title, 'input.title', 500);
  const file = checkFile(request.file, 'input.file');
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireHandlingOfficial(principal, dossier, RESULT_ISSUER_ROLES);
  requireState(dossier, request.expectedVersion, DossierAction.ISSUE_RESULT);
  if (await services.prisma.dossierResult.findUnique({ where: { dossierId: dossier.id }, select: { dossierId: true } })) {
    throw new LienthongError(ErrorCode.CONFLICT, {
      vi: `Hồ sơ ${dossier.code} đã có kết quả giải quyết.`,
      en: `Dossier ${dossier.code} already has an issued result.`,
      details: { dossierCode: dossier.code },
    });
  }
  return commitAction(services, DossierAction.ISSUE_RESULT, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: DossierStatus.PROCESSING,
    actor: principal.id,
    note: `Ban hành kết quả ${documentNumber}: ${title}`,
    stepKey: dossier.currentStep,
    at: now,
    within: async (tx, updated) => {
      await tx.dossierResult.create({
        data: {
          dossierId: updated.id,
          documentNumber,
          title,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          content: new Uint8Array(file.content),
          issuedBy: principal.id,
          issuedByName: principal.name ?? null,
          issuedAt: now,
        },
      });
    },
  });
}

/**
 * DONE → RETURNED: completes the open RETURN_RESULT step (its role, RESULT_RETURN, at its agency);
 * with no such step, an official of the handling agency holding RESULT_RETURN records the return.
 * STALE_VERSION / INVALID_TRANSITION / FORBIDDEN as every workflow action; nothing written on error.
 */
export async function completeReturnStep(services: WorkflowServices, principal: Principal, request: ReturnStepRequest, now = new Date()): Promise<DossierRow> {
  const note = optionalText(request.note, 'note', MAX_NOTE_LENGTH);
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireOfficial(principal, dossier.code);
  requireState(dossier, request.expectedVersion, DossierAction.RETURN_RESULT);
  const open = await findOpenStep(services.prisma, dossier.id);
  if (open) requireStepActor(principal, dossier.code, open);
  else requireHandlingOfficial(principal, dossier, [WorkflowRole.RESULT_RETURN]);
  return commitAction(services, DossierAction.RETURN_RESULT, {
    code: dossier.code,
    expectedVersion: request.expectedVersion,
    to: DossierStatus.RETURNED,
    actor: principal.id,
    note: note ?? undefined,
    stepKey: open?.stepKey ?? null,
    at: now,
    set: { ...request.set, currentStep: null },
    within: async (tx, updated) => {
      if (open) await closeStep(tx, open.id, { outcome: StepOutcome.COMPLETED, actor: principal.id, note, at: now });
      await request.within?.(tx, updated);
    },
  });
}

/** Returning at the counter or online: {@link completeReturnStep} with a note. */
export function returnResult(
  services: WorkflowServices,
  principal: Principal,
  request: DossierActionRequest & { note?: string | null },
  now = new Date(),
): Promise<DossierRow> {
  return completeReturnStep(services, principal, { code: request.code, expectedVersion: request.expectedVersion, note: request.note }, now);
}
