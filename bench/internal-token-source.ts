/**
 * Internal tokens for benchmarks that call a subgraph directly: they live INTERNAL_TOKEN_TTL_SECONDS,
 * shorter than a benchmark run, so each caller's token is re-signed at half its life (outside the
 * timed path most of the time, like the gateway's own signing).
 */
import type { Principal } from '../subgraphs/shared/auth/principal';
import { INTERNAL_TOKEN_TTL_SECONDS, signInternalToken } from '../subgraphs/shared/auth/tokens';

export function internalTokenSource(principal: Principal, secret: string): () => Promise<string> {
  let token: Promise<string> | undefined;
  let signedAt = 0;
  return () => {
    if (!token || Date.now() - signedAt > (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2) {
      signedAt = Date.now();
      token = signInternalToken(principal, secret);
    }
    return token;
  };
}
