/** Who may read dossier statistics, the period as instants (Vietnam days), and SQL built without user text. */
import { resolveStatisticsQuery, StatisticsDimension } from '../../subgraphs/dossiers/statistics';
import { statisticsSql } from '../../subgraphs/dossiers/statistics/dossier-statistics';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import { SubmissionChannel } from '../../subgraphs/dossiers/dossier/dossier-status';

const official: Principal = { id: 'official:an', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const operator: Principal = { id: 'operator:dung', role: 'OPERATOR' };
const citizen: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('resolveStatisticsQuery', () => {
  it("confines officials to their agency and lets operators choose any or all", () => {
    expect(resolveStatisticsQuery(official, {}).agencyCode).toBe('000.00.12.H26');
    expect(resolveStatisticsQuery(official, { agencyCode: '000.00.12.H26' }).agencyCode).toBe('000.00.12.H26');
    expect(codeOf(() => resolveStatisticsQuery(official, { agencyCode: '000.00.13.H26' }))).toBe('FORBIDDEN');
    expect(codeOf(() => resolveStatisticsQuery({ ...official, agencyCode: undefined }, {}))).toBe('FORBIDDEN');
    expect(resolveStatisticsQuery(operator, null).agencyCode).toBeNull();
    expect(resolveStatisticsQuery(operator, { agencyCode: '000.00.13.H26' }).agencyCode).toBe('000.00.13.H26');
    expect(codeOf(() => resolveStatisticsQuery(citizen, {}))).toBe('FORBIDDEN');
    expect(codeOf(() => resolveStatisticsQuery(ANONYMOUS, {}))).toBe('UNAUTHENTICATED');
  });

  it('turns the inclusive period of Vietnamese days into [00:00 of from, 00:00 after to) in UTC', () => {
    const q = resolveStatisticsQuery(operator, { from: '2026-10-01', to: '2026-10-31' });
    expect(q.receivedFrom?.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(q.receivedBefore?.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    const open = resolveStatisticsQuery(operator, {});
    expect([open.receivedFrom, open.receivedBefore]).toEqual([null, null]);
    expect(resolveStatisticsQuery(operator, { from: '2026-10-01', to: '2026-10-01' }).receivedBefore?.toISOString()).toBe(
      '2026-10-01T17:00:00.000Z',
    );
  });

  it('refuses dates that are not days and periods that end before they start', () => {
    expect(codeOf(() => resolveStatisticsQuery(operator, { from: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => resolveStatisticsQuery(operator, { to: '1/11/2026' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => resolveStatisticsQuery(operator, { from: '2026-11-02', to: '2026-11-01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => resolveStatisticsQuery(operator, {}, ['WEEK' as StatisticsDimension]))).toBe('BAD_USER_INPUT');
  });

  it('keeps each dimension once, in the order asked', () => {
    const q = resolveStatisticsQuery(operator, {}, [StatisticsDimension.MONTH, StatisticsDimension.AGENCY, StatisticsDimension.MONTH]);
    expect(q.groupBy).toEqual([StatisticsDimension.MONTH, StatisticsDimension.AGENCY]);
  });
});

describe('statisticsSql', () => {
  it('passes every filter value as a parameter, never as SQL text', () => {
    const hostile = "x'; DROP TABLE dossier; --";
    const q = resolveStatisticsQuery(operator, { agencyCode: hostile, procedureCode: hostile, channel: SubmissionChannel.POSTAL });
    const sql = statisticsSql(q, new Date('2026-11-30T00:00:00Z'));
    expect(sql.sql).not.toContain('DROP');
    expect(sql.values).toEqual(expect.arrayContaining([hostile, 'POSTAL', '2026-11-30T00:00:00.000']));
  });

  it('groups and orders by the dimensions asked, and by nothing without them', () => {
    const grouped = statisticsSql(resolveStatisticsQuery(operator, {}, [StatisticsDimension.AGENCY, StatisticsDimension.MONTH]), new Date()).sql;
    expect(grouped).toMatch(/GROUP BY d\.agency_code,\s*to_char\(d\.received_at \+ interval '7 hours', 'YYYY-MM'\)/);
    expect(grouped).toMatch(/NULL::text AS procedure_code/);
    const total = statisticsSql(resolveStatisticsQuery(operator, {}), new Date()).sql;
    expect(total).not.toMatch(/GROUP BY/);
  });
});
