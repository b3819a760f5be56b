/** The JSON messages exchanged with the payment provider (see signature.ts for how each is signed). */
import { z } from 'zod';

/**
 * A transaction at the provider: PENDING until the payer pays (SUCCESS), gives up (FAILED) or lets the
 * deadline pass (EXPIRED); REFUNDED once the whole amount was given back (a partial refund leaves it
 * SUCCESS with `refundedVnd` > 0).
 */
export type ProviderTransactionStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'EXPIRED' | 'REFUNDED';

export const PROVIDER_TRANSACTION_STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'EXPIRED', 'REFUNDED'] as const;

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
const instant = z.iso.datetime({ offset: true });
/** Free text put into a signed field: '|' would blur the field boundaries. */
const signableText = (max: number) => z.string().min(1).max(max).refine((text) => !text.includes('|'), 'must not contain "|"');

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
  /** Past this instant the transaction can no longer be paid. */
  expiresAt: instant.nullable().optional(),
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
  status: z.enum(PROVIDER_TRANSACTION_STATUSES),
  paidAt: instant.nullable().optional(),
  checksum: z.string(),
});

export type TransactionStatusMessage = z.infer<typeof TransactionStatusSchema>;

/** Provider → merchant: the answer to a status query, signed over STATUS_RESPONSE_FIELDS. */
export const TransactionStatusResponseSchema = TransactionStatusSchema.extend({
  refundedVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  expiresAt: instant.nullable().optional(),
});

/** Why the provider refused a refund (a signed answer, not an HTTP error). */
export const REFUND_FAILURE_REASONS = ['TXN_NOT_FOUND', 'TXN_NOT_PAID', 'AMOUNT_EXCEEDS_REFUNDABLE'] as const;
export type RefundFailureReason = (typeof REFUND_FAILURE_REASONS)[number];

/** Merchant → provider: `POST /api/refunds`. */
export const RefundRequestSchema = z.object({
  merchantCode: z.string().min(1),
  txnRef,
  /** The merchant's reference of the refund: the same refundRef asked twice is one refund. */
  refundRef: txnRef,
  amountVnd,
  /** Why the fee is given back (lý do hoàn phí). */
  reason: signableText(255),
  checksum: z.string(),
});
export type RefundRequest = z.infer<typeof RefundRequestSchema>;

/** Provider → merchant: the refund's outcome. */
export const RefundResponseSchema = z.object({
  merchantCode: z.string(),
  txnRef,
  refundRef: txnRef,
  providerRefundId: z.string().min(1),
  amountVnd,
  status: z.enum(['SUCCESS', 'FAILED']),
  failureReason: z.enum(REFUND_FAILURE_REASONS).nullable().optional(),
  refundedAt: instant.nullable().optional(),
  checksum: z.string(),
});

/** One transaction in a statement. */
export const StatementLineSchema = z.object({
  txnRef,
  providerTxnId: z.string().min(1),
  amountVnd,
  currency: z.string().min(1),
  status: z.enum(PROVIDER_TRANSACTION_STATUSES),
  createdAt: instant,
  paidAt: instant.nullable().optional(),
  refundedVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type StatementLineMessage = z.infer<typeof StatementLineSchema>;

/** Provider → merchant: every transaction created in [from, to), oldest first. */
export const StatementResponseSchema = z.object({
  merchantCode: z.string(),
  from: instant,
  to: instant,
  lines: z.array(StatementLineSchema),
  checksum: z.string(),
});

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
