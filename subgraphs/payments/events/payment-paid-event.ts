/**
 * Written to the outbox in the transaction that makes the payment PAID, so a paid payment always has
 * its event and the dossier always leaves PAYMENT_DUE; published after commit, at least once (the
 * consumer is idempotent). The bus adds `outboxId`.
 */
export const PAYMENT_PAID_TOPIC = 'payment.paid';

export interface PaymentPaidEvent {
  paymentId: string;
  dossierCode: string;
  amountVnd: number;
  /** Số biên lai điện tử, e.g. `BL2026-000123`. */
  receiptNumber: string;
  /** ISO 8601 instant. */
  paidAt: string;
}
