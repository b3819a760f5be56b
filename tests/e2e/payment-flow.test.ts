/**
 * Fees for level-4 services (issue 6), end to end through the gateway against the payment provider
 * simulator over HTTP: the fee of the dossier's case, one payment however often the portal retries,
 * the provider's signed callback (and a forged one refused and logged), the dossier released from
 * PAYMENT_DUE through the outbox, the e-receipt, a payment settled without its callback found by a
 * status refresh, a refund by the agency, and the operator's reconciliation.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { eventually, gql, SubscriptionRecorder } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE, type FormField } from '../support/journey';
import { E2E_BACKENDS, startTestHub, type TestHub } from '../support/test-hub';

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(E2E_BACKENDS)('paying a dossier fee through the gateway (%s)', (_backend, onPostgres) => {
  let t: TestHub;
  let official: string;
  let operator: string;
  let formData: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestHub(onPostgres);
    const one = await gql(t.url, `{ procedure(code: "${FEE_PROCEDURE}") { agency { code } eForm { fields { key type required binding options } } } }`);
    const prefill = await gql(t.url, `{ prefillForm(procedureCode: "${FEE_PROCEDURE}", personalId: "${DEMO_CITIZEN_ID}") { fields { fieldKey value } } }`, {}, t.citizen);
    formData = buildFormData(one.data.procedure.eForm.fields as FormField[], prefill.data.prefillForm.fields);
    official = await t.token({ id: 'official:ke-toan', role: 'OFFICIAL', agencyCode: one.data.procedure.agency.code, workflowRoles: ['RECEPTION'] });
    operator = await t.token({ id: 'operator:test', role: 'OPERATOR' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const submit = async (key: string) => {
    const res = await gql(t.url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status feeVnd } }`, { i: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: key } }, t.citizen);
    expect(res.errors).toBeUndefined();
    return res.data.submitDossier as { code: string; status: string; feeVnd: number };
  };
  const pay = (code: string) =>
    gql(t.url, `mutation($c: String!) { payDossierFee(dossierCode: $c) { id status amountVnd providerRef redirectUrl expiresAt } }`, { c: code }, t.citizen);
  const dossier = (code: string) => gql(t.url, `{ dossier(code: "${code}") { status payment { id status receiptNumber } } }`, {}, t.citizen);
  const provider = () => t.hub.simulators.paymentProvider!;

  it('charges the fee of the case once, however often the portal retries', async () => {
    const d = await submit('fee-1');
    expect(d).toMatchObject({ status: 'PAYMENT_DUE' });
    expect(d.feeVnd).toBeGreaterThan(0);
    const first = await pay(d.code);
    expect(first.errors).toBeUndefined();
    expect(first.data.payDossierFee).toMatchObject({ status: 'PENDING', amountVnd: d.feeVnd });
    expect(first.data.payDossierFee.redirectUrl).toContain(t.hub.urls.paymentProvider);
    const again = await pay(d.code);
    expect(again.data.payDossierFee.id).toBe(first.data.payDossierFee.id);
  });

  it('refuses a forged callback, logs it, and changes nothing; the genuine one releases the dossier', async () => {
    const d = await submit('fee-2');
    const payment = (await pay(d.code)).data.payDossierFee;
    const forged = await provider().forgeCallback(payment.providerRef, { amountVnd: 1, signature: 'stale' });
    expect(forged.httpStatus).toBe(401);
    expect((await dossier(d.code)).data.dossier.payment.status).toBe('PENDING');
    const logged = await t.hub.db!.prisma.paymentCallbackLog.findMany({ where: { providerRef: payment.providerRef } });
    expect(logged.map((l) => [l.outcome, l.errorCode])).toEqual([['REJECTED', 'INVALID_SIGNATURE']]);

    await provider().completePayment(payment.providerRef, 'SUCCESS');
    const released = await eventually(async () => {
      const res = await dossier(d.code);
      return res.data.dossier.status === 'NEW' ? res.data.dossier : undefined;
    });
    expect(released.payment).toMatchObject({ status: 'PAID', receiptNumber: expect.any(String) });
    const replay = await provider().replayLastCallback(payment.providerRef);
    expect(replay.httpStatus).toBe(200);
    const outcomes = (await t.hub.db!.prisma.paymentCallbackLog.findMany({ where: { providerRef: payment.providerRef }, orderBy: { id: 'asc' } })).map((l) => l.outcome);
    expect(outcomes).toEqual(['REJECTED', 'ACCEPTED', 'UNCHANGED']);
  });

  it('streams payment events to those who may see them, each with its dossier resolved from the dossiers subgraph, resumable by cursor', async () => {
    const selection = `cursor status dossierCode agencyCode amountVnd receiptNumber payment { status } dossier { code procedure { name } }`;
    const agencyFeed = new SubscriptionRecorder(t.url, official).start(`subscription { paymentEvents { ${selection} } }`);
    const stranger = await t.token({ id: 'citizen:001099000002', role: 'CITIZEN', personalId: '001099000002' });
    const strangerFeed = new SubscriptionRecorder(t.url, stranger).start(`subscription { paymentEvents { dossierCode } }`);
    try {
      await eventually(async () => t.hub.paymentEvents!.subscriberCount('payment.paid') >= 2);
      const d = await submit('fee-events');
      const payment = (await pay(d.code)).data.payDossierFee;
      await provider().completePayment(payment.providerRef, 'SUCCESS');
      const [paid] = await agencyFeed.next(1, 20_000);
      expect(paid.errors).toBeUndefined();
      expect(paid.data.paymentEvents).toMatchObject({
        status: 'PAID',
        dossierCode: d.code,
        amountVnd: d.feeVnd,
        receiptNumber: expect.any(String),
        payment: { status: 'PAID' },
        dossier: { code: d.code, procedure: { name: expect.any(String) } },
      });
      // The same event went past the stranger's subscription: it never shows there.
      await new Promise((r) => setTimeout(r, 500));
      expect(strangerFeed.results).toHaveLength(0);

      // A dashboard that was away replays from the start: every event it may see, once, in order.
      const replay = new SubscriptionRecorder(t.url, official).start(`subscription($a: ID) { paymentEvents(after: $a) { cursor dossierCode status } }`, { a: '0' });
      try {
        const seen = await eventually(async () => {
          const got = replay.results.map((r) => r.data.paymentEvents);
          return got.some((e: { cursor: string }) => e.cursor === paid.data.paymentEvents.cursor) ? got : undefined;
        }, 20_000);
        const cursors = seen.map((e: { cursor: string }) => BigInt(e.cursor));
        expect(cursors.every((c: bigint, i: number) => i === 0 || c > cursors[i - 1])).toBe(true);
        expect(seen.filter((e: { status: string }) => e.status === 'PAID').length).toBeGreaterThanOrEqual(1);
      } finally {
        await replay.close();
      }
      const bad = new SubscriptionRecorder(t.url, official).start(`subscription { paymentEvents(after: "not-a-cursor") { cursor } }`);
      try {
        const [refused] = await bad.next(1);
        expect(codeOf(refused)).toBe('INVALID_CURSOR');
      } catch (err) {
        // graphql-ws may deliver a refusal at subscribe time as an error instead of a result.
        expect(JSON.stringify(bad.error ?? err)).toContain('INVALID_CURSOR');
      } finally {
        await bad.close();
      }
    } finally {
      await agencyFeed.close();
      await strangerFeed.close();
    }
  });

  it('gives the electronic receipt (biên lai điện tử) as data and as a PDF', async () => {
    const d = await submit('fee-2');
    const res = await gql(t.url, `{ dossier(code: "${d.code}") { payment { receipt { number series amountVnd amountInWords payerName pdf { contentType sha256 } } } } }`, {}, t.citizen);
    expect(res.errors).toBeUndefined();
    const receipt = res.data.dossier.payment.receipt;
    expect(receipt).toMatchObject({ payerName: 'Nguyễn Văn An', pdf: { contentType: 'application/pdf' } });
    expect(receipt.amountInWords).toMatch(/đồng/);
  });

  it('finds a payment the provider settled without a callback, and refunds it for the agency, once', async () => {
    const d = await submit('fee-3');
    const payment = (await pay(d.code)).data.payDossierFee;
    provider().settleWithoutCallback(payment.providerRef);
    const refreshed = await gql(t.url, `mutation($id: ID!) { refreshPayment(id: $id) { status receiptNumber } }`, { id: payment.id }, t.citizen);
    expect(refreshed.data.refreshPayment.status).toBe('PAID');
    const refund = () =>
      gql(t.url, `mutation($id: ID!) { refundPayment(paymentId: $id, reason: "Thu trùng phí", idempotencyKey: "refund-1") { status refundedVnd } }`, { id: payment.id }, official);
    expect(codeOf(await gql(t.url, `mutation($id: ID!) { refundPayment(paymentId: $id, reason: "x", idempotencyKey: "k") { status } }`, { id: payment.id }, t.citizen))).toBe('FORBIDDEN');
    const first = await refund();
    expect(first.errors).toBeUndefined();
    expect(first.data.refundPayment).toMatchObject({ status: 'REFUNDED', refundedVnd: payment.amountVnd });
    expect((await refund()).data.refundPayment).toMatchObject({ status: 'REFUNDED', refundedVnd: payment.amountVnd });
    expect(provider().transaction(payment.providerRef)?.refundedVnd).toBe(payment.amountVnd);
  });

  it("reconciles the provider's statement with the hub's payments for the operator", async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await gql(t.url, `mutation($f: DateTimeISO!, $t: DateTimeISO!) { runReconciliation(from: $f, to: $t) { status matched mismatches { kind } } }`, { f: from, t: to }, operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.runReconciliation).toMatchObject({ status: 'DONE', mismatches: [] });
    expect(res.data.runReconciliation.matched).toBeGreaterThanOrEqual(3);
    expect(codeOf(await gql(t.url, `mutation($f: DateTimeISO!, $t: DateTimeISO!) { runReconciliation(from: $f, to: $t) { status } }`, { f: from, t: to }, official))).toBe('FORBIDDEN');
  });
});
