/**
 * Over real HTTP: expiry on the provider's clock, the signed statement (and a forged one refused),
 * and the simulator's test levers (lost, replayed and forged callbacks) against a merchant that
 * verifies callbacks with the client.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CallbackPayload,
  createPaymentProviderSimulator,
  PaymentProviderClient,
  type PaymentProviderSimulator,
} from '../../adapters/payment-provider';
import { ErrorCode, hasErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const MERCHANT = 'LIENTHONG';
const SECRET = 'statement-test-payment-secret-0123456789';
const quiet = { warn: () => undefined };
const T0 = new Date('2026-11-30T02:00:00.000Z');
const MINUTE = 60_000;

let clock = T0.getTime();
let simulator: PaymentProviderSimulator;
let providerUrl: string;
let client: PaymentProviderClient;
let merchant: Server;
let callbackUrl: string;
/** What the merchant made of each callback: the verified payload, or the rejection's code. */
const verdicts: Array<CallbackPayload | string> = [];

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const open = (txnRef: string, amountVnd = 25_000) => client.createTransaction({ txnRef, amountVnd, orderInfo: 'Lệ phí', callbackUrl });

beforeAll(async () => {
  merchant = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      try {
        verdicts.push(client.verifyCallback(JSON.parse(text)));
        res.writeHead(200).end('{"ok":true}');
      } catch (err) {
        const code = err instanceof LienthongError ? err.code : 'INTERNAL';
        verdicts.push(code);
        res.writeHead(err instanceof LienthongError ? 401 : 500).end(JSON.stringify({ code }));
      }
    });
  });
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/cb`;
  simulator = createPaymentProviderSimulator({
    merchantCode: MERCHANT,
    secret: SECRET,
    callbackRetries: 1,
    callbackRetryDelayMs: 5,
    expiresInMinutes: 15,
    now: () => new Date(clock),
    logger: quiet,
  });
  ({ baseUrl: providerUrl } = await simulator.start());
  client = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: SECRET, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
});

afterAll(async () => {
  await simulator?.stop();
  merchant?.closeAllConnections();
  await new Promise<void>((resolve) => merchant?.close(() => resolve()));
});

beforeEach(() => {
  verdicts.length = 0;
  simulator.dropCallbacks(false);
});

describe('expiry', () => {
  it('says when a transaction expires, answers EXPIRED past it, and no longer lets it be paid', async () => {
    clock = T0.getTime();
    const created = await open('LTEXPIRY0001');
    expect(created.expiresAt).toEqual(new Date(T0.getTime() + 15 * MINUTE));
    clock += 15 * MINUTE - 1000;
    expect(await client.queryTransaction('LTEXPIRY0001')).toMatchObject({ status: 'PENDING', expiresAt: created.expiresAt, refundedVnd: 0 });
    clock += 1000;
    expect(await client.queryTransaction('LTEXPIRY0001')).toMatchObject({ status: 'EXPIRED' });
    const page = await fetch(`${providerUrl}/pay/LTEXPIRY0001`);
    const html = await page.text();
    expect(html).toContain('Giao dịch đã hết hạn thanh toán');
    expect(html).not.toContain('/confirm');
    const confirm = await fetch(`${providerUrl}/pay/LTEXPIRY0001/confirm`, { method: 'POST' });
    expect(confirm.status).toBe(409);
    await expect(simulator.completePayment('LTEXPIRY0001', 'SUCCESS')).rejects.toThrow(/already EXPIRED/);
    expect(simulator.transaction('LTEXPIRY0001')?.paidAt).toBeUndefined();
    expect(verdicts).toEqual([]);
  });
});

describe('statement', () => {
  const day = new Date('2026-12-01T00:00:00.000Z').getTime();

  beforeAll(async () => {
    clock = day + 60 * MINUTE;
    await open('LTSTMT0001', 10_000); // paid, partly refunded
    await simulator.completePayment('LTSTMT0001', 'SUCCESS');
    await client.refund({ txnRef: 'LTSTMT0001', refundRef: 'RF-STMT-1', amountVnd: 4000, reason: 'Hoàn một phần' });
    clock += MINUTE;
    await open('LTSTMT0002', 20_000); // left to expire
    clock += MINUTE;
    await open('LTSTMT0003', 30_000); // paid, callback lost
    simulator.settleWithoutCallback('LTSTMT0003');
    clock = day + 30 * 60 * MINUTE; // the next day, 06:00
    await open('LTSTMT0004', 40_000); // outside the period
  });

  it('lists every transaction created in the period as the provider sees it now', async () => {
    const lines = await client.statement({ from: new Date(day), to: new Date(day + 24 * 60 * MINUTE) });
    expect(lines.map((l) => [l.txnRef, l.status, l.amountVnd, l.refundedVnd, l.paidAt !== undefined])).toEqual([
      ['LTSTMT0001', 'SUCCESS', 10_000, 4000, true],
      ['LTSTMT0002', 'EXPIRED', 20_000, 0, false],
      ['LTSTMT0003', 'SUCCESS', 30_000, 0, true],
    ]);
    expect(lines[0]).toMatchObject({ currency: 'VND', createdAt: new Date(day + 60 * MINUTE) });
    expect(lines[2].providerTxnId).toBe(simulator.transaction('LTSTMT0003')?.providerTxnId);
    expect(simulator.transaction('LTSTMT0003')?.callbackAttempts).toEqual([]);
  });

  it('refuses a period that does not end after it starts, before calling the provider', async () => {
    const err = await errorOf(client.statement({ from: new Date(day), to: new Date(day) }));
    expect(hasErrorCode(err, ErrorCode.BAD_USER_INPUT)).toBe(true);
  });

  describe('through a provider that tampers with its answers', () => {
    let proxy: Server;
    let tamper: (body: Record<string, unknown>) => Record<string, unknown>;
    let viaProxy: PaymentProviderClient;

    beforeAll(async () => {
      // Relays the merchant's genuine request to the simulator, then alters the genuine answer.
      proxy = createServer((req, res) => {
        void fetch(providerUrl + req.url)
          .then((upstream) => upstream.json())
          .then((body) => res.writeHead(200).end(JSON.stringify(tamper(body as Record<string, unknown>))));
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      viaProxy = new PaymentProviderClient({ baseUrl: proxyUrl, merchantCode: MERCHANT, secret: SECRET, retry: { attempts: 1 } });
    });
    afterAll(async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    });

    type Lines = Array<Record<string, unknown>>;
    const period = { from: new Date(day), to: new Date(day + 24 * 60 * MINUTE) };
    const withLines = (body: Record<string, unknown>, edit: (lines: Lines) => Lines) => ({ ...body, lines: edit(body.lines as Lines) });

    it('accepts the genuine answer relayed unchanged', async () => {
      tamper = (body) => body;
      expect(await viaProxy.statement(period)).toHaveLength(3);
    });

    it.each([
      ['a paid line reported unpaid', (b: Record<string, unknown>) => withLines(b, (l) => [{ ...l[0], status: 'FAILED', paidAt: null }, ...l.slice(1)])],
      ['a changed amount', (b: Record<string, unknown>) => withLines(b, (l) => [{ ...l[0], amountVnd: 1 }, ...l.slice(1)])],
      ['a dropped line', (b: Record<string, unknown>) => withLines(b, (l) => l.slice(1))],
      ['an added line', (b: Record<string, unknown>) => withLines(b, (l) => [...l, { ...l[0], txnRef: 'LTSTMTFAKE' }])],
      ['reordered lines', (b: Record<string, unknown>) => withLines(b, (l) => [...l].reverse())],
      ['another period', (b: Record<string, unknown>) => ({ ...b, to: '2026-12-03T00:00:00.000Z' })],
      ['no checksum', (b: Record<string, unknown>) => ({ ...b, checksum: '' })],
      ['a body that is not a statement', () => ({ lines: 'none' })],
    ])('refuses %s as UPSTREAM_BAD_RESPONSE', async (_what, edit) => {
      tamper = edit;
      const err = await errorOf(viaProxy.statement(period));
      expect(hasErrorCode(err, ErrorCode.UPSTREAM_BAD_RESPONSE)).toBe(true);
    });
  });

  it('is refused by the simulator to a request signed with another secret', async () => {
    const impostor = new PaymentProviderClient({ baseUrl: providerUrl, merchantCode: MERCHANT, secret: 'another-secret', retry: { attempts: 1 } });
    const err = await errorOf(impostor.statement({ from: new Date(day), to: new Date(day + MINUTE) }));
    expect((err as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstreamStatus: 401, upstreamCode: 'INVALID_SIGNATURE' });
  });
});

describe('callback levers', () => {
  it('drops callbacks on request: the payment is settled, only a status query tells', async () => {
    clock = T0.getTime() + 100 * MINUTE;
    await open('LTLEVER0001');
    simulator.dropCallbacks(true);
    await simulator.completePayment('LTLEVER0001', 'SUCCESS');
    expect(verdicts).toEqual([]);
    expect(simulator.transaction('LTLEVER0001')?.callbackAttempts).toMatchObject([{ error: 'dropped' }]);
    expect(await client.queryTransaction('LTLEVER0001')).toMatchObject({ status: 'SUCCESS' });
  });

  it('replays the last callback byte for byte, and reports what the merchant answered', async () => {
    await open('LTLEVER0002');
    await simulator.completePayment('LTLEVER0002', 'SUCCESS');
    const replay = await simulator.replayLastCallback('LTLEVER0002');
    expect(replay).toMatchObject({ httpStatus: 200, body: '{"ok":true}' });
    expect(verdicts).toHaveLength(2);
    expect(verdicts[1]).toEqual(verdicts[0]);
    await open('LTLEVER0003');
    await expect(simulator.replayLastCallback('LTLEVER0003')).rejects.toThrow(/no callback yet/);
  });

  it.each([
    ['a changed amount under the old checksum', { amountVnd: 1 }, 'INVALID_SIGNATURE'],
    ['a changed currency under the old checksum', { currency: 'USD' }, 'INVALID_SIGNATURE'],
    ['a key other than the shared one', { signature: 'wrong-secret' as const }, 'INVALID_SIGNATURE'],
    ['no checksum', { signature: 'none' as const }, 'INVALID_SIGNATURE'],
    ['another merchant, validly signed', { merchantCode: 'OTHER', signature: 'valid' as const }, 'INVALID_SIGNATURE'],
    ['a PENDING status, validly signed', { status: 'PENDING', signature: 'valid' as const }, 'BAD_USER_INPUT'],
  ])('forges %s: the merchant rejects it', async (_what, forged, code) => {
    await open('LTLEVER0004');
    const delivery = await simulator.forgeCallback('LTLEVER0004', forged);
    expect(delivery.httpStatus).toBe(401);
    expect(verdicts).toEqual([code]);
    expect(simulator.transaction('LTLEVER0004')).toMatchObject({ status: 'PENDING', callbackAttempts: [] });
  });

  it('forges a validly signed callback with another amount or reference: only the merchant\'s own records can catch it', async () => {
    await open('LTLEVER0005', 25_000);
    await simulator.forgeCallback('LTLEVER0005', { amountVnd: 1, signature: 'valid' });
    await simulator.forgeCallback('LTLEVER0005', { txnRef: 'LTUNKNOWN', signature: 'valid' });
    expect(verdicts).toMatchObject([
      { txnRef: 'LTLEVER0005', amountVnd: 1, status: 'SUCCESS' },
      { txnRef: 'LTUNKNOWN', amountVnd: 25_000, status: 'SUCCESS' },
    ]);
    expect(simulator.transaction('LTLEVER0005')?.status).toBe('PENDING');
  });
});
