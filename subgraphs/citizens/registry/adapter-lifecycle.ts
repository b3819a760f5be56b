/**
 * The adapter lifecycle (X-Road-like): an adapter is REGISTERED, APPROVED by an operator, ACTIVE, or
 * DISABLED; each stored version is REGISTERED, APPROVED, ACTIVE, SUPERSEDED (it served traffic before)
 * or REJECTED. Pure rules: the service applies them inside its transactions.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';

export const ADAPTER_LIFECYCLE_TOPIC = 'adapter.lifecycle';

export type AdapterStatus = 'REGISTERED' | 'APPROVED' | 'ACTIVE' | 'DISABLED';
export type VersionStatus = 'REGISTERED' | 'APPROVED' | 'ACTIVE' | 'SUPERSEDED' | 'REJECTED';
export type LifecycleAction = 'REGISTER' | 'APPROVE' | 'REJECT' | 'ACTIVATE' | 'ROLLBACK' | 'DISABLE' | 'ENABLE' | 'GRANT' | 'REVOKE';

/** What the outbox carries on `adapter.lifecycle`: enough for every process to reload the adapter. */
export interface AdapterLifecycleEvent {
  adapter: string;
  action: LifecycleAction;
  version: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** The adapter's status and active version after the step. */
  status: AdapterStatus;
  activeVersion: number | null;
  actor: string;
  at: string;
}

/** Which version statuses each version-level step starts from. */
const VERSION_STEP_FROM: Record<'APPROVE' | 'REJECT' | 'ACTIVATE', readonly VersionStatus[]> = {
  APPROVE: ['REGISTERED'],
  REJECT: ['REGISTERED', 'APPROVED'],
  // A SUPERSEDED version was approved and served before: activating it again is a deliberate rollback.
  ACTIVATE: ['APPROVED', 'SUPERSEDED'],
};

export function refuseTransition(adapter: string, action: LifecycleAction, from: string, version?: number): never {
  const what = version === undefined ? `adapter ${adapter}` : `version ${version} of adapter ${adapter}`;
  throw new LienthongError(ErrorCode.INVALID_ADAPTER_TRANSITION, {
    en: `Cannot ${action.toLowerCase()} ${what}: it is ${from}.`,
    vi: `Không thể thực hiện ${action} với ${what} ở trạng thái ${from}.`,
    details: { adapter, action, from, ...(version === undefined ? {} : { version }) },
  });
}

/** Throws INVALID_ADAPTER_TRANSITION unless `action` may start from the version's status. */
export function assertVersionStep(adapter: string, action: keyof typeof VERSION_STEP_FROM, version: number, status: string): void {
  if (!VERSION_STEP_FROM[action].includes(status as VersionStatus)) refuseTransition(adapter, action, status, version);
}

/** The adapter's status after `enable`: what it would be had it never been disabled. */
export function statusWhenEnabled(activeVersion: number | null, versionStatuses: readonly string[]): AdapterStatus {
  if (activeVersion !== null) return 'ACTIVE';
  return versionStatuses.some((s) => s === 'APPROVED' || s === 'SUPERSEDED') ? 'APPROVED' : 'REGISTERED';
}

/** Adapter names: lowercase letters, digits and dashes, as in URLs and metric labels. */
export const ADAPTER_NAME = /^[a-z][a-z0-9-]{1,62}$/;

/** Client ids a grant may name: an account id, `agency:<code>` or `role:OPERATOR`. */
export const CLIENT_ID = /^(agency:[A-Za-z0-9._-]{1,64}|role:(OPERATOR|OFFICIAL|CITIZEN)|[A-Za-z0-9:._@-]{1,128})$/;
