/** Verified access tokens are remembered until their own expiry; failures and unreadable tokens never are. */
import { cacheVerifiedTokens } from '../../gateway/auth/verified-token-cache';
import type { Principal } from '../../subgraphs/shared/auth/principal';

const tokenWith = (claims: Record<string, unknown>) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const citizen: Principal = { id: 'c-1', role: 'CITIZEN', personalId: '001090000001' };

describe('cacheVerifiedTokens', () => {
  let clock = 1_000_000_000_000;
  const now = () => clock;

  it('verifies a token once and answers again from memory until it expires', async () => {
    const verify = jest.fn(async () => citizen);
    const cached = cacheVerifiedTokens(verify, { now });
    const token = tokenWith({ sub: 'c-1', exp: clock / 1000 + 60 });
    expect(await cached(token)).toEqual(citizen);
    expect(await cached(token)).toEqual(citizen);
    expect(verify).toHaveBeenCalledTimes(1);
    clock += 61_000;
    await cached(token);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never remembers a refusal', async () => {
    const verify = jest.fn(async () => {
      throw new Error('bad signature');
    });
    const cached = cacheVerifiedTokens(verify, { now });
    const token = tokenWith({ exp: clock / 1000 + 60 });
    await expect(cached(token)).rejects.toThrow('bad signature');
    await expect(cached(token)).rejects.toThrow('bad signature');
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('does not remember tokens without a readable expiry, and forgets the oldest past its bound', async () => {
    const verify = jest.fn(async () => citizen);
    const cached = cacheVerifiedTokens(verify, { now, maxEntries: 2 });
    const noExp = tokenWith({ sub: 'c-1' });
    await cached(noExp);
    await cached(noExp);
    expect(verify).toHaveBeenCalledTimes(2);
    const [a, b, c] = [1, 2, 3].map((n) => tokenWith({ sub: `c-${n}`, exp: clock / 1000 + 60 }));
    await cached(a);
    await cached(b);
    await cached(c);
    verify.mockClear();
    await cached(c);
    await cached(a);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('hands out a principal the caller cannot change for the next request', async () => {
    const cached = cacheVerifiedTokens(async () => ({ ...citizen }), { now });
    const token = tokenWith({ exp: clock / 1000 + 60 });
    const first = await cached(token);
    expect(() => ((first as { role: string }).role = 'OPERATOR')).toThrow();
    expect((await cached(token)).role).toBe('CITIZEN');
  });

  it('passes every call through when turned off', async () => {
    const verify = jest.fn(async () => citizen);
    const cached = cacheVerifiedTokens(verify, { now, maxEntries: 0 });
    const token = tokenWith({ exp: clock / 1000 + 60 });
    await cached(token);
    await cached(token);
    expect(verify).toHaveBeenCalledTimes(2);
  });
});
