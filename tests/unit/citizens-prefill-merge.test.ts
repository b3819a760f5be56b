/** Merging one field from several sources: agreement, conflicts, partial and total outages. */
import { mergeField, normalizeForComparison, type SourceOutcome } from '../../subgraphs/citizens/form-prefill/prefill-merge';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const at = new Date('2026-11-23T08:00:00.000Z');
const ok = (system: string, value: string | null, hasRecord = true): SourceOutcome => ({ system, answered: true, hasRecord, value, fetchedAt: at });
const down = (system: string, code = ErrorCode.UPSTREAM_UNAVAILABLE): SourceOutcome => ({ system, answered: false, error: new LienthongError(code) });
const POP = 'CSDLQG_DAN_CU';
const BH = 'CSDLQG_BAO_HIEM';

describe('normalizeForComparison', () => {
  it('ignores Unicode form, case, outer and repeated whitespace, and spacing around commas', () => {
    const a = 'Số 21 đường Trần Phú, Phường Hải Châu, Thành phố Đà Nẵng';
    const b = ' số 21 đường  trần phú ,phường hải châu,  thành phố đà nẵng '.normalize('NFD');
    expect(normalizeForComparison(b)).toBe(normalizeForComparison(a));
    expect(normalizeForComparison('LÊ MINH KHOA'.normalize('NFD'))).toBe(normalizeForComparison('Lê Minh Khoa'));
  });

  it('keeps real differences (diacritics, spelling)', () => {
    expect(normalizeForComparison('Thạch Thị Sari')).not.toBe(normalizeForComparison('Thạch Thị Sa Ri'));
    expect(normalizeForComparison('Lê Minh Khoa')).not.toBe(normalizeForComparison('Le Minh Khoa'));
  });
});

describe('mergeField', () => {
  it('fills from both sources when they agree once normalised, keeping the primary value', () => {
    const f = mergeField('hoTen', 'citizen.fullName', [ok(POP, 'Lê Minh Khoa'), ok(BH, 'LÊ MINH KHOA')], 'vi');
    expect(f).toMatchObject({ status: 'FILLED', value: 'Lê Minh Khoa', source: { system: POP }, candidates: [], warnings: [], error: null });
    expect(f.sources.map((s) => s.system)).toEqual([POP, BH]);
  });

  it('marks a conflict with the primary value and every candidate', () => {
    const f = mergeField('hoTen', 'citizen.fullName', [ok(POP, 'Thạch Thị Sa Ri'), ok(BH, 'Thạch Thị Sari')], 'en');
    expect(f.status).toBe('CONFLICTING');
    expect(f.value).toBe('Thạch Thị Sa Ri');
    expect(f.source?.system).toBe(POP);
    expect(f.candidates.map((c) => [c.value, c.source.system])).toEqual([
      ['Thạch Thị Sa Ri', POP],
      ['Thạch Thị Sari', BH],
    ]);
  });

  it('fills from the source that answered, warning about the one that failed', () => {
    const f = mergeField('hoTen', 'citizen.fullName', [ok(POP, 'Nguyễn Văn An'), down(BH, ErrorCode.UPSTREAM_TIMEOUT)], 'vi');
    expect(f).toMatchObject({ status: 'FILLED', value: 'Nguyễn Văn An', error: null });
    expect(f.warnings).toEqual([{ code: 'UPSTREAM_TIMEOUT', system: BH, message: expect.any(String) }]);
    const g = mergeField('hoTen', 'citizen.fullName', [down(POP), ok(BH, 'Nguyễn Văn An')], 'vi');
    expect(g).toMatchObject({ status: 'FILLED', source: { system: BH }, warnings: [{ system: POP }] });
  });

  it('is SOURCE_UNAVAILABLE only when every source failed', () => {
    const f = mergeField('hoTen', 'citizen.fullName', [down(POP), down(BH)], 'en');
    expect(f).toMatchObject({ status: 'SOURCE_UNAVAILABLE', value: null, source: null, error: { code: 'UPSTREAM_UNAVAILABLE', system: POP } });
  });

  it('uses a second source for a value the first does not hold, and is MISSING when nobody holds it', () => {
    expect(mergeField('k', 'citizen.permanentAddress', [ok(POP, null), ok(BH, 'Số 1, Phường X, Tỉnh Y')], 'vi').status).toBe('FILLED');
    expect(mergeField('k', 'citizen.currentAddress', [ok(POP, null)], 'vi')).toMatchObject({ status: 'MISSING', error: null });
    expect(mergeField('k', 'citizen.fullName', [ok(POP, null, false), ok(BH, null, false)], 'vi')).toMatchObject({
      status: 'MISSING',
      error: { code: 'CITIZEN_NOT_FOUND' },
    });
  });

  it('is MISSING with an error for a path no source serves', () => {
    expect(mergeField('k', 'organization.name', [], 'en')).toMatchObject({ status: 'MISSING', error: { code: 'BAD_USER_INPUT' } });
  });
});
