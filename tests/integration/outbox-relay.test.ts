/**
 * The transactional outbox and its relay against a real database: events of committed transactions
 * are published once each, in id order; rolled-back ones never; two relays share the work without
 * publishing an event twice; a bus failure leaves events to be retried when their lease expires.
 */
import { InProcessEventBus, type EventBus } from '../../subgraphs/shared/events/bus';
import { configureLogging, memoryLogDestination } from '../../subgraphs/shared/logging';
import { appendOutboxEvent, OutboxRelay } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually } from '../support/gateway-client';

const TOPIC = 'test.outbox';

describe('outbox relay', () => {
  let db: Database;
  let bus: InProcessEventBus;
  const relays: OutboxRelay[] = [];
  const received: Array<{ n: number; outboxId: string }> = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    bus = new InProcessEventBus();
    await bus.subscribe<{ n: number; outboxId: string }>(TOPIC, (e) => void received.push(e));
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    received.length = 0;
  });

  afterAll(async () => {
    await bus.close();
    await db.close();
  });

  // 40 writers on a pool of 4: on a loaded machine a transaction may wait well over Prisma's 2 s default.
  const write = (n: number) =>
    db.prisma.$transaction((tx) => appendOutboxEvent(tx, { topic: TOPIC, key: `k${n}`, payload: { n } }), { maxWait: 30_000 });
  const relay = (b: EventBus = bus, leaseMs?: number) => {
    const r = new OutboxRelay(db.prisma, b, { pollIntervalMs: 20, batchSize: 7, leaseMs, singleConnection: db.embedded });
    relays.push(r);
    return r;
  };
  const pending = () => db.prisma.outboxEvent.count({ where: { publishedAt: null } });

  it('publishes committed events once each, in id order, with their outbox id, and none of a rolled-back transaction', async () => {
    for (let n = 1; n <= 20; n += 1) await write(n);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendOutboxEvent(tx, { topic: TOPIC, key: 'rolled-back', payload: { n: -1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    relay().start();
    await eventually(async () => received.length >= 20);
    expect(received.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const ids = received.map((e) => BigInt(e.outboxId));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(await pending()).toBe(0);
  });

  it('shares the table between two relays without publishing any event twice', async () => {
    const a = relay();
    const b = relay();
    a.start();
    b.start();
    await Promise.all(Array.from({ length: 40 }, (_, i) => write(100 + i)));
    a.kick();
    b.kick();
    await eventually(async () => (await pending()) === 0 && received.length >= 40);
    await a.flush();
    await b.flush();
    expect(received).toHaveLength(40);
    expect(new Set(received.map((e) => e.outboxId)).size).toBe(40);
  });

  it('retries events whose publication failed, once their lease has expired', async () => {
    let failures = 2;
    const flaky: EventBus = {
      publish: async (topic, payload) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('bus down');
        }
        await bus.publish(topic, payload);
      },
      subscribe: (topic, handler) => bus.subscribe(topic, handler),
      subscriberCount: (topic) => bus.subscriberCount(topic),
      close: async () => undefined,
    };
    const logs = memoryLogDestination();
    configureLogging({ level: 'error', destination: logs });
    try {
      await write(500);
      await write(501);
      relay(flaky, 50).start();
      await eventually(async () => received.length >= 2);
      expect(received.map((e) => e.n)).toEqual([500, 501]);
      expect(await pending()).toBe(0);
      expect(logs.entries.some((e) => e.component === 'outbox' && e.msg === 'could not publish event')).toBe(true);
    } finally {
      configureLogging({});
    }
  });
});
