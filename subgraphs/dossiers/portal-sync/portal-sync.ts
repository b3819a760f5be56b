/**
 * Sync of dossiers to the national public service portal (Cổng DVCQG), from the outbox: each pass
 * plans deliveries for new dossier.status events (portal-sync-planner.ts), then sends what is due
 * (portal-sync-sender.ts). Started and stopped with the dossiers subgraph; operators read its state
 * and retry FAILED deliveries through the GraphQL API (portal-sync-admin.ts, portal-sync.resolver.ts).
 */
import type { NationalPortalClient } from '../../../adapters/national-portal';
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import type { PrismaClient } from '../../shared/storage/database';
import { planPortalDeliveries } from './portal-sync-planner';
import { PortalSyncSender, type PortalSenderOptions, type SendResult } from './portal-sync-sender';

export interface PortalSyncOptions extends PortalSenderOptions {
  /** Time between passes, in ms. @default 5000 */
  intervalMs?: number;
  /** Outbox events planned per pass (a pass repeats while full batches come). @default 500 */
  planBatchSize?: number;
}

export interface PortalSyncPassResult extends SendResult {
  planned: number;
}

export class PortalSync {
  private readonly sender: PortalSyncSender;
  private readonly planBatchSize: number;
  private readonly job: PeriodicPass;

  constructor(
    private readonly prisma: PrismaClient,
    portal: NationalPortalClient,
    options: PortalSyncOptions = {},
  ) {
    this.sender = new PortalSyncSender(prisma, portal, options);
    this.planBatchSize = options.planBatchSize ?? 500;
    this.job = new PeriodicPass('portal-sync', options.intervalMs ?? 5000, () => this.runOnce());
  }

  start(): void {
    this.job.start();
  }

  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Plans every new event, then sends what is due at `now`. */
  async runOnce(now = new Date()): Promise<PortalSyncPassResult> {
    let planned = 0;
    for (;;) {
      const batch = await planPortalDeliveries(this.prisma, this.planBatchSize);
      planned += batch.planned;
      if (batch.planned < this.planBatchSize) break;
    }
    return { planned, ...(await this.sender.sendOnce(now)) };
  }
}
