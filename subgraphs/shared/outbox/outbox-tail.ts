/**
 * Subscriptions read the outbox, not the bus. The bus (in-process or Redis) only says "something new";
 * the tail then reads the outbox table in publication-sequence order. Because the relay gives
 * sequences in commit order (outbox-relay.ts), "every event after cursor C" read from the table never
 * skips a late commit, so a subscriber that resumes from its last cursor gets the events it missed,
 * then live ones, each exactly once and in order — whichever process or instance published them.
 *
 * One shared read per wake-up serves every live reader of the process; a reader that starts behind
 * (a resume, or a start while others read) first catches up from the table page by page, pulled by its
 * consumer, then joins the shared read. A reader that does not keep up is ended with SLOW_CONSUMER
 * rather than buffering without bound.
 */
import { logger } from '../logging';
import { ErrorCode, LienthongError } from '../errors';
import type { EventBus, Unsubscribe } from '../events/bus';
import type { PrismaClient } from '../storage/database';

export interface OutboxRecord<T = unknown> {
  /** Publication sequence (decimal string): the replay cursor, increasing in commit order. */
  cursor: string;
  topic: string;
  payload: T;
}

export interface OutboxTailOptions {
  /** Topics this tail serves; a subscription may ask for any of them. */
  topics: readonly string[];
  /** Poll while readers are live, for wake-ups lost (e.g. while Redis reconnects). @default 1000 */
  pollIntervalMs?: number;
  /** Rows per table read. @default 500 */
  batchSize?: number;
  /** Records queued for one reader before it is ended with SLOW_CONSUMER. @default 1000 */
  bufferLimit?: number;
}

export interface OutboxSubscription<T> {
  topics: readonly string[];
  /** Resume after this cursor: later events are replayed from the outbox first. @default live only, from now */
  after?: string | null;
  /** Records the subscriber may not see (or did not ask for) are skipped. @default every record */
  filter?: (record: OutboxRecord<T>) => boolean;
  /** @default the tail's bufferLimit */
  bufferLimit?: number;
}

interface Row {
  seq: bigint;
  topic: string;
  payload: unknown;
}

const CURSOR = /^\d{1,18}$/;

/** Parses a client's cursor; anything but a sequence number is a typed error. */
export function parseCursor(cursor: string): bigint {
  if (!CURSOR.test(cursor)) throw new LienthongError(ErrorCode.INVALID_CURSOR, { details: { cursor } });
  return BigInt(cursor);
}

class TailReader<T> implements AsyncIterableIterator<OutboxRecord<T>> {
  /** Last sequence delivered or skipped; undefined until the start position is known. */
  cursor: bigint | undefined;
  /** Settles once `cursor` holds the start position. */
  ready: Promise<void> = Promise.resolve();
  live = false;
  private readonly queue: OutboxRecord<T>[] = [];
  private waiter: ((r: IteratorResult<OutboxRecord<T>>) => void) | undefined;
  private failure: Error | undefined;
  private done = false;

  constructor(
    private readonly tail: OutboxTail,
    readonly topics: ReadonlySet<string>,
    private readonly filter: (record: OutboxRecord<T>) => boolean,
    readonly limit: number,
    after: bigint | undefined,
  ) {
    this.cursor = after;
  }

  /** Offers a record from the shared read or a catch-up page. */
  offer(row: Row): void {
    if (this.done || (this.cursor !== undefined && row.seq <= this.cursor)) return;
    this.cursor = row.seq;
    if (!this.topics.has(row.topic)) return;
    const record: OutboxRecord<T> = { cursor: row.seq.toString(), topic: row.topic, payload: row.payload as T };
    if (!this.filter(record)) return;
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve({ value: record, done: false });
    } else if (this.queue.length < this.limit) {
      this.queue.push(record);
    } else {
      this.fail(new LienthongError(ErrorCode.SLOW_CONSUMER, { details: { queued: this.queue.length } }));
    }
  }

  /** Ended (returned, failed or the tail stopped): it must never join the shared read again. */
  get finished(): boolean {
    return this.done;
  }

  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.queue.length = 0;
    void this.return();
  }

  async next(): Promise<IteratorResult<OutboxRecord<T>>> {
    for (;;) {
      if (this.queue.length > 0) return { value: this.queue.shift()!, done: false };
      if (this.failure) {
        const error = this.failure;
        this.failure = undefined;
        throw error;
      }
      if (this.done) return { value: undefined, done: true };
      if (this.live) return new Promise((resolve) => (this.waiter = resolve));
      await this.tail.catchUp(this as TailReader<unknown>);
    }
  }

  async return(): Promise<IteratorResult<OutboxRecord<T>>> {
    if (!this.done) {
      this.done = true;
      this.tail.leave(this as TailReader<unknown>);
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve?.({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<OutboxRecord<T>>> {
    await this.return();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export class OutboxTail {
  private readonly topics: readonly string[];
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly bufferLimit: number;
  private readonly readers = new Set<TailReader<unknown>>();
  private readonly live = new Set<TailReader<unknown>>();
  /** Last sequence the shared read has passed; defined while some reader is live. */
  private position: bigint | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribes: Unsubscribe[] = [];
  /** Set by stop(): a subscription arriving during shutdown ends at once instead of polling a closed database. */
  private stopped = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    options: OutboxTailOptions,
  ) {
    this.topics = [...options.topics];
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.bufferLimit = options.bufferLimit ?? 1000;
  }

  /** Listens for the bus's wake-ups. */
  async start(): Promise<void> {
    this.unsubscribes = await Promise.all(this.topics.map((topic) => this.bus.subscribe(topic, () => this.wake())));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.unsubscribes.splice(0).map((off) => off()));
    for (const reader of [...this.readers]) await reader.return();
    while (this.reading) await this.reading;
  }

  subscribe<T>(subscription: OutboxSubscription<T>): AsyncIterableIterator<OutboxRecord<T>> {
    const unknown = subscription.topics.filter((t) => !this.topics.includes(t));
    if (unknown.length > 0) throw new Error(`This outbox tail does not serve ${unknown.join(', ')}`);
    const after = subscription.after == null ? undefined : parseCursor(subscription.after);
    const reader = new TailReader<T>(
      this,
      new Set(subscription.topics),
      subscription.filter ?? (() => true),
      subscription.bufferLimit ?? this.bufferLimit,
      after,
    );
    this.readers.add(reader as TailReader<unknown>);
    if (this.stopped) {
      void reader.return();
      return reader;
    }
    // "From now" is fixed at subscribe time, not at the consumer's first read.
    if (after === undefined) {
      reader.ready = this.maxSequence().then(
        (top) => void (reader.cursor ??= top),
        (err) => reader.fail(err as Error),
      );
    }
    return reader;
  }

  /** Cursor of the last event given a sequence (null if none yet). */
  async currentCursor(): Promise<string | null> {
    const top = await this.maxSequence();
    return top > 0n ? top.toString() : null;
  }

  /** Subscriptions on `topic` whose start is fixed: any event committed from now on reaches them. */
  subscriberCount(topic: string): number {
    return [...this.readers].filter((r) => r.cursor !== undefined && r.topics.has(topic)).length;
  }

  /** One step of a reader's way to the shared read: learn where it starts, read a page, or join. */
  async catchUp(reader: TailReader<unknown>): Promise<void> {
    await reader.ready;
    if (reader.cursor === undefined) return; // it failed, or ended meanwhile
    if (this.position === undefined || reader.cursor >= this.position) {
      this.join(reader);
      return;
    }
    const upTo = this.position;
    const pageSize = Math.min(this.batchSize, reader.limit);
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT seq, topic, payload FROM outbox_event
      WHERE seq > ${reader.cursor} AND seq <= ${upTo} AND topic = ANY(${[...reader.topics]})
      ORDER BY seq LIMIT ${pageSize}`;
    for (const row of rows) reader.offer({ ...row, seq: BigInt(row.seq) });
    // A short page means nothing else up to `upTo` is for this reader: skip the rest of the range.
    if (rows.length < pageSize && reader.cursor < upTo) reader.cursor = upTo;
  }

  leave(reader: TailReader<unknown>): void {
    this.readers.delete(reader);
    this.live.delete(reader);
    if (this.live.size === 0) {
      // Nobody reads live: forget the position (a later reader starts from the table) and stop polling.
      this.position = undefined;
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private join(reader: TailReader<unknown>): void {
    // The consumer may have left (or the tail stopped) while this reader was catching up.
    if (reader.finished) return;
    if (this.stopped) {
      void reader.return();
      return;
    }
    if (this.position === undefined) this.position = reader.cursor;
    reader.live = true;
    this.live.add(reader);
    if (!this.timer) {
      this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
      this.timer.unref();
    }
    // The reader may be ahead of the shared read (it looked up the newest sequence itself): read now.
    this.wake();
  }

  private wake(): void {
    if (this.live.size === 0) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readShared().finally(() => {
      this.reading = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async readShared(): Promise<void> {
    try {
      for (;;) {
        if (this.position === undefined) return;
        const from = this.position;
        const rows = await this.prisma.$queryRaw<Row[]>`
          SELECT seq, topic, payload FROM outbox_event
          WHERE seq > ${from} AND topic = ANY(${this.topics as string[]})
          ORDER BY seq LIMIT ${this.batchSize}`;
        // The last live reader may have left while the query ran.
        if (this.position !== from) return;
        for (const row of rows) {
          const seq = BigInt(row.seq);
          this.position = seq;
          for (const reader of this.live) reader.offer({ ...row, seq });
        }
        if (rows.length < this.batchSize) return;
      }
    } catch (err) {
      // The database is unreachable or closing; the next wake-up or poll reads again.
      if (this.live.size > 0) logger('outbox-tail').error({ err }, 'read failed');
    }
  }

  private async maxSequence(): Promise<bigint> {
    const [row] = await this.prisma.$queryRaw<Array<{ top: bigint | null }>>`SELECT MAX(seq) AS top FROM outbox_event`;
    return row?.top == null ? 0n : BigInt(row.top);
  }
}
