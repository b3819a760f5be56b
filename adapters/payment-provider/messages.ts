/** The JSON messages exchanged with the payment provider (see signature.ts for how each is signed). */
import { z } from 'zod';

/** Outcome of a transaction at the provider. */
export type ProviderTransactionStatus = 'PENDING' | 'SUCCESS' | 'FAILED';

/** Merchant → provider: `POST /api/transactions`. */
export interface CreateTransactionRequest {
  merchantCode: string;
  /** The merchant's unique reference of the transaction. */
  txnRef: string;
  amountVnd: number;
  currency: 'VND';
  /** Text shown to the payer (nội dung thanh toán). */
  orderInfo: string;
  /** Where the provider POSTs the signed result, server to server. */
  callbackUrl: string;
  /** Where the payer's browser goes back after paying. */
  returnUrl?: string;
  checksum: string;
}

/** Only http(s): a provider must not be able to send the payer's browser to a `javascript:` URL. */
const httpUrl = z.url({ protocol: /^https?$/ });
const txnRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const amountVnd = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const CreateTransactionRequestSchema = z.object({
  merchantCode: z.string().min(1),
  txnRef,
  amountVnd,
  currency: z.literal('VND'),
  orderInfo: z.string().max(255),
  callbackUrl: httpUrl,
  returnUrl: httpUrl.optional(),
  checksum: z.string(),
});

export const CreateTransactionResponseSchema = z.object({
  merchantCode: z.string(),
  txnRef: z.string(),
  providerTxnId: z.string().min(1),
  paymentUrl: httpUrl,
  checksum: z.string(),
});

/**
 * Provider → merchant: the signed callback, and the answer to a status query (there `status` may be
 * PENDING). `paidAt` is an ISO 8601 instant, present once the payment succeeded.
 */
export const TransactionStatusSchema = z.object({
  merchantCode: z.string(),
  txnRef,
  providerTxnId: z.string().min(1),
  amountVnd,
  currency: z.string().min(1),
  status: z.enum(['PENDING', 'SUCCESS', 'FAILED']),
  paidAt: z.iso.datetime({ offset: true }).nullable().optional(),
  checksum: z.string(),
});

export type TransactionStatusMessage = z.infer<typeof TransactionStatusSchema>;

/** A verified callback from the provider. */
export interface CallbackPayload {
  merchantCode: string;
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: 'SUCCESS' | 'FAILED';
  /** When the payer paid; set when `status` is SUCCESS. */
  paidAt?: Date;
}
