/** What the payment provider's client takes and gives (client.ts). */
import type { RetryOptions } from '../kit/backoff';
import type { ProviderTransactionStatus, RefundFailureReason } from './messages';

export interface PaymentProviderClientOptions {
  /** Base URL of the provider's API, e.g. `https://payment.example.vn`. */
  baseUrl: string;
  /** The hub's merchant code at the provider. */
  merchantCode: string;
  /** Shared HMAC-SHA256 secret. */
  secret: string;
  /** Time allowed for one attempt at a call to the provider. @default 5000 */
  timeoutMs?: number;
  /** Retries of status queries, statements and refunds after a timeout or a 5xx. @default { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } */
  retry?: RetryOptions;
  /** Jitter source for the retries' backoff. @default Math.random */
  random?: () => number;
}

export interface CreateTransactionInput {
  /** Unique reference of the payment on the hub's side. */
  txnRef: string;
  amountVnd: number;
  /** Text shown to the payer; '|' is replaced, since it separates signed fields. */
  orderInfo: string;
  callbackUrl: string;
  returnUrl?: string;
}

export interface CreatedTransaction {
  /** Where to send the payer's browser. */
  paymentUrl: string;
  providerTxnId: string;
  /** Past this instant the provider no longer accepts the payment; absent when the provider did not say. */
  expiresAt?: Date;
}

export interface ProviderTransaction {
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: ProviderTransactionStatus;
  paidAt?: Date;
  /** Sum refunded so far (a partial refund leaves the status SUCCESS). */
  refundedVnd: number;
  expiresAt?: Date;
}

export interface RefundInput {
  txnRef: string;
  /** The hub's unique reference of this refund: asking again with it never refunds twice. */
  refundRef: string;
  /** Whole VND, at most what is left to refund. */
  amountVnd: number;
  /** Why the fee is given back; '|' is replaced, since it separates signed fields. */
  reason: string;
}

export interface RefundResult {
  refundRef: string;
  providerRefundId: string;
  amountVnd: number;
  /** FAILED: the provider declined (see `reason`); asking again with the same refundRef gets the same answer. */
  status: 'SUCCESS' | 'FAILED';
  reason?: RefundFailureReason;
  refundedAt?: Date;
}

/** One transaction of the provider's statement, as the provider sees it now. */
export interface ProviderStatementLine {
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: ProviderTransactionStatus;
  createdAt: Date;
  paidAt?: Date;
  refundedVnd: number;
}
