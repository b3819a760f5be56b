/**
 * Refunds (hoàn phí) and e-receipts (biên lai điện tử) against the payments subgraph on port 0 and
 * the provider simulator over HTTP: who may refund, what is refused with nothing written, full and
 * partial refunds, retries by idempotency key, and the receipt with its deterministic PDF.
 */
import { PDFParse } from 'pdf-parse';
import type { PaymentProviderSimulator } from '../../adapters/payment-provider';
import { PAYMENT_REFUNDED_TOPIC, type PaymentsSubgraph } from '../../subgraphs/payments';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { insertFeeDossier, startPaymentsTestServer, type PaymentsTestServer } from '../support/payments-server';
import { callSubgraph } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const PROCEDURE = '1.001612';
const CITIZEN: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const OFFICIAL: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: AGENCY };
const FOREIGN_OFFICIAL: Principal = { id: 'official:2', role: 'OFFICIAL', agencyCode: '000.00.01.H01' };
const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR' };

let server: PaymentsTestServer;
let db: Database;
let bus: InProcessEventBus;
let simulator: PaymentProviderSimulator;
let subgraph: PaymentsSubgraph;
let url: string;
const refundedEvents: Array<Record<string, any>> = [];

const PAY = 'mutation ($code: String!) { payDossierFee(dossierCode: $code) { id providerRef } }';
const REFUND = `mutation ($id: ID!, $amount: Int, $reason: String!, $key: String!) {
  refundPayment(paymentId: $id, amountVnd: $amount, reason: $reason, idempotencyKey: $key) {
    id status refundedAt refundedVnd version refunds { refundRef amountVnd reason requestedBy status providerRefundId }
  }
}`;
const refund = (principal: Principal, id: string, key: string, amount: number | null = null, reason = 'Hồ sơ bị từ chối') =>
  callSubgraph(url, REFUND, { id, amount, reason, key }, principal);

async function openPayment(code: string): Promise<{ id: string; providerRef: string }> {
  await insertFeeDossier(db, code, CITIZEN, { agencyCode: AGENCY, procedureCode: PROCEDURE, payerName: 'Nguyễn Thị Ánh Tuyết' });
  return (await callSubgraph(url, PAY, { code }, CITIZEN)).data!.payDossierFee;
}
async function paidPayment(code: string): Promise<string> {
  const { id, providerRef } = await openPayment(code);
  await simulator.completePayment(providerRef, 'SUCCESS');
  return id;
}
const refundRows = (paymentId: string) => db.prisma.paymentRefund.findMany({ where: { paymentId } });

beforeAll(async () => {
  server = await startPaymentsTestServer({
    beforeStart: async (b) => void (await b.subscribe<Record<string, any>>(PAYMENT_REFUNDED_TOPIC, (event) => void refundedEvents.push(event))),
  });
  ({ db, bus, simulator, subgraph, url } = server);
  // The receipt names the agency and the fee case of the procedure version the dossier was filed under.
  await db.prisma.agency.upsert({
    where: { code: AGENCY }, update: { name: 'Sở Tư pháp Thành phố Hà Nội' },
    create: { code: AGENCY, name: 'Sở Tư pháp Thành phố Hà Nội', level: 'PROVINCE' },
  });
  await db.prisma.procedureVersion.deleteMany({ where: { procedureCode: PROCEDURE, version: 1 } });
  await db.prisma.procedureVersion.create({
    data: {
      procedureCode: PROCEDURE, version: 1, effectiveFrom: new Date('2026-01-01'), createdBy: 'test',
      record: { name: 'Cấp Phiếu lý lịch tư pháp', fees: [{ caseCode: 'MAC_DINH', caseName: 'Cấp lần đầu', amountVnd: 200000 }] },
    },
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('refundPayment', () => {
  it('refuses without writing anything: rights, input, amount, status', async () => {
    const id = await paidPayment('HS-RF-REFUSE');
    const before = await db.prisma.payment.findUniqueOrThrow({ where: { id } });
    const pending = await openPayment('HS-RF-PENDING');
    const cases: Array<[Promise<any>, string]> = [
      [refund({ id: 'anonymous', role: 'ANONYMOUS' }, id, 'k1'), 'UNAUTHENTICATED'],
      [refund(CITIZEN, id, 'k1'), 'FORBIDDEN'],
      [refund(FOREIGN_OFFICIAL, id, 'k1'), 'FORBIDDEN'],
      [refund(OFFICIAL, '00000000-0000-4000-8000-000000000000', 'k1'), 'PAYMENT_NOT_FOUND'],
      [refund(OFFICIAL, id, 'k1', null, '   '), 'BAD_USER_INPUT'],
      [refund(OFFICIAL, id, ''), 'BAD_USER_INPUT'],
      [refund(OFFICIAL, id, 'k1', 0), 'BAD_USER_INPUT'],
      [refund(OFFICIAL, id, 'k1', -5), 'BAD_USER_INPUT'],
      [refund(OFFICIAL, id, 'k1', 200001), 'BAD_USER_INPUT'],
      [refund(OFFICIAL, pending.id, 'k1'), 'INVALID_TRANSITION'],
    ];
    for (const [call, code] of cases) expect((await call).errors?.[0].extensions?.code).toBe(code);
    expect(await refundRows(id)).toHaveLength(0);
    expect(await refundRows(pending.id)).toHaveLength(0);
    expect(simulator.refunds.size).toBe(0);
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it('refunds the whole fee: REFUNDED with its event, and a retry with the same key is the same refund', async () => {
    const id = await paidPayment('HS-RF-FULL');
    const res = await refund(OFFICIAL, id, 'full-1');
    expect(res.errors).toBeUndefined();
    const payment = res.data!.refundPayment;
    expect(payment).toMatchObject({ status: 'REFUNDED', refundedVnd: 200000, version: 3 });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ amountVnd: 200000, reason: 'Hồ sơ bị từ chối', requestedBy: OFFICIAL.id, status: 'SUCCEEDED' }),
    ]);
    expect(payment.refunds[0].providerRefundId).toBeTruthy();
    const again = await refund(OFFICIAL, id, 'full-1');
    expect(again.data!.refundPayment).toEqual(payment);
    expect(await refundRows(id)).toHaveLength(1);
    expect([...simulator.refunds.values()].filter((r) => r.refundRef === payment.refunds[0].refundRef)).toHaveLength(1);
    const outbox = await db.prisma.outboxEvent.findMany({ where: { key: 'HS-RF-FULL', topic: PAYMENT_REFUNDED_TOPIC } });
    expect(outbox).toHaveLength(1);
    const deadline = Date.now() + 3000;
    while (!refundedEvents.some((e) => e.paymentId === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(refundedEvents.filter((e) => e.paymentId === id)).toEqual([
      expect.objectContaining({ dossierCode: 'HS-RF-FULL', refundedVnd: 200000, amountVnd: 200000 }),
    ]);
    // Reused with another amount, or a new refund of a REFUNDED payment: refused, nothing written.
    expect((await refund(OFFICIAL, id, 'full-1', 1000)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await refund(OPERATOR, id, 'full-2')).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(await refundRows(id)).toHaveLength(1);
  });

  it('records partial refunds and never refunds more than the fee', async () => {
    const id = await paidPayment('HS-RF-PART');
    const first = await refund(OPERATOR, id, 'part-1', 50000, 'Thu thừa');
    expect(first.data!.refundPayment).toMatchObject({ status: 'PAID', refundedVnd: 50000, refundedAt: null });
    const tooMuch = await refund(OPERATOR, id, 'part-2', 150001);
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', refundableVnd: 150000 });
    const rest = await refund(OPERATOR, id, 'part-3');
    expect(rest.data!.refundPayment).toMatchObject({ status: 'REFUNDED', refundedVnd: 200000 });
    expect(rest.data!.refundPayment.refunds.map((r: any) => r.amountVnd)).toEqual([50000, 150000]);
    expect(await refundRows(id)).toHaveLength(2);
  });

  it('never lets concurrent refunds exceed the fee, and makes the payment REFUNDED once', async () => {
    const id = await paidPayment('HS-RF-CONC');
    const results = await Promise.all(['c-1', 'c-2', 'c-3'].map((key) => refund(OPERATOR, id, key, 100000)));
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['BAD_USER_INPUT', 'OK', 'OK']);
    expect((await refundRows(id)).map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'REFUNDED' });
    expect(await db.prisma.outboxEvent.count({ where: { key: 'HS-RF-CONC', topic: PAYMENT_REFUNDED_TOPIC } })).toBe(1);
  });

  it('keeps a refund REQUESTED while the provider is down, and completes it on retry with the same key', async () => {
    const id = await paidPayment('HS-RF-DOWN');
    simulator.setAvailable(false);
    try {
      const down = await refund(OFFICIAL, id, 'down-1');
      expect(down.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      simulator.setAvailable(true);
    }
    expect((await refundRows(id)).map((r) => r.status)).toEqual(['REQUESTED']);
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id } })).status).toBe('PAID');
    const retry = await refund(OFFICIAL, id, 'down-1');
    expect(retry.data!.refundPayment).toMatchObject({ status: 'REFUNDED', refundedVnd: 200000 });
    expect((await refundRows(id)).map((r) => r.status)).toEqual(['SUCCEEDED']);
  });
});

describe('e-receipt', () => {
  const RECEIPT = `query ($id: ID!) { payment(id: $id) { status receiptNumber receipt {
    number templateSymbol series issuedAt payerName payerPersonalId agencyName agencyCode dossierCode feeName
    amountVnd amountInWords amountDigits pdf { fileName contentType sizeBytes sha256 contentBase64 } } } }`;

  async function textOf(base64: string): Promise<string> {
    const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) });
    try {
      return (await parser.getText()).text.replace(/\s+/g, ' ');
    } finally {
      await parser.destroy();
    }
  }

  it('states the receipt of a paid fee, with a PDF rendered byte for byte the same', async () => {
    const id = await paidPayment('HS-RECEIPT');
    const res = await callSubgraph(url, RECEIPT, { id }, CITIZEN);
    expect(res.errors).toBeUndefined();
    const { receipt, receiptNumber } = res.data!.payment;
    const paidAt = (await db.prisma.payment.findUniqueOrThrow({ where: { id } })).paidAt!;
    expect(receipt).toMatchObject({
      number: receiptNumber,
      templateSymbol: '01BLP0-001',
      series: `LT-${String(new Date(paidAt.getTime() + 7 * 3_600_000).getUTCFullYear()).slice(2)}E`,
      issuedAt: paidAt.toISOString(),
      payerName: 'Nguyễn Thị Ánh Tuyết',
      payerPersonalId: '001090012345',
      agencyName: 'Sở Tư pháp Thành phố Hà Nội',
      agencyCode: AGENCY,
      dossierCode: 'HS-RECEIPT',
      feeName: 'Phí, lệ phí Cấp Phiếu lý lịch tư pháp (Cấp lần đầu)',
      amountVnd: 200000,
      amountInWords: 'Hai trăm nghìn đồng',
      amountDigits: '200.000',
    });
    expect(receipt.pdf).toMatchObject({ contentType: 'application/pdf', fileName: `bien-lai-${receiptNumber}.pdf` });
    expect(Buffer.from(receipt.pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(receipt.pdf.contentBase64);
    for (const expected of ['BIÊN LAI THU PHÍ, LỆ PHÍ', receiptNumber, 'Nguyễn Thị Ánh Tuyết', 'Hai trăm nghìn đồng', '200.000 đồng']) {
      expect(text).toContain(expected);
    }
    const again = await callSubgraph(url, RECEIPT, { id }, OFFICIAL);
    expect(again.data!.payment.receipt.pdf.sha256).toBe(receipt.pdf.sha256);
    expect(again.data!.payment.receipt.pdf.contentBase64).toBe(receipt.pdf.contentBase64);
  });

  it('is null while the payment is not paid', async () => {
    const { id } = await openPayment('HS-RECEIPT-PENDING');
    const res = await callSubgraph(url, RECEIPT, { id }, CITIZEN);
    expect(res.data!.payment).toMatchObject({ status: 'PENDING', receipt: null });
  });
});
