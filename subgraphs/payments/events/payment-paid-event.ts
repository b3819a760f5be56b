/** Published once per payment, after the transaction that made it PAID committed. */
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
