/** Due dates on the shipped 2026–2027 schedule: each kind of day, cut-off hours, working-hour durations. */
import { WorkingDayCalendar, localTime, type CalendarEntry } from '../../subgraphs/shared/calendar';
import { SHIPPED_CALENDAR } from '../../subgraphs/procedures/calendar';

const shipped = WorkingDayCalendar.fromEntries(SHIPPED_CALENDAR);
/** Local time `HH:MM` of a day in Hà Nội. */
const at = (day: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return localTime(day, h + m / 60);
};
const iso = (day: string, time: string) => at(day, time).toISOString();

describe('shipped schedule: each kind of day', () => {
  it('Tết Bính Ngọ 2026: the five days are off and a dossier received the working day before is due after them', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(shipped.isWorkingDay(day)).toBe(false);
      expect(shipped.entryOf(day)?.kind).toBe('PUBLIC_HOLIDAY');
    }
    expect(shipped.isWorkingDay('2026-02-13')).toBe(true);
    const oneDay = shipped.dueDate({ receivedAt: at('2026-02-13', '09:00'), workingDays: 1 });
    expect(oneDay.dueDate).toBe('2026-02-23');
    expect(oneDay.dueAt.toISOString()).toBe(iso('2026-02-23', '17:00'));
    expect(shipped.dueDate({ receivedAt: at('2026-02-13', '09:00'), workingDays: 3 }).dueDate).toBe('2026-02-25');
  });

  it('Giỗ Tổ Hùng Vương 2026 falls on Sunday 26 April: Monday 27 is the compensatory day off', () => {
    expect(shipped.entryOf('2026-04-26')?.kind).toBe('PUBLIC_HOLIDAY');
    expect(shipped.entryOf('2026-04-27')?.kind).toBe('COMPENSATORY_DAY_OFF');
    expect(shipped.isWorkingDay('2026-04-27')).toBe(false);
    expect(shipped.isWorkingDay('2026-04-28')).toBe(true);
    // Friday 24 April + 2 working days: 28, 29 (27 is off). + 3: then 30/4, 1/5 and the weekend → 4 May.
    expect(shipped.dueDate({ receivedAt: at('2026-04-24', '10:00'), workingDays: 2 }).dueDate).toBe('2026-04-29');
    expect(shipped.dueDate({ receivedAt: at('2026-04-24', '10:00'), workingDays: 3 }).dueDate).toBe('2026-05-04');
  });

  it.each([2026, 2027])('National Day %i: 2 September and exactly one adjacent day from the data are off', (year) => {
    const nationalDays = SHIPPED_CALENDAR.filter((e) => e.day.startsWith(`${year}-09-`) && e.name.includes('Quốc khánh'));
    const days = nationalDays.map((e) => e.day).sort();
    expect(days).toHaveLength(2);
    expect(days).toContain(`${year}-09-02`);
    const adjacent = days.find((d) => d !== `${year}-09-02`)!;
    expect([`${year}-09-01`, `${year}-09-03`]).toContain(adjacent);
    for (const day of days) expect(shipped.isWorkingDay(day)).toBe(false);
    // date-holidays alone misses the adjacent day: the table is what makes it a holiday.
    expect(new WorkingDayCalendar().isWorkingDay(adjacent)).toBe(true);
  });

  it('1 May 2027 is a Saturday: Monday 3 May is the compensatory day off', () => {
    expect(shipped.isWorkingDay('2027-05-03')).toBe(false);
    expect(shipped.dueDate({ receivedAt: at('2027-04-29', '09:00'), workingDays: 1 }).dueDate).toBe('2027-05-04');
  });

  it('a swapped Saturday is a working day and an extra day off is not', () => {
    const swaps: CalendarEntry[] = [
      { day: '2026-11-21', kind: 'SWAPPED_WORKING_DAY', name: 'Làm bù', legalBasis: 'Thông báo thử nghiệm' },
      { day: '2026-11-23', kind: 'EXTRA_DAY_OFF', name: 'Nghỉ thêm', legalBasis: 'Thông báo thử nghiệm' },
    ];
    const calendar = WorkingDayCalendar.fromEntries([...SHIPPED_CALENDAR, ...swaps]);
    expect(shipped.isWorkingDay('2026-11-21')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-21')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-23')).toBe(false);
    // Friday 20 November + 1 → the swapped Saturday; + 2 → Tuesday 24 (Sunday and the extra day off skipped).
    expect(calendar.dueDate({ receivedAt: at('2026-11-20', '09:00'), workingDays: 1 }).dueDate).toBe('2026-11-21');
    expect(calendar.dueDate({ receivedAt: at('2026-11-20', '09:00'), workingDays: 2 }).dueDate).toBe('2026-11-24');
    expect(shipped.dueDate({ receivedAt: at('2026-11-20', '09:00'), workingDays: 2 }).dueDate).toBe('2026-11-24');
    expect(shipped.dueDate({ receivedAt: at('2026-11-20', '09:00'), workingDays: 1 }).dueDate).toBe('2026-11-23');
  });

  it('a year whose holidays the table holds is taken from the table alone', () => {
    const withoutNewYear = WorkingDayCalendar.fromEntries(SHIPPED_CALENDAR.filter((e) => e.day !== '2026-01-01'));
    expect(new WorkingDayCalendar().isWorkingDay('2026-01-01')).toBe(false);
    expect(withoutNewYear.isWorkingDay('2026-01-01')).toBe(true);
    expect(withoutNewYear.isScheduledYear(2026)).toBe(true);
  });

  it('falls back to the computed Labour-Code days for a year without a schedule, table entries on top', () => {
    const extra: CalendarEntry = { day: '2028-06-02', kind: 'EXTRA_DAY_OFF', name: 'Nghỉ thêm', legalBasis: 'Thông báo thử nghiệm' };
    const calendar = WorkingDayCalendar.fromEntries([...SHIPPED_CALENDAR, extra]);
    expect(calendar.isScheduledYear(2028)).toBe(false);
    // 1 January 2028 is a Saturday: computed holiday and compensatory Monday 3 January.
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false);
    expect(calendar.isWorkingDay('2028-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2028-06-02')).toBe(false);
    expect(calendar.computedEntriesOf(2028).some((e) => e.day === '2028-01-03' && e.kind === 'COMPENSATORY_DAY_OFF')).toBe(true);
  });
});

describe('cut-off hour', () => {
  it('counts a receipt from the next working day from the cut-off hour on', () => {
    const before = shipped.dueDate({ receivedAt: at('2026-11-23', '15:59'), workingDays: 3, cutoffHour: 16 });
    const after = shipped.dueDate({ receivedAt: at('2026-11-23', '16:00'), workingDays: 3, cutoffHour: 16 });
    expect(before.dueDate).toBe('2026-11-26');
    expect(after.dueDate).toBe('2026-11-27');
    expect(after.countingStartsAt.toISOString()).toBe(iso('2026-11-24', '08:00'));
    // The calendar's own default is 17:00.
    expect(shipped.dueDate({ receivedAt: at('2026-11-23', '16:30'), workingDays: 3 }).dueDate).toBe('2026-11-26');
    expect(shipped.dueDate({ receivedAt: at('2026-11-23', '17:00'), workingDays: 3 }).dueDate).toBe('2026-11-27');
  });

  it('applies to working-hour durations too', () => {
    const before = shipped.dueDate({ receivedAt: at('2026-11-23', '10:30'), workingHours: 2, cutoffHour: 11 });
    const after = shipped.dueDate({ receivedAt: at('2026-11-23', '11:00'), workingHours: 2, cutoffHour: 11 });
    expect(before.dueAt.toISOString()).toBe(iso('2026-11-23', '13:30')); // 10:30–12:00, 13:00–13:30
    expect(after.dueAt.toISOString()).toBe(iso('2026-11-24', '10:00'));
  });

  it('keeps the old appointment() API (cut-off from the options)', () => {
    const early = new WorkingDayCalendar({ cutoffHour: 10 });
    expect(early.appointment(at('2026-11-23', '10:15'), 1).date).toBe('2026-11-25');
    expect(new WorkingDayCalendar().appointment(at('2026-11-23', '10:15'), 1).date).toBe('2026-11-24');
  });
});

describe('working-hour durations', () => {
  const hours = (day: string, time: string, workingHours: number, calendar = shipped) =>
    calendar.dueDate({ receivedAt: at(day, time), workingHours }).dueAt.toISOString();

  it('4 working hours from 15:00 end the next working day at 10:00 (the night skipped)', () => {
    expect(hours('2026-11-23', '15:00', 4)).toBe(iso('2026-11-24', '10:00'));
  });

  it('skip the lunch break', () => {
    expect(hours('2026-11-23', '11:00', 2)).toBe(iso('2026-11-23', '14:00'));
    expect(hours('2026-11-23', '11:00', 1)).toBe(iso('2026-11-23', '12:00'));
    expect(hours('2026-11-23', '12:15', 1)).toBe(iso('2026-11-23', '14:00')); // received during lunch
    expect(hours('2026-11-23', '07:00', 1)).toBe(iso('2026-11-23', '09:00')); // received before opening
  });

  it('skip weekends and holidays', () => {
    expect(hours('2026-11-20', '15:00', 4)).toBe(iso('2026-11-23', '10:00'));
    // Friday before Tết: 14:00–17:00 (3 h), then Monday 23 February 08:00–12:00 (4 h) and 13:00–14:00.
    expect(hours('2026-02-13', '14:00', 8)).toBe(iso('2026-02-23', '14:00'));
  });

  it('count from the next working day’s opening when received on a day off or after closing', () => {
    const saturday = shipped.dueDate({ receivedAt: at('2026-11-21', '10:00'), workingHours: 2 });
    expect(saturday.countingStartsAt.toISOString()).toBe(iso('2026-11-23', '08:00'));
    expect(saturday.dueAt.toISOString()).toBe(iso('2026-11-23', '10:00'));
    // A holiday (Hùng Kings compensatory Monday) is a day off like a Sunday.
    expect(hours('2026-04-27', '09:00', 1)).toBe(iso('2026-04-28', '09:00'));
    // Before a late cut-off but after closing: counting still waits for the next opening.
    const late = shipped.dueDate({ receivedAt: at('2026-11-23', '17:30'), workingHours: 1, cutoffHour: 20 });
    expect(late.dueAt.toISOString()).toBe(iso('2026-11-24', '09:00'));
  });

  it('follow the office hours given as options', () => {
    const calendar = WorkingDayCalendar.fromEntries(SHIPPED_CALENDAR, {
      officeHours: [
        { from: '07:30', to: '11:30' },
        { from: '13:00', to: '17:00' },
      ],
    });
    expect(hours('2026-11-23', '11:00', 2, calendar)).toBe(iso('2026-11-23', '14:30'));
    expect(hours('2026-11-23', '15:00', 4, calendar)).toBe(iso('2026-11-24', '09:30'));
  });

  it('a day-based result received on a day off counts from the next working day', () => {
    const saturday = shipped.dueDate({ receivedAt: at('2026-11-21', '10:00'), workingDays: 1 });
    expect(saturday.dueDate).toBe('2026-11-24');
    expect(saturday.dueAt.toISOString()).toBe(iso('2026-11-24', '17:00'));
  });
});

describe('bad requests', () => {
  it('needs exactly one duration, whole days, sane office hours', () => {
    const receivedAt = at('2026-11-23', '09:00');
    expect(() => shipped.dueDate({ receivedAt })).toThrow(RangeError);
    expect(() => shipped.dueDate({ receivedAt, workingDays: 1, workingHours: 2 })).toThrow(RangeError);
    expect(() => shipped.dueDate({ receivedAt, workingDays: 1.5 })).toThrow(RangeError);
    expect(() => shipped.dueDate({ receivedAt, workingHours: -1 })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ officeHours: [] })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ officeHours: [{ from: '13:00', to: '12:00' }] })).toThrow(RangeError);
    expect(
      () =>
        new WorkingDayCalendar({
          officeHours: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '17:00' },
          ],
        }),
    ).toThrow(RangeError);
  });
});
