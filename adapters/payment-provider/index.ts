/** Adapter for a national-payment-platform-style provider: the hub's client, and a sandbox simulator. */
export {
  PaymentProviderClient,
  type PaymentProviderClientOptions,
  type CreateTransactionInput,
  type CreatedTransaction,
  type ProviderTransaction,
  type RefundInput,
  type RefundResult,
  type ProviderStatementLine,
} from './client';
export type { CallbackPayload, ProviderTransactionStatus, RefundFailureReason } from './messages';
export { PROVIDER_TRANSACTION_STATUSES, REFUND_FAILURE_REASONS } from './messages';
export {
  createPaymentProviderSimulator,
  type PaymentProviderSimulator,
  type PaymentProviderSimulatorOptions,
  type SimulatedTransaction,
  type SimulatedRefund,
  type CallbackAttempt,
  type CallbackDelivery,
  type ForgedCallback,
} from './simulator';
export {
  canonicalString,
  signMessage,
  statementDigest,
  verifyMessage,
  CREATE_TRANSACTION_FIELDS,
  CREATE_RESPONSE_FIELDS,
  STATUS_QUERY_FIELDS,
  STATUS_RESPONSE_FIELDS,
  TRANSACTION_STATUS_FIELDS,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  STATEMENT_QUERY_FIELDS,
  STATEMENT_LINE_FIELDS,
  STATEMENT_RESPONSE_FIELDS,
} from './signature';
