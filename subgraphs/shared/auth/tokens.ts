/**
 * Two kinds of signed token (HS256, via jose):
 * - access tokens, presented by callers to the gateway (`Authorization: Bearer …`);
 * - internal tokens, minted by the gateway per request so that subgraphs trust only the gateway.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ErrorCode, LienthongError } from '../errors';
import type { Principal, Role } from './principal';

const ISSUER = 'lienthong';
const ACCESS_AUDIENCE = 'lienthong-api';
const INTERNAL_AUDIENCE = 'lienthong-subgraph';
const ROLES: readonly Role[] = ['ANONYMOUS', 'CITIZEN', 'OFFICIAL', 'OPERATOR'];

/** Header that carries the internal token from gateway to subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-lienthong-internal-token';

const key = (secret: string) => new TextEncoder().encode(secret);

async function sign(principal: Principal, secret: string, audience: string, ttl: string, clientAddress?: string): Promise<string> {
  const claims: Record<string, unknown> = { role: principal.role };
  if (clientAddress) claims.addr = clientAddress;
  if (principal.personalId) claims.pid = principal.personalId;
  if (principal.agencyCode) claims.agency = principal.agencyCode;
  if (principal.workflowRoles?.length) claims.wfr = principal.workflowRoles;
  if (principal.name) claims.name = principal.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key(secret));
}

async function verify(token: string, secret: string, audience: string): Promise<{ principal: Principal; clientAddress?: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience, algorithms: ['HS256'] });
    const role = payload.role as Role;
    if (!payload.sub || !ROLES.includes(role)) throw new Error('malformed claims');
    const principal: Principal = {
      id: payload.sub,
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
      en: expired ? 'The access token has expired.' : 'The access token is not valid.',
      vi: expired ? 'Mã truy cập đã hết hạn.' : 'Mã truy cập không hợp lệ.',
    });
  }
}

/** Issues an access token for a caller. @param ttl jose duration, @default "8h" */
export const issueAccessToken = (p: Principal, secret: string, ttl = '8h') => sign(p, secret, ACCESS_AUDIENCE, ttl);
export const verifyAccessToken = async (token: string, secret: string) => (await verify(token, secret, ACCESS_AUDIENCE)).principal;

/** Short-lived: it only has to survive one gateway → subgraph hop (or one subscription's start). */
export const signInternalToken = (p: Principal, secret: string, clientAddress?: string) =>
  sign(p, secret, INTERNAL_AUDIENCE, '5m', clientAddress);
export const verifyInternalToken = async (token: string, secret: string) => (await verify(token, secret, INTERNAL_AUDIENCE)).principal;
/** The forwarded identity and the caller's address the gateway saw. */
export const readInternalToken = (token: string, secret: string) => verify(token, secret, INTERNAL_AUDIENCE);
