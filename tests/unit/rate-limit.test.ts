/** Token buckets of the public status lookup, and whose bucket a lookup takes from. */
import { InMemoryTokenBucket, networkOf, rateLimitKey } from '../../subgraphs/dossiers/public-status';
import type { BaseContext } from '../../subgraphs/shared/federation/context';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';

describe('InMemoryTokenBucket', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst of capacity, then refuses with the seconds until a token is back', async () => {
    const bucket = new InMemoryTokenBucket({ capacity: 3, refillPerSecond: 0.5, now: clock });
    const burst = [await bucket.take('a'), await bucket.take('a'), await bucket.take('a')];
    expect(burst.map((d) => d.allowed)).toEqual([true, true, true]);
    expect(burst.map((d) => d.remaining)).toEqual([2, 1, 0]);
    const refused = await bucket.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2, remaining: 0 });
    now += 1000; // half a token back
    expect(await bucket.take('a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(await bucket.take('a')).toMatchObject({ allowed: true });
    expect(await bucket.take('a')).toMatchObject({ allowed: false });
  });

  it('refills to capacity, never beyond', async () => {
    const bucket = new InMemoryTokenBucket({ capacity: 2, refillPerSecond: 10, now: clock });
    await bucket.take('a');
    now += 3_600_000;
    const results = [await bucket.take('a'), await bucket.take('a'), await bucket.take('a')];
    expect(results.map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('keeps one bucket per key', async () => {
    const bucket = new InMemoryTokenBucket({ capacity: 1, refillPerSecond: 1, now: clock });
    expect((await bucket.take('a')).allowed).toBe(true);
    expect((await bucket.take('a')).allowed).toBe(false);
    expect((await bucket.take('b')).allowed).toBe(true);
  });

  it('does not let a flood of new keys grow memory past maxKeys, and keeps the busy clients limited', async () => {
    const bucket = new InMemoryTokenBucket({ capacity: 2, refillPerSecond: 0.001, maxKeys: 100, now: clock });
    await bucket.take('busy');
    await bucket.take('busy');
    for (let i = 0; i < 1000; i++) {
      await bucket.take(`flood-${i}`);
      if (i % 50 === 0) await bucket.take('busy'); // recently used: not the one evicted
    }
    expect(bucket.size).toBeLessThanOrEqual(100);
    expect((await bucket.take('busy')).allowed).toBe(false);
  });

  it('drops buckets that have refilled before evicting anyone still limited, even the least recently used', async () => {
    const bucket = new InMemoryTokenBucket({ capacity: 2, refillPerSecond: 1, maxKeys: 10, now: clock });
    await bucket.take('limited');
    await bucket.take('limited'); // empty, and the oldest key
    for (let i = 0; i < 9; i++) await bucket.take(`idle-${i}`);
    now += 1000; // the idle buckets are full again; "limited" holds one token
    await bucket.take('newcomer'); // 11 keys: eviction
    expect(bucket.size).toBeLessThanOrEqual(10);
    const again = [await bucket.take('limited'), await bucket.take('limited')];
    expect(again.map((d) => d.allowed)).toEqual([true, false]); // a fresh bucket would have allowed both
  });

  it('rejects limits that could never allow a request', () => {
    expect(() => new InMemoryTokenBucket({ capacity: 0 })).toThrow(RangeError);
    expect(() => new InMemoryTokenBucket({ refillPerSecond: 0 })).toThrow(RangeError);
  });
});

describe('rateLimitKey', () => {
  const ctx = (extra: Partial<BaseContext & { clientAddress: string }>) =>
    ({ principal: ANONYMOUS, locale: 'vi', requestId: 'r', ...extra }) as BaseContext & { clientAddress?: string };

  it('limits signed-in callers per account, whatever their address', () => {
    const citizen = { id: 'citizen:001090012345', role: 'CITIZEN' as const, personalId: '001090012345' };
    expect(rateLimitKey(ctx({ principal: citizen, clientAddress: '203.0.113.7' }))).toBe('principal:citizen:001090012345');
  });

  it('limits anonymous callers per address, IPv6 per /64, and shares one bucket when no address is known', () => {
    expect(rateLimitKey(ctx({ clientAddress: '203.0.113.7' }))).toBe('address:203.0.113.7');
    expect(rateLimitKey(ctx({ clientAddress: '::ffff:203.0.113.7' }))).toBe('address:203.0.113.7');
    expect(rateLimitKey(ctx({ clientAddress: '2001:db8:aa:bb:1:2:3:4' }))).toBe('address:2001:db8:aa:bb::/64');
    expect(rateLimitKey(ctx({ clientAddress: '2001:db8:aa:bb::9' }))).toBe('address:2001:db8:aa:bb::/64');
    expect(rateLimitKey(ctx({ clientAddress: 'not-an-address' }))).toBe('anonymous');
    expect(rateLimitKey(ctx({}))).toBe('anonymous');
  });

  it('reduces IPv6 forms of the same /64 to one network', () => {
    expect(networkOf('2001:0db8:0000:0001:ffff::1')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
