/**
 * The fee-payment journey against real servers: payments subgraph + payment-provider simulator +
 * a fresh database, driven as the gateway would (signed internal token) and as the provider would.
 * Lifecycle, refunds, receipts and reconciliation: payment-lifecycle.test.ts, payment-refunds.test.ts.
 */
import {
  PaymentProviderClient,
  type PaymentProviderSimulator,
  signMessage,
  TRANSACTION_STATUS_FIELDS,
} from '../../adapters/payment-provider';
import { createPaymentsSubgraph, PAYMENT_PAID_TOPIC, type PaymentPaidEvent, type PaymentsSubgraph } from '../../subgraphs/payments';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { eventually } from '../support/gateway-client';
import { insertFeeDossier, startPaymentsTestServer, TEST_MERCHANT, TEST_PAYMENT_SECRET, type PaymentsTestServer } from '../support/payments-server';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const CITIZEN: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const OTHER_CITIZEN: Principal = { id: 'citizen:001090099999', role: 'CITIZEN', personalId: '001090099999' };
const OFFICIAL: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: AGENCY };
const FOREIGN_OFFICIAL: Principal = { id: 'official:2', role: 'OFFICIAL', agencyCode: '000.00.01.H01' };

const PAYMENT_FIELDS = 'id dossierCode amountVnd currency status redirectUrl providerRef receiptNumber createdAt paidAt';
const PAY = `mutation Pay($code: String!) { payDossierFee(dossierCode: $code) { ${PAYMENT_FIELDS} dossier { code } } }`;

let server: PaymentsTestServer;
let db: Database;
let bus: InProcessEventBus;
let simulator: PaymentProviderSimulator;
let subgraph: PaymentsSubgraph;
let url: string;
let callbackUrl: string;
let providerUrl: string;
const events: PaymentPaidEvent[] = [];
const warnings: string[] = [];
const logger = {
  warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
  error: (...args: unknown[]) => void warnings.push(`ERROR ${args.map(String).join(' ')}`),
};

const insertDossier = (code: string, overrides: { status?: string; feeVnd?: number } = {}) =>
  insertFeeDossier(db, code, CITIZEN, { agencyCode: AGENCY, procedureCode: '1.001612', payerName: 'Nguyễn Văn An', ...overrides });

const pay = (code: string, principal: Principal = CITIZEN, target = url) => callSubgraph(target, PAY, { code }, principal);
const paymentsOf = (dossierCode: string) => db.prisma.payment.findMany({ where: { dossierCode }, orderBy: { createdAt: 'asc' } });
const postCallback = (body: unknown) =>
  fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Lets any wrongly published event arrive before asserting that none did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

beforeAll(async () => {
  server = await startPaymentsTestServer({
    simulator: { logger },
    // The subgraph as deployed: its own jobs and outbox timing.
    subgraph: { logger, expiry: undefined, reconciliation: undefined, outbox: undefined },
    beforeStart: async (b) => void (await b.subscribe<PaymentPaidEvent>(PAYMENT_PAID_TOPIC, (event) => void events.push(event))),
  });
  ({ db, bus, simulator, subgraph, url, callbackUrl, providerUrl } = server);
  for (const code of ['HS-PAY-1', 'HS-FAIL', 'HS-CONC', 'HS-DOWN']) await insertDossier(code);
  await insertDossier('HS-ACCEPTED', { status: 'ACCEPTED' });
  await insertDossier('HS-FREE', { feeVnd: 0 });
});

afterAll(async () => {
  await server?.stop();
});

describe('payDossierFee', () => {
  let first: Record<string, any>;

  it('opens a PENDING payment with the provider redirect URL', async () => {
    const res = await pay('HS-PAY-1');
    expect(res.errors).toBeUndefined();
    first = res.data!.payDossierFee;
    expect(first).toMatchObject({
      dossierCode: 'HS-PAY-1',
      dossier: { code: 'HS-PAY-1' },
      amountVnd: 200000,
      currency: 'VND',
      status: 'PENDING',
      receiptNumber: null,
      paidAt: null,
    });
    expect(first.providerRef).toMatch(/^LT\d{8}[0-9A-Z]{10}$/);
    expect(first.redirectUrl).toBe(`${providerUrl}/pay/${first.providerRef}`);
    const txn = simulator.transactions.get(first.providerRef)!;
    expect(txn).toMatchObject({ amountVnd: 200000, status: 'PENDING', callbackUrl });
  });

  it('returns the same pending payment when called again (client retry)', async () => {
    const again = await pay('HS-PAY-1');
    expect(again.data!.payDossierFee).toEqual(first);
    const byOfficial = await pay('HS-PAY-1', OFFICIAL);
    expect(byOfficial.data!.payDossierFee.id).toBe(first.id);
    expect(await paymentsOf('HS-PAY-1')).toHaveLength(1);
    expect(simulator.transactions.size).toBe(1);
  });

  it('serves the checkout page of the provider in Vietnamese', async () => {
    const page = await fetch(first.redirectUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('>Thanh toán</button>');
    expect(html).toContain(`/pay/${first.providerRef}/confirm`);
    expect(html).toContain('200.000');
  });

  it('refuses anonymous callers, other citizens and officials of other agencies', async () => {
    const anonymous = await pay('HS-PAY-1', { id: 'anonymous', role: 'ANONYMOUS' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const principal of [OTHER_CITIZEN, FOREIGN_OFFICIAL]) {
      const res = await pay('HS-PAY-1', principal);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect(await paymentsOf('HS-PAY-1')).toHaveLength(1);
  });

  it('reports an unknown dossier and writes nothing', async () => {
    const res = await pay('HS-DOES-NOT-EXIST');
    expect(res.errors?.[0].extensions?.code).toBe('DOSSIER_NOT_FOUND');
    expect(await paymentsOf('HS-DOES-NOT-EXIST')).toHaveLength(0);
  });

  it('refuses a dossier with no fee due', async () => {
    for (const code of ['HS-ACCEPTED', 'HS-FREE']) {
      const res = await pay(code);
      expect(res.errors?.[0].extensions?.code).toBe('PAYMENT_NOT_DUE');
      expect(await paymentsOf(code)).toHaveLength(0);
    }
  });

  it('gives concurrent first calls one and the same payment', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => pay('HS-CONC')));
    const ids = new Set(results.map((r) => r.data?.payDossierFee.id));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(ids.size).toBe(1);
    // Whoever lost the race still gets a payment that can be paid.
    expect(results.every((r) => r.data?.payDossierFee.redirectUrl?.startsWith(`${providerUrl}/pay/`))).toBe(true);
    expect(await paymentsOf('HS-CONC')).toHaveLength(1);
    expect(simulator.transactions.has(results[0].data!.payDossierFee.providerRef)).toBe(true);
  });

  it('marks the payment FAILED and reports UPSTREAM_UNAVAILABLE when the provider is down', async () => {
    const unreachable = new PaymentProviderClient({ baseUrl: 'http://127.0.0.1:1', merchantCode: TEST_MERCHANT, secret: TEST_PAYMENT_SECRET });
    const broken = createPaymentsSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, provider: unreachable, logger });
    const { url: brokenUrl } = await broken.start();
    try {
      const res = await pay('HS-DOWN', CITIZEN, brokenUrl);
      expect(res.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect((await paymentsOf('HS-DOWN')).map((p) => p.status)).toEqual(['FAILED']);
    } finally {
      await broken.stop();
    }
    const retry = await pay('HS-DOWN');
    expect(retry.data!.payDossierFee.status).toBe('PENDING');
    expect((await paymentsOf('HS-DOWN')).map((p) => p.status)).toEqual(['FAILED', 'PENDING']);
  });
});

describe('provider callback', () => {
  let payment: Record<string, any>;
  const signedCallback = (overrides: Record<string, unknown> = {}, secret = TEST_PAYMENT_SECRET) => {
    const message = {
      merchantCode: TEST_MERCHANT,
      txnRef: payment.providerRef,
      providerTxnId: simulator.transactions.get(payment.providerRef)!.providerTxnId,
      amountVnd: 200000,
      currency: 'VND',
      status: 'SUCCESS',
      paidAt: new Date().toISOString(),
      ...overrides,
    };
    return { ...message, checksum: signMessage(TRANSACTION_STATUS_FIELDS, message, secret) };
  };
  const storedPayment = () => db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });

  beforeAll(async () => {
    payment = (await pay('HS-PAY-1')).data!.payDossierFee;
  });

  it('rejects a forged or missing signature with 401 and changes nothing', async () => {
    const before = await storedPayment();
    const forged = await postCallback(signedCallback({}, 'not-the-shared-secret-at-all'));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const { checksum: _dropped, ...unsigned } = signedCallback();
    expect((await postCallback(unsigned)).status).toBe(401);
    const tampered = { ...signedCallback(), status: 'SUCCESS', amountVnd: 1 };
    expect((await postCallback(tampered)).status).toBe(401);
    await settle();
    expect(await storedPayment()).toEqual(before);
    expect(events).toHaveLength(0);
    expect(warnings.some((w) => w.includes('INVALID_SIGNATURE'))).toBe(true);
  });

  it('rejects a signed callback whose amount or currency differs (400), and an unknown txnRef (404)', async () => {
    const before = await storedPayment();
    const amount = await postCallback(signedCallback({ amountVnd: 2000 }));
    expect(amount.status).toBe(400);
    expect((await postCallback(signedCallback({ currency: 'USD' }))).status).toBe(400);
    expect((await postCallback(signedCallback({ txnRef: 'LT20261123NOTKNOWN00' }))).status).toBe(404);
    expect((await postCallback('not json at all')).status).toBe(400);
    await settle();
    expect(await storedPayment()).toEqual(before);
    expect(events).toHaveLength(0);
    expect(warnings.some((w) => w.includes('mismatch'))).toBe(true);
  });

  it('makes the payment PAID with an e-receipt and publishes payment.paid once', async () => {
    await simulator.completePayment(payment.providerRef, 'SUCCESS');
    await eventually(async () => events.length > 0);
    const paid = await storedPayment();
    expect(paid.status).toBe('PAID');
    expect(paid.receiptNumber).toMatch(/^BL\d{4}-\d{6}$/);
    expect(paid.paidAt).toEqual(simulator.transactions.get(payment.providerRef)!.paidAt);
    // Published by the outbox relay after the commit; the bus adds the event's outbox id and cursor.
    expect(events).toEqual([
      {
        outboxId: expect.stringMatching(/^\d+$/),
        cursor: expect.stringMatching(/^\d+$/),
        paymentId: payment.id,
        dossierCode: 'HS-PAY-1',
        amountVnd: 200000,
        receiptNumber: paid.receiptNumber,
        paidAt: paid.paidAt!.toISOString(),
      },
    ]);
  });

  it('acknowledges a replayed callback without changing anything or publishing again', async () => {
    const before = await storedPayment();
    const replay = await postCallback(simulator.transactions.get(payment.providerRef)!.callbackBody);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: 'PAID', receiptNumber: before.receiptNumber });
    await simulator.completePayment(payment.providerRef, 'SUCCESS'); // the provider's own re-notification
    await settle();
    expect(await storedPayment()).toEqual(before);
    expect(events).toHaveLength(1);
  });

  it('refuses to open a second payment once paid', async () => {
    const res = await pay('HS-PAY-1');
    expect(res.errors?.[0].extensions?.code).toBe('PAYMENT_ALREADY_PAID');
    expect(await paymentsOf('HS-PAY-1')).toHaveLength(1);
  });

  it('lets a failed payment be retried, and numbers the next receipt in sequence', async () => {
    const attempt = (await pay('HS-FAIL')).data!.payDossierFee;
    await simulator.completePayment(attempt.providerRef, 'FAILED');
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe('FAILED');
    const retry = (await pay('HS-FAIL')).data!.payDossierFee;
    expect(retry.id).not.toBe(attempt.id);
    expect(retry.status).toBe('PENDING');

    // The payer clicks "Thanh toán" on the provider's page.
    const published = events.length;
    const confirm = await fetch(`${providerUrl}/pay/${retry.providerRef}/confirm`, { method: 'POST' });
    expect(await confirm.text()).toContain('Thanh toán thành công');
    await eventually(async () => events.length === published + 1);
    const first = (await storedPayment()).receiptNumber!;
    const second = (await db.prisma.payment.findUniqueOrThrow({ where: { id: retry.id } })).receiptNumber!;
    expect(second.slice(0, 7)).toBe(first.slice(0, 7));
    expect(Number(second.slice(7))).toBe(Number(first.slice(7)) + 1);
    expect(events[published]).toMatchObject({ paymentId: retry.id, dossierCode: 'HS-FAIL', receiptNumber: second });
  });
});

describe('e-receipt numbers', () => {
  it('stay unique and consecutive when payments complete concurrently', async () => {
    const codes = ['HS-SEQ-1', 'HS-SEQ-2', 'HS-SEQ-3', 'HS-SEQ-4'];
    for (const code of codes) await insertDossier(code);
    const refs = await Promise.all(codes.map(async (code) => (await pay(code)).data!.payDossierFee.providerRef as string));
    const published = events.length;
    await Promise.all(refs.map((ref) => simulator.completePayment(ref, 'SUCCESS')));
    await eventually(async () => events.length === published + codes.length);
    const paid = await db.prisma.payment.findMany({ where: { dossierCode: { in: codes } } });
    expect(paid.map((p) => p.status)).toEqual(['PAID', 'PAID', 'PAID', 'PAID']);
    const numbers = paid.map((p) => Number(p.receiptNumber!.slice(7))).sort((a, b) => a - b);
    expect(numbers).toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2, numbers[0] + 3]);
    expect(new Set(events.slice(published).map((e) => e.dossierCode))).toEqual(new Set(codes));
  });
});

describe('federation', () => {
  const ENTITIES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Dossier { code payment { id status receiptNumber dossier { code } } }
      ... on Payment { id status dossierCode }
    }
  }`;

  it('resolves Dossier.payment for dossier representations, duplicates included', async () => {
    const representations = [
      { __typename: 'Dossier', code: 'HS-PAY-1' },
      { __typename: 'Dossier', code: 'HS-PAY-1' },
      { __typename: 'Dossier', code: 'HS-CONC' },
      { __typename: 'Dossier', code: 'HS-FREE' },
      { __typename: 'Dossier', code: 'HS-UNKNOWN' },
    ];
    const res = await callSubgraph(url, ENTITIES, { representations }, CITIZEN);
    expect(res.errors).toBeUndefined();
    const [a, b, conc, free, unknown] = res.data._entities;
    expect(a.payment).toMatchObject({ status: 'PAID', dossier: { code: 'HS-PAY-1' } });
    expect(a.payment.receiptNumber).toMatch(/^BL\d{4}-\d{6}$/);
    expect(b).toEqual(a);
    expect(conc.payment.status).toBe('PENDING');
    expect(free).toEqual({ code: 'HS-FREE', payment: null });
    expect(unknown).toBeNull();
  });

  it('resolves Payment references, and shows nothing to someone who may not see the dossier', async () => {
    const [payment] = await paymentsOf('HS-PAY-1');
    const representations = [{ __typename: 'Payment', id: payment.id }, { __typename: 'Dossier', code: 'HS-PAY-1' }];
    const mine = await callSubgraph(url, ENTITIES, { representations }, CITIZEN);
    expect(mine.data._entities[0]).toEqual({ id: payment.id, status: 'PAID', dossierCode: 'HS-PAY-1' });
    const theirs = await callSubgraph(url, ENTITIES, { representations }, OTHER_CITIZEN);
    expect(theirs.data._entities).toEqual([null, { code: 'HS-PAY-1', payment: null }]);
  });
});
