/**
 * Who may pay a dossier's fee and see its payment: the applicant, officials of the agency that
 * received the dossier, operators — the same people who may see the dossier itself.
 */
import type { Principal } from '../../shared/auth/principal';

/** The columns of the dossiers subgraph's table that this subgraph reads. */
export interface DossierFacts {
  code: string;
  status: string;
  feeVnd: number;
  applicantPersonalId: string;
  agencyCode: string;
}

export const DOSSIER_FACTS_SELECT = {
  code: true,
  status: true,
  feeVnd: true,
  applicantPersonalId: true,
  agencyCode: true,
} as const;

export function mayHandleDossierPayment(principal: Principal, dossier: DossierFacts): boolean {
  switch (principal.role) {
    case 'OPERATOR':
      return true;
    case 'OFFICIAL':
      return principal.agencyCode !== undefined && principal.agencyCode === dossier.agencyCode;
    case 'CITIZEN':
      return principal.personalId !== undefined && principal.personalId === dossier.applicantPersonalId;
    default:
      return false;
  }
}
