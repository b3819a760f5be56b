import * as crypto from 'node:crypto';
import {
  canonicalString,
  PaymentProviderClient,
  signMessage,
  TRANSACTION_STATUS_FIELDS,
  verifyMessage,
} from '../../adapters/payment-provider';
import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';

// The real function, wrapped so the test can see that verification goes through it.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SECRET = 'unit-test-payment-secret-0123456789';

const callback = {
  merchantCode: 'LIENTHONG',
  txnRef: 'LT20261123ABCDEFGHJK',
  providerTxnId: 'SIM1732345678000123456',
  amountVnd: 200000,
  currency: 'VND',
  status: 'SUCCESS',
  paidAt: '2026-11-23T03:04:05.000Z',
};

const signed = (message: Record<string, unknown>) => ({
  ...message,
  checksum: signMessage(TRANSACTION_STATUS_FIELDS, message, SECRET),
});

describe('canonical string', () => {
  it('joins the fields in the documented order with "|", whatever the key order of the message', () => {
    const shuffled = Object.fromEntries(Object.entries(callback).reverse());
    expect(canonicalString(TRANSACTION_STATUS_FIELDS, shuffled)).toBe(
      'LIENTHONG|LT20261123ABCDEFGHJK|SIM1732345678000123456|200000|VND|SUCCESS|2026-11-23T03:04:05.000Z',
    );
  });

  it('writes absent fields as empty strings and ignores fields that are not signed', () => {
    expect(canonicalString(['a', 'b', 'c'], { a: 'x', c: null, extra: 'ignored' })).toBe('x||');
  });

  it('refuses values that would blur field boundaries or are not plain', () => {
    expect(() => canonicalString(['a'], { a: 'x|y' })).toThrow(/cannot be signed/);
    expect(() => canonicalString(['a'], { a: 1.5 })).toThrow(/cannot be signed/);
    expect(() => canonicalString(['a'], { a: { nested: true } })).toThrow(/cannot be signed/);
  });
});

describe('signature', () => {
  it('is the hex HMAC-SHA256 of the canonical string', () => {
    const expected = crypto
      .createHmac('sha256', SECRET)
      .update(canonicalString(TRANSACTION_STATUS_FIELDS, callback))
      .digest('hex');
    expect(signMessage(TRANSACTION_STATUS_FIELDS, callback, SECRET)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips, and accepts upper-case hex', () => {
    const message = signed(callback);
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum, SECRET)).toBe(true);
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum.toUpperCase(), SECRET)).toBe(true);
  });

  it('rejects any changed field, another secret, and malformed checksums', () => {
    const message = signed(callback);
    for (const [field, value] of Object.entries({ amountVnd: 2000000, status: 'FAILED', txnRef: 'LT20261123ZZZZZZZZZZ' })) {
      expect(verifyMessage(TRANSACTION_STATUS_FIELDS, { ...message, [field]: value }, message.checksum, SECRET)).toBe(false);
    }
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum, `${SECRET}-other`)).toBe(false);
    for (const bad of [undefined, '', 'abc', message.checksum.slice(0, 62), `${message.checksum}00`, 'z'.repeat(64), 42]) {
      expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, bad, SECRET)).toBe(false);
    }
  });

  it('compares checksums with crypto.timingSafeEqual, never with ===', () => {
    const spy = crypto.timingSafeEqual as jest.MockedFunction<typeof crypto.timingSafeEqual>;
    spy.mockClear();
    const message = signed(callback);
    const forged = `${message.checksum.slice(0, 63)}${message.checksum.endsWith('0') ? '1' : '0'}`;
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, forged, SECRET)).toBe(false);
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum, SECRET)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls as Array<[Buffer, Buffer]>) {
      expect(a).toHaveLength(32);
      expect(b).toHaveLength(32);
    }
    // Its answer alone decides: were it bypassed by a plain comparison, this forged value would fail.
    spy.mockReturnValueOnce(true);
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, message, forged, SECRET)).toBe(true);
  });
});

describe('PaymentProviderClient.verifyCallback', () => {
  const client = new PaymentProviderClient({ baseUrl: 'http://127.0.0.1:9', merchantCode: 'LIENTHONG', secret: SECRET });

  it('returns the typed payload of a correctly signed callback', () => {
    expect(client.verifyCallback(signed(callback))).toEqual({
      merchantCode: 'LIENTHONG',
      txnRef: callback.txnRef,
      providerTxnId: callback.providerTxnId,
      amountVnd: 200000,
      currency: 'VND',
      status: 'SUCCESS',
      paidAt: new Date(callback.paidAt),
    });
  });

  it('rejects a forged, missing or foreign signature with INVALID_SIGNATURE', () => {
    const forgedSecret = {
      ...callback,
      checksum: signMessage(TRANSACTION_STATUS_FIELDS, callback, 'attacker-guess-of-the-secret'),
    };
    const tampered = { ...signed(callback), amountVnd: 1000 };
    const unsigned = { ...callback };
    const otherMerchant = signed({ ...callback, merchantCode: 'OTHER' });
    for (const body of [forgedSecret, tampered, unsigned, otherMerchant, null, 'text']) {
      let caught: unknown;
      try {
        client.verifyCallback(body);
      } catch (err) {
        caught = err;
      }
      expect(hasErrorCode(caught, ErrorCode.INVALID_SIGNATURE)).toBe(true);
    }
  });

  it('rejects a correctly signed but malformed callback with BAD_USER_INPUT', () => {
    for (const body of [signed({ ...callback, status: 'PENDING' }), signed({ ...callback, paidAt: null }), signed({ ...callback, amountVnd: -5 })]) {
      let caught: unknown;
      try {
        client.verifyCallback(body);
      } catch (err) {
        caught = err;
      }
      expect(hasErrorCode(caught, ErrorCode.BAD_USER_INPUT)).toBe(true);
    }
  });
});
