/**
 * The other payment events, written to the outbox like payment.paid (same transaction as the change,
 * published after commit, at least once: consumers must be idempotent, e.g. by paymentId).
 */
export const PAYMENT_FAILED_TOPIC = 'payment.failed';
export const PAYMENT_EXPIRED_TOPIC = 'payment.expired';
export const PAYMENT_REFUNDED_TOPIC = 'payment.refunded';

/** A payment that ended without money taken: the dossier may be paid again with a new payment. */
export interface PaymentEndedEvent {
  paymentId: string;
  dossierCode: string;
  amountVnd: number;
  /** FAILED or EXPIRED. */
  status: string;
  reason: string | null;
  /** ISO 8601 instant. */
  at: string;
}

/** The fee was refunded in full (partial refunds are only recorded in payment_refund). */
export interface PaymentRefundedEvent {
  paymentId: string;
  dossierCode: string;
  amountVnd: number;
  receiptNumber: string | null;
  refundedVnd: number;
  /** ISO 8601 instant. */
  refundedAt: string;
}
