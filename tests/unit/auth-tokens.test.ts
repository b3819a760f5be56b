/**
 * Access tokens (caller → gateway) and internal tokens (gateway → subgraph) are both HS256 JWTs,
 * told apart by their audience; the gateway maps the Authorization header to a principal.
 */
import { SignJWT } from 'jose';
import { principalFromAuthorization } from '../../gateway/auth/authenticate';
import { ANONYMOUS, type Principal } from '../../subgraphs/shared/auth/principal';
import { issueAccessToken, signInternalToken, verifyAccessToken, verifyInternalToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const OTHER_SECRET = 'another-test-secret-of-at-least-32-characters!!';

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

describe('access and internal tokens', () => {
  it('round-trips an access token with every claim', async () => {
    const token = await issueAccessToken(citizen, SECRET);
    expect(token.split('.')).toHaveLength(3);
    await expect(verifyAccessToken(token, SECRET)).resolves.toEqual({ ...citizen, agencyCode: undefined });
  });

  it('round-trips an internal token', async () => {
    const token = await signInternalToken(official, SECRET);
    await expect(verifyInternalToken(token, SECRET)).resolves.toEqual({ ...official, personalId: undefined, name: undefined });
  });

  it('does not accept an access token as an internal token, nor the reverse', async () => {
    const access = await issueAccessToken(official, SECRET);
    const internal = await signInternalToken(official, SECRET);
    expectUnauthenticated(await rejection(verifyInternalToken(access, SECRET)), /not valid/);
    expectUnauthenticated(await rejection(verifyAccessToken(internal, SECRET)), /not valid/);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await issueAccessToken(citizen, OTHER_SECRET);
    const err = await rejection(verifyAccessToken(token, SECRET));
    expectUnauthenticated(err, /not valid/);
    expect(err.extensions.messages).toEqual({ en: 'The access token is not valid.', vi: 'Mã truy cập không hợp lệ.' });
  });

  it('refuses an expired token with the "expired" message', async () => {
    const token = await issueAccessToken(citizen, SECRET, '-1m');
    const err = await rejection(verifyAccessToken(token, SECRET));
    expectUnauthenticated(err, /expired/);
    expect((err.extensions.messages as { vi: string }).vi).toBe('Mã truy cập đã hết hạn.');
  });

  it('refuses a validly signed token with an unknown role or no subject', async () => {
    const sign = (claims: Record<string, unknown>, sub?: string) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('lienthong').setAudience('lienthong-api').setExpirationTime('1h');
      return (sub ? jwt.setSubject(sub) : jwt).sign(new TextEncoder().encode(SECRET));
    };
    expectUnauthenticated(await rejection(verifyAccessToken(await sign({ role: 'ADMIN' }, 'x'), SECRET)));
    expectUnauthenticated(await rejection(verifyAccessToken(await sign({ role: 'CITIZEN' }), SECRET)));
    // The same claims with a known role and a subject pass: the refusals above are about the claims.
    await expect(verifyAccessToken(await sign({ role: 'OPERATOR' }, 'op'), SECRET)).resolves.toMatchObject({ id: 'op', role: 'OPERATOR' });
  });

  it('refuses garbage', async () => {
    expectUnauthenticated(await rejection(verifyAccessToken('not.a.jwt', SECRET)));
    expectUnauthenticated(await rejection(verifyInternalToken('', SECRET)));
  });
});

describe('principalFromAuthorization', () => {
  it.each([undefined, null, ''])('gives ANONYMOUS for no header (%p)', async (header) => {
    await expect(principalFromAuthorization(header, SECRET)).resolves.toBe(ANONYMOUS);
  });

  it('gives the principal of a valid Bearer token, whatever the scheme case', async () => {
    const token = await issueAccessToken(citizen, SECRET);
    await expect(principalFromAuthorization(`Bearer ${token}`, SECRET)).resolves.toMatchObject({ id: citizen.id, role: 'CITIZEN' });
    await expect(principalFromAuthorization(`bearer  ${token} `, SECRET)).resolves.toMatchObject({ personalId: citizen.personalId });
  });

  it.each(['Basic x', 'garbage', 'Bearer', 'Bearer a b'])('refuses %p with UNAUTHENTICATED', async (header) => {
    expectUnauthenticated(await rejection(principalFromAuthorization(header, SECRET)), /Bearer/);
  });

  it('refuses a non-string header', async () => {
    expectUnauthenticated(await rejection(principalFromAuthorization(['Bearer x'], SECRET)));
  });

  it('refuses a Bearer internal token or a token of another secret', async () => {
    const internal = await signInternalToken(citizen, SECRET);
    expectUnauthenticated(await rejection(principalFromAuthorization(`Bearer ${internal}`, SECRET)), /not valid/);
    const foreign = await issueAccessToken(citizen, OTHER_SECRET);
    expectUnauthenticated(await rejection(principalFromAuthorization(`Bearer ${foreign}`, SECRET)), /not valid/);
  });
});
