/** Who is calling: authenticated by the gateway, forwarded to subgraphs in a signed internal token. */

/**
 * - CITIZEN (công dân): their own dossiers and data;
 * - OFFICIAL (cán bộ): their agency's dossiers, within their workflow roles;
 * - AGENCY_ADMIN (quản trị cơ quan): manages their agency's adapters, reads its statistics;
 * - OPERATOR (quản trị vận hành): the hub's operators;
 * - DASHBOARD (màn hình theo dõi): read-only live view, of one agency or (unscoped) all.
 */
export type Role = 'ANONYMOUS' | 'CITIZEN' | 'OFFICIAL' | 'AGENCY_ADMIN' | 'OPERATOR' | 'DASHBOARD';

/** Every role a token may name (ANONYMOUS is never issued). */
export const SIGNED_IN_ROLES: readonly Exclude<Role, 'ANONYMOUS'>[] = ['CITIZEN', 'OFFICIAL', 'AGENCY_ADMIN', 'OPERATOR', 'DASHBOARD'];

/** Roles that only make sense inside one agency (the token must name it). */
export const AGENCY_SCOPED_ROLES: readonly Role[] = ['OFFICIAL', 'AGENCY_ADMIN'];

export interface Principal {
  /** Stable account id (for citizens: `citizen:<personalId>`). */
  id: string;
  role: Role;
  /** 12-digit personal identification number of a citizen. */
  personalId?: string;
  /**
   * Electronic identification code of an official's or agency administrator's agency (QCVN 102:2016);
   * for a DASHBOARD, the agency it watches (none: every agency).
   */
  agencyCode?: string;
  /**
   * An official's workflow roles in their agency (RECEPTION, SPECIALIST, LEADER, AGENCY_LEADER,
   * COORDINATING_AGENCY, CLERK, RESULT_RETURN: see the procedures' WorkflowRole); an official acts
   * only on workflow steps of these roles. @default [] (no step)
   */
  workflowRoles?: string[];
  /** Display name. */
  name?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ id: 'anonymous', role: 'ANONYMOUS' });

/** Whether a DASHBOARD principal watches `agencyCode` (an unscoped dashboard watches every agency). */
export const dashboardWatches = (principal: Principal, agencyCode: string | null | undefined): boolean =>
  principal.role === 'DASHBOARD' && (!principal.agencyCode || principal.agencyCode === agencyCode);
