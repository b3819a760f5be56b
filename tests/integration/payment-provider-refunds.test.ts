/** Refunds over real HTTP: client ↔ simulator, signatures both ways, idempotency, retries, outages. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPaymentProviderSimulator,
  PaymentProviderClient,
  type PaymentProviderSimulator,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  signMessage,
  verifyMessage,
} from '../../adapters/payment-provider';
import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';

const MERCHANT = 'LIENTHONG';
const SECRET = 'refund-test-payment-secret-0123456789';
const quiet = { warn: () => undefined };
const noRetryDelay = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 };

let simulator: PaymentProviderSimulator;
let providerUrl: string;
let client: PaymentProviderClient;
let merchant: Server;
let callbackUrl: string;

async function errorOf(promise: Promise<unknown>): Promise<{ extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { extensions: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

/** Opens and pays a transaction of `amountVnd` at the simulator. */
async function paid(txnRef: string, amountVnd = 100_000): Promise<void> {
  await client.createTransaction({ txnRef, amountVnd, orderInfo: 'Lệ phí cấp phiếu lý lịch tư pháp', callbackUrl });
  await simulator.completePayment(txnRef, 'SUCCESS');
}

const refundOf = (txnRef: string, refundRef: string, amountVnd: number) =>
  client.refund({ txnRef, refundRef, amountVnd, reason: 'Hồ sơ bị từ chối | hoàn phí' });

beforeAll(async () => {
  // The merchant side: accepts every callback (refunds do not depend on it).
  merchant = createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end('{}')));
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/cb`;
  simulator = createPaymentProviderSimulator({ merchantCode: MERCHANT, secret: SECRET, logger: quiet });
  ({ baseUrl: providerUrl } = await simulator.start());
  client = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: SECRET, retry: noRetryDelay });
});

afterEach(() => {
  simulator.setAvailable(true);
  simulator.setLatency(0);
});

afterAll(async () => {
  await simulator?.stop();
  merchant?.closeAllConnections();
  await new Promise<void>((resolve) => merchant?.close(() => resolve()));
});

describe('refunds', () => {
  it('refunds in parts, with signed answers, until nothing is left', async () => {
    await paid('LTREFUND0001');
    const first = await refundOf('LTREFUND0001', 'RF-0001-A', 40_000);
    expect(first).toMatchObject({ refundRef: 'RF-0001-A', amountVnd: 40_000, status: 'SUCCESS' });
    expect(first.providerRefundId).toMatch(/^RF\d+$/);
    expect(first.refundedAt).toBeInstanceOf(Date);
    expect(simulator.refunds.get('RF-0001-A')?.reason).toBe('Hồ sơ bị từ chối / hoàn phí');
    expect(await client.queryTransaction('LTREFUND0001')).toMatchObject({ status: 'SUCCESS', refundedVnd: 40_000 });

    const tooMuch = await refundOf('LTREFUND0001', 'RF-0001-B', 60_001);
    expect(tooMuch).toMatchObject({ status: 'FAILED', reason: 'AMOUNT_EXCEEDS_REFUNDABLE' });
    expect(tooMuch.refundedAt).toBeUndefined();

    expect(await refundOf('LTREFUND0001', 'RF-0001-C', 60_000)).toMatchObject({ status: 'SUCCESS' });
    expect(await client.queryTransaction('LTREFUND0001')).toMatchObject({ status: 'REFUNDED', refundedVnd: 100_000 });
    expect(await refundOf('LTREFUND0001', 'RF-0001-D', 1)).toMatchObject({ status: 'FAILED', reason: 'AMOUNT_EXCEEDS_REFUNDABLE' });
  });

  it('answers the same refund asked twice with the same answer, and refunds the money once', async () => {
    await paid('LTREFUND0002');
    const first = await refundOf('LTREFUND0002', 'RF-0002', 100_000);
    const second = await refundOf('LTREFUND0002', 'RF-0002', 100_000);
    expect(second).toEqual(first);
    expect(simulator.transaction('LTREFUND0002')?.refundedVnd).toBe(100_000);
    // The same reference for another amount is not "the same refund": refused, nothing refunded.
    const err = await errorOf(refundOf('LTREFUND0002', 'RF-0002', 50_000));
    expect(hasErrorCode(err, ErrorCode.UPSTREAM_BAD_RESPONSE)).toBe(true);
    expect(err.extensions).toMatchObject({ upstreamStatus: 409, upstreamCode: 'DUPLICATE_REFUND_REF' });
    expect(simulator.transaction('LTREFUND0002')?.refundedVnd).toBe(100_000);
  });

  it('declines unknown, unpaid and failed transactions with a signed FAILED answer', async () => {
    await client.createTransaction({ txnRef: 'LTREFUND0003', amountVnd: 5000, orderInfo: 'x', callbackUrl });
    expect(await refundOf('LTREFUND0003', 'RF-0003-A', 5000)).toMatchObject({ status: 'FAILED', reason: 'TXN_NOT_PAID' });
    expect(await refundOf('LTREFUND9999', 'RF-0003-B', 5000)).toMatchObject({ status: 'FAILED', reason: 'TXN_NOT_FOUND' });
    await simulator.completePayment('LTREFUND0003', 'FAILED');
    expect(await refundOf('LTREFUND0003', 'RF-0003-C', 5000)).toMatchObject({ status: 'FAILED', reason: 'TXN_NOT_PAID' });
    expect(simulator.transaction('LTREFUND0003')?.refundedVnd).toBe(0);
  });

  it('refuses a request with a bad signature, recording nothing', async () => {
    await paid('LTREFUND0004');
    const request = { merchantCode: MERCHANT, txnRef: 'LTREFUND0004', refundRef: 'RF-0004', amountVnd: 1000, reason: 'x' };
    const post = (body: unknown) =>
      fetch(`${providerUrl}/api/refunds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const forged = await post({ ...request, checksum: signMessage(REFUND_REQUEST_FIELDS, request, 'another-secret') });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ code: 'INVALID_SIGNATURE' });
    const tampered = await post({ ...request, amountVnd: 100_000, checksum: signMessage(REFUND_REQUEST_FIELDS, request, SECRET) });
    expect(tampered.status).toBe(401);
    expect(simulator.refunds.has('RF-0004')).toBe(false);
    expect(simulator.transaction('LTREFUND0004')?.refundedVnd).toBe(0);

    const genuine = await post({ ...request, checksum: signMessage(REFUND_REQUEST_FIELDS, request, SECRET) });
    const answer = (await genuine.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ status: 'SUCCESS', refundRef: 'RF-0004' });
    expect(verifyMessage(REFUND_RESPONSE_FIELDS, answer, answer.checksum, SECRET)).toBe(true);
  });

  it('refuses bad input before calling the provider', async () => {
    for (const input of [
      { txnRef: 'LTREFUND0005', refundRef: 'bad ref!', amountVnd: 1, reason: 'x' },
      { txnRef: 'LTREFUND0005', refundRef: 'RF-0005', amountVnd: 0, reason: 'x' },
      { txnRef: 'LTREFUND0005', refundRef: 'RF-0005', amountVnd: 1.5, reason: 'x' },
      { txnRef: 'LTREFUND0005', refundRef: 'RF-0005', amountVnd: 1, reason: '  ' },
    ]) {
      expect(hasErrorCode(await errorOf(client.refund(input)), ErrorCode.BAD_USER_INPUT)).toBe(true);
    }
    expect(simulator.refunds.has('RF-0005')).toBe(false);
  });

  it('retries after a late answer: the provider repeats its decision, the money moves once', async () => {
    await paid('LTREFUND0006');
    simulator.setLatency(400);
    const impatient = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: SECRET, timeoutMs: 150, retry: noRetryDelay });
    const err = await errorOf(impatient.refund({ txnRef: 'LTREFUND0006', refundRef: 'RF-0006', amountVnd: 30_000, reason: 'x' }));
    expect(hasErrorCode(err, ErrorCode.UPSTREAM_TIMEOUT)).toBe(true);
    // Each attempt was processed; the answers were only late.
    expect(simulator.transaction('LTREFUND0006')?.refundedVnd).toBe(30_000);
    simulator.setLatency(0);
    const later = await impatient.refund({ txnRef: 'LTREFUND0006', refundRef: 'RF-0006', amountVnd: 30_000, reason: 'x' });
    expect(later).toMatchObject({ status: 'SUCCESS', providerRefundId: simulator.refunds.get('RF-0006')?.providerRefundId });
    expect(simulator.transaction('LTREFUND0006')?.refundedVnd).toBe(30_000);
  });

  it('turns a provider that is down into UPSTREAM_UNAVAILABLE after its retries, with nothing refunded', async () => {
    await paid('LTREFUND0007');
    simulator.setAvailable(false);
    const err = await errorOf(refundOf('LTREFUND0007', 'RF-0007', 1000));
    expect(hasErrorCode(err, ErrorCode.UPSTREAM_UNAVAILABLE)).toBe(true);
    expect(err.extensions).toMatchObject({ upstreamStatus: 503 });
    expect(simulator.refunds.has('RF-0007')).toBe(false);
    simulator.setAvailable(true);
    expect(await refundOf('LTREFUND0007', 'RF-0007', 1000)).toMatchObject({ status: 'SUCCESS' });
  });
});

describe('a refund answer that cannot be trusted', () => {
  let stub: Server;
  let stubUrl: string;
  let answer: (body: Record<string, unknown>) => Record<string, unknown>;

  beforeAll(async () => {
    // Plays the provider: answers each refund request with what the test builds from it.
    stub = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk)).on('end', () => res.writeHead(200).end(JSON.stringify(answer(JSON.parse(text)))));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    stub.closeAllConnections();
    await new Promise<void>((resolve) => stub.close(() => resolve()));
  });

  const genuine = (request: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const message = {
      merchantCode: MERCHANT,
      txnRef: request.txnRef,
      refundRef: request.refundRef,
      providerRefundId: 'RF1',
      amountVnd: request.amountVnd,
      status: 'SUCCESS',
      failureReason: null,
      refundedAt: '2026-11-30T02:00:00.000Z',
      ...overrides,
    };
    return { ...message, checksum: signMessage(REFUND_RESPONSE_FIELDS, message, SECRET) };
  };

  it.each([
    ['a genuine answer', (r: Record<string, unknown>) => genuine(r), null],
    ['a FAILED answer turned SUCCESS', (r: Record<string, unknown>) => ({ ...genuine(r, { status: 'FAILED', failureReason: 'TXN_NOT_PAID' }), status: 'SUCCESS', failureReason: null }), ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['an answer signed with another key', (r: Record<string, unknown>) => ({ ...genuine(r), checksum: signMessage(REFUND_RESPONSE_FIELDS, genuine(r), 'x') }), ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['the answer for another refund', (r: Record<string, unknown>) => genuine(r, { refundRef: 'RF-OTHER' }), ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['the answer for another amount', (r: Record<string, unknown>) => genuine(r, { amountVnd: 1 }), ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['a decline without a reason', (r: Record<string, unknown>) => genuine(r, { status: 'FAILED' }), ErrorCode.UPSTREAM_BAD_RESPONSE],
  ])('%s', async (_what, build, code) => {
    answer = build;
    const viaStub = new PaymentProviderClient({ baseUrl: stubUrl, merchantCode: MERCHANT, secret: SECRET, retry: noRetryDelay });
    const call = viaStub.refund({ txnRef: 'LTREFUND0008', refundRef: 'RF-0008', amountVnd: 2000, reason: 'x' });
    if (code === null) await expect(call).resolves.toMatchObject({ status: 'SUCCESS', providerRefundId: 'RF1' });
    else expect(hasErrorCode(await errorOf(call), code)).toBe(true);
  });
});
