/**
 * Identical subscriptions share one upstream stream: one subscription on the owning subgraph and
 * one run of the entity fetches and shaping per event, whatever the number of subscribers.
 * "Identical" is decided by the caller's key (document, operation, variables and the caller's
 * visibility scope; see streamKey). The upstream starts with the first subscriber and stops when the
 * last one leaves; a subscriber joining a running stream gets events from then on — or, for a
 * stream of snapshots (each result the whole state, e.g. live statistics), the latest snapshot at once
 * and then the next ones. When the upstream ends or fails, every subscriber gets the final (error)
 * result and completes.
 */
import { print, type DocumentNode } from 'graphql';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { DEFAULT_QUEUE_LIMITS, SubscriberQueue, type QueueLimits, type QueueOwner, type SubscriberSocket } from './subscriber-queue';

/** Where an upstream delivers: results in order, then one end (with a final result when it failed). */
export interface UpstreamSink<R> {
  next(result: R): void;
  end(final?: R): void;
}

/** Starts an upstream delivering into `sink`; returns the function that stops it (synchronously). */
export type StartUpstream<R> = (sink: UpstreamSink<R>) => () => void;

export interface SharedStreamsOptions<R> {
  /** Limits of each subscriber's queue. @default DEFAULT_QUEUE_LIMITS (256 events, 1 MiB buffered) */
  limits?: Partial<QueueLimits>;
  /** A result as one locale shows it (errors localised). @default the result unchanged */
  present?: (result: R, locale: string) => R;
}

export interface SharedStreamStats {
  /** Subscribers currently attached to a stream. */
  subscribers: number;
  /** Upstream subscriptions currently open (one per distinct key). */
  upstreamStreams: number;
  /** Subscribers disconnected as too slow since start (HubCloseCode.SlowConsumer). */
  slowConsumerDisconnects: number;
}

class SharedStream<R> implements QueueOwner<R>, UpstreamSink<R> {
  readonly subscribers = new Set<SubscriberQueue<R>>();
  /** The last result, kept for joiners of a snapshot stream. */
  latest: R | undefined;
  private stop: (() => void) | undefined;
  private ended = false;

  constructor(
    private readonly registry: SharedStreams<R>,
    readonly key: string,
    private readonly snapshots: boolean,
  ) {}

  get limits(): QueueLimits {
    return this.registry.limits;
  }

  present(result: R, locale: string): R {
    return this.registry.present(result, locale);
  }

  droppedSlowConsumer(): void {
    this.registry.slowConsumerDisconnects++;
  }

  open(start: StartUpstream<R>): void {
    this.stop = start(this);
    // An upstream that failed while starting has already ended: don't keep its stop function.
    if (this.ended) this.stopUpstream();
  }

  next(result: R): void {
    if (this.ended) return;
    if (this.snapshots) this.latest = result;
    // Copy: a slow subscriber dropped while iterating removes itself from the set.
    for (const queue of [...this.subscribers]) queue.push(result);
  }

  end(final?: R): void {
    if (this.ended) return;
    this.ended = true;
    // New subscribers with this key start a fresh upstream from now on.
    this.registry.forget(this);
    this.stopUpstream();
    for (const queue of [...this.subscribers]) queue.end(final);
    this.subscribers.clear();
  }

  leave(queue: SubscriberQueue<R>): void {
    if (!this.subscribers.delete(queue) || this.subscribers.size > 0 || this.ended) return;
    this.ended = true;
    this.registry.forget(this);
    this.stopUpstream();
  }

  private stopUpstream(): void {
    const stop = this.stop;
    this.stop = undefined;
    stop?.();
  }
}

export interface JoinOptions {
  /**
   * Each result is the whole state (a snapshot), not an event: a joiner of a running stream gets the
   * latest one at once instead of waiting for the next change. @default false
   */
  snapshots?: boolean;
}

export class SharedStreams<R> {
  readonly limits: QueueLimits;
  readonly present: (result: R, locale: string) => R;
  /** @internal counted by the streams */
  slowConsumerDisconnects = 0;
  private readonly streams = new Map<string, SharedStream<R>>();

  constructor(options: SharedStreamsOptions<R> = {}) {
    this.limits = {
      maxQueuedEvents: options.limits?.maxQueuedEvents ?? DEFAULT_QUEUE_LIMITS.maxQueuedEvents,
      maxBufferedBytes: options.limits?.maxBufferedBytes ?? DEFAULT_QUEUE_LIMITS.maxBufferedBytes,
    };
    this.present = options.present ?? ((result) => result);
  }

  /** Whether a stream with this key is running (a new subscriber would join it). */
  has(key: string): boolean {
    return this.streams.has(key);
  }

  /**
   * Attaches a subscriber to the stream of `key`, starting it with `start` if none runs. The
   * returned queue is the subscriber's async iterator (graphql-ws drains it; `return()` leaves).
   */
  join(key: string, start: StartUpstream<R>, socket: SubscriberSocket, locale: string, options: JoinOptions = {}): SubscriberQueue<R> {
    let stream = this.streams.get(key);
    const starting = !stream;
    if (!stream) {
      stream = new SharedStream(this, key, options.snapshots ?? false);
      this.streams.set(key, stream);
    }
    const queue = new SubscriberQueue<R>(stream, socket, locale);
    stream.subscribers.add(queue);
    if (stream.latest !== undefined) queue.push(stream.latest);
    // Attached first, so a result or failure the upstream delivers while starting reaches it.
    if (starting) stream.open(start);
    return queue;
  }

  stats(): SharedStreamStats {
    let subscribers = 0;
    for (const stream of this.streams.values()) subscribers += stream.subscribers.size;
    return { subscribers, upstreamStreams: this.streams.size, slowConsumerDisconnects: this.slowConsumerDisconnects };
  }

  /** Stops every upstream and completes every subscriber (gateway shutdown). */
  closeAll(): void {
    for (const stream of [...this.streams.values()]) stream.end();
  }

  /** @internal */
  forget(stream: SharedStream<R>): void {
    if (this.streams.get(stream.key) === stream) this.streams.delete(stream.key);
  }
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What decides which events a caller may see: two officials of one agency with the same workflow
 * roles see the same events, and share a stream. With `perAccount`, the account id is part of it too:
 * for streams that read data whose every read is logged per account (citizens' national data), so
 * that one account never reads in another's name. The locale is left out on purpose: errors are
 * localised per subscriber when delivered.
 */
export function visibilityScope(principal: Principal, perAccount = false): string {
  return canonicalJson([
    perAccount ? principal.id : null,
    principal.role,
    principal.agencyCode ?? null,
    principal.personalId ?? null,
    [...(principal.workflowRoles ?? [])].sort(),
  ]);
}

/** The identity of a subscription for sharing: same document, operation, variables and scope. */
export function streamKey(document: DocumentNode, operationName: string | null | undefined, variables: unknown, scope: string): string {
  return `${print(document)}\u0000${operationName ?? ''}\u0000${canonicalJson(variables ?? {})}\u0000${scope}`;
}
