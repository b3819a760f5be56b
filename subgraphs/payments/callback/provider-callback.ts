/**
 * The payment provider's server-to-server callback. Trusts nothing but a valid checksum, and then
 * only for a known transaction of the same amount and currency. A success makes the payment PAID with
 * an e-receipt number and its payment.paid event in one transaction (payment-transitions.ts). The
 * provider re-notifies (retries, replays): a callback that brings nothing new is acknowledged UNCHANGED.
 * Every callback, whatever the outcome, is written to payment_callback_log with where it came from.
 */
import type { CallbackPayload } from '../../../adapters/payment-provider';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { PaymentRow } from '../payment/payment';
import { markEnded, markPaid, type TransitionDeps } from '../payment/payment-transitions';
import { PaymentStatus } from '../payment/payment-status';
import { ONE_LIVE_PAYMENT_INDEX, isUniqueViolation } from '../payment/unique-violation';
import type { PaymentProviderPort } from '../provider/provider-port';

export interface ProviderCallbackOptions extends TransitionDeps {
  prisma: PrismaClient;
  provider: Pick<PaymentProviderPort, 'verifyCallback'>;
  /** Where rejected callbacks are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
}

/** What to answer the provider when the callback is accepted (rejections are thrown). */
export interface CallbackAcknowledgement {
  txnRef: string;
  status: PaymentStatus;
  receiptNumber?: string;
}

/** How a callback was decided, as payment_callback_log records it. */
export enum CallbackOutcome {
  ACCEPTED = 'ACCEPTED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

export interface CallbackSource {
  /** The peer address the callback came from. @default unknown */
  remoteAddress?: string;
}

/** The payload is kept for investigation; a hostile one is cut down to a bounded size first. */
const MAX_LOGGED_CHARS = 8_192;

export class ProviderCallbackHandler {
  private readonly logger: Pick<Console, 'warn' | 'error'>;

  constructor(private readonly options: ProviderCallbackOptions) {
    this.logger = options.logger ?? console;
  }

  async handle(body: unknown, source: CallbackSource = {}): Promise<CallbackAcknowledgement> {
    const claimedRef = (body as { txnRef?: unknown } | null)?.txnRef;
    const log = (outcome: CallbackOutcome, txnRef: unknown, error?: { code: string; reason: string }) =>
      this.log(body, source, outcome, txnRef, error);
    let callback: CallbackPayload;
    try {
      callback = this.options.provider.verifyCallback(body);
    } catch (err) {
      if (!(err instanceof LienthongError)) throw err;
      await log(CallbackOutcome.REJECTED, claimedRef, { code: err.code, reason: err.message });
      throw this.warn(err, err.message, claimedRef);
    }
    const reject = async (error: LienthongError, reason: string) => {
      await log(CallbackOutcome.REJECTED, callback.txnRef, { code: error.code, reason });
      return this.warn(error, reason, callback.txnRef);
    };
    const { prisma } = this.options;
    const payment = await prisma.payment.findUnique({ where: { providerRef: callback.txnRef } });
    if (!payment) throw await reject(new LienthongError(ErrorCode.PAYMENT_NOT_FOUND), 'unknown txnRef');
    if (callback.amountVnd !== payment.amountVnd || callback.currency !== payment.currency) {
      const reason = `amount or currency mismatch: ${callback.amountVnd} ${callback.currency}, expected ${payment.amountVnd} ${payment.currency}`;
      throw await reject(
        new LienthongError(ErrorCode.BAD_USER_INPUT, {
          vi: 'Số tiền hoặc loại tiền không khớp với giao dịch.',
          en: 'Amount or currency does not match the payment.',
        }),
        reason,
      );
    }
    if (payment.providerTxnId && callback.providerTxnId !== payment.providerTxnId) {
      throw await reject(
        new LienthongError(ErrorCode.BAD_USER_INPUT, {
          vi: 'Mã giao dịch của cổng thanh toán không khớp.',
          en: "The provider's transaction id does not match the payment.",
        }),
        `providerTxnId mismatch: ${callback.providerTxnId.slice(0, 64)}, expected ${payment.providerTxnId}`,
      );
    }

    let changed: PaymentRow | null = null;
    if (callback.status === 'FAILED') {
      // Only news for a PENDING payment; a late failure never undoes a payment.
      if (payment.status === PaymentStatus.PENDING) {
        changed = await markEnded(this.options, payment, PaymentStatus.FAILED, {
          reason: 'provider reported the payment failed',
          providerTxnId: callback.providerTxnId,
        });
      }
    } else if (payment.status !== PaymentStatus.PAID && payment.status !== PaymentStatus.REFUNDED) {
      if (payment.status !== PaymentStatus.PENDING) {
        this.logger.warn(`[payments] provider reports ${callback.txnRef} paid although it was ${payment.status}`);
      }
      try {
        changed = await markPaid(this.options, payment, {
          paidAt: callback.paidAt ?? new Date(),
          providerTxnId: callback.providerTxnId,
        });
      } catch (err) {
        if (!isUniqueViolation(err, ONE_LIVE_PAYMENT_INDEX)) throw err;
        // Another live payment holds the dossier: money was taken twice and needs an operator (refund).
        throw await reject(new LienthongError(ErrorCode.CONFLICT), 'dossier already has another live payment');
      }
    }
    const current = changed ?? (await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } }));
    await log(changed ? CallbackOutcome.ACCEPTED : CallbackOutcome.UNCHANGED, callback.txnRef);
    return acknowledge(current);
  }

  /** Logs a body that never reached {@link handle}: not JSON, or too large. */
  async logUnreadable(source: CallbackSource, reason: string): Promise<void> {
    await this.log({ unreadable: reason }, source, CallbackOutcome.REJECTED, undefined, { code: ErrorCode.BAD_USER_INPUT, reason });
  }

  private async log(
    body: unknown,
    source: CallbackSource,
    outcome: CallbackOutcome,
    txnRef: unknown,
    error?: { code: string; reason: string },
  ): Promise<void> {
    try {
      await this.options.prisma.paymentCallbackLog.create({
        data: {
          outcome,
          providerRef: typeof txnRef === 'string' ? txnRef.slice(0, 64) : null,
          errorCode: error?.code ?? null,
          reason: error?.reason.slice(0, 500) ?? null,
          payload: boundedPayload(body),
          remoteAddress: source.remoteAddress?.slice(0, 64) ?? null,
        },
      });
    } catch (err) {
      // The decision stands; losing its log line must not make the provider retry a processed callback.
      this.logger.error('[payments] could not log a provider callback:', err);
    }
  }

  private warn(error: LienthongError, reason: string, txnRef: unknown): LienthongError {
    this.logger.warn(`[payments] provider callback rejected (${error.code}): ${reason}`, {
      txnRef: typeof txnRef === 'string' ? txnRef.slice(0, 64) : undefined,
    });
    return error;
  }
}

function acknowledge(payment: PaymentRow): CallbackAcknowledgement {
  return {
    txnRef: payment.providerRef,
    status: payment.status as PaymentStatus,
    ...(payment.receiptNumber ? { receiptNumber: payment.receiptNumber } : {}),
  };
}

function boundedPayload(body: unknown): object {
  const text = JSON.stringify(body ?? null) ?? 'null';
  if (text.length <= MAX_LOGGED_CHARS && typeof body === 'object' && body !== null) return body;
  return { truncated: text.length > MAX_LOGGED_CHARS, text: text.slice(0, MAX_LOGGED_CHARS) };
}
