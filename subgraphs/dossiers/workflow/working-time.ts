/**
 * Working time on the calendar: how much of it lies between two instants (a supplement pause), and
 * an instant moved later by some of it (the deadlines the pause pushes back). Office hours are the
 * hub's default periods, the ones `WorkingDayCalendar` counts working hours in.
 */
import { DEFAULT_OFFICE_HOURS, localDay, type WorkingDayCalendar } from '../../shared/calendar';
import { addDays, localMinute } from '../../shared/calendar/local-time';
import { toMinutePeriods } from '../../shared/calendar/office-hours';

const PERIODS = toMinutePeriods(DEFAULT_OFFICE_HOURS);
const MINUTE = 60_000;

/** Whole office minutes between `from` and `to` on working days (0 when `to` ≤ `from`). */
export function workingMinutesBetween(calendar: WorkingDayCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const lastDay = localDay(to).day;
  let total = 0;
  for (let day = localDay(from).day; day <= lastDay; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    for (const period of PERIODS) {
      const start = Math.max(localMinute(day, period.start).getTime(), from.getTime());
      const end = Math.min(localMinute(day, period.end).getTime(), to.getTime());
      if (end > start) total += end - start;
    }
  }
  return Math.floor(total / MINUTE);
}

/**
 * `instant` moved later by `minutes` of working time; unchanged for 0 (the calendar would otherwise
 * carry a deadline at closing time over to the next opening).
 */
export function addWorkingMinutes(calendar: WorkingDayCalendar, instant: Date, minutes: number): Date {
  if (minutes <= 0) return instant;
  // Cut-off 24: a deadline is an instant, never "received after hours"; only office time counts.
  return calendar.dueDate({ receivedAt: instant, workingHours: minutes / 60, cutoffHour: 24 }).dueAt;
}

/** When a step of `hours` working hours started at `startedAt` is due. */
export function stepDueAt(calendar: WorkingDayCalendar, startedAt: Date, hours: number): Date {
  return calendar.dueDate({ receivedAt: startedAt, workingHours: hours, cutoffHour: 24 }).dueAt;
}
