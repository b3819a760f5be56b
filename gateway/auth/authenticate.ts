/**
 * The gateway authenticates every caller: a Bearer access token gives a principal, no token gives
 * ANONYMOUS (public queries still work), a bad token is refused with UNAUTHENTICATED.
 */
import { ANONYMOUS, type Principal } from '../../subgraphs/shared/auth/principal';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { AccessTokenVerifier } from './access-tokens';

export async function principalFromAuthorization(header: unknown, verify: AccessTokenVerifier): Promise<Principal> {
  if (header === undefined || header === null || header === '') return ANONYMOUS;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      en: 'Use "Authorization: Bearer <token>".',
      vi: 'Dùng "Authorization: Bearer <mã truy cập>".',
    });
  }
  return verify(match[1]);
}
