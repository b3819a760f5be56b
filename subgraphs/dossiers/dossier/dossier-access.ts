/**
 * Who may see a dossier: its applicant, officials of the agency that received it or of the agency
 * handling it while transferred (một cửa liên thông), operators. Anyone else is told the dossier does
 * not exist, so receipt codes cannot be probed for owners.
 */
import { dashboardWatches, type Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';

export interface DossierOwnership {
  applicantPersonalId: string;
  agencyCode: string;
  /** Agency handling it while transferred. @default null (the receiving agency) */
  handlingAgencyCode?: string | null;
}

export function canSeeDossier(principal: Principal, dossier: DossierOwnership): boolean {
  switch (principal.role) {
    case 'OPERATOR':
      return true;
    case 'OFFICIAL':
      return (
        principal.agencyCode !== undefined &&
        (principal.agencyCode === dossier.agencyCode || principal.agencyCode === dossier.handlingAgencyCode)
      );
    case 'CITIZEN':
      return principal.personalId === dossier.applicantPersonalId;
    default:
      return false;
  }
}

/**
 * Who may watch a dossier go by on a live view: whoever may see it, and dashboards (read-only) of its
 * receiving or handling agency. Never a reason to act on it: actions check canSeeDossier and roles.
 */
export function canWatchDossier(principal: Principal, dossier: DossierOwnership): boolean {
  return (
    canSeeDossier(principal, dossier) || dashboardWatches(principal, dossier.agencyCode) || (!!dossier.handlingAgencyCode && dashboardWatches(principal, dossier.handlingAgencyCode))
  );
}

export function requireAuthenticated(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
}

export function dossierNotFound(code: string): LienthongError {
  return new LienthongError(ErrorCode.DOSSIER_NOT_FOUND, {
    vi: `Không tìm thấy hồ sơ ${code}.`,
    en: `Dossier ${code} not found.`,
    details: { dossierCode: code },
  });
}
