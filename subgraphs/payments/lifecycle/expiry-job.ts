/**
 * The expiry job: PENDING payments past their expiry are settled with the provider's word (see
 * PaymentSync), a bounded batch per pass, oldest first. A payment the provider cannot be asked about
 * now stays PENDING and is tried again next pass: nothing is expired on a guess.
 */
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import { PaymentStatus } from '../payment/payment-status';
import type { PaymentSync } from './payment-sync';
import type { PrismaClient } from '../../shared/storage/database';

export interface PaymentExpiryOptions {
  /** Time between passes. @default 60000 */
  intervalMs?: number;
  /** Payments looked at per pass. @default 100 */
  batchSize?: number;
}

export interface ExpiryPassResult {
  checked: number;
  changed: number;
  errors: number;
}

export class PaymentExpiryJob {
  private readonly job: PeriodicPass;
  private readonly batchSize: number;

  constructor(
    private readonly deps: { prisma: PrismaClient; sync: PaymentSync; logger?: Pick<Console, 'warn'> },
    options: PaymentExpiryOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.job = new PeriodicPass('payment-expiry', options.intervalMs ?? 60_000, () => this.pass());
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass now; also what tests call. */
  async pass(now: Date = new Date()): Promise<ExpiryPassResult> {
    const due = await this.deps.prisma.payment.findMany({
      where: { status: PaymentStatus.PENDING, expiresAt: { lte: now } },
      orderBy: { expiresAt: 'asc' },
      take: this.batchSize,
    });
    const result: ExpiryPassResult = { checked: due.length, changed: 0, errors: 0 };
    for (const payment of due) {
      try {
        const after = await this.deps.sync.sync(payment, now);
        if (after.status !== payment.status) result.changed++;
      } catch (err) {
        result.errors++;
        (this.deps.logger ?? console).warn(`[payment-expiry] ${payment.providerRef} left PENDING:`, (err as Error).message);
      }
    }
    return result;
  }
}
