/**
 * Message signing agreed between the hub (merchant) and the payment provider, in the style of the
 * national payment platform: every message carries `checksum` = hex(HMAC-SHA256(secret, canonical)),
 * where `canonical` is the message's fields, in the fixed order listed below, joined with '|'.
 * A field that is absent (undefined or null) contributes an empty string; numbers are written in
 * base 10 without separators. A value may not itself contain '|' (it would make two different
 * messages share a canonical string), so such a message cannot be signed nor verified.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** Provider → merchant: the answer to a create request, so the redirect URL cannot be tampered with. */
export const CREATE_RESPONSE_FIELDS = ['merchantCode', 'txnRef', 'providerTxnId', 'paymentUrl'] as const;

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
