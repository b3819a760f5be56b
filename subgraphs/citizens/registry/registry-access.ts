/**
 * Who may do what with registered adapters, in one place so that agency administrators (issue 9) need a
 * change here only. Operators may do everything; agency administrators and officials of the owner agency manage their adapter's
 * versions, dry runs and grants; using an adapter needs a grant (X-Road access rights).
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';

export type RegistryPermission = 'REGISTER' | 'DRY_RUN' | 'GRANT' | 'OPERATE' | 'READ';

function requireSignedIn(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
}

/**
 * Throws FORBIDDEN unless `principal` may act on an adapter owned by `ownerAgencyCode`.
 * OPERATE (approve, reject, activate, roll back, disable, enable) is the operators' alone.
 */
export function assertMayManage(principal: Principal, permission: RegistryPermission, ownerAgencyCode: string | null): void {
  requireSignedIn(principal);
  if (principal.role === 'OPERATOR') return;
  const ownsIt =
    (principal.role === 'AGENCY_ADMIN' || principal.role === 'OFFICIAL') && !!principal.agencyCode && principal.agencyCode === ownerAgencyCode;
  if (permission !== 'OPERATE' && ownsIt) return;
  throw new LienthongError(ErrorCode.FORBIDDEN, {
    en: permission === 'OPERATE' ? 'Only operators may change an adapter’s lifecycle.' : 'Only operators and officials of the owner agency may do this.',
    vi: permission === 'OPERATE' ? 'Chỉ quản trị vận hành mới được thay đổi trạng thái bộ chuyển đổi.' : 'Chỉ quản trị vận hành và cán bộ của cơ quan sở hữu mới được thực hiện.',
  });
}

/** The client ids under which `principal` may hold a grant. */
export function clientIdsOf(principal: Principal): string[] {
  const ids = [principal.id, `role:${principal.role}`];
  if (principal.agencyCode) ids.push(`agency:${principal.agencyCode}`);
  return ids;
}

/** Throws ADAPTER_ACCESS_DENIED unless one of the grants names the caller. */
export function assertMayUse(principal: Principal, adapter: string, grantedClientIds: readonly string[]): void {
  requireSignedIn(principal);
  const mine = clientIdsOf(principal);
  if (grantedClientIds.some((id) => mine.includes(id))) return;
  throw new LienthongError(ErrorCode.ADAPTER_ACCESS_DENIED, {
    en: `No access right to adapter ${adapter} for ${principal.id}.`,
    vi: `Tài khoản ${principal.id} chưa được cấp quyền sử dụng bộ chuyển đổi ${adapter}.`,
    details: { adapter },
  });
}
