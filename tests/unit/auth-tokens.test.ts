/**
 * Access tokens (caller → gateway) are OIDC-style ES256/RS256 JWTs of a trusted issuer (here the
 * development issuer); internal tokens (gateway → subgraph) are short-lived HS256 JWTs of the gateway.
 * Neither is accepted as the other; the gateway maps the Authorization header to a principal.
 */
import { SignJWT, UnsecuredJWT } from 'jose';
import { principalFromAuthorization } from '../../gateway/auth/authenticate';
import { principalFromClaims, UnusableClaims } from '../../gateway/auth/claims';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER, issueAccessToken } from '../../gateway/auth/dev-issuer';
import { ANONYMOUS, type Principal } from '../../subgraphs/shared/auth/principal';
import { INTERNAL_TOKEN_TTL_SECONDS, signInternalToken, verifyInternalToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const issuer = createDevIssuer();
const otherIssuer = createDevIssuer();

const citizen: Principal = { id: 'citizen:001099012345', role: 'CITIZEN', personalId: '001099012345', name: 'Nguyễn Văn An' };
const official: Principal = { id: 'official:7', role: 'OFFICIAL', agencyCode: 'G01.001' };

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<LienthongError> {
  try {
    await promise;
  } catch (err) {
    return err as LienthongError;
  }
  throw new Error('expected a rejection');
}

function expectUnauthenticated(err: LienthongError, en?: RegExp): void {
  expect(err).toBeInstanceOf(LienthongError);
  expect(err.code).toBe(ErrorCode.UNAUTHENTICATED);
  expect(err.extensions.code).toBe('UNAUTHENTICATED');
  if (en) expect(err.message).toMatch(en);
}

const hs256 = (claims: Record<string, unknown>, secret: string, audience = DEV_AUDIENCE) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(DEV_ISSUER).setAudience(audience).setExpirationTime('1h').sign(new TextEncoder().encode(secret));

describe('access and internal tokens', () => {
  it('round-trips an access token with every claim, signed ES256', async () => {
    const token = await issueAccessToken(citizen, issuer);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'ES256' });
    await expect(issuer.verify(token)).resolves.toEqual({ ...citizen });
  });

  it('round-trips an internal token, which lives one minute at most', async () => {
    const token = await signInternalToken(official, SECRET);
    await expect(verifyInternalToken(token, SECRET)).resolves.toEqual({ ...official, personalId: undefined, name: undefined, workflowRoles: undefined });
    const { exp, iat } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(exp - iat).toBeLessThanOrEqual(INTERNAL_TOKEN_TTL_SECONDS);
  });

  it('does not accept an access token as an internal token, nor the reverse', async () => {
    const access = await issueAccessToken(official, issuer);
    const internal = await signInternalToken(official, SECRET);
    expectUnauthenticated(await rejection(verifyInternalToken(access, SECRET)), /not valid/);
    expectUnauthenticated(await rejection(issuer.verify(internal)), /not valid/);
  });

  it('refuses a token of another issuer key', async () => {
    const err = await rejection(issuer.verify(await issueAccessToken(citizen, otherIssuer)));
    expectUnauthenticated(err, /not valid/);
    expect(err.extensions.messages).toEqual({ en: 'The access token is not valid.', vi: 'Mã truy cập không hợp lệ.' });
  });

  it('refuses an expired token with the "expired" message (beyond the clock tolerance)', async () => {
    const err = await rejection(issuer.verify(await issueAccessToken(citizen, issuer, '-5m')));
    expectUnauthenticated(err, /expired/);
    expect((err.extensions.messages as { vi: string }).vi).toBe('Mã truy cập đã hết hạn.');
  });

  it('refuses HS256 (whatever the secret) and unsigned tokens with the right claims', async () => {
    const claims = { roles: ['OPERATOR'] };
    expectUnauthenticated(await rejection(issuer.verify(await hs256(claims, SECRET))), /not valid/);
    // The public key's JSON used as an HMAC secret: the classic algorithm-confusion forgery.
    expectUnauthenticated(await rejection(issuer.verify(await hs256(claims, JSON.stringify(issuer.jwks.keys[0])))), /not valid/);
    const none = new UnsecuredJWT(claims).setSubject('x').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').encode();
    expectUnauthenticated(await rejection(issuer.verify(none)), /not valid/);
  });

  it('refuses garbage', async () => {
    expectUnauthenticated(await rejection(issuer.verify('not.a.jwt')));
    expectUnauthenticated(await rejection(verifyInternalToken('', SECRET)));
  });
});

describe('principalFromClaims', () => {
  it('maps each role, scoped where it must be', () => {
    expect(principalFromClaims({ sub: 's', roles: ['citizen'], personal_id: '001099012345' })).toEqual({
      id: 'citizen:001099012345', role: 'CITIZEN', personalId: '001099012345', name: undefined,
    });
    expect(principalFromClaims({ sub: 'o', roles: 'OFFICIAL', agency_code: 'A', workflow_roles: ['RECEPTION'] })).toMatchObject({
      id: 'o', role: 'OFFICIAL', agencyCode: 'A', workflowRoles: ['RECEPTION'],
    });
    expect(principalFromClaims({ sub: 'd', roles: ['DASHBOARD'] })).toMatchObject({ role: 'DASHBOARD', agencyCode: undefined });
    // The most powerful role named wins; nested claim paths work.
    expect(principalFromClaims({ sub: 'k', realm_access: { roles: ['CITIZEN', 'OPERATOR'] } }, {
      roles: 'realm_access.roles', agency: 'agency_code', personalId: 'personal_id', workflowRoles: 'workflow_roles', name: 'name',
    })).toMatchObject({ role: 'OPERATOR' });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ roles: ['OPERATOR'] }, 'no subject'],
    [{ sub: 'x', roles: ['ADMIN'] }, 'unknown role'],
    [{ sub: 'x', roles: ['OFFICIAL'] }, 'official without agency'],
    [{ sub: 'x', roles: ['AGENCY_ADMIN'] }, 'agency admin without agency'],
    [{ sub: 'x', roles: ['CITIZEN'], personal_id: '123' }, 'bad personal id'],
    [{ sub: 'x', roles: ['ANONYMOUS'] }, 'anonymous is never issued'],
  ])('refuses %p (%s)', (claims, _why) => {
    expect(() => principalFromClaims(claims)).toThrow(UnusableClaims);
  });
});

describe('principalFromAuthorization', () => {
  it.each([undefined, null, ''])('gives ANONYMOUS for no header (%p)', async (header) => {
    await expect(principalFromAuthorization(header, issuer.verify)).resolves.toBe(ANONYMOUS);
  });

  it('gives the principal of a valid Bearer token, whatever the scheme case', async () => {
    const token = await issueAccessToken(citizen, issuer);
    await expect(principalFromAuthorization(`Bearer ${token}`, issuer.verify)).resolves.toMatchObject({ id: citizen.id, role: 'CITIZEN' });
    await expect(principalFromAuthorization(`bearer  ${token} `, issuer.verify)).resolves.toMatchObject({ personalId: citizen.personalId });
  });

  it.each(['Basic x', 'garbage', 'Bearer', 'Bearer a b'])('refuses %p with UNAUTHENTICATED', async (header) => {
    expectUnauthenticated(await rejection(principalFromAuthorization(header, issuer.verify)), /Bearer/);
  });

  it('refuses a non-string header', async () => {
    expectUnauthenticated(await rejection(principalFromAuthorization(['Bearer x'], issuer.verify)));
  });

  it('refuses a Bearer internal token or a token of another issuer key', async () => {
    const internal = await signInternalToken(citizen, SECRET);
    expectUnauthenticated(await rejection(principalFromAuthorization(`Bearer ${internal}`, issuer.verify)), /not valid/);
    const foreign = await issueAccessToken(citizen, otherIssuer);
    expectUnauthenticated(await rejection(principalFromAuthorization(`Bearer ${foreign}`, issuer.verify)), /not valid/);
  });

  it('derives the same key from the same seed (a benchmark and its forked gateway agree)', async () => {
    const a = createDevIssuer({ seed: 'seed-of-at-least-some-length' });
    const b = createDevIssuer({ seed: 'seed-of-at-least-some-length' });
    await expect(b.verify(await a.issue(official))).resolves.toMatchObject({ id: official.id });
    expectUnauthenticated(await rejection(issuer.verify(await a.issue(official))));
  });
});
