/**
 * An entry of the calendar table (`calendar_day`): a day whose status differs from the plain rule
 * "Monday–Friday work, Saturday–Sunday rest", with the legal text that makes it so.
 */
import { isIsoDate, isWeekend, type IsoDate } from './local-time';

export const CalendarDayKind = {
  /** Ngày nghỉ lễ, tết (Bộ luật Lao động 2019, Điều 112). */
  PUBLIC_HOLIDAY: 'PUBLIC_HOLIDAY',
  /** Ngày nghỉ bù: a holiday fell on a weekly rest day (Điều 111, khoản 3). */
  COMPENSATORY_DAY_OFF: 'COMPENSATORY_DAY_OFF',
  /** Ngày nghỉ thêm: a weekday off by the Prime Minister's yearly schedule (swapped with a Saturday). */
  EXTRA_DAY_OFF: 'EXTRA_DAY_OFF',
  /** Ngày làm bù: a Saturday or Sunday worked in exchange for an extra day off. */
  SWAPPED_WORKING_DAY: 'SWAPPED_WORKING_DAY',
} as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];

const KINDS = new Set<string>(Object.values(CalendarDayKind));

export interface CalendarEntry {
  day: IsoDate;
  kind: CalendarDayKind;
  name: string;
  /** The legal text, e.g. "Bộ luật Lao động 2019, Điều 112, khoản 1, điểm b". */
  legalBasis: string;
}

/** Every kind but the swapped working day is a day off. */
export const isDayOffKind = (kind: CalendarDayKind): boolean => kind !== CalendarDayKind.SWAPPED_WORKING_DAY;

export type CalendarEntryCheck =
  | { ok: true; entry: CalendarEntry }
  | { ok: false; field: 'day' | 'kind' | 'name' | 'legalBasis'; message: string };

/**
 * The one set of rules for a calendar entry, for the operator API and the shipped data file alike:
 * a real date, a known kind, a name and a legal basis, a swap only on a weekend, and the weekday-only
 * kinds (extra day off, compensatory day) only on a weekday.
 */
export function checkCalendarEntry(input: { day?: unknown; kind?: unknown; name?: unknown; legalBasis?: unknown }): CalendarEntryCheck {
  const { day, kind, name, legalBasis } = input;
  if (!isIsoDate(day)) return { ok: false, field: 'day', message: 'day must be a real date written YYYY-MM-DD' };
  if (typeof kind !== 'string' || !KINDS.has(kind)) return { ok: false, field: 'kind', message: `kind must be one of ${[...KINDS].join(', ')}` };
  if (typeof name !== 'string' || name.trim() === '') return { ok: false, field: 'name', message: 'name is required' };
  if (typeof legalBasis !== 'string' || legalBasis.trim() === '') {
    return { ok: false, field: 'legalBasis', message: 'legalBasis (the decision or article) is required' };
  }
  const weekend = isWeekend(day);
  if (kind === CalendarDayKind.SWAPPED_WORKING_DAY && !weekend) {
    return { ok: false, field: 'kind', message: `${day} is a weekday: only a Saturday or Sunday can be a swapped working day` };
  }
  if ((kind === CalendarDayKind.EXTRA_DAY_OFF || kind === CalendarDayKind.COMPENSATORY_DAY_OFF) && weekend) {
    return { ok: false, field: 'kind', message: `${day} is a weekend day: ${kind} must fall on a weekday` };
  }
  return { ok: true, entry: { day, kind: kind as CalendarDayKind, name: name.trim(), legalBasis: legalBasis.trim() } };
}
