/**
 * Who may read a citizen's national data: the citizen themself, or an official or operator who says
 * why. Checked before any upstream call, so a refused request costs the source nothing and leaves no
 * access-log row.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { assertValidPersonalId } from './personal-id-guard';

/** Longest purpose accepted; it is written to the access log and sent upstream. */
export const MAX_PURPOSE_LENGTH = 200;

/** Purpose logged when citizens read their own data without giving one. */
export const SELF_SERVICE_PURPOSE = 'self-service';

const purposeRequired = () =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: `Cán bộ phải nêu mục đích tra cứu (tối đa ${MAX_PURPOSE_LENGTH} ký tự).`,
    en: `Officials must give a purpose of at most ${MAX_PURPOSE_LENGTH} characters.`,
    details: { field: 'purpose' },
  });

/**
 * Throws UNAUTHENTICATED (anonymous), INVALID_PERSONAL_ID, FORBIDDEN (a citizen asking for someone
 * else) or BAD_USER_INPUT (an official without a purpose, or one too long); returns the purpose to log.
 */
export function authorizeCitizenAccess(principal: Principal, personalId: string, purpose: string): string {
  if (principal.role === 'ANONYMOUS') {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      vi: 'Cần đăng nhập để xem thông tin công dân.',
      en: 'Sign in to read citizen data.',
    });
  }
  assertValidPersonalId(personalId);
  const trimmed = purpose.trim();
  if (trimmed.length > MAX_PURPOSE_LENGTH) throw purposeRequired();
  if (principal.role === 'CITIZEN') {
    if (principal.personalId === personalId) return trimmed || SELF_SERVICE_PURPOSE;
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Công dân chỉ được xem thông tin của chính mình.',
      en: 'Citizens may read their own data only.',
    });
  }
  if (principal.role === 'OFFICIAL' || principal.role === 'OPERATOR') {
    if (trimmed === '') throw purposeRequired();
    return trimmed;
  }
  throw new LienthongError(ErrorCode.FORBIDDEN);
}
