/**
 * The simulated provider's books: transactions, their expiry, refunds and statements. No HTTP here,
 * so the rules (what may be paid, what may be refunded, what a statement lists) live in one place
 * and the routes only translate.
 */
import { randomInt } from 'node:crypto';
import type { ProviderTransactionStatus, RefundFailureReason } from './messages';

/** One attempt at delivering a callback. */
export interface CallbackAttempt {
  at: Date;
  /** The merchant's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why there was no answer (or "dropped" when a test dropped it on purpose). */
  error?: string;
}

export interface SimulatedTransaction {
  merchantCode: string;
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: 'VND';
  orderInfo: string;
  callbackUrl: string;
  returnUrl?: string;
  status: ProviderTransactionStatus;
  createdAt: Date;
  /** Past this instant a PENDING transaction is EXPIRED and can no longer be paid. */
  expiresAt: Date;
  paidAt?: Date;
  /** Sum of the successful refunds. */
  refundedVnd: number;
  /** The signed callback, once the payment is completed; every delivery sends these same bytes. */
  callbackBody?: Record<string, unknown>;
  callbackAttempts: CallbackAttempt[];
}

/** A refund decision, kept by refundRef so that the same request always gets the same answer. */
export interface SimulatedRefund {
  refundRef: string;
  txnRef: string;
  providerRefundId: string;
  amountVnd: number;
  reason: string;
  status: 'SUCCESS' | 'FAILED';
  failureReason?: RefundFailureReason;
  at: Date;
}

export interface NewTransaction {
  merchantCode: string;
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  callbackUrl: string;
  returnUrl?: string;
}

export interface RefundAsk {
  txnRef: string;
  refundRef: string;
  amountVnd: number;
  reason: string;
}

/** The result of opening or refunding: the record, or why the request conflicts with an earlier one. */
export type LedgerResult<T> = { ok: true; value: T } | { ok: false; conflict: 'DUPLICATE_TXN_REF' | 'DUPLICATE_REFUND_REF' };

export class SimulatorLedger {
  readonly transactions = new Map<string, SimulatedTransaction>();
  readonly refunds = new Map<string, SimulatedRefund>();

  constructor(
    private readonly expiresInMs: number,
    readonly now: () => Date,
  ) {}

  /** A unique provider-side id, e.g. `SIM1732345678000123456`. */
  newId(prefix: string): string {
    return `${prefix}${this.now().getTime()}${String(randomInt(1_000_000)).padStart(6, '0')}`;
  }

  /** The transaction as it stands now: a PENDING one past its deadline has become EXPIRED. */
  get(txnRef: string): SimulatedTransaction | undefined {
    const txn = this.transactions.get(txnRef);
    if (txn?.status === 'PENDING' && this.now().getTime() >= txn.expiresAt.getTime()) txn.status = 'EXPIRED';
    return txn;
  }

  /** Opens a transaction; the same reference and amount again is the same transaction (a retry). */
  open(request: NewTransaction): LedgerResult<SimulatedTransaction> {
    const existing = this.get(request.txnRef);
    if (existing) return existing.amountVnd === request.amountVnd ? { ok: true, value: existing } : { ok: false, conflict: 'DUPLICATE_TXN_REF' };
    const createdAt = this.now();
    const txn: SimulatedTransaction = {
      ...request,
      providerTxnId: this.newId('SIM'),
      currency: 'VND',
      status: 'PENDING',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.expiresInMs),
      refundedVnd: 0,
      callbackAttempts: [],
    };
    this.transactions.set(txn.txnRef, txn);
    return { ok: true, value: txn };
  }

  /**
   * Ends a PENDING transaction with the payer's outcome. Returns false when it is already done (the
   * caller decides whether that outcome is the one asked); throws when it is unknown or expired.
   */
  settle(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): { txn: SimulatedTransaction; changed: boolean } {
    const txn = this.get(txnRef);
    if (!txn) throw new Error(`unknown transaction ${txnRef}`);
    if (txn.status !== 'PENDING') {
      // REFUNDED was a SUCCESS first: re-notifying the payment is still the same outcome.
      const same = txn.status === outcome || (outcome === 'SUCCESS' && txn.status === 'REFUNDED');
      if (!same) throw new Error(`transaction ${txnRef} is already ${txn.status}`);
      return { txn, changed: false };
    }
    txn.status = outcome;
    if (outcome === 'SUCCESS') txn.paidAt = this.now();
    return { txn, changed: true };
  }

  /**
   * Decides a refund, once per refundRef: the same request again gets the recorded decision, the same
   * refundRef for another transaction or amount is a conflict. Refused (FAILED, recorded): an unknown
   * transaction, one not paid, an amount above what is left to refund (nothing, once REFUNDED).
   */
  refund(ask: RefundAsk): LedgerResult<SimulatedRefund> {
    const earlier = this.refunds.get(ask.refundRef);
    if (earlier) {
      const same = earlier.txnRef === ask.txnRef && earlier.amountVnd === ask.amountVnd;
      return same ? { ok: true, value: earlier } : { ok: false, conflict: 'DUPLICATE_REFUND_REF' };
    }
    const txn = this.get(ask.txnRef);
    const failureReason: RefundFailureReason | undefined = !txn
      ? 'TXN_NOT_FOUND'
      : txn.status !== 'SUCCESS' && txn.status !== 'REFUNDED'
        ? 'TXN_NOT_PAID'
        : ask.amountVnd > txn.amountVnd - txn.refundedVnd
          ? 'AMOUNT_EXCEEDS_REFUNDABLE'
          : undefined;
    const refund: SimulatedRefund = {
      ...ask,
      providerRefundId: this.newId('RF'),
      status: failureReason ? 'FAILED' : 'SUCCESS',
      ...(failureReason ? { failureReason } : {}),
      at: this.now(),
    };
    if (txn && !failureReason) {
      txn.refundedVnd += ask.amountVnd;
      if (txn.refundedVnd === txn.amountVnd) txn.status = 'REFUNDED';
    }
    this.refunds.set(refund.refundRef, refund);
    return { ok: true, value: refund };
  }

  /** Every transaction created in [from, to), oldest first, as it stands now. */
  statement(from: Date, to: Date): SimulatedTransaction[] {
    return [...this.transactions.keys()]
      .map((txnRef) => this.get(txnRef)!)
      .filter((txn) => txn.createdAt >= from && txn.createdAt < to)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.txnRef.localeCompare(b.txnRef));
  }
}
