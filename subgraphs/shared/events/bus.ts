/**
 * Events that cross subgraphs (a payment was made, a dossier changed status). One interface,
 * two bindings: an in-process bus for the embedded default, Redis pub/sub when several
 * processes share events. Handlers must be idempotent: delivery is at-least-once per subscriber.
 */
import { logger } from '../logging';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

export interface HubEvent<T = unknown> {
  topic: string;
  payload: T;
}

export type Unsubscribe = () => Promise<void>;

export interface EventBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  subscribe<T>(topic: string, handler: (payload: T) => void | Promise<void>): Promise<Unsubscribe>;
  /** Handlers this process has on a topic (health metrics; tests wait for a subscription to be live). */
  subscriberCount(topic: string): number;
  close(): Promise<void>;
}

type Handler = (payload: unknown) => void | Promise<void>;

function runHandler(handler: Handler, payload: unknown, topic: string): void {
  // A failing subscriber must not break the publisher nor the other subscribers.
  Promise.resolve()
    .then(() => handler(payload))
    .catch((err) => logger('events').error({ topic, err }, 'handler failed'));
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish<T>(topic: string, payload: T): Promise<void> {
    this.emitter.emit(topic, structuredClone(payload));
  }

  async subscribe<T>(topic: string, handler: (payload: T) => void | Promise<void>): Promise<Unsubscribe> {
    const listener = (payload: unknown) => runHandler(handler as Handler, payload, topic);
    this.emitter.on(topic, listener);
    return async () => void this.emitter.off(topic, listener);
  }

  subscriberCount(topic: string): number {
    return this.emitter.listenerCount(topic);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisEventBus implements EventBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<Handler>>();
  /** Topics whose Redis SUBSCRIBE is in flight: a second subscriber waits for the same confirmation. */
  private readonly subscribing = new Map<string, Promise<unknown>>();

  /** @param prefix channel prefix, so several hubs can share one Redis. @default "lienthong:" */
  constructor(url: string, private readonly prefix = 'lienthong:') {
    this.pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.sub = new Redis(url, { lazyConnect: true });
    this.sub.on('message', (channel: string, message: string) => {
      const topic = channel.slice(this.prefix.length);
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        // Anyone with access to Redis can publish on our channels: a bad message is dropped, never fatal.
        logger('events').error({ topic }, 'dropped a message that is not JSON');
        return;
      }
      for (const handler of this.handlers.get(topic) ?? []) runHandler(handler, payload, topic);
    });
  }

  async connect(): Promise<this> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    return this;
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    // JSON has no `undefined`; send null so both bindings deliver the same thing.
    await this.pub.publish(this.prefix + topic, JSON.stringify(payload ?? null));
  }

  async subscribe<T>(topic: string, handler: (payload: T) => void | Promise<void>): Promise<Unsubscribe> {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
      const confirmed = this.sub.subscribe(this.prefix + topic).finally(() => this.subscribing.delete(topic));
      this.subscribing.set(topic, confirmed);
    }
    set.add(handler as Handler);
    await this.subscribing.get(topic);
    return async () => {
      set!.delete(handler as Handler);
      if (set!.size === 0 && this.handlers.get(topic) === set) {
        this.handlers.delete(topic);
        await this.sub.unsubscribe(this.prefix + topic);
      }
    };
  }

  subscriberCount(topic: string): number {
    return this.handlers.get(topic)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.pub.quit(), this.sub.quit()]).catch(() => undefined);
  }
}

/** The bus for a process: Redis when a URL is configured, else in-process. */
export async function createEventBus(redisUrl?: string, prefix?: string): Promise<EventBus> {
  return redisUrl ? new RedisEventBus(redisUrl, prefix).connect() : new InProcessEventBus();
}

/**
 * Turns bus deliveries on one topic into an async iterator (for GraphQL subscriptions),
 * buffering at most `limit` events; `filter` drops events the subscriber must not see.
 */
export function subscribeIterator<T>(
  bus: EventBus,
  topic: string,
  filter: (payload: T) => boolean = () => true,
  limit = 1000,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: Array<(r: IteratorResult<T>) => void> = [];
  let done = false;
  const unsubscribed = bus.subscribe<T>(topic, (payload) => {
    if (done || !filter(payload)) return;
    const next = waiting.shift();
    if (next) next({ value: payload, done: false });
    else if (queue.length < limit) queue.push(payload);
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      for (const w of waiting.splice(0)) w({ value: undefined, done: true });
      await (await unsubscribed)();
    }
    return { value: undefined, done: true };
  };
  return {
    next: () =>
      queue.length > 0
        ? Promise.resolve({ value: queue.shift()!, done: false })
        : done
          ? Promise.resolve({ value: undefined, done: true })
          : new Promise((resolve) => waiting.push(resolve)),
    return: finish,
    throw: async (err) => {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
