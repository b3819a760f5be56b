/**
 * Second half of the national portal sync: delivers PENDING PortalSyncDelivery rows until the portal
 * acknowledges them. Per dossier, strictly in event order: only the dossier's oldest unacknowledged
 * delivery may be sent, so a PROGRESS never reaches the portal before its RECORD is acknowledged, and
 * a FAILED delivery holds the dossier's later ones until an operator retries it. (Per dossier, outbox
 * ids follow commit order: a status change locks the dossier row before its event is inserted.)
 *
 * A failed attempt waits base · 2^(attempts−1) ms (capped) before the next; after `maxAttempts` the
 * delivery is FAILED with its last error kept. Each attempt is claimed by a conditional update first,
 * so two hub processes do not send the same delivery at once; a resend after a crash is harmless, the
 * portal takes each `maSuKien` once.
 */
import { logger } from '../../shared/logging';
import type { NationalPortalClient, PortalDossierRecord, PortalProgressUpdate } from '../../../adapters/national-portal';
import type { PrismaClient } from '../../shared/storage/database';
import { PortalSyncKind, PortalSyncState } from './portal-sync-planner';

export interface PortalSenderOptions {
  /** Attempts before a delivery is FAILED. @default 8 */
  maxAttempts?: number;
  /** Wait after the first failed attempt, in ms; doubles after each. @default 1000 */
  baseDelayMs?: number;
  /** Longest wait between two attempts, in ms. @default 300000 */
  maxDelayMs?: number;
  /** How long a claimed attempt keeps others off the delivery, in ms (longer than a portal call). @default 60000 */
  claimMs?: number;
  /** Due deliveries read per pass. @default 100 */
  batchSize?: number;
}

export interface SendResult {
  acknowledged: number;
  /** Attempts that failed and will be retried. */
  retrying: number;
  /** Deliveries that gave up in this pass. */
  failed: number;
}

type DeliveryRow = Awaited<ReturnType<PrismaClient['portalSyncDelivery']['findFirstOrThrow']>>;

export class PortalSyncSender {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly claimMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly portal: NationalPortalClient,
    options: PortalSenderOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 300_000;
    this.claimMs = options.claimMs ?? 60_000;
    this.batchSize = options.batchSize ?? 100;
  }

  /** Delay after `attempts` failed attempts. */
  backoffMs(attempts: number): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  }

  /** Sends what is due at `now`, dossier by dossier. */
  async sendOnce(now = new Date()): Promise<SendResult> {
    const result: SendResult = { acknowledged: 0, retrying: 0, failed: 0 };
    const due = await this.prisma.portalSyncDelivery.findMany({
      where: { state: PortalSyncState.PENDING, nextAttemptAt: { lte: now } },
      orderBy: { eventId: 'asc' },
      take: this.batchSize,
    });
    const byDossier = new Map<string, DeliveryRow[]>();
    for (const row of due) byDossier.set(row.dossierCode, [...(byDossier.get(row.dossierCode) ?? []), row]);
    for (const [dossierCode, rows] of byDossier) {
      const blocker = await this.prisma.portalSyncDelivery.findFirst({
        where: { dossierCode, state: { not: PortalSyncState.ACKNOWLEDGED }, eventId: { lt: rows[0].eventId } },
        select: { eventId: true },
      });
      if (blocker) continue; // an earlier delivery (waiting for its backoff, or FAILED) goes first
      for (const row of rows) {
        const outcome = await this.attempt(row, now);
        if (outcome === 'ACKNOWLEDGED') result.acknowledged += 1;
        else {
          if (outcome === 'RETRYING') result.retrying += 1;
          if (outcome === 'FAILED') result.failed += 1;
          break; // the dossier's later deliveries wait for this one
        }
      }
    }
    return result;
  }

  private async attempt(row: DeliveryRow, now: Date): Promise<'ACKNOWLEDGED' | 'RETRYING' | 'FAILED' | 'SKIPPED'> {
    const claimed = await this.prisma.portalSyncDelivery.updateMany({
      where: { eventId: row.eventId, state: PortalSyncState.PENDING, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + this.claimMs) },
    });
    if (claimed.count === 0) return 'SKIPPED'; // another sender has it
    const attempts = row.attempts + 1;
    try {
      const portalRef =
        row.kind === PortalSyncKind.RECORD
          ? await this.portal.sendRecord(row.payload as unknown as PortalDossierRecord)
          : await this.portal.sendProgress(row.payload as unknown as PortalProgressUpdate);
      await this.prisma.portalSyncDelivery.update({
        where: { eventId: row.eventId },
        data: { state: PortalSyncState.ACKNOWLEDGED, attempts, acknowledgedAt: new Date(), portalRef, lastError: null },
      });
      return 'ACKNOWLEDGED';
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const message = err instanceof Error ? err.message : String(err);
      const lastError = (typeof code === 'string' ? `${code}: ${message}` : message).slice(0, 500);
      const givesUp = attempts >= this.maxAttempts;
      await this.prisma.portalSyncDelivery.update({
        where: { eventId: row.eventId },
        data: {
          attempts,
          lastError,
          state: givesUp ? PortalSyncState.FAILED : PortalSyncState.PENDING,
          nextAttemptAt: new Date(now.getTime() + this.backoffMs(attempts)),
        },
      });
      if (givesUp) logger('portal-sync').warn({ dossierCode: row.dossierCode, eventId: String(row.eventId), attempts, lastError }, 'gave up on event');
      return givesUp ? 'FAILED' : 'RETRYING';
    }
  }
}
