/**
 * The event bus: in-process for the embedded default, Redis pub/sub between processes. The Redis
 * cases run against the server of TEST_REDIS_URL (CI sets it), each run under its own channel prefix.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { InProcessEventBus, RedisEventBus, subscribeIterator, type EventBus } from '../../subgraphs/shared/events/bus';
import { configureLogging, memoryLogDestination } from '../../subgraphs/shared/logging';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

/** Lets the bus's handler microtasks (and a macrotask turn) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves when `predicate` holds, polling; rejects after `ms`. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('InProcessEventBus', () => {
  let bus: InProcessEventBus;
  beforeEach(() => {
    bus = new InProcessEventBus();
  });
  afterEach(() => bus.close());

  it('delivers to every subscriber of the topic only, a copy of the payload', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    await bus.subscribe('dossier.changed', (p) => void a.push(p));
    await bus.subscribe('dossier.changed', (p) => void b.push(p));
    await bus.subscribe('payment.paid', (p) => void other.push(p));
    const payload = { code: 'H01', status: 'RECEIVED' };
    await bus.publish('dossier.changed', payload);
    await settle();
    expect(a).toEqual([payload]);
    expect(b).toEqual([payload]);
    expect(other).toEqual([]);
    expect(a[0]).not.toBe(payload);
  });

  it('counts subscribers and stops delivering after unsubscribe', async () => {
    const got: number[] = [];
    const off1 = await bus.subscribe<number>('t', (n) => void got.push(n));
    const off2 = await bus.subscribe<number>('t', (n) => void got.push(n * 10));
    expect(bus.subscriberCount('t')).toBe(2);
    expect(bus.subscriberCount('nobody')).toBe(0);
    await off1();
    expect(bus.subscriberCount('t')).toBe(1);
    await bus.publish('t', 1);
    await settle();
    expect(got).toEqual([10]);
    await off2();
    expect(bus.subscriberCount('t')).toBe(0);
    await bus.publish('t', 2);
    await settle();
    expect(got).toEqual([10]);
  });

  it('keeps delivering to other handlers when one throws or rejects', async () => {
    const logs = memoryLogDestination();
    configureLogging({ level: 'error', destination: logs });
    try {
      const got: string[] = [];
      await bus.subscribe('t', () => { throw new Error('boom'); });
      await bus.subscribe('t', async () => { throw new Error('async boom'); });
      await bus.subscribe<string>('t', (p) => void got.push(p));
      await expect(bus.publish('t', 'x')).resolves.toBeUndefined();
      await settle();
      expect(got).toEqual(['x']);
      expect(logs.entries.filter((e) => e.component === 'events' && e.msg === 'handler failed')).toHaveLength(2);
    } finally {
      configureLogging({});
    }
  });
});

describe('subscribeIterator', () => {
  let bus: InProcessEventBus;
  beforeEach(() => {
    bus = new InProcessEventBus();
  });
  afterEach(() => bus.close());

  it('yields the events that pass the filter, in order', async () => {
    const it = subscribeIterator<{ n: number }>(bus, 't', (p) => p.n % 2 === 0);
    const pending = it.next(); // waiting before anything is published
    for (let n = 1; n <= 6; n++) await bus.publish('t', { n });
    await settle();
    expect(await pending).toEqual({ value: { n: 2 }, done: false });
    expect(await it.next()).toEqual({ value: { n: 4 }, done: false });
    expect(await it.next()).toEqual({ value: { n: 6 }, done: false });
    await it.return!();
  });

  it('return() unsubscribes, ends waiting and later reads', async () => {
    const it = subscribeIterator(bus, 't');
    await settle();
    expect(bus.subscriberCount('t')).toBe(1);
    const waiting = it.next();
    await expect(it.return!()).resolves.toEqual({ value: undefined, done: true });
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount('t')).toBe(0);
    await bus.publish('t', 1);
    await expect(it.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('buffers at most `limit` unread events', async () => {
    const it = subscribeIterator<number>(bus, 't', undefined, 2);
    for (let n = 1; n <= 5; n++) await bus.publish('t', n);
    await settle();
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(await it.next()).toEqual({ value: 2, done: false });
    const next = it.next(); // 3..5 were dropped: this waits for the next publication
    await bus.publish('t', 6);
    expect(await next).toEqual({ value: 6, done: false });
    await it.return!();
  });
});

(TEST_REDIS_URL ? describe : describe.skip)('RedisEventBus (two processes sharing Redis)', () => {
  const prefix = `lienthong-test:${randomBytes(6).toString('hex')}:`;
  let a: RedisEventBus;
  let b: RedisEventBus;
  let inspector: Redis;
  const numsub = async (topic: string) => Number(((await inspector.pubsub('NUMSUB', prefix + topic)) as [string, number])[1]);

  beforeAll(async () => {
    inspector = new Redis(TEST_REDIS_URL!);
  });
  beforeEach(async () => {
    a = await new RedisEventBus(TEST_REDIS_URL!, prefix).connect();
    b = await new RedisEventBus(TEST_REDIS_URL!, prefix).connect();
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });
  afterAll(async () => {
    await inspector.quit();
  });

  it('delivers an event published by one process to the subscribers of the other, in order', async () => {
    const got: unknown[] = [];
    await b.subscribe('dossier.changed', (p) => void got.push(p));
    expect(b.subscriberCount('dossier.changed')).toBe(1);
    expect(a.subscriberCount('dossier.changed')).toBe(0);
    await a.publish('dossier.changed', { code: 'H01', amountVnd: 50000, tags: ['a', 'b'] });
    await a.publish('dossier.changed', { code: 'H02' });
    await until(() => got.length === 2);
    expect(got).toEqual([{ code: 'H01', amountVnd: 50000, tags: ['a', 'b'] }, { code: 'H02' }]);
  });

  it('keeps hubs with another prefix apart', async () => {
    const other = await new RedisEventBus(TEST_REDIS_URL!, `${prefix}other:`).connect();
    try {
      const got: unknown[] = [];
      const marker: unknown[] = [];
      await other.subscribe('t', (p) => void got.push(p));
      await b.subscribe('t', (p) => void marker.push(p));
      await a.publish('t', 1);
      await until(() => marker.length === 1);
      await settle();
      expect(got).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('unsubscribes from Redis when the last handler of a topic goes', async () => {
    const got: number[] = [];
    const off1 = await b.subscribe<number>('t', (n) => void got.push(n));
    const off2 = await b.subscribe<number>('t', (n) => void got.push(-n));
    expect(await numsub('t')).toBe(1);
    await off1();
    expect(await numsub('t')).toBe(1);
    await a.publish('t', 1);
    await until(() => got.length === 1);
    await off2();
    expect(b.subscriberCount('t')).toBe(0);
    expect(await numsub('t')).toBe(0);
    // The marker topic is published after `t` on the same connection, so `t` would arrive first.
    const marker: unknown[] = [];
    await b.subscribe('marker', (p) => void marker.push(p));
    await a.publish('t', 2);
    await a.publish('marker', 'done');
    await until(() => marker.length === 1);
    await settle();
    expect(got).toEqual([-1]);
  });

  it('feeds subscribeIterator from another process', async () => {
    const it = subscribeIterator<{ n: number }>(b, 'events', (p) => p.n > 1);
    await until(() => b.subscriberCount('events') === 1);
    for (let n = 1; n <= 3; n++) await a.publish('events', { n });
    expect(await it.next()).toEqual({ value: { n: 2 }, done: false });
    expect(await it.next()).toEqual({ value: { n: 3 }, done: false });
    await it.return!();
    expect(b.subscriberCount('events')).toBe(0);
    expect(await numsub('events')).toBe(0);
  });

  it('drops a message that is not JSON (anyone with Redis access can publish) and keeps delivering', async () => {
    const got: unknown[] = [];
    await b.subscribe('dossier.changed', (p) => void got.push(p));
    await inspector.publish(`${prefix}dossier.changed`, 'not json');
    await a.publish('dossier.changed', undefined);
    await a.publish('dossier.changed', { after: true });
    await until(() => got.length === 2);
    expect(got).toEqual([null, { after: true }]);
  });

  it('confirms the Redis subscription to every concurrent first subscriber before returning', async () => {
    await Promise.all([b.subscribe('t.race', () => undefined), b.subscribe('t.race', () => undefined)]);
    expect(b.subscriberCount('t.race')).toBe(2);
    expect(await numsub('t.race')).toBe(1);
  });

  it('close() ends both connections', async () => {
    const bus: EventBus = await new RedisEventBus(TEST_REDIS_URL!, prefix).connect();
    await bus.subscribe('closing', () => undefined);
    expect(await numsub('closing')).toBe(1);
    await bus.close();
    await until(async () => (await numsub('closing')) === 0);
    expect(bus.subscriberCount('closing')).toBe(0);
    await expect(bus.publish('closing', 1)).rejects.toThrow();
  });
});
