/**
 * payDossierFee: opens (or returns) the one live payment of a dossier whose fee is due, and the
 * provider transaction the citizen pays through. Safe to retry: a PENDING payment is returned as is,
 * and of two concurrent first calls the partial unique index `payment_one_live_per_dossier` lets one
 * insert win; the other's insert does nothing and it returns the winner's payment.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { DOSSIER_FACTS_SELECT, mayHandleDossierPayment } from '../dossier/dossier-access';
import type { PaymentRow } from '../payment/payment';
import { LIVE_PAYMENT_STATUSES, PaymentStatus } from '../payment/payment-status';
import { markEnded, type TransitionDeps } from '../payment/payment-transitions';
import type { OpenedTransaction, PaymentProviderPort } from '../provider/provider-port';
import { newProviderRef } from './provider-ref';

/** The dossier status in which a fee can be paid. */
export const PAYMENT_DUE_STATUS = 'PAYMENT_DUE';

export interface PaymentCheckoutOptions extends TransitionDeps {
  prisma: PrismaClient;
  provider: Pick<PaymentProviderPort, 'createTransaction'>;
  /** Where the provider reaches this subgraph's callback route; known once the server listens. */
  callbackUrl: () => string;
  /** How long a payment stays payable when the provider does not say. @default 900000 (15 minutes) */
  defaultLifetimeMs?: number;
}

const DEFAULT_LIFETIME_MS = 15 * 60 * 1000;

export class PaymentCheckout {
  constructor(private readonly options: PaymentCheckoutOptions) {}

  async payDossierFee(principal: Principal, dossierCode: string): Promise<PaymentRow> {
    const { prisma } = this.options;
    if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
    const code = dossierCode.trim();
    if (code === '' || code.length > 100) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: 'Mã hồ sơ không hợp lệ.',
        en: 'Invalid dossier code.',
        details: { field: 'dossierCode' },
      });
    }
    // The dossiers subgraph owns this table; only these columns are read here.
    const dossier = await prisma.dossier.findUnique({ where: { code }, select: DOSSIER_FACTS_SELECT });
    if (!dossier) {
      throw new LienthongError(ErrorCode.DOSSIER_NOT_FOUND, {
        vi: `Không tìm thấy hồ sơ ${code}.`,
        en: `Dossier ${code} not found.`,
        details: { dossierCode: code },
      });
    }
    if (!mayHandleDossierPayment(principal, dossier)) {
      throw new LienthongError(ErrorCode.FORBIDDEN, {
        vi: 'Chỉ người nộp hồ sơ hoặc cán bộ của cơ quan tiếp nhận được nộp phí cho hồ sơ này.',
        en: "Only the dossier's applicant or an official of the receiving agency may pay its fee.",
      });
    }
    const existing = await this.livePayment(code);
    if (existing) return this.withRedirect(existing);
    if (dossier.status !== PAYMENT_DUE_STATUS || dossier.feeVnd <= 0) {
      throw new LienthongError(ErrorCode.PAYMENT_NOT_DUE, { details: { dossierCode: code, dossierStatus: dossier.status } });
    }

    // ON CONFLICT DO NOTHING rather than catching the violation: a failed statement would also cost
    // the embedded database its connection.
    const [payment] = await prisma.payment.createManyAndReturn({
      data: [
        {
          dossierCode: code,
          amountVnd: dossier.feeVnd,
          currency: 'VND',
          status: PaymentStatus.PENDING,
          providerRef: newProviderRef(),
        },
      ],
      skipDuplicates: true,
    });
    if (!payment) {
      // A concurrent call inserted the dossier's live payment first.
      const winner = await this.livePayment(code);
      if (!winner) throw new LienthongError(ErrorCode.CONFLICT);
      return this.withRedirect(winner);
    }

    let opened: OpenedTransaction;
    try {
      opened = await this.openAtProvider(payment);
    } catch (err) {
      // Free the dossier for a new attempt; the failed payment stays as a record.
      const reason = err instanceof LienthongError ? `provider: ${err.code}` : 'provider unreachable';
      await markEnded(this.options, payment, PaymentStatus.FAILED, { reason });
      if (err instanceof LienthongError) throw err;
      throw new LienthongError(ErrorCode.UPSTREAM_UNAVAILABLE, { cause: err });
    }
    await this.recordOpened(payment, opened);
    return prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
  }

  /** Stores the redirect URL, the provider's id and the expiry, unless the payment moved on meanwhile. */
  private async recordOpened(payment: PaymentRow, opened: OpenedTransaction): Promise<void> {
    const lifetime = this.options.defaultLifetimeMs ?? DEFAULT_LIFETIME_MS;
    await this.options.prisma.payment.updateMany({
      where: { id: payment.id, status: PaymentStatus.PENDING, redirectUrl: null },
      data: {
        redirectUrl: opened.paymentUrl,
        providerTxnId: opened.providerTxnId ?? null,
        expiresAt: opened.expiresAt ?? new Date(payment.createdAt.getTime() + lifetime),
      },
    });
  }

  /**
   * A PENDING payment whose first call is still waiting for the provider has no redirect URL yet.
   * Opening a transaction is idempotent at the provider for the same reference and amount, so this
   * call asks too, rather than hand the citizen a payment they cannot pay.
   */
  private async withRedirect(payment: PaymentRow): Promise<PaymentRow> {
    if (payment.status !== PaymentStatus.PENDING || payment.redirectUrl !== null) return payment;
    await this.recordOpened(payment, await this.openAtProvider(payment));
    return this.options.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
  }

  private openAtProvider(payment: PaymentRow): Promise<OpenedTransaction> {
    return this.options.provider.createTransaction({
      txnRef: payment.providerRef,
      amountVnd: payment.amountVnd,
      orderInfo: `Nộp phí hồ sơ ${payment.dossierCode}`,
      callbackUrl: this.options.callbackUrl(),
    });
  }

  /** The dossier's live payment: PENDING is returned for a retry, PAID refuses a second payment. */
  private async livePayment(dossierCode: string): Promise<PaymentRow | null> {
    const live = await this.options.prisma.payment.findFirst({
      where: { dossierCode, status: { in: [...LIVE_PAYMENT_STATUSES] } },
      orderBy: { createdAt: 'desc' },
    });
    if (live?.status === PaymentStatus.PAID) {
      throw new LienthongError(ErrorCode.PAYMENT_ALREADY_PAID, {
        details: { dossierCode, receiptNumber: live.receiptNumber },
      });
    }
    return live;
  }
}
