/** Who may change the shared catalogues: operators only. */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';

export function requireCatalogueOperator(principal: Principal, action: { vi: string; en: string }): void {
  if (principal.role === 'ANONYMOUS') {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, { vi: `Cần đăng nhập để ${action.vi}.`, en: `Sign in to ${action.en}.` });
  }
  if (principal.role !== 'OPERATOR') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: `Chỉ cán bộ vận hành được ${action.vi}.`,
      en: `Only operators may ${action.en}.`,
    });
  }
}
