/**
 * Remembers access tokens already verified, until they expire. A portal sends the same bearer token
 * with every request of a session, and checking an ES256 signature costs about 0.2 ms of the
 * gateway's CPU each time: the verdict is kept instead. Only successful verifications are kept, each
 * until the token's own `exp` (no clock tolerance), and the oldest entries go first past the bound.
 */
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { AccessTokenVerifier } from './access-tokens';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; 0 turns the cache off. @default 10000 */
  maxEntries?: number;
  /** The clock, in epoch milliseconds (tests). @default Date.now */
  now?: () => number;
}

/** `exp` of a token that has just been verified, in epoch milliseconds; undefined if unreadable. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function cacheVerifiedTokens(verify: AccessTokenVerifier, options: VerifiedTokenCacheOptions = {}): AccessTokenVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  if (maxEntries <= 0) return verify;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { principal: Principal; expiresAt: number }>();
  return async (token) => {
    const hit = entries.get(token);
    if (hit) {
      if (now() < hit.expiresAt) return hit.principal;
      entries.delete(token);
    }
    // Shared by every request that brings this token: nobody may change it.
    const principal = Object.freeze({ ...(await verify(token)) });
    const expiresAt = expiryOf(token);
    if (expiresAt !== undefined && now() < expiresAt) {
      entries.set(token, { principal, expiresAt });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return principal;
  };
}
