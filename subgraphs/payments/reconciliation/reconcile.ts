/**
 * Đối soát: compares the provider's statement for a period with the local payments and stores what
 * differs in reconciliation_run. It reports and never changes a payment: an operator decides (refresh,
 * refund, ask the provider). Local payments of the period are those created in it, plus any payment a
 * statement line names; a payment that failed before the provider ever knew it is not expected there.
 */
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import type { PrismaClient } from '../../shared/storage/database';
import { PaymentStatus } from '../payment/payment-status';
import type { PaymentProviderPort, StatementLine } from '../provider/provider-port';
import { RefundStatus } from '../refunds/refund-payment';

export enum MismatchKind {
  MISSING_LOCALLY = 'MISSING_LOCALLY',
  MISSING_AT_PROVIDER = 'MISSING_AT_PROVIDER',
  STATUS_MISMATCH = 'STATUS_MISMATCH',
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
}

export interface LocalView {
  paymentId: string;
  status: string;
  amountVnd: number;
  currency: string;
  refundedVnd: number;
}

export interface ProviderView {
  providerTxnId: string;
  status: string;
  amountVnd: number;
  currency: string;
  refundedVnd: number;
}

export interface Mismatch {
  kind: MismatchKind;
  txnRef: string;
  local: LocalView | null;
  provider: ProviderView | null;
}

/** Which provider statuses agree with a local status (no money where none is expected, and vice versa). */
const AGREEING: Record<string, readonly string[]> = {
  [PaymentStatus.PENDING]: ['PENDING'],
  [PaymentStatus.PAID]: ['SUCCESS'],
  [PaymentStatus.FAILED]: ['FAILED', 'EXPIRED', 'PENDING'],
  [PaymentStatus.EXPIRED]: ['EXPIRED', 'FAILED', 'PENDING'],
  [PaymentStatus.REFUNDED]: ['REFUNDED'],
};

/** The pure comparison, for the job and for unit tests. */
export function compareStatement(lines: StatementLine[], locals: Map<string, LocalView & { openedAtProvider: boolean }>, inPeriod: Set<string>) {
  const mismatches: Mismatch[] = [];
  let matched = 0;
  const seen = new Set<string>();
  for (const line of lines) {
    seen.add(line.txnRef);
    const provider: ProviderView = {
      providerTxnId: line.providerTxnId,
      status: line.status,
      amountVnd: line.amountVnd,
      currency: line.currency,
      refundedVnd: line.refundedVnd ?? 0,
    };
    const found = locals.get(line.txnRef);
    if (!found) {
      mismatches.push({ kind: MismatchKind.MISSING_LOCALLY, txnRef: line.txnRef, local: null, provider });
      continue;
    }
    const { openedAtProvider: _opened, ...local } = found;
    if (local.amountVnd !== provider.amountVnd || local.currency !== provider.currency || local.refundedVnd !== provider.refundedVnd) {
      mismatches.push({ kind: MismatchKind.AMOUNT_MISMATCH, txnRef: line.txnRef, local, provider });
    } else if (!(AGREEING[local.status] ?? []).includes(provider.status)) {
      mismatches.push({ kind: MismatchKind.STATUS_MISMATCH, txnRef: line.txnRef, local, provider });
    } else {
      matched++;
    }
  }
  for (const txnRef of inPeriod) {
    const found = locals.get(txnRef);
    if (seen.has(txnRef) || !found?.openedAtProvider) continue;
    const { openedAtProvider: _opened, ...local } = found;
    mismatches.push({ kind: MismatchKind.MISSING_AT_PROVIDER, txnRef, local, provider: null });
  }
  mismatches.sort((a, b) => a.txnRef.localeCompare(b.txnRef) || a.kind.localeCompare(b.kind));
  return { matched, mismatches };
}

export interface ReconciliationOptions {
  /** Time between automatic runs. @default 86400000 (daily) */
  intervalMs?: number;
  /** Period each automatic run covers, ending at the run. @default 86400000 (the last 24 hours) */
  windowMs?: number;
}

export type ReconciliationRunRow = Awaited<ReturnType<PrismaClient['reconciliationRun']['findUniqueOrThrow']>>;

export class Reconciler {
  private readonly job: PeriodicPass;
  private readonly windowMs: number;

  constructor(
    private readonly deps: { prisma: PrismaClient; provider: Pick<PaymentProviderPort, 'statement'> },
    options: ReconciliationOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 86_400_000;
    this.job = new PeriodicPass('payment-reconciliation', options.intervalMs ?? 86_400_000, () => {
      const to = new Date();
      return this.run({ from: new Date(to.getTime() - this.windowMs), to, triggeredBy: 'system:reconciliation' });
    });
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One run over [from, to); a provider failure is stored as a FAILED run and returned, not thrown. */
  async run(input: { from: Date; to: Date; triggeredBy: string }): Promise<ReconciliationRunRow> {
    const { prisma } = this.deps;
    const run = await prisma.reconciliationRun.create({
      data: { periodFrom: input.from, periodTo: input.to, status: 'RUNNING', triggeredBy: input.triggeredBy },
    });
    try {
      const lines = await this.deps.provider.statement({ from: input.from, to: input.to });
      const refs = lines.map((l) => l.txnRef);
      const payments = await prisma.payment.findMany({
        where: { OR: [{ createdAt: { gte: input.from, lt: input.to } }, { providerRef: { in: refs } }] },
        include: { refunds: { where: { status: RefundStatus.SUCCEEDED }, select: { amountVnd: true } } },
      });
      const locals = new Map(
        payments.map((p) => [
          p.providerRef,
          {
            paymentId: p.id,
            status: p.status,
            amountVnd: p.amountVnd,
            currency: p.currency,
            refundedVnd: p.refunds.reduce((sum, r) => sum + r.amountVnd, 0),
            // A payment never opened at the provider (it was down) has no redirect URL and is not expected there.
            openedAtProvider: p.redirectUrl !== null || p.providerTxnId !== null,
          },
        ]),
      );
      const inPeriod = new Set(payments.filter((p) => p.createdAt >= input.from && p.createdAt < input.to).map((p) => p.providerRef));
      const { matched, mismatches } = compareStatement(lines, locals, inPeriod);
      return await prisma.reconciliationRun.update({
        where: { id: run.id },
        data: { status: 'DONE', finishedAt: new Date(), matched, mismatches: mismatches as unknown as object[] },
      });
    } catch (err) {
      return prisma.reconciliationRun.update({
        where: { id: run.id },
        data: { status: 'FAILED', finishedAt: new Date(), error: (err as Error).message?.slice(0, 500) ?? String(err) },
      });
    }
  }
}
