/** The comparison behind đối soát: which differences between statement and payments are reported. */
import { compareStatement, MismatchKind } from '../../subgraphs/payments/reconciliation/reconcile';
import type { StatementLine } from '../../subgraphs/payments/provider/provider-port';

const line = (txnRef: string, status: string, overrides: Partial<StatementLine> = {}): StatementLine => ({
  txnRef, providerTxnId: `SIM-${txnRef}`, amountVnd: 200000, currency: 'VND', status, refundedVnd: 0, ...overrides,
});
const local = (status: string, overrides: Record<string, unknown> = {}) => ({
  paymentId: `p-${status}`, status, amountVnd: 200000, currency: 'VND', refundedVnd: 0, openedAtProvider: true, ...overrides,
});

describe('compareStatement', () => {
  it('matches agreeing statuses, including no money on either side', () => {
    const locals = new Map([
      ['A', local('PAID')], ['B', local('EXPIRED')], ['C', local('FAILED')], ['D', local('REFUNDED', { refundedVnd: 200000 })], ['E', local('PENDING')],
    ]);
    const lines = [line('A', 'SUCCESS'), line('B', 'EXPIRED'), line('C', 'PENDING'), line('D', 'REFUNDED', { refundedVnd: 200000 }), line('E', 'PENDING')];
    expect(compareStatement(lines, locals, new Set(locals.keys()))).toEqual({ matched: 5, mismatches: [] });
  });

  it('reports money the two sides disagree about', () => {
    const locals = new Map([
      ['A', local('PENDING')], ['B', local('PAID')], ['C', local('PAID')], ['D', local('PAID', { currency: 'USD' })],
      ['E', local('PAID')], ['F', local('FAILED', { openedAtProvider: false })],
    ]);
    const lines = [line('A', 'SUCCESS'), line('B', 'EXPIRED'), line('C', 'SUCCESS', { refundedVnd: 1 }), line('D', 'SUCCESS'), line('Z', 'SUCCESS')];
    const { matched, mismatches } = compareStatement(lines, locals, new Set(locals.keys()));
    expect(matched).toBe(0);
    expect(mismatches.map((m) => [m.txnRef, m.kind])).toEqual([
      ['A', MismatchKind.STATUS_MISMATCH],
      ['B', MismatchKind.STATUS_MISMATCH],
      ['C', MismatchKind.AMOUNT_MISMATCH],
      ['D', MismatchKind.AMOUNT_MISMATCH],
      ['E', MismatchKind.MISSING_AT_PROVIDER],
      ['Z', MismatchKind.MISSING_LOCALLY],
    ]);
    expect(mismatches[4]).toMatchObject({ local: { paymentId: 'p-PAID' }, provider: null });
    expect(mismatches[5]).toMatchObject({ local: null, provider: { status: 'SUCCESS' } });
  });
});
