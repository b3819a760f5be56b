/** Who is calling: authenticated by the gateway, forwarded to subgraphs in a signed internal token. */
export type Role = 'ANONYMOUS' | 'CITIZEN' | 'OFFICIAL' | 'OPERATOR';

export interface Principal {
  /** Stable account id (for citizens: `citizen:<personalId>`). */
  id: string;
  role: Role;
  /** 12-digit personal identification number of a citizen. */
  personalId?: string;
  /** Electronic identification code of an official's agency (QCVN 102:2016). */
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
