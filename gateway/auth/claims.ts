/**
 * OIDC claims → Principal, in one function. Identity providers name their claims differently (Keycloak
 * nests roles under `realm_access.roles`, VNeID-style brokers carry the personal id in their own
 * claim), so every claim name is configurable and may be a dotted path.
 */
import { AGENCY_SCOPED_ROLES, SIGNED_IN_ROLES, type Principal, type Role } from '../../subgraphs/shared/auth/principal';

/** Where each fact about the caller sits in the token. */
export interface ClaimNames {
  /** Roles, a string or an array of strings (CITIZEN, OFFICIAL, …; case-insensitive). @default "roles" */
  roles: string;
  /** Agency code of an official, agency administrator or agency dashboard. @default "agency_code" */
  agency: string;
  /** 12-digit personal identification number of a citizen. @default "personal_id" */
  personalId: string;
  /** An official's workflow roles (array of strings). @default "workflow_roles" */
  workflowRoles: string;
  /** Display name. @default "name" */
  name: string;
}

export const DEFAULT_CLAIM_NAMES: Readonly<ClaimNames> = Object.freeze({
  roles: 'roles',
  agency: 'agency_code',
  personalId: 'personal_id',
  workflowRoles: 'workflow_roles',
  name: 'name',
});

/**
 * A token naming several roles acts as the most powerful of them: one principal has one role, and
 * taking the weakest would silently lock operators out.
 */
const PRECEDENCE: readonly Role[] = ['OPERATOR', 'AGENCY_ADMIN', 'OFFICIAL', 'DASHBOARD', 'CITIZEN'];

function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let at: unknown = payload;
  for (const part of path.split('.')) {
    // Own properties only: a claim path such as `__proto__.x` must not walk into prototypes.
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

const stringOf = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Why a verified token still gives no principal (becomes UNAUTHENTICATED). */
export class UnusableClaims extends Error {}

/** The principal a verified token's claims describe; throws UnusableClaims when they describe none. */
export function principalFromClaims(payload: Record<string, unknown>, names: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  const subject = stringOf(payload.sub);
  if (!subject) throw new UnusableClaims('no subject');
  const raw = claimAt(payload, names.roles);
  const named = (Array.isArray(raw) ? raw : [raw]).filter((r): r is string => typeof r === 'string').map((r) => r.toUpperCase());
  const role = PRECEDENCE.find((r) => named.includes(r) && (SIGNED_IN_ROLES as readonly Role[]).includes(r));
  if (!role) throw new UnusableClaims('no known role');
  const agencyCode = stringOf(claimAt(payload, names.agency));
  const personalId = stringOf(claimAt(payload, names.personalId));
  const workflow = claimAt(payload, names.workflowRoles);
  const name = stringOf(claimAt(payload, names.name));
  if (AGENCY_SCOPED_ROLES.includes(role) && !agencyCode) throw new UnusableClaims(`${role} without an agency`);
  if (role === 'CITIZEN') {
    if (!personalId || !/^\d{12}$/.test(personalId)) throw new UnusableClaims('citizen without a personal id');
    return { id: `citizen:${personalId}`, role, personalId, name };
  }
  return {
    id: subject,
    role,
    agencyCode,
    workflowRoles:
      role === 'OFFICIAL' && Array.isArray(workflow) && workflow.every((r) => typeof r === 'string') ? (workflow as string[]) : undefined,
    name,
  };
}

/** The claims that describe `principal`, under `names` (what the development issuer puts in its tokens). */
export function claimsFromPrincipal(principal: Principal, names: ClaimNames = DEFAULT_CLAIM_NAMES): Record<string, unknown> {
  const claims: Record<string, unknown> = { [names.roles]: [principal.role] };
  if (principal.personalId) claims[names.personalId] = principal.personalId;
  if (principal.agencyCode) claims[names.agency] = principal.agencyCode;
  if (principal.workflowRoles?.length) claims[names.workflowRoles] = principal.workflowRoles;
  if (principal.name) claims[names.name] = principal.name;
  return claims;
}
