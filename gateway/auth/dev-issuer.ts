/**
 * The built-in development issuer, trusted by the gateway when no OIDC issuer is configured (the
 * embedded default): an ES256 key pair generated at start, its public key published at
 * `/.well-known/jwks.json` with a discovery document at `/.well-known/openid-configuration`, and
 * access tokens minted with it (`POST /auth/dev-token`, the tokens `npm start` prints, tests). Tokens
 * are ordinary OIDC-style tokens: the gateway verifies them exactly as it would an external issuer's.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import type { Express } from 'express';
import { createLocalJWKSet, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { accessTokenVerifier, type AccessTokenVerifier } from './access-tokens';
import { claimsFromPrincipal, DEFAULT_CLAIM_NAMES } from './claims';

/** `iss` of development tokens. */
export const DEV_ISSUER = 'urn:lienthong:dev-issuer';
/** `aud` of development tokens: the gateway's default OIDC audience. */
export const DEV_AUDIENCE = 'lienthong';

export interface DevIssuerOptions {
  /**
   * Derive the key pair from this secret instead of generating one, so that several processes (a
   * benchmark's forked gateway and its load generator) agree on it. Never for production.
   * @default undefined (a fresh key pair)
   */
  seed?: string;
}

export interface DevIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The public key set, as served at `/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet;
  /** Mints an access token for `principal`. @param ttl jose duration, @default "8h" */
  issue(principal: Principal, ttl?: string): Promise<string>;
  /** Verifies tokens this issuer minted (what the gateway uses when it trusts it). */
  readonly verify: AccessTokenVerifier;
}

function keyFromSeed(seed: string): KeyObject {
  const d = Buffer.from(hkdfSync('sha256', seed, 'lienthong', 'dev-issuer-es256', 32));
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
  const b64 = (b: Buffer) => b.toString('base64url');
  return createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: b64(d), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) }, format: 'jwk' });
}

/** RFC 7638 thumbprint, so the key id changes with the key. */
function thumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function createDevIssuer(options: DevIssuerOptions = {}): DevIssuer {
  const privateKey = options.seed ? keyFromSeed(options.seed) : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = thumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  return {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    jwks,
    issue: (principal, ttl = '8h') =>
      new SignJWT(claimsFromPrincipal(principal, DEFAULT_CLAIM_NAMES))
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setSubject(principal.id)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(ttl)
        .sign(privateKey),
    verify: accessTokenVerifier(createLocalJWKSet(jwks), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }),
  };
}

/** Mints an access token with the development issuer. @param ttl jose duration, @default "8h" */
export const issueAccessToken = (principal: Principal, issuer: DevIssuer, ttl?: string) => issuer.issue(principal, ttl);

/** Publishes the issuer's keys and discovery document on the gateway. */
export function mountDevIssuerRoutes(app: Express, issuer: DevIssuer): void {
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.json(issuer.jwks);
  });
  app.get('/.well-known/openid-configuration', (req, res) => {
    const base = `${req.protocol}://${req.get('host')}`;
    res.json({
      issuer: issuer.issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/auth/dev-token`,
      id_token_signing_alg_values_supported: ['ES256'],
      claims_supported: ['sub', ...Object.values(DEFAULT_CLAIM_NAMES)],
    });
  });
}
