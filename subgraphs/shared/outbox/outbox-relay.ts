/**
 * Publishes outbox events to the bus. Each pass leases a batch (claimed_until), publishes it in id
 * order and marks it published; a relay that dies mid-batch leaves leases that expire, and another
 * relay (or the same one after restart) publishes those events again: delivery is at least once, so
 * handlers must be idempotent. Relays in several processes share the table through SKIP LOCKED.
 *
 * The lease also gives each event its publication sequence (`seq`, the subscribers' replay cursor),
 * once, under an advisory lock held to commit: relays number events one at a time, so sequences become
 * visible in commit order even though ids (taken at insert) do not.
 *
 * No transaction is held while publishing: an in-process handler may itself write (and, on the
 * embedded database, the pool has one connection).
 */
import { logger } from '../logging';
import type { EventBus } from '../events/bus';
import type { PrismaClient } from '../storage/database';
import type { OutboxNotifier } from './outbox';

export interface OutboxRelayOptions {
  /** Fallback poll for events committed by other processes or left by a failed pass. @default 500 */
  pollIntervalMs?: number;
  /** Events per pass. @default 200 */
  batchSize?: number;
  /** How long a lease lasts before another relay may retry the event. @default 30000 */
  leaseMs?: number;
  /**
   * The database serves one connection at a time (embedded PGlite): statements cannot interleave, so
   * the lease is one statement instead of a locked transaction, which would hold the only connection
   * for four round trips on every poll while writers wait. @default false
   */
  singleConnection?: boolean;
}

/** Serialises numbering across relays and processes (any fixed 64-bit key unique to this use). */
const OUTBOX_SEQUENCE_LOCK = 7_401_186_020_261_130n;

interface LeasedEvent {
  id: bigint;
  seq: bigint;
  topic: string;
  payload: unknown;
}

export class OutboxRelay implements OutboxNotifier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly singleConnection: boolean;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.singleConnection = options.singleConnection ?? false;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now (or right after the one in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Publishes everything pending now; for tests and shutdown. Resolves when nothing is left. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.lease();
        if (batch.length === 0) return;
        const published: bigint[] = [];
        for (const event of batch) {
          try {
            const payload = { ...(event.payload as object), outboxId: event.id.toString(), cursor: event.seq.toString() };
            await this.bus.publish(event.topic, payload);
            published.push(event.id);
          } catch (err) {
            // Leave it and the rest leased: they are retried, in order, when the lease expires.
            logger('outbox').error({ eventId: String(event.id), topic: event.topic, dossierCode: dossierCodeOf(event.payload), err }, 'could not publish event');
            break;
          }
        }
        if (published.length > 0) {
          await this.prisma.$executeRaw`UPDATE outbox_event SET published_at = ${new Date()}, claimed_until = NULL WHERE id = ANY(${published}::bigint[])`;
        }
        if (published.length < batch.length || batch.length < this.batchSize) return;
      }
    } catch (err) {
      // The database is unreachable or shutting down; the next poll tries again.
      if (!this.stopped) logger('outbox').error({ err }, 'relay pass failed');
    }
  }

  private async lease(): Promise<LeasedEvent[]> {
    // Times as parameters, not now(): the columns hold UTC without a zone, whatever the session's zone.
    const now = new Date();
    const until = new Date(now.getTime() + this.leaseMs);
    const leaseStatement = (db: Pick<PrismaClient, '$queryRaw'>) => db.$queryRaw<LeasedEvent[]>`
      WITH picked AS (
        SELECT id, seq FROM outbox_event
        WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < ${now})
        ORDER BY id LIMIT ${this.batchSize}
        FOR UPDATE SKIP LOCKED),
      numbered AS (
        SELECT id, (SELECT COALESCE(MAX(seq), 0) FROM outbox_event) + ROW_NUMBER() OVER (ORDER BY id) AS seq
        FROM picked WHERE seq IS NULL)
      UPDATE outbox_event e SET claimed_until = ${until}, seq = COALESCE(e.seq, numbered.seq)
      FROM picked LEFT JOIN numbered ON numbered.id = picked.id
      WHERE e.id = picked.id
      RETURNING e.id, e.seq, e.topic, e.payload`;
    // The lock must be taken before the numbering statement's snapshot, hence its own statement in a
    // transaction; on a single connection nothing can commit in between, so no lock is needed.
    const rows = this.singleConnection
      ? await leaseStatement(this.prisma)
      : await this.prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_SEQUENCE_LOCK}::bigint)`;
            return leaseStatement(tx);
          },
          { maxWait: 30_000, timeout: 30_000 },
        );
    // A retried event keeps its sequence; publish in sequence order, which is id order for new ones.
    return rows.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  }
}

/** The dossier an event is about, for its log lines (dossier events carry `dossierCode` or `code`). */
function dossierCodeOf(payload: unknown): string | undefined {
  const p = payload as { dossierCode?: unknown; code?: unknown } | null;
  const code = p?.dossierCode ?? p?.code;
  return typeof code === 'string' ? code : undefined;
}
