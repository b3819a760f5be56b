/**
 * The transactional outbox: an event is written in the same transaction as the change it announces,
 * so a committed change always has its event and a rolled-back one never does. The relay
 * (outbox-relay.ts) publishes it to the bus afterwards, at least once, in sequence order per relay pass.
 */
import type { PrismaClient } from '../storage/database';

/** What a transaction needs to append events (a Prisma transaction client). */
export type OutboxWriter = Pick<PrismaClient, 'outboxEvent'>;

export interface OutboxMessage<T = unknown> {
  topic: string;
  /** The entity the event is about, e.g. a dossier code. */
  key: string;
  payload: T;
}

/**
 * An event as the bus carries it: the payload plus its outbox id (stable, for idempotent handlers) and
 * its publication sequence `cursor` (commit order, for resuming subscriptions: see OutboxTail).
 */
export type Published<T> = T & { outboxId: string; cursor: string };

/** Appends one event inside the caller's transaction; returns its id (the replay cursor). */
export async function appendOutboxEvent<T>(tx: OutboxWriter, message: OutboxMessage<T>): Promise<bigint> {
  const row = await tx.outboxEvent.create({
    data: { topic: message.topic, key: message.key, payload: message.payload as object },
    select: { id: true },
  });
  return row.id;
}

/** Wakes the relay after a commit, so events go out now rather than at the next poll. */
export interface OutboxNotifier {
  kick(): void;
}

/** A notifier for code paths with no relay in the process (the poll of another process publishes). */
export const NO_RELAY: OutboxNotifier = { kick: () => undefined };
