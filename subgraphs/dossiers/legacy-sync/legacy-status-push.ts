/**
 * Push-back: the hub's status changes of dossiers a legacy one-stop system owns go back to it, so its
 * desk sees what the hub's officials did. Each `dossier.status` event of such a dossier becomes ONE
 * LegacyStatusPush row keyed by the event's outbox id (an event read or delivered twice adds nothing),
 * sent until the legacy system acknowledges it, with exponential backoff, and FAILED after the last
 * attempt. Changes the sync itself made (they came FROM the legacy system) and the creation of a
 * dossier are not echoed back.
 *
 * Events are read from the outbox in publication order after a stored position (a row of
 * LegacySyncCursor named `<system>:outbox`), so none is missed while the hub was down; the bus only
 * says when to look. Updates of one dossier go in event order: a later one waits while an earlier one
 * is still being retried, lest an old status overwrite a newer one in the legacy system.
 */
import type { LegacyOneStopClient, LegacyStatusTable } from '../../../adapters/legacy-one-stop';
import type { DossiersServices } from '../context';
import { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from '../events/dossier-status-event';

export interface LegacyPushOptions {
  /** Attempts before a push is FAILED. @default 8 */
  maxAttempts?: number;
  /** Delay after the first failed attempt, in ms; doubled after each further one. @default 5000 */
  baseDelayMs?: number;
  /** Longest delay between attempts, in ms. @default 600000 (10 minutes) */
  maxDelayMs?: number;
  /** Outbox events or pushes read per query. @default 100 */
  batchSize?: number;
  /** How long a push being sent is held from other processes, in ms. @default 30000 */
  claimMs?: number;
}

export interface LegacyPushResult {
  acknowledged: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Gave up after the last attempt. */
  failed: number;
}

export const PushState = { PENDING: 'PENDING', ACKNOWLEDGED: 'ACKNOWLEDGED', FAILED: 'FAILED' } as const;

/** A status event as the bus or the outbox carries it, with its outbox id. */
export type StatusEventWithId = DossierStatusEvent & { outboxId: string };

export class LegacyStatusPusher {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly batchSize: number;
  private readonly claimMs: number;

  constructor(
    private readonly services: DossiersServices,
    private readonly client: LegacyOneStopClient,
    private readonly table: LegacyStatusTable,
    /** The actor of the sync's own changes: those are not echoed back. */
    private readonly syncActor: string,
    options: LegacyPushOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 8);
    this.baseDelayMs = options.baseDelayMs ?? 5000;
    this.maxDelayMs = options.maxDelayMs ?? 600_000;
    this.batchSize = options.batchSize ?? 100;
    this.claimMs = options.claimMs ?? 30_000;
  }

  private get system(): string {
    return this.client.system;
  }

  private get outboxPosition(): string {
    return `${this.system}:outbox`;
  }

  /** Records the push an event calls for; true when it added a row. Safe to call twice for one event. */
  async record(event: StatusEventWithId): Promise<boolean> {
    if (event.actor === this.syncActor || event.fromStatus === null) return false;
    const { prisma } = this.services;
    const dossier = await prisma.dossier.findUnique({ where: { code: event.dossierCode }, select: { legacySystem: true } });
    if (dossier?.legacySystem !== this.system) return false;
    const legacy = this.table.toLegacy(event.toStatus);
    const created = await prisma.legacyStatusPush.createMany({
      data: [
        {
          eventId: BigInt(event.outboxId),
          system: this.system,
          dossierCode: event.dossierCode,
          status: event.toStatus,
          legacyStatus: legacy.code,
          state: PushState.PENDING,
          // Due from the change itself, on the hub's clock (the database's may differ from ours).
          nextAttemptAt: new Date(event.at),
        },
      ],
      skipDuplicates: true,
    });
    return created.count === 1;
  }

  /**
   * Reads the status events published since the stored position and records their pushes. The first
   * scan starts at the newest event: changes from before the sync ran are not replayed.
   */
  async scanOutbox(): Promise<number> {
    const { prisma } = this.services;
    const stored = await prisma.legacySyncCursor.findUnique({ where: { system: this.outboxPosition } });
    let after: bigint;
    if (stored) {
      after = BigInt(stored.cursor);
    } else {
      const newest = await prisma.outboxEvent.aggregate({ _max: { seq: true } });
      after = newest._max.seq ?? 0n;
      await this.storePosition(after);
      return 0;
    }
    let recorded = 0;
    for (;;) {
      const events = await prisma.outboxEvent.findMany({
        where: { topic: DOSSIER_STATUS_TOPIC, seq: { gt: after } },
        orderBy: { seq: 'asc' },
        take: this.batchSize,
        select: { id: true, seq: true, payload: true },
      });
      for (const event of events) {
        if (await this.record({ ...(event.payload as unknown as DossierStatusEvent), outboxId: event.id.toString() })) recorded += 1;
        after = event.seq!;
      }
      if (events.length > 0) await this.storePosition(after);
      if (events.length < this.batchSize) return recorded;
    }
  }

  /** Sends the pushes that are due, oldest event first, one dossier's in order. */
  async sendDue(now = new Date()): Promise<LegacyPushResult> {
    const { prisma } = this.services;
    const result: LegacyPushResult = { acknowledged: 0, retrying: 0, failed: 0 };
    const pending = await prisma.legacyStatusPush.findMany({
      where: { system: this.system, state: PushState.PENDING },
      orderBy: { eventId: 'asc' },
      take: this.batchSize,
    });
    // A dossier whose earlier update waits (not due, or failed just now) holds its later ones back.
    const held = new Set<string>();
    for (const push of pending) {
      if (held.has(push.dossierCode) || push.nextAttemptAt.getTime() > now.getTime()) {
        held.add(push.dossierCode);
        continue;
      }
      // Claimed by moving its next attempt ahead: another process reading it now leaves it alone.
      const claimed = await prisma.legacyStatusPush.updateMany({
        where: { eventId: push.eventId, state: PushState.PENDING, attempts: push.attempts, nextAttemptAt: push.nextAttemptAt },
        data: { nextAttemptAt: new Date(now.getTime() + this.claimMs) },
      });
      if (claimed.count === 0) {
        held.add(push.dossierCode);
        continue;
      }
      const attempts = push.attempts + 1;
      try {
        await this.client.pushStatus({
          dossierCode: push.dossierCode,
          legacyStatus: push.legacyStatus,
          note: `Cập nhật từ hệ thống liên thông: ${push.status}`,
          at: push.createdAt,
          eventId: push.eventId.toString(),
        });
        await prisma.legacyStatusPush.update({
          where: { eventId: push.eventId },
          data: { state: PushState.ACKNOWLEDGED, attempts, acknowledgedAt: new Date(), lastError: null },
        });
        result.acknowledged += 1;
      } catch (err) {
        const gaveUp = attempts >= this.maxAttempts;
        const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
        await prisma.legacyStatusPush.update({
          where: { eventId: push.eventId },
          data: {
            attempts,
            state: gaveUp ? PushState.FAILED : PushState.PENDING,
            lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + delay),
          },
        });
        if (gaveUp) result.failed += 1;
        else {
          result.retrying += 1;
          held.add(push.dossierCode);
        }
      }
    }
    return result;
  }

  private async storePosition(seq: bigint): Promise<void> {
    const cursor = seq.toString();
    await this.services.prisma.legacySyncCursor.upsert({
      where: { system: this.outboxPosition },
      create: { system: this.outboxPosition, cursor },
      update: { cursor },
    });
  }
}
