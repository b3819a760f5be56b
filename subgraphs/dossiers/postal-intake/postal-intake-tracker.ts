/**
 * Follows dossiers sent by post: asks the carrier where each pickup in carriage is, moves its status
 * forward, and when the papers are delivered files the dossier (channel POSTAL, received at the
 * delivery time the carrier reports) and marks the pickup RECEIVED with the dossier's code.
 *
 * Exactly once, with any number of trackers (hub processes):
 * - a delivered pickup is first claimed by a conditional update on the status and update time the
 *   tracker read (→ RECEIVING); a tracker that loses the claim leaves it alone;
 * - the dossier's idempotency key derives from the pickup, so even a claim taken over after its
 *   holder died (stale for `claimTimeoutMs`) finds the dossier already filed instead of filing another.
 * Intake refusing the papers (procedure withdrawn, form no longer valid…) marks the pickup
 * NOT_ACCEPTED with the reason. A carrier or database failure leaves the pickup for the next pass.
 * The carrier is never called inside a database transaction.
 */
import { logger } from '../../shared/logging';
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import type { PostalClient, PostalTracking } from '../../../adapters/postal';
import type { Principal } from '../../shared/auth/principal';
import type { Prisma } from '../../shared/storage/generated/client';
import type { DossiersServices } from '../context';
import { idempotencyKeyOf, submitDossier } from '../intake/submit-dossier';
import {
  deliveredSubmission,
  dossierKeyOf,
  IN_CARRIAGE,
  PostalIntakeStatus,
  readStoredSubmission,
  refusalOf,
  trackingOutcome,
} from './postal-intake-rules';
import type { PostalIntakeRow } from './request-pickup';

export interface PostalIntakeTrackerOptions {
  /** Time between passes, in ms; the first pass runs one interval after `start`. @default 60000 */
  intervalMs?: number;
  /** Pickups read per query. @default 100 */
  batchSize?: number;
  /** How long a RECEIVING claim may last before another tracker takes it over, in ms. @default 300000 */
  claimTimeoutMs?: number;
  /** The clock. @default () => new Date() */
  now?: () => Date;
}

export type PostalIntakeTrackerDeps = DossiersServices & { postal: PostalClient };

export interface PostalIntakeScanResult {
  /** Pickups whose tracking was read. */
  checked: number;
  /** Moved to PICKED_UP or IN_TRANSIT. */
  moved: number;
  received: number;
  notAccepted: number;
  returned: number;
  /** Left for the next pass: the carrier failed or did not know the item, or intake could not run. */
  failed: number;
}

const citizenOf = (row: PostalIntakeRow): Principal => ({ id: row.applicantUserId, role: 'CITIZEN', personalId: row.applicantPersonalId });

export class PostalIntakeTracker {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly claimTimeoutMs: number;
  private readonly now: () => Date;
  private readonly job: PeriodicPass;

  constructor(
    private readonly deps: PostalIntakeTrackerDeps,
    options: PostalIntakeTrackerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.batchSize = options.batchSize ?? 100;
    this.claimTimeoutMs = options.claimTimeoutMs ?? 300_000;
    this.now = options.now ?? (() => new Date());
    this.job = new PeriodicPass('postal-intake', this.intervalMs, () => this.scanOnce());
  }

  start(): void {
    this.job.start();
  }

  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass over every pickup in carriage (and stale claims) at `now`. */
  async scanOnce(now = this.now()): Promise<PostalIntakeScanResult> {
    const result: PostalIntakeScanResult = { checked: 0, moved: 0, received: 0, notAccepted: 0, returned: 0, failed: 0 };
    const staleBefore = new Date(Date.now() - this.claimTimeoutMs);
    let after: string | undefined;
    for (;;) {
      const rows = await this.deps.prisma.postalIntake.findMany({
        where: {
          OR: [{ status: { in: [...IN_CARRIAGE] } }, { status: PostalIntakeStatus.RECEIVING, updatedAt: { lt: staleBefore } }],
          trackingCode: { not: null },
          ...(after ? { id: { gt: after } } : {}),
        },
        orderBy: { id: 'asc' },
        take: this.batchSize,
      });
      for (const row of rows) await this.follow(row, now, result);
      if (rows.length < this.batchSize) break;
      after = rows[rows.length - 1].id;
    }
    return result;
  }

  /** Applies one tracking record the carrier pushed (signed webhook), as a pass would, without asking the carrier. */
  async followTracking(tracking: PostalTracking, now = this.now()): Promise<PostalIntakeScanResult> {
    const result: PostalIntakeScanResult = { checked: 0, moved: 0, received: 0, notAccepted: 0, returned: 0, failed: 0 };
    const row = await this.deps.prisma.postalIntake.findFirst({ where: { trackingCode: tracking.trackingCode, status: { in: [...IN_CARRIAGE] } } });
    if (row) await this.apply(row, tracking, now, result);
    return result;
  }

  private async follow(row: PostalIntakeRow, now: Date, result: PostalIntakeScanResult): Promise<void> {
    const tracking = await this.deps.postal.tracking(row.trackingCode!).catch((err: unknown) => {
      logger('postal-intake').warn({ trackingCode: row.trackingCode, err }, 'tracking failed');
      return undefined;
    });
    if (!tracking) {
      result.failed += 1; // down, or (null) an item the carrier does not know: ask again next pass
      return;
    }
    await this.apply(row, tracking, now, result);
  }

  private async apply(row: PostalIntakeRow, tracking: PostalTracking, now: Date, result: PostalIntakeScanResult): Promise<void> {
    result.checked += 1;
    const status = row.status as PostalIntakeStatus;
    const outcome = trackingOutcome(status, tracking);
    if (outcome.kind === 'DELIVERED') {
      await this.receive(row, outcome.at, now, result);
    } else if (outcome.kind === 'MOVE') {
      const moved = await this.deps.prisma.postalIntake.updateMany({ where: { id: row.id, status }, data: { status: outcome.status } });
      result.moved += moved.count;
    } else if (outcome.kind === 'RETURNED' && status !== PostalIntakeStatus.RECEIVING) {
      const returned = await this.deps.prisma.postalIntake.updateMany({ where: { id: row.id, status }, data: { status: PostalIntakeStatus.RETURNED } });
      result.returned += returned.count;
    }
  }

  private async receive(row: PostalIntakeRow, deliveredAt: Date, now: Date, result: PostalIntakeScanResult): Promise<void> {
    const { prisma } = this.deps;
    const claimed = await prisma.postalIntake.updateMany({
      where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
      data: { status: PostalIntakeStatus.RECEIVING, updatedAt: new Date() },
    });
    if (claimed.count === 0) return; // another tracker has it
    const principal = citizenOf(row);
    const settle = (data: Prisma.PostalIntakeUpdateManyMutationInput) => prisma.postalIntake.updateMany({ where: { id: row.id, status: PostalIntakeStatus.RECEIVING }, data });
    const submission = readStoredSubmission(row.submission);
    try {
      // Filed by a tracker that died before marking it: the same dossier, not a second one.
      const filed = await prisma.dossier.findUnique({ where: { idempotencyKey: idempotencyKeyOf(principal, dossierKeyOf(row.id))! }, select: { code: true } });
      const code =
        filed?.code ??
        (
          await submitDossier(
            this.deps,
            principal,
            deliveredSubmission({ ...row, trackingCode: row.trackingCode! }, submission),
            now,
            // A carrier clock ahead of ours never dates a reception in the future.
            { deliveredAt: new Date(Math.min(deliveredAt.getTime(), now.getTime())) },
          )
        ).code;
      await settle({ status: PostalIntakeStatus.RECEIVED, dossierCode: code });
      result.received += 1;
    } catch (err) {
      const refusal = refusalOf(err, now);
      if (refusal) {
        await settle({ status: PostalIntakeStatus.NOT_ACCEPTED, submission: { ...submission, refusal } as unknown as Prisma.InputJsonObject });
        result.notAccepted += 1;
        return;
      }
      logger('postal-intake').warn({ trackingCode: row.trackingCode, err }, 'intake failed, retried next pass');
      // Released to where it was, so the next pass (of any tracker) tries again.
      const back = IN_CARRIAGE.includes(row.status as PostalIntakeStatus) ? row.status : PostalIntakeStatus.IN_TRANSIT;
      await settle({ status: back }).catch(() => undefined); // if even this fails, the claim goes stale and is taken over
      result.failed += 1;
    }
  }
}
