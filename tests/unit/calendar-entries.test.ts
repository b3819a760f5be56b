/** The rules of a calendar entry, and the shipped 2026–2027 file checked against them and date-holidays. */
import { checkCalendarEntry, WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import { SHIPPED_CALENDAR } from '../../subgraphs/procedures/calendar';
import { parseShippedCalendar } from '../../subgraphs/procedures/calendar/shipped-calendar';

const valid = { day: '2026-11-23', kind: 'EXTRA_DAY_OFF', name: 'Nghỉ thêm', legalBasis: 'Thông báo số 1/TB-BNV' };

describe('checkCalendarEntry', () => {
  it('accepts a well-formed entry and trims its texts', () => {
    const check = checkCalendarEntry({ ...valid, name: '  Nghỉ thêm ' });
    expect(check).toEqual({ ok: true, entry: { ...valid, name: 'Nghỉ thêm' } });
  });

  it.each([
    [{ day: '2026-02-30' }, 'day'],
    [{ day: '2026-2-1' }, 'day'],
    [{ day: 20261123 }, 'day'],
    [{ kind: 'HOLIDAY' }, 'kind'],
    [{ name: ' ' }, 'name'],
    [{ legalBasis: '' }, 'legalBasis'],
    [{ legalBasis: undefined }, 'legalBasis'],
    [{ kind: 'SWAPPED_WORKING_DAY' }, 'kind'], // Monday 23 November is a weekday
    [{ day: '2026-11-21' }, 'kind'], // EXTRA_DAY_OFF on a Saturday
    [{ day: '2026-11-22', kind: 'COMPENSATORY_DAY_OFF' }, 'kind'],
  ])('rejects %j naming %s', (change, field) => {
    const check = checkCalendarEntry({ ...valid, ...change });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.field).toBe(field);
  });

  it('allows a public holiday on a weekend and a swap on a Saturday', () => {
    expect(checkCalendarEntry({ ...valid, day: '2026-04-26', kind: 'PUBLIC_HOLIDAY' }).ok).toBe(true);
    expect(checkCalendarEntry({ ...valid, day: '2026-11-21', kind: 'SWAPPED_WORKING_DAY' }).ok).toBe(true);
  });
});

describe('shipped calendar vn-2026-2027.json', () => {
  it('has a legal basis on every entry and a note on every entry to verify', () => {
    expect(SHIPPED_CALENDAR.length).toBeGreaterThanOrEqual(20);
    for (const entry of SHIPPED_CALENDAR) {
      expect(entry.legalBasis).toMatch(/Bộ luật Lao động 2019.*Điều 11[12]/);
      if (entry.verify) expect(entry.note).toBeTruthy();
    }
  });

  it('holds the public holidays of Art. 112 for both years (11 days each)', () => {
    for (const year of ['2026', '2027']) {
      const holidays = SHIPPED_CALENDAR.filter((e) => e.day.startsWith(year) && e.kind === 'PUBLIC_HOLIDAY');
      expect(holidays).toHaveLength(11); // 1 + 5 + 1 + 1 + 2 + 1
      for (const day of ['01-01', '04-30', '05-01', '09-02']) expect(holidays.map((e) => e.day)).toContain(`${year}-${day}`);
    }
  });

  it('agrees with date-holidays on the lunar days (Tết, Hùng Kings) of both years', () => {
    const computed = new WorkingDayCalendar();
    for (const year of [2026, 2027]) {
      const lunar = computed.computedEntriesOf(year).filter((e) => e.kind === 'PUBLIC_HOLIDAY' && /Tết Nguyên Đán|Giao thừa|Hùng/i.test(e.name));
      expect(lunar.length).toBe(6);
      for (const entry of lunar) expect(SHIPPED_CALENDAR.find((e) => e.day === entry.day)?.kind).toBe('PUBLIC_HOLIDAY');
    }
    expect(SHIPPED_CALENDAR.find((e) => e.day === '2026-02-17')?.name).toMatch(/Mùng 1/);
    expect(SHIPPED_CALENDAR.find((e) => e.day === '2027-02-06')?.name).toMatch(/Mùng 1/);
    expect(SHIPPED_CALENDAR.find((e) => e.day === '2026-04-26')?.name).toMatch(/Hùng Vương/);
    expect(SHIPPED_CALENDAR.find((e) => e.day === '2027-04-16')?.name).toMatch(/Hùng Vương/);
  });

  it('gives a compensatory day for every holiday on a weekend', () => {
    const calendar = WorkingDayCalendar.fromEntries(SHIPPED_CALENDAR);
    const weekendHolidays = SHIPPED_CALENDAR.filter((e) => e.kind === 'PUBLIC_HOLIDAY' && [0, 6].includes(new Date(`${e.day}T00:00:00Z`).getUTCDay()));
    const compensatory = SHIPPED_CALENDAR.filter((e) => e.kind === 'COMPENSATORY_DAY_OFF');
    expect(compensatory).toHaveLength(weekendHolidays.length);
    for (const entry of compensatory) expect(calendar.isWorkingDay(entry.day)).toBe(false);
  });

  it('refuses a broken file', () => {
    expect(() => parseShippedCalendar({})).toThrow(/array/);
    expect(() => parseShippedCalendar([{ ...valid, legalBasis: '' }])).toThrow(/\[0\]\.legalBasis/);
    expect(() => parseShippedCalendar([valid, valid])).toThrow(/twice/);
  });
});
