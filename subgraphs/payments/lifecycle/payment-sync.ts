/**
 * Asks the provider about a PENDING payment and records what it says, as a callback would have: paid
 * there → PAID (e-receipt, payment.paid), failed there → FAILED; still unpaid (or unknown to the
 * provider) once past its expiry → EXPIRED, which frees the dossier for a new payment. Used by the
 * expiry job for payments whose callback never came, and by `refreshPayment` on demand.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PaymentRow } from '../payment/payment';
import { PaymentStatus } from '../payment/payment-status';
import { markEnded, markPaid, type TransitionDeps } from '../payment/payment-transitions';
import { ONE_LIVE_PAYMENT_INDEX, isUniqueViolation } from '../payment/unique-violation';
import type { PaymentProviderPort } from '../provider/provider-port';

export interface PaymentSyncOptions extends TransitionDeps {
  provider: Pick<PaymentProviderPort, 'queryTransaction'>;
}

export class PaymentSync {
  constructor(private readonly options: PaymentSyncOptions) {}

  /** The payment as it stands after asking the provider; unchanged when it was not PENDING. */
  async sync(payment: PaymentRow, now: Date = new Date()): Promise<PaymentRow> {
    if (payment.status !== PaymentStatus.PENDING) return payment;
    const remote = await this.options.provider.queryTransaction(payment.providerRef);
    let changed: PaymentRow | null = null;
    if (remote && (remote.amountVnd !== payment.amountVnd || remote.currency !== payment.currency)) {
      // Same rule as for callbacks: a provider answer that does not match is not acted upon.
      throw new LienthongError(ErrorCode.UPSTREAM_BAD_RESPONSE, {
        en: 'Payment provider: the transaction status does not match the payment.',
        details: { upstream: 'payment-provider', txnRef: payment.providerRef },
      });
    }
    if (remote?.status === 'SUCCESS') {
      try {
        changed = await markPaid(this.options, payment, { paidAt: remote.paidAt ?? now, providerTxnId: remote.providerTxnId });
      } catch (err) {
        if (!isUniqueViolation(err, ONE_LIVE_PAYMENT_INDEX)) throw err;
        throw new LienthongError(ErrorCode.CONFLICT, { details: { reason: 'dossier already has another live payment' } });
      }
    } else if (remote?.status === 'FAILED') {
      changed = await markEnded(this.options, payment, PaymentStatus.FAILED, {
        reason: 'provider reported the payment failed',
        providerTxnId: remote.providerTxnId,
      });
    } else if (payment.expiresAt && payment.expiresAt <= now) {
      const reason = remote ? `unpaid at expiry (provider: ${remote.status})` : 'unknown to the provider at expiry';
      changed = await markEnded(this.options, payment, PaymentStatus.EXPIRED, { reason, at: now });
    }
    return changed ?? (await this.options.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } }));
  }
}
