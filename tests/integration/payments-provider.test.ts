/** The payment-provider adapter against its simulator and against misbehaving providers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CREATE_RESPONSE_FIELDS,
  createPaymentProviderSimulator,
  PaymentProviderClient,
  type PaymentProviderSimulator,
  signMessage,
  STATUS_QUERY_FIELDS,
  STATUS_RESPONSE_FIELDS,
  TRANSACTION_STATUS_FIELDS,
  verifyMessage,
} from '../../adapters/payment-provider';
import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';

const MERCHANT = 'LIENTHONG';
const SECRET = 'provider-test-payment-secret-0123456789';
const quiet = { warn: () => undefined };

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A tiny HTTP server whose behaviour each test sets; it plays a merchant or a faulty provider. */
async function startStub(): Promise<{ url: string; handle: (h: Handler) => void; stop: () => Promise<void> }> {
  let handler: Handler = (_req, res) => res.end();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handle: (h) => (handler = h),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

let simulator: PaymentProviderSimulator;
let providerUrl: string;
let client: PaymentProviderClient;
let stub: Awaited<ReturnType<typeof startStub>>;

beforeAll(async () => {
  simulator = createPaymentProviderSimulator({
    merchantCode: MERCHANT,
    secret: SECRET,
    callbackRetries: 2,
    callbackRetryDelayMs: 10,
    logger: quiet,
  });
  ({ baseUrl: providerUrl } = await simulator.start());
  client = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: SECRET });
  stub = await startStub();
});

afterAll(async () => {
  await simulator?.stop();
  await stub?.stop();
});

describe('client ↔ simulator', () => {
  it('opens a transaction, idempotently for the same reference and amount', async () => {
    const input = { txnRef: 'LT20261123PROV000001', amountVnd: 50000, orderInfo: 'Nộp phí | hồ sơ', callbackUrl: `${stub.url}/cb` };
    const created = await client.createTransaction(input);
    expect(created.paymentUrl).toBe(`${providerUrl}/pay/LT20261123PROV000001`);
    expect(created.providerTxnId).toMatch(/^SIM\d+$/);
    // 15 minutes to pay by default, said in the signed answer.
    const { createdAt } = simulator.transactions.get(input.txnRef)!;
    expect(created.expiresAt).toEqual(new Date(createdAt.getTime() + 15 * 60_000));
    expect(simulator.transactions.get(input.txnRef)?.orderInfo).toBe('Nộp phí / hồ sơ');
    expect(await client.createTransaction(input)).toEqual(created);
  });

  it('surfaces the provider refusing a reused reference with another amount as UPSTREAM_BAD_RESPONSE', async () => {
    const err = await errorOf(
      client.createTransaction({ txnRef: 'LT20261123PROV000001', amountVnd: 99000, orderInfo: 'x', callbackUrl: `${stub.url}/cb` }),
    );
    expect(hasErrorCode(err, ErrorCode.UPSTREAM_BAD_RESPONSE)).toBe(true);
    expect((err as { extensions: Record<string, unknown> }).extensions).toMatchObject({ upstreamStatus: 409, upstreamCode: 'DUPLICATE_TXN_REF' });
    expect(simulator.transactions.get('LT20261123PROV000001')?.amountVnd).toBe(50000);
  });

  it('is refused by the simulator when signed with another secret', async () => {
    const impostor = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: 'a-different-secret-entirely' });
    const err = await errorOf(
      impostor.createTransaction({ txnRef: 'LT20261123PROV000009', amountVnd: 1000, orderInfo: 'x', callbackUrl: `${stub.url}/cb` }),
    );
    expect((err as { extensions: Record<string, unknown> }).extensions).toMatchObject({ upstreamStatus: 401, upstreamCode: 'INVALID_SIGNATURE' });
    expect(simulator.transactions.has('LT20261123PROV000009')).toBe(false);
    const query = { merchantCode: MERCHANT, txnRef: 'LT20261123PROV000001' };
    const forged = await fetch(`${providerUrl}/api/transactions/${query.txnRef}?merchantCode=${MERCHANT}&checksum=${'0'.repeat(64)}`);
    expect(forged.status).toBe(401);
    const genuine = await fetch(
      `${providerUrl}/api/transactions/${query.txnRef}?merchantCode=${MERCHANT}&checksum=${signMessage(STATUS_QUERY_FIELDS, query, SECRET)}`,
    );
    expect(genuine.status).toBe(200);
  });

  it('queries a transaction through its life (reconciliation), and null for an unknown one', async () => {
    expect(await client.queryTransaction('LT20261123PROV000001')).toMatchObject({ status: 'PENDING', amountVnd: 50000, currency: 'VND' });
    stub.handle((_req, res) => res.writeHead(200).end('{}'));
    await simulator.completePayment('LT20261123PROV000001', 'SUCCESS');
    const paid = await client.queryTransaction('LT20261123PROV000001');
    expect(paid).toMatchObject({ status: 'SUCCESS' });
    expect(paid?.paidAt).toEqual(simulator.transactions.get('LT20261123PROV000001')?.paidAt);
    expect(await client.queryTransaction('LT20261123UNKNOWN0000')).toBeNull();
  });
});

describe('simulator callbacks', () => {
  const open = (txnRef: string) => client.createTransaction({ txnRef, amountVnd: 30000, orderInfo: 'x', callbackUrl: `${stub.url}/cb` });

  it('posts a signed callback, retrying while the merchant answers non-2xx', async () => {
    await open('LT20261123PROV000002');
    const received: Array<Record<string, unknown>> = [];
    stub.handle((_req, res, body) => {
      received.push(JSON.parse(body));
      res.writeHead(received.length < 3 ? 503 : 200).end();
    });
    await simulator.completePayment('LT20261123PROV000002', 'SUCCESS');
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => JSON.stringify(r))).size).toBe(1);
    const [callback] = received;
    expect(callback).toMatchObject({ merchantCode: MERCHANT, txnRef: 'LT20261123PROV000002', amountVnd: 30000, currency: 'VND', status: 'SUCCESS' });
    expect(verifyMessage(TRANSACTION_STATUS_FIELDS, callback, callback.checksum, SECRET)).toBe(true);
    expect(client.verifyCallback(callback).status).toBe('SUCCESS');
    expect(simulator.transactions.get('LT20261123PROV000002')?.callbackAttempts.map((a) => a.httpStatus)).toEqual([503, 503, 200]);
  });

  it('gives up after 1 + callbackRetries attempts', async () => {
    await open('LT20261123PROV000003');
    let attempts = 0;
    stub.handle((_req, res) => {
      attempts++;
      res.writeHead(500).end();
    });
    await expect(simulator.completePayment('LT20261123PROV000003', 'FAILED')).rejects.toThrow(/not accepted after 3 attempts/);
    expect(attempts).toBe(3);
    await expect(simulator.completePayment('LT20261123PROV000003', 'SUCCESS')).rejects.toThrow(/already FAILED/);
  });
});

describe('client against a faulty provider', () => {
  const input = { txnRef: 'LT20261123PROV000004', amountVnd: 1000, orderInfo: 'x', callbackUrl: 'http://127.0.0.1:1/cb' };
  const faulty = (timeoutMs = 5000) => new PaymentProviderClient({ baseUrl: stub.url, merchantCode: MERCHANT, secret: SECRET, timeoutMs });
  const signedResponse = (overrides: Record<string, unknown> = {}) => {
    const message = { merchantCode: MERCHANT, txnRef: input.txnRef, providerTxnId: 'P1', paymentUrl: `${stub.url}/pay/x`, ...overrides };
    return JSON.stringify({ ...message, checksum: signMessage(CREATE_RESPONSE_FIELDS, message, SECRET) });
  };

  it('accepts a well-signed answer', async () => {
    stub.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(signedResponse()));
    expect(await faulty().createTransaction(input)).toEqual({ paymentUrl: `${stub.url}/pay/x`, providerTxnId: 'P1' });
  });

  it.each([
    ['a silent provider', 'UPSTREAM_TIMEOUT', (_req: IncomingMessage, _res: ServerResponse) => undefined],
    ['HTTP 503', 'UPSTREAM_UNAVAILABLE', (_req: IncomingMessage, res: ServerResponse) => res.writeHead(503).end('busy')],
    ['a body that is not JSON', 'UPSTREAM_BAD_RESPONSE', (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200).end('<html>')],
    [
      'a tampered redirect URL',
      'UPSTREAM_BAD_RESPONSE',
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200).end(JSON.stringify({ ...JSON.parse(signedResponse()), paymentUrl: 'http://evil.example/pay' })),
    ],
    [
      'a javascript: URL, even signed',
      'UPSTREAM_BAD_RESPONSE',
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200).end(signedResponse({ paymentUrl: 'javascript:alert(1)' })),
    ],
    [
      'the answer for another transaction',
      'UPSTREAM_BAD_RESPONSE',
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200).end(signedResponse({ txnRef: 'LT20261123OTHER00000' })),
    ],
  ])('turns %s into %s', async (_what, code, handler) => {
    stub.handle(handler);
    // Only the silent provider needs a short timeout; the others get time to answer on a loaded machine.
    const err = await errorOf(faulty(code === 'UPSTREAM_TIMEOUT' ? 300 : 5000).createTransaction(input));
    expect((err as { extensions?: { code?: string } }).extensions?.code).toBe(code);
  });

  it('retries a status query after a 5xx, but never a transaction opening', async () => {
    const status = { merchantCode: MERCHANT, txnRef: input.txnRef, providerTxnId: 'P1', amountVnd: 1000, currency: 'VND', status: 'PENDING', refundedVnd: 0 };
    let calls = 0;
    stub.handle((req, res) => {
      calls++;
      if (req.method === 'POST' || calls < 3) return res.writeHead(503).end('busy');
      res.writeHead(200).end(JSON.stringify({ ...status, checksum: signMessage(STATUS_RESPONSE_FIELDS, status, SECRET) }));
    });
    const patient = new PaymentProviderClient({ baseUrl: stub.url, merchantCode: MERCHANT, secret: SECRET, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    expect(await patient.queryTransaction(input.txnRef)).toMatchObject({ status: 'PENDING', refundedVnd: 0 });
    expect(calls).toBe(3);
    calls = 0;
    expect((await errorOf(patient.createTransaction(input)) as { extensions: { code: string } }).extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(calls).toBe(1);
  });

  it('does not take a signed status answer for a callback', async () => {
    const status = { merchantCode: MERCHANT, txnRef: input.txnRef, providerTxnId: 'P1', amountVnd: 1000, currency: 'VND', status: 'SUCCESS', paidAt: '2026-11-30T02:00:00.000Z', refundedVnd: 0, expiresAt: '2026-11-30T02:15:00.000Z' };
    const err = await errorOf(Promise.resolve().then(() => client.verifyCallback({ ...status, checksum: signMessage(STATUS_RESPONSE_FIELDS, status, SECRET) })));
    expect(hasErrorCode(err, ErrorCode.INVALID_SIGNATURE)).toBe(true);
  });

  it('turns an unreachable provider into UPSTREAM_UNAVAILABLE', async () => {
    const down = new PaymentProviderClient({ baseUrl: 'http://127.0.0.1:1', merchantCode: MERCHANT, secret: SECRET });
    const err = await errorOf(down.queryTransaction('LT20261123PROV000005'));
    expect((err as { extensions?: { code?: string } }).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
