/** The working-day calendar: what the dossiers and procedures subgraphs compute due dates with. */
import type { DueDateRequest, DueDateResult, WorkingDayCalendar } from './working-days';

export {
  DEFAULT_CUTOFF_HOUR,
  WorkingDayCalendar,
  type CalendarOptions,
  type DueDateRequest,
  type DueDateResult,
} from './working-days';
export { CalendarDayKind, checkCalendarEntry, isDayOffKind, type CalendarEntry, type CalendarEntryCheck } from './calendar-entry';
export { CalendarStore, toCalendarEntry, type CalendarStoreOptions } from './calendar-store';
export { DEFAULT_OFFICE_HOURS, type OfficePeriod } from './office-hours';
export { TIME_ZONE, addDays, isIsoDate, isWeekend, localDay, localTime, type IsoDate } from './local-time';

/** Due date of a processing time on a calendar; see {@link WorkingDayCalendar.dueDate}. */
export function dueDate(calendar: WorkingDayCalendar, request: DueDateRequest): DueDateResult {
  return calendar.dueDate(request);
}
