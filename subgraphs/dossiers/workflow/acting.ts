/**
 * The common path of every workflow action: find the dossier the caller may see, check the version
 * they read and that the state machine allows the action, then commit through `transitionDossier`
 * (history row, step rows and outbox event in one transaction) and turn a lost race into a typed error.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersServices } from '../context';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import type { DossierStatus } from '../dossier/dossier-status';
import { transitionDossier, type TransitionRequest } from '../dossier/dossier-transition';
import type { DossierRow } from '../dossier/dossier.mapper';
import { DossierAction, invalidTransition, isAllowed, TRANSITIONS } from './dossier-state-machine';
import { findOpenStep, type DossierStepRow } from './step-rows';
import { requireOfficial, requireStepActor } from './workflow-access';

/** What the workflow engine needs of the dossiers services. */
export type WorkflowServices = Pick<DossiersServices, 'prisma' | 'outbox' | 'catalogue' | 'calendars'>;

/** Every workflow mutation names the dossier and the version its caller read. */
export interface DossierActionRequest {
  code: string;
  expectedVersion: number;
}

/** The dossier, if `principal` may see it; DOSSIER_NOT_FOUND otherwise (existence is not revealed). */
export async function loadVisibleDossier(services: WorkflowServices, principal: Principal, code: string): Promise<DossierRow> {
  requireAuthenticated(principal);
  const dossier = await services.prisma.dossier.findUnique({ where: { code } });
  if (!dossier || !canSeeDossier(principal, dossier)) throw dossierNotFound(code);
  return dossier;
}

export function staleVersion(code: string, expectedVersion: number | undefined, currentVersion: number | undefined): LienthongError {
  return new LienthongError(ErrorCode.STALE_VERSION, {
    vi: `Hồ sơ ${code} đã được cập nhật (phiên bản ${currentVersion}); tải lại và thử lại.`,
    en: `Dossier ${code} has changed (version ${currentVersion}, you read ${expectedVersion}); reload it and try again.`,
    details: { dossierCode: code, expectedVersion, currentVersion },
  });
}

/** STALE_VERSION when the caller read another version; INVALID_TRANSITION when the status forbids `action`. */
export function requireState(dossier: DossierRow, expectedVersion: number, action: DossierAction): void {
  if (dossier.version !== expectedVersion) throw staleVersion(dossier.code, expectedVersion, dossier.version);
  if (!isAllowed(action, dossier.status as DossierStatus)) throw invalidTransition(dossier.code, action, dossier.status as DossierStatus);
}

/** The open step, or INVALID_TRANSITION when the dossier has none to act on. */
export async function requireOpenStep(services: WorkflowServices, dossier: DossierRow, action: DossierAction): Promise<DossierStepRow> {
  const step = await findOpenStep(services.prisma, dossier.id);
  if (step) return step;
  throw invalidTransition(dossier.code, action, dossier.status as DossierStatus, {
    vi: `Hồ sơ ${dossier.code} không có bước xử lý đang mở.`,
    en: `Dossier ${dossier.code} has no open workflow step.`,
  });
}

/** Loads and checks an official's action on the open step; returns the dossier and its open step. */
export async function officialOnOpenStep(services: WorkflowServices, principal: Principal, request: DossierActionRequest, action: DossierAction) {
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireOfficial(principal, dossier.code);
  requireState(dossier, request.expectedVersion, action);
  const open = await requireOpenStep(services, dossier, action);
  requireStepActor(principal, dossier.code, open);
  return { dossier, open };
}

/** Commits a checked action; a change made meanwhile by someone else is STALE_VERSION. */
export async function commitAction(
  services: WorkflowServices,
  action: DossierAction,
  request: Omit<TransitionRequest, 'from'> & { expectedVersion: number },
): Promise<DossierRow> {
  const outcome = await transitionDossier(services, { ...request, from: TRANSITIONS[action].from });
  if (outcome.applied) return outcome.dossier;
  if (outcome.reason === 'NOT_FOUND') throw dossierNotFound(request.code);
  if (outcome.reason === 'STALE_VERSION') throw staleVersion(request.code, request.expectedVersion, outcome.dossier?.version);
  throw invalidTransition(request.code, action, outcome.dossier!.status as DossierStatus);
}

/** Trimmed required text, or BAD_USER_INPUT naming `field`. */
export function requiredText(value: string | null | undefined, field: string, maxLength: number): string {
  const text = (value ?? '').trim();
  if (text === '' || text.length > maxLength) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Trường ${field} phải có nội dung, tối đa ${maxLength} ký tự.`,
      en: `${field} must be non-empty text of at most ${maxLength} characters.`,
      details: { field },
    });
  }
  return text;
}

/** Trimmed optional text (null when blank), or BAD_USER_INPUT when too long. */
export function optionalText(value: string | null | undefined, field: string, maxLength: number): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : requiredText(text, field, maxLength);
}

/** Longest free-text note or reason accepted. */
export const MAX_NOTE_LENGTH = 2000;
