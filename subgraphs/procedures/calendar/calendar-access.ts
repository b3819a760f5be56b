/** Who may change the calendar: operators only. */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';

export function requireOperator(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      vi: 'Cần đăng nhập để sửa lịch làm việc.',
      en: 'Sign in to edit the working-day calendar.',
    });
  }
  if (principal.role !== 'OPERATOR') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Chỉ cán bộ vận hành được sửa lịch làm việc.',
      en: 'Only operators may edit the working-day calendar.',
    });
  }
}
