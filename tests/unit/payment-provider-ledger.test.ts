/** The simulated provider's rules, without HTTP: expiry, refunds, statements, and the statement digest. */
import { statementDigest } from '../../adapters/payment-provider';
import { SimulatorLedger } from '../../adapters/payment-provider/simulator-ledger';

const T0 = new Date('2026-11-30T02:00:00.000Z');
const MINUTE = 60_000;

function ledgerAt(start = T0) {
  let clock = start.getTime();
  const ledger = new SimulatorLedger(15 * MINUTE, () => new Date(clock));
  return { ledger, advance: (ms: number) => (clock += ms) };
}

const open = (ledger: SimulatorLedger, txnRef: string, amountVnd = 100_000) => {
  const opened = ledger.open({ merchantCode: 'LIENTHONG', txnRef, amountVnd, orderInfo: 'Lệ phí', callbackUrl: 'http://127.0.0.1:1/cb' });
  if (!opened.ok) throw new Error(opened.conflict);
  return opened.value;
};

describe('expiry', () => {
  it('turns a PENDING transaction EXPIRED at its deadline, which then cannot be paid', () => {
    const { ledger, advance } = ledgerAt();
    const txn = open(ledger, 'LT1');
    expect(txn.expiresAt).toEqual(new Date(T0.getTime() + 15 * MINUTE));
    advance(15 * MINUTE - 1);
    expect(ledger.get('LT1')?.status).toBe('PENDING');
    advance(1);
    expect(ledger.get('LT1')?.status).toBe('EXPIRED');
    expect(() => ledger.settle('LT1', 'SUCCESS')).toThrow(/already EXPIRED/);
    expect(ledger.get('LT1')?.paidAt).toBeUndefined();
  });

  it('does not expire a transaction paid in time', () => {
    const { ledger, advance } = ledgerAt();
    open(ledger, 'LT2');
    advance(14 * MINUTE);
    expect(ledger.settle('LT2', 'SUCCESS').changed).toBe(true);
    advance(60 * MINUTE);
    expect(ledger.get('LT2')).toMatchObject({ status: 'SUCCESS', paidAt: new Date(T0.getTime() + 14 * MINUTE) });
  });

  it('answers a retried open with the same transaction, and refuses the reference for another amount', () => {
    const { ledger } = ledgerAt();
    const first = open(ledger, 'LT3');
    expect(open(ledger, 'LT3')).toBe(first);
    expect(ledger.open({ ...first, amountVnd: 1 })).toEqual({ ok: false, conflict: 'DUPLICATE_TXN_REF' });
  });
});

describe('refunds', () => {
  const paid = () => {
    const { ledger, advance } = ledgerAt();
    open(ledger, 'LT10', 100_000);
    ledger.settle('LT10', 'SUCCESS');
    return { ledger, advance };
  };
  const ask = (refundRef: string, amountVnd: number, txnRef = 'LT10') => ({ txnRef, refundRef, amountVnd, reason: 'Hồ sơ bị từ chối' });

  it('refunds in parts up to the amount paid, then declines anything more', () => {
    const { ledger } = paid();
    expect(ledger.refund(ask('R1', 30_000))).toMatchObject({ ok: true, value: { status: 'SUCCESS' } });
    expect(ledger.get('LT10')).toMatchObject({ status: 'SUCCESS', refundedVnd: 30_000 });
    expect(ledger.refund(ask('R2', 70_001))).toMatchObject({ ok: true, value: { status: 'FAILED', failureReason: 'AMOUNT_EXCEEDS_REFUNDABLE' } });
    expect(ledger.get('LT10')?.refundedVnd).toBe(30_000);
    expect(ledger.refund(ask('R3', 70_000))).toMatchObject({ ok: true, value: { status: 'SUCCESS' } });
    expect(ledger.get('LT10')).toMatchObject({ status: 'REFUNDED', refundedVnd: 100_000 });
    expect(ledger.refund(ask('R4', 1))).toMatchObject({ ok: true, value: { status: 'FAILED', failureReason: 'AMOUNT_EXCEEDS_REFUNDABLE' } });
  });

  it('decides once per refundRef: the same request gets the same decision, another one under that ref conflicts', () => {
    const { ledger } = paid();
    const first = ledger.refund(ask('R1', 40_000));
    const again = ledger.refund(ask('R1', 40_000));
    expect(again).toEqual(first);
    expect(ledger.get('LT10')?.refundedVnd).toBe(40_000);
    expect(ledger.refund(ask('R1', 50_000))).toEqual({ ok: false, conflict: 'DUPLICATE_REFUND_REF' });
    expect(ledger.refund(ask('R1', 40_000, 'LT11'))).toEqual({ ok: false, conflict: 'DUPLICATE_REFUND_REF' });
    expect(ledger.get('LT10')?.refundedVnd).toBe(40_000);
  });

  it('declines refunds of unknown, unpaid, failed and expired transactions without touching them', () => {
    const { ledger, advance } = ledgerAt();
    open(ledger, 'LTP');
    open(ledger, 'LTF');
    ledger.settle('LTF', 'FAILED');
    expect(ledger.refund(ask('RA', 1, 'LTP')).ok && ledger.refunds.get('RA')?.failureReason).toBe('TXN_NOT_PAID');
    expect(ledger.refund(ask('RB', 1, 'LTF')).ok && ledger.refunds.get('RB')?.failureReason).toBe('TXN_NOT_PAID');
    expect(ledger.refund(ask('RC', 1, 'LTX')).ok && ledger.refunds.get('RC')?.failureReason).toBe('TXN_NOT_FOUND');
    advance(16 * MINUTE);
    expect(ledger.refund(ask('RD', 1, 'LTP')).ok && ledger.refunds.get('RD')?.failureReason).toBe('TXN_NOT_PAID');
    expect([ledger.get('LTP')?.refundedVnd, ledger.get('LTF')?.refundedVnd]).toEqual([0, 0]);
  });
});

describe('statement', () => {
  it('lists the transactions created in [from, to), oldest first, as they stand now', () => {
    const { ledger, advance } = ledgerAt();
    open(ledger, 'LTA');
    advance(MINUTE);
    open(ledger, 'LTB');
    advance(MINUTE);
    open(ledger, 'LTC');
    advance(20 * MINUTE);
    const lines = ledger.statement(new Date(T0.getTime()), new Date(T0.getTime() + 2 * MINUTE));
    expect(lines.map((t) => [t.txnRef, t.status])).toEqual([
      ['LTA', 'EXPIRED'],
      ['LTB', 'EXPIRED'],
    ]);
  });

  it('has a digest that changes when a line is altered, dropped, added or moved', () => {
    const line = (txnRef: string, amountVnd = 1000) => ({
      txnRef,
      providerTxnId: `P${txnRef}`,
      amountVnd,
      currency: 'VND',
      status: 'SUCCESS',
      createdAt: T0.toISOString(),
      paidAt: T0.toISOString(),
      refundedVnd: 0,
    });
    const lines = [line('A'), line('B')];
    const digest = statementDigest(lines);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(statementDigest([line('A'), line('B')])).toBe(digest);
    for (const other of [[line('A'), line('B', 1001)], [line('A')], [...lines, line('C')], [line('B'), line('A')], []]) {
      expect(statementDigest(other)).not.toBe(digest);
    }
  });
});
