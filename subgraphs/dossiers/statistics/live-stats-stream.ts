/**
 * The stream behind `dossierStatsLive`: a snapshot at once, then a fresh one after outbox records
 * arrive, coalesced so that a burst of events costs one query per interval, however many events and
 * however slow the client. The outbox is drained in the background (only the last cursor is kept),
 * so a slow dashboard never fills the tail's buffer; it simply gets fewer, fresher snapshots.
 */
import type { OutboxRecord, OutboxTail } from '../../shared/outbox/outbox-tail';

/** What the stream needs of the outbox tail. */
export type LiveStatsTail = Pick<OutboxTail, 'subscribe' | 'currentCursor'>;

/** Snapshots are at most this often, per subscription. */
export const LIVE_STATS_INTERVAL_MS = 250;

export interface LiveStatsStreamOptions<S> {
  tail: LiveStatsTail;
  /** Outbox topics whose records change the figures. */
  topics: readonly string[];
  /** Records that cannot change what this subscriber sees are skipped. @default every record */
  filter?: (record: OutboxRecord<unknown>) => boolean;
  /** Reads the figures; `cursor` is the last outbox record they reflect (at least). */
  snapshot: (cursor: string | null) => Promise<S>;
  /** Least time between two snapshot queries. @default LIVE_STATS_INTERVAL_MS (250 ms) */
  intervalMs?: number;
}

export class LiveStatsStream<S> implements AsyncIterableIterator<S> {
  private started = false;
  private closed = false;
  private records: AsyncIterableIterator<OutboxRecord<unknown>> | undefined;
  private pumping: Promise<void> | undefined;
  /** Cursor of the newest record not yet reflected by a snapshot (undefined: nothing new). */
  private pendingCursor: string | undefined;
  private failure: unknown;
  /** The tail ended the records (it is stopping): the stream ends too, after a last snapshot if owed. */
  private sourceEnded = false;
  private lastQueryAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private readonly intervalMs: number;

  constructor(private readonly options: LiveStatsStreamOptions<S>) {
    this.intervalMs = options.intervalMs ?? LIVE_STATS_INTERVAL_MS;
  }

  async next(): Promise<IteratorResult<S>> {
    if (this.closed) return { value: undefined, done: true };
    if (!this.started) return this.first();
    while (this.pendingCursor === undefined && this.failure === undefined && !this.sourceEnded && !this.closed) await this.sleep();
    const wait = this.lastQueryAt + this.intervalMs - Date.now();
    // Records arriving during the wait are folded into the same snapshot.
    if (wait > 0 && !this.closed) await this.sleep(wait);
    if (this.failure !== undefined) {
      const failure = this.failure;
      await this.return();
      throw failure;
    }
    if (this.closed || this.pendingCursor === undefined) return this.return();
    const cursor = this.pendingCursor;
    this.pendingCursor = undefined;
    return this.read(cursor);
  }

  async return(): Promise<IteratorResult<S>> {
    if (!this.closed) {
      this.closed = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.wake?.();
      await this.records?.return?.();
      await this.pumping;
    }
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<S>> {
    await this.return();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async first(): Promise<IteratorResult<S>> {
    this.started = true;
    // The cursor is read before the figures, so they reflect at least every record up to it; resuming
    // the tail right after it (rather than "from now") loses no record committed in between.
    const cursor = await this.options.tail.currentCursor();
    if (this.closed) return { value: undefined, done: true };
    this.records = this.options.tail.subscribe<unknown>({ topics: this.options.topics, after: cursor ?? '0', filter: this.options.filter });
    this.pumping = this.pump(this.records);
    return this.read(cursor);
  }

  private async read(cursor: string | null): Promise<IteratorResult<S>> {
    this.lastQueryAt = Date.now();
    const value = await this.options.snapshot(cursor);
    if (this.closed) return { value: undefined, done: true };
    return { value, done: false };
  }

  private async pump(records: AsyncIterableIterator<OutboxRecord<unknown>>): Promise<void> {
    try {
      for await (const record of records) {
        this.pendingCursor = record.cursor;
        this.wake?.();
      }
      this.sourceEnded = true;
      this.wake?.();
    } catch (err) {
      this.failure = err;
      this.wake?.();
    }
  }

  /** Until woken (a record, a failure, the end), or `ms` elapsed when given. */
  private sleep(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        this.wake = undefined;
        resolve();
      };
      if (ms === undefined) {
        this.wake = done;
      } else {
        this.timer = setTimeout(done, ms);
        // Closing ends the wait at once; records only shorten the "nothing new" wait, not the interval.
        this.wake = () => {
          if (this.closed || this.failure !== undefined) done();
        };
      }
    });
  }
}
