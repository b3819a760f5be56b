import { WorkingDayCalendar, localTime } from '../../subgraphs/shared/calendar/working-days';

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  it('skips weekends', () => {
    // Friday 2026-11-20 + 1 working day → Monday 2026-11-23
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
  });

  it('knows the five lunar Tết days of 2026 (16–20 February)', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('knows Giỗ Tổ Hùng Vương (10/3 lunar) and gives a compensatory day when it falls on a Sunday', () => {
    // 10/3 lunar 2026 is Sunday 26 April: Monday 27 April is the day off in lieu.
    expect(calendar.isWorkingDay('2026-04-26')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('counts from the next working day after the cut-off hour', () => {
    const before = calendar.appointment(localTime('2026-11-23', 9), 3);
    const after = calendar.appointment(localTime('2026-11-23', 18), 3);
    expect(before.date).toBe('2026-11-26');
    expect(after.date).toBe('2026-11-27');
    expect(before.at.toISOString()).toBe('2026-11-26T10:00:00.000Z'); // 17:00 in Hà Nội
  });

  it('applies the Prime Minister’s swapped days', () => {
    const swapped = new WorkingDayCalendar({ extraDaysOff: ['2026-11-23'], workingDays: ['2026-11-21'] });
    expect(swapped.isWorkingDay('2026-11-21')).toBe(true);
    expect(swapped.isWorkingDay('2026-11-23')).toBe(false);
  });
});
