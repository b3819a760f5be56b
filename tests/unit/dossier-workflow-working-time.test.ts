/**
 * Working time of a supplement pause and the deadlines it pushes back, on the working-day calendar
 * (office hours 08–12, 13–17, Asia/Ho_Chi_Minh; weekends and public holidays off).
 */
import { WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import { addWorkingMinutes, stepDueAt, workingMinutesBetween } from '../../subgraphs/dossiers/workflow/working-time';

const calendar = new WorkingDayCalendar();
/** A local (UTC+7) time. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

describe('working minutes between two instants', () => {
  it.each([
    ['within a morning', at('2026-12-07', '09:00'), at('2026-12-07', '10:30'), 90],
    ['across lunch', at('2026-12-07', '11:00'), at('2026-12-07', '14:00'), 120],
    ['from before opening to after closing', at('2026-12-07', '06:00'), at('2026-12-07', '20:00'), 480],
    ['over a night', at('2026-12-07', '16:00'), at('2026-12-08', '09:00'), 120],
    ['over a weekend (Fri 16:00 → Mon 09:00)', at('2026-12-11', '16:00'), at('2026-12-14', '09:00'), 120],
    ['two whole working days', at('2026-12-07', '09:00'), at('2026-12-09', '09:00'), 960],
    ['within a weekend', at('2026-12-12', '09:00'), at('2026-12-13', '16:00'), 0],
    ['backwards', at('2026-12-08', '09:00'), at('2026-12-07', '09:00'), 0],
    // Quốc khánh 2/9/2026 is a Wednesday; 1/9 or 3/9 is the extra day the computed calendar adds around it.
    ['over the National Day holiday', at('2026-09-01', '08:00'), at('2026-09-04', '08:00'), workingDaysBetween('2026-09-01', '2026-09-04') * 480],
  ])('%s', (_label, from, to, minutes) => {
    expect(workingMinutesBetween(calendar, from, to)).toBe(minutes);
  });
});

function workingDaysBetween(from: string, to: string): number {
  let days = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) days += 1;
  }
  return days;
}

describe('moving a deadline later by working time', () => {
  it('keeps a deadline when no working time passed', () => {
    const due = at('2026-12-07', '17:00');
    expect(addWorkingMinutes(calendar, due, 0)).toBe(due);
  });

  it('carries a closing-time appointment over nights and weekends', () => {
    expect(addWorkingMinutes(calendar, at('2026-12-07', '17:00'), 120)).toEqual(at('2026-12-08', '10:00'));
    expect(addWorkingMinutes(calendar, at('2026-12-11', '17:00'), 960)).toEqual(at('2026-12-15', '17:00'));
    expect(addWorkingMinutes(calendar, at('2026-12-07', '11:00'), 120)).toEqual(at('2026-12-07', '14:00'));
  });

  it('is the inverse of measuring: the pause measured is the shift applied', () => {
    const from = at('2026-12-07', '10:15');
    for (const minutes of [1, 45, 105, 480, 1000, 2400]) {
      const moved = addWorkingMinutes(calendar, from, minutes);
      expect(workingMinutesBetween(calendar, from, moved)).toBe(minutes);
    }
  });

  it('dates a step from its start in working hours', () => {
    expect(stepDueAt(calendar, at('2026-12-07', '16:00'), 2)).toEqual(at('2026-12-08', '09:00'));
    expect(stepDueAt(calendar, at('2026-12-07', '18:30'), 8)).toEqual(at('2026-12-08', '17:00'));
  });
});
