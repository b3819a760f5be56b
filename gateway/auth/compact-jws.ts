/**
 * Verification of a caller's access token (a compact JWS, RFC 7515/7519) with node's crypto, on the
 * key jose's JWKS sets resolve. The gateway checks one signature per request, and jose's
 * general-purpose path cost as much again as the ES256 check itself; the rules are the same:
 *   - RS256 or ES256 only, and the key must be of that kind (an RSA key of 2048 bits or more, a P-256
 *     key): `none`, HS256 and a public key used as an HMAC secret are refused;
 *   - no `crit` header (no extension is understood);
 *   - `iss` and `aud` must match, `exp` and `sub` must be there; `exp` and `nbf` are checked with the
 *     clock tolerance.
 * Keys are remembered per key id for a few minutes, so a key the issuer withdraws stops counting.
 */
import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { FlattenedJWSInput, JWTHeaderParameters, JWTVerifyGetKey } from 'jose';

export interface CompactJwsRules {
  issuer: string;
  audience: string;
  /** Seconds of clock skew tolerated on `exp` and `nbf`. */
  clockToleranceSeconds: number;
}

/** Why a token was refused; `expired` tokens get their own message. */
export class TokenRefused extends Error {
  constructor(readonly expired = false) {
    super(expired ? 'token expired' : 'token not valid');
  }
}

const KEY_TTL_MS = 5 * 60_000;

const decodeJson = (segment: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenRefused();
  return value as Record<string, unknown>;
};

function keyFits(alg: string, key: KeyObject): boolean {
  if (key.type !== 'public') return false;
  if (alg === 'ES256') return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  return key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048;
}

/** A verifier of access tokens signed by the keys `keys` resolves; resolves the payload or rejects with TokenRefused. */
export function compactJwsVerifier(keys: JWTVerifyGetKey, rules: CompactJwsRules): (token: string) => Promise<Record<string, unknown>> {
  const known = new Map<string, { key: KeyObject; until: number }>();
  const keyFor = async (header: JWTHeaderParameters, input: FlattenedJWSInput): Promise<KeyObject> => {
    const id = `${header.alg}|${header.kid ?? ''}`;
    const hit = known.get(id);
    if (hit && Date.now() < hit.until) return hit.key;
    const key = (await keys(header, input)) as KeyObject;
    known.set(id, { key, until: Date.now() + KEY_TTL_MS });
    return key;
  };

  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenRefused();
    let header: Record<string, unknown>;
    let payload: Record<string, unknown>;
    try {
      header = decodeJson(parts[0]);
      payload = decodeJson(parts[1]);
    } catch {
      throw new TokenRefused();
    }
    const alg = header.alg;
    if ((alg !== 'RS256' && alg !== 'ES256') || header.crit !== undefined || header.b64 !== undefined) throw new TokenRefused();
    let key: KeyObject;
    try {
      key = await keyFor(header as JWTHeaderParameters, { protected: parts[0], payload: parts[1], signature: parts[2] });
    } catch {
      throw new TokenRefused();
    }
    if (!keyFits(alg, key)) throw new TokenRefused();
    const signature = Buffer.from(parts[2], 'base64url');
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const valid =
      alg === 'ES256'
        ? signature.length === 64 && verifySignature('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature)
        : verifySignature('sha256', signed, key, signature);
    if (!valid) throw new TokenRefused();

    const now = Math.floor(Date.now() / 1000);
    const { iss, aud, exp, nbf, sub, iat } = payload;
    if (iss !== rules.issuer) throw new TokenRefused();
    if (!(aud === rules.audience || (Array.isArray(aud) && aud.includes(rules.audience)))) throw new TokenRefused();
    if (typeof sub !== 'string' || (iat !== undefined && typeof iat !== 'number')) throw new TokenRefused();
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + rules.clockToleranceSeconds)) throw new TokenRefused();
    if (typeof exp !== 'number') throw new TokenRefused();
    if (exp <= now - rules.clockToleranceSeconds) throw new TokenRefused(true);
    return payload;
  };
}
