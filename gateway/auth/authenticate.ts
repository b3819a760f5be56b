/**
 * The gateway authenticates every caller: a Bearer access token gives a principal, no token gives
 * ANONYMOUS (public queries still work), a bad token is refused with UNAUTHENTICATED.
 */
import { ANONYMOUS, type Principal } from '../../subgraphs/shared/auth/principal';
import { verifyAccessToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

export async function principalFromAuthorization(header: unknown, secret: string): Promise<Principal> {
  if (header === undefined || header === null || header === '') return ANONYMOUS;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      en: 'Use "Authorization: Bearer <token>".',
      vi: 'Dùng "Authorization: Bearer <mã truy cập>".',
    });
  }
  return verifyAccessToken(match[1], secret);
}
