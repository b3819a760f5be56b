/** Adapter for a national-payment-platform-style provider: the hub's client, and a sandbox simulator. */
export {
  PaymentProviderClient,
  type PaymentProviderClientOptions,
  type CreateTransactionInput,
  type CreatedTransaction,
  type ProviderTransaction,
} from './client';
export type { CallbackPayload, ProviderTransactionStatus } from './messages';
export {
  createPaymentProviderSimulator,
  type PaymentProviderSimulator,
  type PaymentProviderSimulatorOptions,
  type SimulatedTransaction,
  type CallbackAttempt,
} from './simulator';
export {
  canonicalString,
  signMessage,
  verifyMessage,
  CREATE_TRANSACTION_FIELDS,
  CREATE_RESPONSE_FIELDS,
  STATUS_QUERY_FIELDS,
  TRANSACTION_STATUS_FIELDS,
} from './signature';
