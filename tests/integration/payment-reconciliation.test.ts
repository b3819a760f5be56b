/**
 * Đối soát against the provider simulator over HTTP: the provider's signed statement is compared with
 * the local payments, every kind of mismatch is reported with both views, and no payment changes.
 */
import type { PaymentProviderClient, PaymentProviderSimulator } from '../../adapters/payment-provider';
import type { PaymentsSubgraph } from '../../subgraphs/payments';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { insertFeeDossier, startPaymentsTestServer, type PaymentsTestServer } from '../support/payments-server';
import { callSubgraph } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const CITIZEN: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const OFFICIAL: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: AGENCY };
const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR' };

let server: PaymentsTestServer;
let db: Database;
let bus: InProcessEventBus;
let simulator: PaymentProviderSimulator;
let provider: PaymentProviderClient;
let subgraph: PaymentsSubgraph;
let url: string;
let callbackUrl: string;

const PAY = 'mutation ($code: String!) { payDossierFee(dossierCode: $code) { id providerRef } }';
const RUN = `mutation ($from: DateTimeISO!, $to: DateTimeISO!) { runReconciliation(from: $from, to: $to) {
  id status matched triggeredBy error periodFrom periodTo finishedAt
  mismatches { kind txnRef local { paymentId status amountVnd currency refundedVnd } provider { providerTxnId status amountVnd currency refundedVnd } }
} }`;
const RUNS = 'query ($first: Int!) { reconciliationRuns(first: $first) { id status triggeredBy } }';

async function openPayment(code: string): Promise<{ id: string; providerRef: string }> {
  await insertFeeDossier(db, code, CITIZEN, { agencyCode: AGENCY, procedureCode: '1.001612', payerName: 'Nguyễn Văn An' });
  return (await callSubgraph(url, PAY, { code }, CITIZEN)).data!.payDossierFee;
}
const allPayments = () => db.prisma.payment.findMany({ orderBy: { id: 'asc' } });

beforeAll(async () => {
  server = await startPaymentsTestServer();
  ({ db, bus, simulator, provider, subgraph, url, callbackUrl } = server);
});

afterAll(async () => {
  await server?.stop();
});

describe('runReconciliation', () => {
  const from = new Date(Date.now() - 60_000);
  const period = () => ({ from: from.toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

  it('reports each kind of mismatch with both views, and changes no payment', async () => {
    const matched = await openPayment('HS-REC-OK');
    await simulator.completePayment(matched.providerRef, 'SUCCESS');
    const lostCallback = await openPayment('HS-REC-STATUS');
    simulator.settleWithoutCallback(lostCallback.providerRef, 'SUCCESS');
    const refundedElsewhere = await openPayment('HS-REC-AMOUNT');
    await simulator.completePayment(refundedElsewhere.providerRef, 'SUCCESS');
    // A refund made at the provider that the hub never recorded.
    await provider.refund({ txnRef: refundedElsewhere.providerRef, refundRef: 'RF-OUTSIDE-1', amountVnd: 20000, reason: 'Hoàn tại quầy' });
    // A transaction opened at the provider by something else than this hub's database.
    await provider.createTransaction({ txnRef: 'LT20261130STRANGER01', amountVnd: 50000, orderInfo: 'Không rõ', callbackUrl });
    // A payment the hub believes opened at the provider, which the provider never saw.
    const ghost = await db.prisma.payment.create({
      data: { dossierCode: 'HS-REC-GHOST', amountVnd: 30000, currency: 'VND', status: 'PENDING', providerRef: 'LT20261130GHOST00001', redirectUrl: 'http://127.0.0.1:1/pay/x' },
    });
    // A payment that failed before reaching the provider is not expected in its statement.
    await db.prisma.payment.create({
      data: { dossierCode: 'HS-REC-NEVER', amountVnd: 30000, currency: 'VND', status: 'FAILED', providerRef: 'LT20261130NEVERSENT1' },
    });

    const before = await allPayments();
    const res = await callSubgraph(url, RUN, period(), OPERATOR);
    expect(res.errors).toBeUndefined();
    const run = res.data!.runReconciliation;
    expect(run).toMatchObject({ status: 'DONE', matched: 1, triggeredBy: OPERATOR.id, error: null });
    const byKind = Object.fromEntries(run.mismatches.map((m: any) => [m.kind, m]));
    expect(Object.keys(byKind).sort()).toEqual(['AMOUNT_MISMATCH', 'MISSING_AT_PROVIDER', 'MISSING_LOCALLY', 'STATUS_MISMATCH']);
    expect(run.mismatches).toHaveLength(4);
    expect(byKind.STATUS_MISMATCH).toMatchObject({
      txnRef: lostCallback.providerRef,
      local: { paymentId: lostCallback.id, status: 'PENDING', amountVnd: 200000 },
      provider: { status: 'SUCCESS', amountVnd: 200000 },
    });
    expect(byKind.AMOUNT_MISMATCH).toMatchObject({
      txnRef: refundedElsewhere.providerRef,
      local: { status: 'PAID', refundedVnd: 0 },
      provider: { status: 'SUCCESS', refundedVnd: 20000 },
    });
    expect(byKind.MISSING_LOCALLY).toMatchObject({ txnRef: 'LT20261130STRANGER01', local: null, provider: { amountVnd: 50000, status: 'PENDING' } });
    expect(byKind.MISSING_AT_PROVIDER).toMatchObject({ txnRef: ghost.providerRef, local: { paymentId: ghost.id, amountVnd: 30000 }, provider: null });
    expect(await allPayments()).toEqual(before);
    const stored = await db.prisma.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.mismatches).toHaveLength(4);
  });

  it('stores a FAILED run when the provider cannot give its statement', async () => {
    simulator.setAvailable(false);
    try {
      const res = await callSubgraph(url, RUN, period(), OPERATOR);
      expect(res.data!.runReconciliation).toMatchObject({ status: 'FAILED', mismatches: [] });
      expect(res.data!.runReconciliation.error).toMatch(/Payment provider/);
    } finally {
      simulator.setAvailable(true);
    }
  });

  it('is for operators only, refuses a bad period, and lists runs newest first', async () => {
    const runs = await db.prisma.reconciliationRun.count();
    expect((await callSubgraph(url, RUN, period(), OFFICIAL)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await callSubgraph(url, RUN, period())).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const backwards = { from: new Date().toISOString(), to: from.toISOString() };
    expect((await callSubgraph(url, RUN, backwards, OPERATOR)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() };
    expect((await callSubgraph(url, RUN, tooLong, OPERATOR)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await db.prisma.reconciliationRun.count()).toBe(runs);

    const list = await callSubgraph(url, RUNS, { first: 5 }, OPERATOR);
    expect(list.data!.reconciliationRuns.map((r: any) => r.status)).toEqual(['FAILED', 'DONE']);
    expect((await callSubgraph(url, RUNS, { first: 5 }, OFFICIAL)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await callSubgraph(url, RUNS, { first: 0 }, OPERATOR)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs as the daily job would, over the last window', async () => {
    const run = await subgraph.reconciler.run({ from, to: new Date(Date.now() + 60_000), triggeredBy: 'system:reconciliation' });
    expect(run).toMatchObject({ status: 'DONE', matched: 1, triggeredBy: 'system:reconciliation' });
  });
});
