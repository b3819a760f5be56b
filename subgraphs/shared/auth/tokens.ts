/**
 * Internal tokens: minted by the gateway per request (HS256 with the internal secret, via jose) so
 * that subgraphs trust only the gateway. Callers' access tokens are OIDC tokens verified at the
 * gateway (gateway/auth); they never reach a subgraph, and an access token is never accepted here
 * (different issuer, audience and algorithm).
 */
import { createHmac } from 'node:crypto';
import { jwtVerify, errors as joseErrors } from 'jose';
import { ErrorCode, LienthongError } from '../errors';
import { SIGNED_IN_ROLES, type Principal, type Role } from './principal';

const INTERNAL_ISSUER = 'lienthong-gateway';
const INTERNAL_AUDIENCE = 'lienthong-subgraph';
const ROLES: readonly Role[] = ['ANONYMOUS', ...SIGNED_IN_ROLES];

/**
 * Lifetime of an internal token. It only has to survive one gateway → subgraph hop, or the opening of
 * one upstream subscription (checked once, at connection_init), so a stolen one is soon worthless.
 */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

/** Header that carries the internal token from gateway to subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-lienthong-internal-token';

const key = (secret: string) => new TextEncoder().encode(secret);

/** The protected header of every internal token, encoded once. */
const INTERNAL_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Signs the forwarded identity for subgraphs: a compact HS256 JWS (RFC 7515), read back with jose by
 * readInternalToken. Signed directly with node's HMAC because the gateway signs one per client
 * request, and jose's general-purpose builder cost more than the HMAC itself.
 * @param clientAddress the caller's address as the gateway saw it
 */
export async function signInternalToken(principal: Principal, secret: string, clientAddress?: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { role: principal.role };
  if (clientAddress) claims.addr = clientAddress;
  if (principal.personalId) claims.pid = principal.personalId;
  if (principal.agencyCode) claims.agency = principal.agencyCode;
  if (principal.workflowRoles?.length) claims.wfr = principal.workflowRoles;
  if (principal.name) claims.name = principal.name;
  Object.assign(claims, { sub: principal.id, iss: INTERNAL_ISSUER, aud: INTERNAL_AUDIENCE, iat: now, exp: now + INTERNAL_TOKEN_TTL_SECONDS });
  const signingInput = `${INTERNAL_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** The forwarded identity and the caller's address the gateway saw; UNAUTHENTICATED when not the gateway's. */
export async function readInternalToken(token: string, secret: string): Promise<{ principal: Principal; clientAddress?: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: INTERNAL_ISSUER,
      audience: INTERNAL_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    // A token whose lifetime is longer than ours was not minted by the gateway.
    if (payload.exp! - payload.iat! > INTERNAL_TOKEN_TTL_SECONDS) throw new Error('lifetime too long');
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw new Error('malformed claims');
    const principal: Principal = {
      id: payload.sub!,
      role,
      personalId: typeof payload.pid === 'string' ? payload.pid : undefined,
      agencyCode: typeof payload.agency === 'string' ? payload.agency : undefined,
      workflowRoles:
        Array.isArray(payload.wfr) && payload.wfr.every((r) => typeof r === 'string') ? (payload.wfr as string[]) : undefined,
      name: typeof payload.name === 'string' ? payload.name : undefined,
    };
    return { principal, clientAddress: typeof payload.addr === 'string' ? payload.addr : undefined };
  } catch (err) {
    const expired = err instanceof joseErrors.JWTExpired;
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      en: expired ? 'The internal token has expired.' : 'The internal token is not valid.',
      vi: expired ? 'Mã nội bộ đã hết hạn.' : 'Mã nội bộ không hợp lệ.',
    });
  }
}

export const verifyInternalToken = async (token: string, secret: string) => (await readInternalToken(token, secret)).principal;
