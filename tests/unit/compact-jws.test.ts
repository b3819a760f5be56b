/**
 * The gateway's access-token check: exactly the tokens a strict JOSE verifier accepts (RS256/ES256 on
 * keys of that kind, issuer, audience, expiry and not-before with tolerance), nothing else.
 */
import { createHmac, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, exportJWK, SignJWT, type JWK } from 'jose';
import { compactJwsVerifier, TokenRefused } from '../../gateway/auth/compact-jws';

const ISSUER = 'https://sso.example.gov.vn/realms/lienthong';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const weakRsa = generateKeyPairSync('rsa', { modulusLength: 1024 });

let verify: (token: string) => Promise<Record<string, unknown>>;
const now = () => Math.floor(Date.now() / 1000);

async function sign(alg: 'RS256' | 'ES256', key: KeyObject, kid: string, claims: Record<string, unknown> = {}) {
  return new SignJWT({ sub: 'citizen-1', iss: ISSUER, aud: 'lienthong', exp: now() + 300, ...claims })
    .setProtectedHeader({ alg, kid })
    .sign(key);
}

const refusal = async (token: string) => {
  try {
    await verify(token);
  } catch (err) {
    return err instanceof TokenRefused ? (err.expired ? 'expired' : 'refused') : `other: ${(err as Error).message}`;
  }
  return 'accepted';
};

beforeAll(async () => {
  const jwk = async (key: KeyObject, kid: string, alg: string): Promise<JWK> => ({ ...(await exportJWK(key)), kid, alg, use: 'sig' });
  const keys = createLocalJWKSet({
    keys: [await jwk(rsa.publicKey, 'rsa-1', 'RS256'), await jwk(ec.publicKey, 'ec-1', 'ES256'), await jwk(weakRsa.publicKey, 'weak', 'RS256')],
  });
  verify = compactJwsVerifier(keys, { issuer: ISSUER, audience: 'lienthong', clockToleranceSeconds: 30 });
});

describe('compactJwsVerifier', () => {
  it('accepts RS256 and ES256 tokens of the issuer for the audience, and gives their claims', async () => {
    expect(await verify(await sign('RS256', rsa.privateKey, 'rsa-1', { roles: ['CITIZEN'] }))).toMatchObject({ sub: 'citizen-1', roles: ['CITIZEN'] });
    expect(await verify(await sign('ES256', ec.privateKey, 'ec-1'))).toMatchObject({ sub: 'citizen-1' });
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { aud: ['account', 'lienthong'] }))).toBe('accepted');
  });

  it('refuses another issuer, another audience, a missing subject or expiry', async () => {
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { iss: 'https://evil.example' }))).toBe('refused');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { aud: 'account' }))).toBe('refused');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { sub: undefined }))).toBe('refused');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { exp: undefined }))).toBe('refused');
  });

  it('applies the clock tolerance to exp and nbf, and says when a token has expired', async () => {
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { exp: now() - 10 }))).toBe('accepted');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { exp: now() - 60 }))).toBe('expired');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { nbf: now() + 10 }))).toBe('accepted');
    expect(await refusal(await sign('ES256', ec.privateKey, 'ec-1', { nbf: now() + 120 }))).toBe('refused');
  });

  it('refuses a changed payload, a foreign key, and a signature of the wrong size', async () => {
    const token = await sign('ES256', ec.privateKey, 'ec-1');
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'operator', iss: ISSUER, aud: 'lienthong', exp: now() + 300, roles: ['OPERATOR'] })).toString('base64url');
    expect(await refusal(`${h}.${forged}.${s}`)).toBe('refused');
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(await refusal(await sign('ES256', stranger.privateKey, 'ec-1'))).toBe('refused');
    expect(await refusal(`${token}AA`)).toBe('refused');
  });

  it('refuses alg none, HS256 with the public key as secret, and an algorithm that does not fit the key', async () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'x', iss: ISSUER, aud: 'lienthong', exp: now() + 300 })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid: 'rsa-1' })).toString('base64url');
    expect(await refusal(`${none}.${payload}.`)).toBe('refused');
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'rsa-1' })).toString('base64url');
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
    const mac = createHmac('sha256', pem).update(`${hs}.${payload}`).digest('base64url');
    expect(await refusal(`${hs}.${payload}.${mac}`)).toBe('refused');
    // An RS256 header naming the EC key's id: jose's key set gives no key, and no key of the wrong kind is used.
    expect(await refusal(await sign('RS256', rsa.privateKey, 'ec-1'))).toBe('refused');
  });

  it('refuses RSA keys under 2048 bits, critical header extensions and malformed tokens', async () => {
    // jose will not sign with such a key; node will.
    const weakHeader = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'weak' })).toString('base64url');
    const weakPayload = Buffer.from(JSON.stringify({ sub: 'x', iss: ISSUER, aud: 'lienthong', exp: now() + 300 })).toString('base64url');
    const weakSignature = cryptoSign('sha256', Buffer.from(`${weakHeader}.${weakPayload}`), weakRsa.privateKey).toString('base64url');
    expect(await refusal(`${weakHeader}.${weakPayload}.${weakSignature}`)).toBe('refused');
    const critHeader = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'ec-1', crit: ['urn:example:policy'], 'urn:example:policy': 1 })).toString('base64url');
    const critSignature = cryptoSign('sha256', Buffer.from(`${critHeader}.${weakPayload}`), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    expect(await refusal(`${critHeader}.${weakPayload}.${critSignature}`)).toBe('refused');
    // The same token without the extension is accepted: the refusal above is the extension's.
    const plainHeader = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'ec-1' })).toString('base64url');
    const plainSignature = cryptoSign('sha256', Buffer.from(`${plainHeader}.${weakPayload}`), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    expect(await refusal(`${plainHeader}.${weakPayload}.${plainSignature}`)).toBe('accepted');
    for (const junk of ['', 'a.b', 'a.b.c.d', '!!.??.**', `${Buffer.from('[]').toString('base64url')}.e30.`]) expect(await refusal(junk)).toBe('refused');
  });
});
