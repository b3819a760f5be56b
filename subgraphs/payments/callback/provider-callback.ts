/**
 * The payment provider's server-to-server callback. Trusts nothing but a valid checksum, and then
 * only for a known transaction of the same amount and currency. A success makes the payment PAID with
 * an e-receipt number in one transaction, then announces it on the bus, exactly once per payment:
 * the provider re-notifies (retries, replays), and a payment already PAID is acknowledged unchanged.
 */
import type { PaymentProviderClient } from '../../../adapters/payment-provider';
import type { CallbackPayload } from '../../../adapters/payment-provider';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { EventBus } from '../../shared/events/bus';
import type { PrismaClient } from '../../shared/storage/database';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from '../events/payment-paid-event';
import type { PaymentRow } from '../payment/payment';
import { PaymentStatus } from '../payment/payment-status';
import { ONE_LIVE_PAYMENT_INDEX, isUniqueViolation } from '../payment/unique-violation';
import { allocateReceiptNumber } from './receipt-number';

export interface ProviderCallbackOptions {
  prisma: PrismaClient;
  bus: EventBus;
  provider: Pick<PaymentProviderClient, 'verifyCallback'>;
  /** Where rejected callbacks are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
}

/** What to answer the provider when the callback is accepted (rejections are thrown). */
export interface CallbackAcknowledgement {
  txnRef: string;
  status: PaymentStatus;
  receiptNumber?: string;
}

/** A payment that the provider may still turn PAID: the provider's word on the money wins. */
const PAYABLE_STATUSES = [PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.EXPIRED];

export class ProviderCallbackHandler {
  private readonly logger: Pick<Console, 'warn' | 'error'>;

  constructor(private readonly options: ProviderCallbackOptions) {
    this.logger = options.logger ?? console;
  }

  async handle(body: unknown): Promise<CallbackAcknowledgement> {
    let callback: CallbackPayload;
    try {
      callback = this.options.provider.verifyCallback(body);
    } catch (err) {
      if (err instanceof LienthongError) throw this.reject(err, err.message, (body as { txnRef?: unknown })?.txnRef);
      throw err;
    }
    const { prisma } = this.options;
    const payment = await prisma.payment.findUnique({ where: { providerRef: callback.txnRef } });
    if (!payment) {
      throw this.reject(new LienthongError(ErrorCode.PAYMENT_NOT_FOUND), 'unknown txnRef', callback.txnRef);
    }
    if (callback.amountVnd !== payment.amountVnd || callback.currency !== payment.currency) {
      const reason = `amount or currency mismatch: ${callback.amountVnd} ${callback.currency}, expected ${payment.amountVnd} ${payment.currency}`;
      throw this.reject(
        new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'Amount or currency does not match the payment.' }),
        reason,
        callback.txnRef,
      );
    }
    if (payment.status === PaymentStatus.PAID || payment.status === PaymentStatus.REFUNDED) {
      return this.acknowledge(payment);
    }
    if (callback.status === 'FAILED') {
      await prisma.payment.updateMany({
        where: { id: payment.id, status: PaymentStatus.PENDING },
        data: { status: PaymentStatus.FAILED },
      });
      return this.acknowledge((await prisma.payment.findUnique({ where: { id: payment.id } }))!);
    }
    if (payment.status !== PaymentStatus.PENDING) {
      this.logger.warn(`[payments] provider reports ${callback.txnRef} paid although it was ${payment.status}`);
    }
    return this.markPaid(payment, callback.paidAt ?? new Date());
  }

  private async markPaid(payment: PaymentRow, paidAt: Date): Promise<CallbackAcknowledgement> {
    const { prisma, bus } = this.options;
    let receiptNumber: string | null;
    try {
      receiptNumber = await prisma.$transaction(async (tx) => {
        const allocated = await allocateReceiptNumber(tx, paidAt);
        const { count } = await tx.payment.updateMany({
          where: { id: payment.id, status: { in: PAYABLE_STATUSES } },
          data: { status: PaymentStatus.PAID, paidAt, receiptNumber: allocated },
        });
        return count === 1 ? allocated : null;
      });
    } catch (err) {
      if (!isUniqueViolation(err, ONE_LIVE_PAYMENT_INDEX)) throw err;
      // Another live payment holds the dossier: money was taken twice and needs an operator (refund).
      throw this.reject(new LienthongError(ErrorCode.CONFLICT), 'dossier already has another live payment', payment.providerRef);
    }
    const current = (await prisma.payment.findUnique({ where: { id: payment.id } }))!;
    // A concurrent delivery of the same callback won the update: it publishes, this one only acknowledges.
    if (receiptNumber === null) return this.acknowledge(current);
    const event: PaymentPaidEvent = {
      paymentId: current.id,
      dossierCode: current.dossierCode,
      amountVnd: current.amountVnd,
      receiptNumber,
      paidAt: paidAt.toISOString(),
    };
    try {
      await bus.publish(PAYMENT_PAID_TOPIC, event);
    } catch (err) {
      // The payment is recorded; the provider must not retry it, so the failure is only reported.
      this.logger.error(`[payments] could not publish ${PAYMENT_PAID_TOPIC} for payment ${current.id}:`, err);
    }
    return this.acknowledge(current);
  }

  private acknowledge(payment: PaymentRow): CallbackAcknowledgement {
    return {
      txnRef: payment.providerRef,
      status: payment.status as PaymentStatus,
      ...(payment.receiptNumber ? { receiptNumber: payment.receiptNumber } : {}),
    };
  }

  private reject(error: LienthongError, reason: string, txnRef: unknown): LienthongError {
    this.logger.warn(`[payments] provider callback rejected (${error.code}): ${reason}`, {
      txnRef: typeof txnRef === 'string' ? txnRef.slice(0, 64) : undefined,
    });
    return error;
  }
}
