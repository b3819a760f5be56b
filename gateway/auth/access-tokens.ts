/**
 * Verifies callers' access tokens at the gateway: OIDC-style JWTs signed by an issuer's asymmetric
 * keys (RS256 or ES256 only: `none` and HS256 are refused whatever the key set says, so nobody can sign
 * with a guessed shared secret or a public key used as an HMAC secret). `iss`, `aud`, `exp` and `nbf`
 * are checked with a small clock tolerance.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { DEFAULT_CLAIM_NAMES, principalFromClaims, type ClaimNames } from './claims';
import { compactJwsVerifier, TokenRefused } from './compact-jws';

/** Turns a bearer token into the caller; rejects with UNAUTHENTICATED. */
export type AccessTokenVerifier = (token: string) => Promise<Principal>;

/** The algorithms an access token may be signed with (checked in compact-jws.ts). */
export const ACCESS_TOKEN_ALGORITHMS = ['RS256', 'ES256'];

export interface OidcTrust {
  /** The issuer (`iss`) whose tokens count, e.g. `https://sso.example.gov.vn/realms/lienthong`. */
  issuer: string;
  /**
   * Where its public keys are. @default the discovery document's `jwks_uri`
   * (`<issuer>/.well-known/openid-configuration`), else `<issuer>/.well-known/jwks.json`
   */
  jwksUrl?: string;
  /** The audience (`aud`) tokens must name. @default "lienthong" */
  audience?: string;
  /** Claim names. @default DEFAULT_CLAIM_NAMES */
  claims?: Partial<ClaimNames>;
  /** Clock skew tolerated on `exp`/`nbf`/`iat`, seconds. @default 30 */
  clockToleranceSeconds?: number;
}

const unauthenticated = (en: string, vi: string) => new LienthongError(ErrorCode.UNAUTHENTICATED, { en, vi });

/** A verifier over any key source (the development issuer's local set, or a remote JWKS). */
export function accessTokenVerifier(keys: JWTVerifyGetKey, trust: Omit<OidcTrust, 'jwksUrl'>): AccessTokenVerifier {
  const names: ClaimNames = { ...DEFAULT_CLAIM_NAMES, ...trust.claims };
  const verifyJws = compactJwsVerifier(keys, {
    issuer: trust.issuer,
    audience: trust.audience ?? 'lienthong',
    clockToleranceSeconds: trust.clockToleranceSeconds ?? 30,
  });
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      payload = await verifyJws(token);
    } catch (err) {
      if (err instanceof TokenRefused && err.expired) throw unauthenticated('The access token has expired.', 'Mã truy cập đã hết hạn.');
      throw unauthenticated('The access token is not valid.', 'Mã truy cập không hợp lệ.');
    }
    try {
      return principalFromClaims(payload, names);
    } catch {
      throw unauthenticated('The access token does not say who the caller is.', 'Mã truy cập không cho biết người dùng là ai.');
    }
  };
}

/** Finds the JWKS URL once, lazily: a provider that is down at start must not stop the gateway. */
function discoveredKeys(trust: OidcTrust): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const locate = async (): Promise<JWTVerifyGetKey> => {
    const base = trust.issuer.replace(/\/+$/, '');
    let url = trust.jwksUrl;
    if (!url) {
      try {
        const res = await fetch(`${base}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
        const doc = res.ok ? ((await res.json()) as { jwks_uri?: unknown }) : {};
        url = typeof doc.jwks_uri === 'string' ? doc.jwks_uri : undefined;
      } catch {
        // No discovery document: fall back to the conventional location.
      }
    }
    return createRemoteJWKSet(new URL(url ?? `${base}/.well-known/jwks.json`));
  };
  return async (header, token) => {
    keys ??= locate().catch((err) => {
      keys = undefined; // try again on the next request
      throw err;
    });
    return (await keys)(header, token);
  };
}

/** A verifier trusting an external OIDC issuer's published keys. */
export const oidcVerifier = (trust: OidcTrust): AccessTokenVerifier => accessTokenVerifier(discoveredKeys(trust), trust);

/** No issuer trusted (production without OIDC_ISSUER): every bearer token is refused. */
export const refuseEveryToken: AccessTokenVerifier = async () => {
  throw unauthenticated('This hub trusts no token issuer yet (OIDC_ISSUER).', 'Hệ thống chưa cấu hình nơi cấp mã truy cập (OIDC_ISSUER).');
};
