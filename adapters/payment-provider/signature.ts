/**
 * Message signing agreed between the hub (merchant) and the payment provider, in the style of the
 * national payment platform: every message carries `checksum` = hex(HMAC-SHA256(secret, canonical)),
 * where `canonical` is the message's fields, in the fixed order listed below, joined with '|'.
 * A field that is absent (undefined or null) contributes an empty string; numbers are written in
 * base 10 without separators. A value may not itself contain '|' (it would make two different
 * messages share a canonical string), so such a message cannot be signed nor verified.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Merchant → provider: open a transaction (`POST /api/transactions`). */
export const CREATE_TRANSACTION_FIELDS = [
  'merchantCode',
  'txnRef',
  'amountVnd',
  'currency',
  'orderInfo',
  'callbackUrl',
  'returnUrl',
] as const;

/**
 * Provider → merchant: the answer to a create request, so neither the redirect URL nor the deadline
 * to pay can be tampered with.
 */
export const CREATE_RESPONSE_FIELDS = ['merchantCode', 'txnRef', 'providerTxnId', 'paymentUrl', 'expiresAt'] as const;

/** Merchant → provider: status query (`GET /api/transactions/:txnRef?merchantCode=…&checksum=…`). */
export const STATUS_QUERY_FIELDS = ['merchantCode', 'txnRef'] as const;

/** Provider → merchant: the payment callback, and the answer to a status query. */
export const TRANSACTION_STATUS_FIELDS = [
  'merchantCode',
  'txnRef',
  'providerTxnId',
  'amountVnd',
  'currency',
  'status',
  'paidAt',
] as const;

/**
 * Provider → merchant: the answer to a status query. It says more than a callback (refunds, expiry),
 * and its longer field list also keeps a status answer from being replayed as a callback.
 */
export const STATUS_RESPONSE_FIELDS = [...TRANSACTION_STATUS_FIELDS, 'refundedVnd', 'expiresAt'] as const;

/** Merchant → provider: refund part or all of a paid transaction (`POST /api/refunds`). */
export const REFUND_REQUEST_FIELDS = ['merchantCode', 'txnRef', 'refundRef', 'amountVnd', 'reason'] as const;

/** Provider → merchant: the outcome of a refund request. */
export const REFUND_RESPONSE_FIELDS = [
  'merchantCode',
  'txnRef',
  'refundRef',
  'providerRefundId',
  'amountVnd',
  'status',
  'failureReason',
  'refundedAt',
] as const;

/** Merchant → provider: the statement of a period (`GET /api/statements?merchantCode=…&from=…&to=…&checksum=…`). */
export const STATEMENT_QUERY_FIELDS = ['merchantCode', 'from', 'to'] as const;

/** One line of a statement; the lines are signed together through {@link statementDigest}. */
export const STATEMENT_LINE_FIELDS = [
  'txnRef',
  'providerTxnId',
  'amountVnd',
  'currency',
  'status',
  'createdAt',
  'paidAt',
  'refundedVnd',
] as const;

/**
 * Provider → merchant: the statement. `linesDigest` is not sent: each side computes it from the lines,
 * so that a line added, removed, reordered or altered breaks the checksum.
 */
export const STATEMENT_RESPONSE_FIELDS = ['merchantCode', 'from', 'to', 'linesDigest'] as const;

export type SignableValue = string | number | null | undefined;
export type SignableMessage = Readonly<Record<string, unknown>>;

const SEPARATOR = '|';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Raised when a message holds a value that cannot be put into a canonical string. */
export class UnsignableMessageError extends Error {
  constructor(field: string) {
    super(`field "${field}" cannot be signed: it must be a string or an integer without "${SEPARATOR}"`);
    this.name = 'UnsignableMessageError';
  }
}

/** The canonical string of `message` over `fields`, e.g. `LIENTHONG|LT2026…|200000|VND|…`. */
export function canonicalString(fields: readonly string[], message: SignableMessage): string {
  return fields
    .map((field) => {
      const value = message[field];
      if (value === undefined || value === null) return '';
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      if (typeof value === 'string' && !value.includes(SEPARATOR)) return value;
      throw new UnsignableMessageError(field);
    })
    .join(SEPARATOR);
}

/** hex(HMAC-SHA256(secret, canonical string of `message` over `fields`)). */
export function signMessage(fields: readonly string[], message: SignableMessage, secret: string): string {
  return createHmac('sha256', secret).update(canonicalString(fields, message), 'utf8').digest('hex');
}

/**
 * True when `checksum` is the signature of `message`. Compares in constant time (`timingSafeEqual`
 * on the decoded bytes), so an attacker cannot learn the expected checksum byte by byte from timing;
 * a checksum of the wrong shape or an unsignable message is simply not valid.
 */
export function verifyMessage(
  fields: readonly string[],
  message: SignableMessage,
  checksum: unknown,
  secret: string,
): boolean {
  if (typeof checksum !== 'string' || !HEX_SHA256.test(checksum)) return false;
  let expected: Buffer;
  try {
    expected = Buffer.from(signMessage(fields, message, secret), 'hex');
  } catch (err) {
    if (err instanceof UnsignableMessageError) return false;
    throw err;
  }
  return timingSafeEqual(expected, Buffer.from(checksum, 'hex'));
}

/**
 * hex(SHA-256) of the JSON array of the lines' canonical strings. JSON rather than a separator, so
 * that no value can make two different lists of lines share a digest.
 */
export function statementDigest(lines: readonly SignableMessage[]): string {
  const canonical = lines.map((line) => canonicalString(STATEMENT_LINE_FIELDS, line));
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
