/**
 * The gateway signs a caller's internal token once per context; a long-lived context (a subscription
 * stream) gets a fresh one once half of the token's life has passed, so its events' fetches never
 * carry an expired token.
 */
import { internalTokenFor } from '../../gateway/transport/subgraph-caller';
import { INTERNAL_TOKEN_TTL_SECONDS, readInternalToken } from '../../subgraphs/shared/auth/tokens';
import type { GatewayContext } from '../../gateway/context';

const SECRET = 'test-internal-secret-of-at-least-32-characters';
const context = (): GatewayContext => ({ principal: { id: 'official-1', role: 'OFFICIAL', agencyCode: 'G22.26' }, locale: 'vi', requestId: 'r-1' });

describe('internalTokenFor', () => {
  afterEach(() => jest.useRealTimers());

  it('signs once per request context, and separately for another context', async () => {
    const a = context();
    const first = await internalTokenFor(a, SECRET);
    expect(await internalTokenFor(a, SECRET)).toBe(first);
    const other = await internalTokenFor(context(), SECRET);
    expect((await readInternalToken(other, SECRET)).principal).toMatchObject({ id: 'official-1', role: 'OFFICIAL', agencyCode: 'G22.26' });
  });

  it('re-signs for a long-lived context once half the token life has passed, and the new token is valid', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const stream = context();
    const first = await internalTokenFor(stream, SECRET);
    jest.setSystemTime(new Date(Date.now() + (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2 - 1000));
    expect(await internalTokenFor(stream, SECRET)).toBe(first);
    jest.setSystemTime(new Date(Date.now() + 2000));
    const second = await internalTokenFor(stream, SECRET);
    expect(second).not.toBe(first);
    jest.setSystemTime(new Date(Date.now() + (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2));
    // The first token has expired by now; the second is still good.
    await expect(readInternalToken(first, SECRET)).rejects.toThrow();
    await expect(readInternalToken(second, SECRET)).resolves.toMatchObject({ principal: { id: 'official-1' } });
  });
});
