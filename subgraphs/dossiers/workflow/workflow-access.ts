/**
 * Who may act on a dossier. The applicant acts on their own dossier (supplement, withdraw);
 * officials act for the agency running the open step, and only on a step whose role they hold;
 * operators supervise and never act on steps. Callers have already checked that the principal may
 * see the dossier (others are told it does not exist).
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossierRow } from '../dossier/dossier.mapper';
import type { DossierStepRow } from './step-rows';

function forbidden(vi: string, en: string, details: Record<string, unknown> = {}): LienthongError {
  return new LienthongError(ErrorCode.FORBIDDEN, { vi, en, details });
}

/** Only the applicant (a citizen, for their own dossier). */
export function requireApplicant(principal: Principal, dossier: Pick<DossierRow, 'code' | 'applicantPersonalId'>): void {
  if (principal.role === 'CITIZEN' && principal.personalId === dossier.applicantPersonalId) return;
  throw forbidden(
    `Chỉ người nộp hồ sơ ${dossier.code} được thực hiện thao tác này.`,
    `Only the applicant of dossier ${dossier.code} may do this.`,
    { dossierCode: dossier.code },
  );
}

/** Refuses anyone but an official before any state is looked at. */
export function requireOfficial(principal: Principal, code: string): void {
  if (principal.role === 'OFFICIAL') return;
  if (principal.role === 'OPERATOR') {
    throw forbidden(
      'Quản trị hệ thống giám sát, không xử lý các bước của hồ sơ.',
      'Operators supervise; they do not act on workflow steps.',
      { dossierCode: code },
    );
  }
  throw forbidden('Chỉ cán bộ của cơ quan xử lý được thực hiện thao tác này.', 'Only officials of the handling agency may do this.', {
    dossierCode: code,
  });
}

/** An official of the agency running `step`, holding the step's role. */
export function requireStepActor(principal: Principal, code: string, step: Pick<DossierStepRow, 'stepKey' | 'role' | 'agencyCode'>): void {
  requireOfficial(principal, code);
  const details = { dossierCode: code, stepKey: step.stepKey, requiredRole: step.role, agencyCode: step.agencyCode };
  if (principal.agencyCode !== step.agencyCode) {
    throw forbidden(
      `Bước ${step.stepKey} của hồ sơ ${code} do cơ quan ${step.agencyCode} thực hiện.`,
      `Step ${step.stepKey} of dossier ${code} is performed by agency ${step.agencyCode}.`,
      details,
    );
  }
  if (!(principal.workflowRoles ?? []).includes(step.role)) {
    throw forbidden(
      `Bước ${step.stepKey} cần vai trò ${step.role}; tài khoản không có vai trò này.`,
      `Step ${step.stepKey} needs the ${step.role} role, which this account does not hold.`,
      details,
    );
  }
}

/** An official of the handling agency holding one of `roles` (acts not tied to the open step). */
export function requireHandlingOfficial(
  principal: Principal,
  dossier: Pick<DossierRow, 'code' | 'agencyCode' | 'handlingAgencyCode'>,
  roles: readonly string[],
): void {
  requireOfficial(principal, dossier.code);
  const handling = handlingAgencyOf(dossier);
  const details = { dossierCode: dossier.code, agencyCode: handling, requiredRoles: roles };
  if (principal.agencyCode !== handling) {
    throw forbidden(`Hồ sơ ${dossier.code} đang do cơ quan ${handling} xử lý.`, `Dossier ${dossier.code} is handled by agency ${handling}.`, details);
  }
  if (!roles.some((role) => (principal.workflowRoles ?? []).includes(role))) {
    throw forbidden(
      `Thao tác này cần một trong các vai trò ${roles.join(', ')}.`,
      `This needs one of the roles ${roles.join(', ')}.`,
      details,
    );
  }
}

/** The agency handling the dossier now (the receiving agency unless transferred). */
export function handlingAgencyOf(dossier: Pick<DossierRow, 'agencyCode' | 'handlingAgencyCode'>): string {
  return dossier.handlingAgencyCode ?? dossier.agencyCode;
}

/** True while another agency handles the dossier (một cửa liên thông). */
export function isTransferred(dossier: Pick<DossierRow, 'agencyCode' | 'handlingAgencyCode'>): boolean {
  return handlingAgencyOf(dossier) !== dossier.agencyCode;
}
