/**
 * One subscriber's bounded queue between a shared stream and graphql-ws's send loop. The stream
 * pushes each result without waiting; graphql-ws pulls the next one only after the previous
 * message was written to the socket, so a client that reads slowly lets its queue grow. Past the
 * limits the client is disconnected (HubCloseCode.SlowConsumer) instead of holding memory; the
 * stream and the other subscribers go on.
 *
 * Kept small on purpose (the benchmark holds 10,000 of them): a few fields, no closures.
 */
import { HUB_CLOSE_REASONS, HubCloseCode } from './close-codes';

/** What the queue needs of the client's WebSocket (`ws` satisfies it). */
export interface SubscriberSocket {
  /** Bytes queued on the socket and not yet written to the network. */
  readonly bufferedAmount: number;
  close(code?: number, reason?: string): void;
}

export interface QueueLimits {
  /** Results waiting for one subscriber before it is disconnected as too slow. @default 256 */
  maxQueuedEvents: number;
  /** Bytes buffered on one client's socket before it is disconnected as too slow. @default 1048576 (1 MiB) */
  maxBufferedBytes: number;
}

export const DEFAULT_QUEUE_LIMITS: Readonly<QueueLimits> = Object.freeze({ maxQueuedEvents: 256, maxBufferedBytes: 1024 * 1024 });

/** The stream a queue belongs to. */
export interface QueueOwner<R> {
  readonly limits: QueueLimits;
  /** The result as this subscriber's locale shows it (shared per locale, not copied per subscriber). */
  present(result: R, locale: string): R;
  /** The subscriber left (completed, disconnected or dropped as too slow). */
  leave(queue: SubscriberQueue<R>): void;
  /** Counts a slow-consumer disconnect. */
  droppedSlowConsumer(): void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

export class SubscriberQueue<R> implements AsyncIterableIterator<R> {
  private items: R[] = [];
  private waiter: ((r: IteratorResult<R>) => void) | undefined;
  /** `open`: receiving; `ending`: upstream ended, drain what is queued; `closed`: nothing more. */
  private state: 'open' | 'ending' | 'closed' = 'open';

  constructor(
    private readonly owner: QueueOwner<R>,
    private readonly socket: SubscriberSocket,
    readonly locale: string,
  ) {}

  get queued(): number {
    return this.items.length;
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  /** Delivers one result; false when the subscriber was dropped (too slow) or is gone. */
  push(result: R): boolean {
    if (this.state !== 'open') return false;
    const { maxQueuedEvents, maxBufferedBytes } = this.owner.limits;
    if (this.items.length >= maxQueuedEvents || this.socket.bufferedAmount > maxBufferedBytes) {
      this.dropAsSlow();
      return false;
    }
    this.deliver(result);
    return true;
  }

  /** The upstream ended: `final` (e.g. the error result) is delivered after what is queued, then done. */
  end(final?: R): void {
    if (this.state !== 'open') return;
    if (final !== undefined) this.deliver(final);
    this.state = 'ending';
    if (this.items.length === 0) this.finish();
  }

  next(): Promise<IteratorResult<R>> {
    if (this.items.length > 0) {
      const value = this.owner.present(this.items.shift()!, this.locale);
      if (this.items.length === 0 && this.state === 'ending') this.finish();
      return Promise.resolve({ done: false, value });
    }
    if (this.state !== 'open') {
      this.finish();
      return Promise.resolve(DONE);
    }
    // graphql-ws pulls one at a time: at most one waiter.
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** graphql-ws calls this on `complete` and on disconnect; it must not wait for the next event. */
  return(): Promise<IteratorResult<R>> {
    this.finish();
    return Promise.resolve(DONE);
  }

  throw(): Promise<IteratorResult<R>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private deliver(result: R): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter({ done: false, value: this.owner.present(result, this.locale) });
    } else {
      this.items.push(result);
    }
  }

  private dropAsSlow(): void {
    this.owner.droppedSlowConsumer();
    this.finish();
    // The whole connection goes: the client reconnects and resumes every subscription from its cursor.
    this.socket.close(HubCloseCode.SlowConsumer, HUB_CLOSE_REASONS[HubCloseCode.SlowConsumer]);
  }

  private finish(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.items = [];
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(DONE);
    this.owner.leave(this);
  }
}
