/**
 * Subscriptions read the outbox through OutboxTail: live events once each in order, a resume from a
 * cursor replays exactly what was missed, a transaction that commits late is not skipped by a resume,
 * a bad cursor is a typed error, a reader that does not keep up is ended, and a second process sees
 * the first one's events through a shared bus.
 */
import { InProcessEventBus, RedisEventBus, type EventBus } from '../../subgraphs/shared/events/bus';
import { appendOutboxEvent, OutboxRelay, OutboxTail, type OutboxRecord } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../support/database';

const TOPIC = 'test.tail';
const OTHER = 'test.other';
const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

type Payload = { n: number; agency?: string };

/** Takes `count` records from a reader, failing after `timeoutMs`. */
async function take<T>(reader: AsyncIterator<OutboxRecord<T>>, count: number, timeoutMs = 15_000): Promise<OutboxRecord<T>[]> {
  const out: OutboxRecord<T>[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${out.length} of ${count} records arrived`)), Math.max(1, deadline - Date.now()));
    });
    try {
      const next = await Promise.race([reader.next(), timeout]);
      if (next.done) throw new Error(`the reader ended after ${out.length} records`);
      out.push(next.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}

describe('outbox tail', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let relay: OutboxRelay;
  let tail: OutboxTail;

  beforeAll(async () => {
    db = await openTestDatabase();
    bus = new InProcessEventBus();
    relay = new OutboxRelay(db.prisma, bus, { pollIntervalMs: 50 });
    tail = new OutboxTail(db.prisma, bus, { topics: [TOPIC, OTHER], pollIntervalMs: 200 });
    await tail.start();
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await tail.stop();
    await bus.close();
    await db.close();
  });

  const write = async (n: number, topic = TOPIC, agency = 'A') => {
    await db.prisma.$transaction((tx) => appendOutboxEvent(tx, { topic, key: `k${n}`, payload: { n, agency } }), { maxWait: 30_000 });
    relay.kick();
  };
  const numbers = (records: OutboxRecord<Payload>[]) => records.map((r) => r.payload.n);

  it('delivers live events once each, in order, with increasing cursors', async () => {
    const reader = tail.subscribe<Payload>({ topics: [TOPIC] });
    // The first next() learns where "now" is; events written after it are the live ones.
    const first = take(reader, 5);
    await waitFor(() => tail.subscriberCount(TOPIC) === 1);
    await new Promise((r) => setTimeout(r, 100));
    for (let n = 1; n <= 5; n += 1) await write(n);
    await write(99, OTHER);
    const records = await first;
    expect(numbers(records)).toEqual([1, 2, 3, 4, 5]);
    const cursors = records.map((r) => BigInt(r.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    await reader.return!();
    expect(tail.subscriberCount(TOPIC)).toBe(0);
  });

  it('resumes after a cursor: the missed events, then live ones, no gap and no duplicate', async () => {
    const reader = tail.subscribe<Payload>({ topics: [TOPIC] });
    const firstTwo = take(reader, 2);
    await new Promise((r) => setTimeout(r, 100));
    await write(10);
    await write(11);
    const seen = await firstTwo;
    await reader.return!();
    // Disconnected while these happen:
    for (let n = 12; n <= 16; n += 1) await write(n);
    await relay.flush();
    const resumed = tail.subscribe<Payload>({ topics: [TOPIC], after: seen[1].cursor });
    const missed = await take(resumed, 5);
    expect(numbers(missed)).toEqual([12, 13, 14, 15, 16]);
    await write(17);
    expect(numbers(await take(resumed, 1))).toEqual([17]);
    await resumed.return!();
  });

  it('replays with the subscriber filter, the same records a live reader saw', async () => {
    const live = tail.subscribe<Payload>({ topics: [TOPIC], filter: (r) => r.payload.agency === 'B' });
    const liveTwo = take(live, 2);
    await new Promise((r) => setTimeout(r, 100));
    const start = await tail.currentCursor();
    await write(20, TOPIC, 'A');
    await write(21, TOPIC, 'B');
    await write(22, TOPIC, 'A');
    await write(23, TOPIC, 'B');
    const fromLive = await liveTwo;
    await live.return!();
    const replay = tail.subscribe<Payload>({ topics: [TOPIC], after: start, filter: (r) => r.payload.agency === 'B' });
    const fromReplay = await take(replay, 2);
    await replay.return!();
    expect(numbers(fromLive)).toEqual([21, 23]);
    expect(fromReplay).toEqual(fromLive);
  });

  it('refuses a cursor that is not one with INVALID_CURSOR', () => {
    for (const bad of ['abc', '-1', '1.5', '9'.repeat(30), '']) {
      expect(() => tail.subscribe({ topics: [TOPIC], after: bad })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }));
    }
  });

  it('ends a reader that does not keep up with SLOW_CONSUMER and keeps serving the others', async () => {
    const slow = tail.subscribe<Payload>({ topics: [TOPIC], bufferLimit: 3 });
    const fast = tail.subscribe<Payload>({ topics: [TOPIC] });
    // Both learn "now" (their first next()), then only the fast one keeps reading.
    const slowFirst = take(slow, 1);
    const fastAll = take(fast, 8);
    await new Promise((r) => setTimeout(r, 100));
    for (let n = 30; n < 38; n += 1) await write(n);
    expect(numbers(await fastAll)).toEqual([30, 31, 32, 33, 34, 35, 36, 37]);
    expect(numbers(await slowFirst)).toEqual([30]);
    await expect(slow.next()).rejects.toMatchObject({ extensions: { code: 'SLOW_CONSUMER' } });
    expect((await slow.next()).done).toBe(true);
    await fast.return!();
  });

  it('a subscriber that leaves while its start is being looked up never joins the shared read (no poll left behind)', async () => {
    const quick = new OutboxTail(db.prisma, bus, { topics: [TOPIC], pollIntervalMs: 20 });
    await quick.start();
    try {
      const reader = quick.subscribe<Payload>({ topics: [TOPIC] });
      const pending = reader.next();
      await reader.return!();
      expect((await pending).done).toBe(true);
      const reads = jest.spyOn(db.prisma, '$queryRaw');
      await new Promise((r) => setTimeout(r, 300));
      // The test's relay keeps polling its own queries; the tail's shared read is `seq > position`.
      const tailReads = reads.mock.calls.filter(([sql]) => String((sql as unknown as string[]).join?.('') ?? sql).includes('WHERE seq >'));
      reads.mockRestore();
      expect(tailReads).toHaveLength(0);
    } finally {
      await quick.stop();
    }
  });

  it('ends a subscription that arrives while the tail is stopping, instead of polling a closed database', async () => {
    const stopping = new OutboxTail(db.prisma, bus, { topics: [TOPIC], pollIntervalMs: 20 });
    await stopping.start();
    await stopping.stop();
    const late = stopping.subscribe<Payload>({ topics: [TOPIC] });
    expect((await late.next()).done).toBe(true);
    expect(stopping.subscriberCount(TOPIC)).toBe(0);
  });

  (TEST_DATABASE_URL ? it : it.skip)('a transaction that commits after a later one is not skipped by a resume (PostgreSQL)', async () => {
    const reader = tail.subscribe<Payload>({ topics: [TOPIC] });
    const firstOne = take(reader, 1);
    await new Promise((r) => setTimeout(r, 100));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // T1 takes the lower id, then waits; T2 takes a higher id and commits first.
    let t1Wrote!: () => void;
    const t1Written = new Promise<void>((r) => (t1Wrote = r));
    const t1 = db.prisma.$transaction(
      async (tx) => {
        await appendOutboxEvent(tx, { topic: TOPIC, key: 'late', payload: { n: 40 } });
        t1Wrote();
        await gate;
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    await t1Written;
    await write(41);
    const [early] = await firstOne;
    expect(early.payload.n).toBe(41);
    await reader.return!();
    // The client is gone when T1 commits; it resumes from the last cursor it saw.
    release();
    await t1;
    relay.kick();
    await relay.flush();
    const resumed = tail.subscribe<Payload>({ topics: [TOPIC], after: early.cursor });
    expect(numbers(await take(resumed, 1))).toEqual([40]);
    await resumed.return!();
  });

  (TEST_REDIS_URL ? it : it.skip)('a second process sees the first one’s events through Redis', async () => {
    const busA: EventBus = await new RedisEventBus(TEST_REDIS_URL!, `tail-test-${process.pid}:`).connect();
    const busB: EventBus = await new RedisEventBus(TEST_REDIS_URL!, `tail-test-${process.pid}:`).connect();
    // No polling in B: only the Redis wake-up can bring the event in time.
    const relayA = new OutboxRelay(db.prisma, busA, { pollIntervalMs: 60_000 });
    const tailB = new OutboxTail(db.prisma, busB, { topics: [TOPIC], pollIntervalMs: 60_000 });
    await tailB.start();
    try {
      const reader = tailB.subscribe<Payload>({ topics: [TOPIC] });
      const one = take(reader, 1, 5_000);
      await new Promise((r) => setTimeout(r, 200));
      await relay.stop();
      await db.prisma.$transaction((tx) => appendOutboxEvent(tx, { topic: TOPIC, key: 'k50', payload: { n: 50 } }));
      relayA.start();
      expect(numbers(await one)).toEqual([50]);
      await reader.return!();
    } finally {
      await relayA.stop();
      await tailB.stop();
      await busA.close();
      await busB.close();
      relay.start();
    }
  });
});

async function waitFor(probe: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
}
