/**
 * Payment lifecycle against real servers (payments subgraph on port 0, the provider simulator over
 * HTTP, a fresh database): every callback logged with its outcome, forged/replayed/mismatched/unknown
 * callbacks refused with nothing changed, events written through the outbox with the change, the
 * expiry job and refreshPayment settling payments whose callback never came.
 */
import type { PaymentProviderSimulator } from '../../adapters/payment-provider';
import { PAYMENT_EXPIRED_TOPIC, PAYMENT_FAILED_TOPIC, PAYMENT_PAID_TOPIC, type PaymentsSubgraph } from '../../subgraphs/payments';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { eventually } from '../support/gateway-client';
import { insertFeeDossier, startPaymentsTestServer, type PaymentsTestServer } from '../support/payments-server';
import { callSubgraph } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const CITIZEN: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const OTHER_CITIZEN: Principal = { id: 'citizen:001090099999', role: 'CITIZEN', personalId: '001090099999' };
const MINUTE = 60_000;

let server: PaymentsTestServer;
let db: Database;
let bus: InProcessEventBus;
let simulator: PaymentProviderSimulator;
let subgraph: PaymentsSubgraph;
let url: string;
let callbackUrl: string;
const events: Array<{ topic: string; payload: Record<string, any> }> = [];

async function insertDossier(code: string) {
  await insertFeeDossier(db, code, CITIZEN, { agencyCode: AGENCY, procedureCode: '1.001612', payerName: 'Nguyễn Văn An' });
}

const PAY = 'mutation ($code: String!) { payDossierFee(dossierCode: $code) { id status providerRef expiresAt version } }';
async function openPayment(code: string) {
  await insertDossier(code);
  const res = await callSubgraph(url, PAY, { code }, CITIZEN);
  expect(res.errors).toBeUndefined();
  return res.data!.payDossierFee as { id: string; status: string; providerRef: string; expiresAt: string; version: number };
}
const stored = (id: string) => db.prisma.payment.findUniqueOrThrow({ where: { id } });
const logRows = (providerRef?: string) =>
  db.prisma.paymentCallbackLog.findMany({ where: providerRef ? { providerRef } : {}, orderBy: { id: 'asc' } });
const outboxOf = (key: string) => db.prisma.outboxEvent.findMany({ where: { key }, orderBy: { id: 'asc' } });
const topicsFor = (dossierCode: string) => events.filter((e) => e.payload.dossierCode === dossierCode).map((e) => e.topic);


beforeAll(async () => {
  server = await startPaymentsTestServer({
    simulator: { callbackRetries: 0 },
    beforeStart: async (b) => {
      for (const topic of [PAYMENT_PAID_TOPIC, PAYMENT_FAILED_TOPIC, PAYMENT_EXPIRED_TOPIC]) {
        await b.subscribe<Record<string, any>>(topic, (payload) => void events.push({ topic, payload }));
      }
    },
  });
  ({ db, bus, simulator, subgraph, url, callbackUrl } = server);
});

afterAll(async () => {
  await server?.stop();
});

describe('provider callbacks', () => {
  let payment: Awaited<ReturnType<typeof openPayment>>;
  beforeAll(async () => {
    payment = await openPayment('HS-CB-1');
  });

  it('stores the expiry the provider gave', async () => {
    const txn = simulator.transaction(payment.providerRef)!;
    expect(new Date(payment.expiresAt)).toEqual(txn.expiresAt);
    expect(payment.version).toBe(1);
  });

  it('rejects forged, tampered, unsigned, mismatched and unknown callbacks, logs each, changes nothing', async () => {
    const before = await stored(payment.id);
    const outboxBefore = await db.prisma.outboxEvent.count();
    const cases: Array<[Parameters<PaymentProviderSimulator['forgeCallback']>[1], number, string]> = [
      [{ signature: 'wrong-secret' }, 401, 'INVALID_SIGNATURE'],
      [{ signature: 'stale', amountVnd: 1000 }, 401, 'INVALID_SIGNATURE'],
      [{ signature: 'none' }, 401, 'INVALID_SIGNATURE'],
      [{ signature: 'valid', merchantCode: 'SOMEONE-ELSE' }, 401, 'INVALID_SIGNATURE'],
      [{ signature: 'valid', amountVnd: 2000 }, 400, 'BAD_USER_INPUT'],
      [{ signature: 'valid', currency: 'USD' }, 400, 'BAD_USER_INPUT'],
      [{ signature: 'valid', providerTxnId: 'SIM-NOT-THIS-ONE' }, 400, 'BAD_USER_INPUT'],
      [{ signature: 'valid', txnRef: 'LT20261130NOTKNOWN00' }, 404, 'PAYMENT_NOT_FOUND'],
    ];
    for (const [forged, status, code] of cases) {
      const delivery = await simulator.forgeCallback(payment.providerRef, forged);
      expect([delivery.httpStatus, JSON.parse(delivery.body!).code]).toEqual([status, code]);
    }
    const rows = await logRows();
    expect(rows.map((r) => [r.outcome, r.errorCode])).toEqual(cases.map(([, , code]) => ['REJECTED', code]));
    expect(rows.every((r) => r.remoteAddress && /127\.0\.0\.1|::1/.test(r.remoteAddress))).toBe(true);
    expect(rows.every((r) => r.reason && r.payload)).toBe(true);
    expect(rows[4].reason).toContain('amount or currency mismatch: 2000 VND');
    expect(rows[7].providerRef).toBe('LT20261130NOTKNOWN00');
    expect(await stored(payment.id)).toEqual(before);
    expect(await db.prisma.outboxEvent.count()).toBe(outboxBefore);
    expect(topicsFor('HS-CB-1')).toEqual([]);
  });

  it('logs a body that is not JSON as rejected', async () => {
    const before = (await logRows()).length;
    const res = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const rows = await logRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ outcome: 'REJECTED', errorCode: 'BAD_USER_INPUT', providerRef: null });
  });

  it('accepts the genuine callback: PAID and payment.paid written in one transaction, then published', async () => {
    await simulator.completePayment(payment.providerRef, 'SUCCESS');
    const paid = await stored(payment.id);
    expect(paid).toMatchObject({ status: 'PAID', version: 2, providerTxnId: simulator.transaction(payment.providerRef)!.providerTxnId });
    expect(paid.receiptNumber).toMatch(/^BL\d{4}-\d{6}$/);
    const outbox = await outboxOf('HS-CB-1');
    expect(outbox.map((e) => e.topic)).toEqual([PAYMENT_PAID_TOPIC]);
    expect(outbox[0].payload).toMatchObject({ paymentId: payment.id, receiptNumber: paid.receiptNumber });
    await eventually(async () => topicsFor('HS-CB-1').length === 1);
    expect(events.find((e) => e.payload.dossierCode === 'HS-CB-1')!.payload.outboxId).toBe(outbox[0].id.toString());
    expect((await logRows(payment.providerRef)).at(-1)).toMatchObject({ outcome: 'ACCEPTED', errorCode: null });
  });

  it('acknowledges a replayed callback as UNCHANGED and changes nothing', async () => {
    const before = await stored(payment.id);
    const replay = await simulator.replayLastCallback(payment.providerRef);
    expect(replay.httpStatus).toBe(200);
    expect(JSON.parse(replay.body!)).toMatchObject({ status: 'PAID', receiptNumber: before.receiptNumber });
    // A forged "failed" for a paid payment, correctly signed, is news of nothing either.
    const late = await simulator.forgeCallback(payment.providerRef, { signature: 'valid', status: 'FAILED', paidAt: null });
    expect(late.httpStatus).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await stored(payment.id)).toEqual(before);
    expect(await outboxOf('HS-CB-1')).toHaveLength(1);
    expect(topicsFor('HS-CB-1')).toEqual([PAYMENT_PAID_TOPIC]);
    expect((await logRows(payment.providerRef)).slice(-2).map((r) => r.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
  });

  it('records a failure with its event; a repeat of it is UNCHANGED', async () => {
    const failing = await openPayment('HS-CB-FAIL');
    await simulator.completePayment(failing.providerRef, 'FAILED');
    expect(await stored(failing.id)).toMatchObject({ status: 'FAILED', failureReason: 'provider reported the payment failed', version: 2 });
    await eventually(async () => topicsFor('HS-CB-FAIL').length === 1);
    expect(topicsFor('HS-CB-FAIL')).toEqual([PAYMENT_FAILED_TOPIC]);
    await simulator.replayLastCallback(failing.providerRef);
    expect((await logRows(failing.providerRef)).map((r) => r.outcome)).toEqual(['ACCEPTED', 'UNCHANGED']);
    expect(await outboxOf('HS-CB-FAIL')).toHaveLength(1);
  });
});

describe('expiry job', () => {
  it('settles PENDING payments past expiry with the provider: paid there → PAID, unpaid → EXPIRED', async () => {
    const paidThere = await openPayment('HS-EXP-PAID');
    const unpaid = await openPayment('HS-EXP-UNPAID');
    simulator.settleWithoutCallback(paidThere.providerRef, 'SUCCESS'); // the callback is lost

    const early = await subgraph.expiry.pass(new Date());
    expect(early.changed).toBe(0);
    expect((await stored(unpaid.id)).status).toBe('PENDING');

    const later = new Date(Date.now() + 16 * MINUTE);
    const result = await subgraph.expiry.pass(later);
    expect(result).toMatchObject({ errors: 0 });
    const paid = await stored(paidThere.id);
    expect(paid.status).toBe('PAID');
    expect(paid.receiptNumber).toMatch(/^BL\d{4}-\d{6}$/);
    expect(paid.paidAt).toEqual(simulator.transaction(paidThere.providerRef)!.paidAt);
    const expired = await stored(unpaid.id);
    expect(expired).toMatchObject({ status: 'EXPIRED', version: 2 });
    expect(expired.failureReason).toMatch(/unpaid at expiry/);
    await eventually(async () => topicsFor('HS-EXP-PAID').length === 1 && topicsFor('HS-EXP-UNPAID').length === 1);
    expect(topicsFor('HS-EXP-PAID')).toEqual([PAYMENT_PAID_TOPIC]);
    expect(topicsFor('HS-EXP-UNPAID')).toEqual([PAYMENT_EXPIRED_TOPIC]);

    // A second pass finds nothing to do; the dossier may be paid again with a new payment.
    await subgraph.expiry.pass(later);
    expect(await outboxOf('HS-EXP-UNPAID')).toHaveLength(1);
    const again = await callSubgraph(url, PAY, { code: 'HS-EXP-UNPAID' }, CITIZEN);
    expect(again.data!.payDossierFee.status).toBe('PENDING');
    expect(again.data!.payDossierFee.id).not.toBe(unpaid.id);
  });

  it('leaves a payment PENDING when the provider cannot be asked', async () => {
    const waiting = await openPayment('HS-EXP-DOWN');
    simulator.setAvailable(false);
    try {
      const result = await subgraph.expiry.pass(new Date(Date.now() + 16 * MINUTE));
      expect(result.errors).toBeGreaterThanOrEqual(1);
    } finally {
      simulator.setAvailable(true);
    }
    expect(await stored(waiting.id)).toMatchObject({ status: 'PENDING', version: 1 });
    expect(await outboxOf('HS-EXP-DOWN')).toHaveLength(0);
  });
});

describe('refreshPayment', () => {
  const REFRESH = 'mutation ($id: ID!) { refreshPayment(id: $id) { id status receiptNumber version } }';

  it('syncs a payment whose callback was lost, for the payer', async () => {
    const payment = await openPayment('HS-REFRESH');
    const pending = await callSubgraph(url, REFRESH, { id: payment.id }, CITIZEN);
    expect(pending.data!.refreshPayment).toMatchObject({ status: 'PENDING', version: 1 });
    simulator.dropCallbacks(true);
    try {
      await simulator.completePayment(payment.providerRef, 'SUCCESS').catch(() => undefined);
    } finally {
      simulator.dropCallbacks(false);
    }
    expect((await stored(payment.id)).status).toBe('PENDING');
    const res = await callSubgraph(url, REFRESH, { id: payment.id }, CITIZEN);
    expect(res.errors).toBeUndefined();
    expect(res.data!.refreshPayment).toMatchObject({ status: 'PAID', version: 2 });
    expect(await outboxOf('HS-REFRESH')).toHaveLength(1);
  });

  it('is refused to someone who may not see the payment, and to anonymous callers', async () => {
    const [payment] = await db.prisma.payment.findMany({ where: { dossierCode: 'HS-REFRESH' } });
    const theirs = await callSubgraph(url, REFRESH, { id: payment.id }, OTHER_CITIZEN);
    expect(theirs.errors?.[0].extensions?.code).toBe('PAYMENT_NOT_FOUND');
    const anonymous = await callSubgraph(url, REFRESH, { id: payment.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
