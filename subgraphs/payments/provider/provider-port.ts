/**
 * What the payments subgraph uses of the payment provider's client (adapters/payment-provider): a
 * narrow port, so the lifecycle code says exactly which calls it depends on. The real client is
 * passed in production and in the integration tests (against the simulator over HTTP).
 */
import type { CallbackPayload, CreateTransactionInput } from '../../../adapters/payment-provider';

/** The provider's status of a transaction, as its status query and statement report it. */
export type ProviderStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'EXPIRED' | 'REFUNDED';

export interface OpenedTransaction {
  paymentUrl: string;
  providerTxnId?: string;
  /** When the provider stops accepting payment for it. */
  expiresAt?: Date;
}

export interface ProviderTransactionView {
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: ProviderStatus | string;
  paidAt?: Date;
}

export interface RefundRequest {
  txnRef: string;
  /** Our reference: the provider makes one refund per refundRef, however often it is asked. */
  refundRef: string;
  amountVnd: number;
  reason: string;
}

export interface RefundAnswer {
  refundRef: string;
  providerRefundId: string;
  status: 'SUCCESS' | 'FAILED';
  reason?: string;
}

/** One line of the provider's statement (sao kê) for a period. */
export interface StatementLine {
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: ProviderStatus | string;
  paidAt?: Date | string | null;
  refundedVnd: number;
}

export interface PaymentProviderPort {
  createTransaction(input: CreateTransactionInput): Promise<OpenedTransaction>;
  /** null when the provider does not know the transaction. */
  queryTransaction(txnRef: string): Promise<ProviderTransactionView | null>;
  /** Throws INVALID_SIGNATURE / BAD_USER_INPUT for a body that is not a valid signed callback. */
  verifyCallback(body: unknown): CallbackPayload;
  refund(request: RefundRequest): Promise<RefundAnswer>;
  statement(period: { from: Date; to: Date }): Promise<StatementLine[]>;
}
