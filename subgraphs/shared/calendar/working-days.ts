/**
 * Working-day calendar of Vietnamese state agencies (Asia/Ho_Chi_Minh): Saturdays and Sundays are
 * days off, and so are the public holidays of Labour Code 2019 Art. 112 with their compensatory days
 * (Art. 111(3)) and the Prime Minister's yearly schedule (extra days off, swapped working Saturdays).
 *
 * The schedule comes from the calendar table (`WorkingDayCalendar.fromEntries`): a year whose public
 * holidays the table holds is taken from the table alone, since only the table knows the Prime
 * Minister's choices (which Tết days, which day beside 2/9). For any other year the public holidays
 * are computed (date-holidays handles the lunar ones) and the table's entries of that year, if any,
 * apply on top of them.
 */
import Holidays from 'date-holidays';
import { CalendarDayKind, isDayOffKind, type CalendarEntry } from './calendar-entry';
import { addDays, isWeekend, localDay, localMinute, TIME_ZONE, type IsoDate } from './local-time';
import { DEFAULT_OFFICE_HOURS, toMinutePeriods, type MinutePeriod, type OfficePeriod } from './office-hours';

export { TIME_ZONE, localDay, localTime, type IsoDate } from './local-time';

/** The hub's cut-off hour when neither the procedure nor the agency sets one. */
export const DEFAULT_CUTOFF_HOUR = 17;

export interface CalendarOptions {
  /** Extra days off decided by the Prime Minister (prefer table entries). @default [] */
  extraDaysOff?: IsoDate[];
  /** Weekend days made working days (prefer table entries). @default [] */
  workingDays?: IsoDate[];
  /** Local hour from which a dossier counts as received the next working day. @default 17 */
  cutoffHour?: number;
  /** Opening periods of a working day; day-based results are due at the last closing. @default 08:00–12:00, 13:00–17:00 */
  officeHours?: readonly OfficePeriod[];
}

/** What to compute a due date for: exactly one of `workingDays` and `workingHours`. */
export interface DueDateRequest {
  receivedAt: Date;
  /** Processing time in working days (whole). */
  workingDays?: number;
  /** Processing time in working hours, counted within office hours. */
  workingHours?: number;
  /** Local hour from which a receipt counts from the next working day. @default the calendar's cutoffHour */
  cutoffHour?: number;
}

export interface DueDateResult {
  /** When the result is due. */
  dueAt: Date;
  /** The local day of `dueAt`. */
  dueDate: IsoDate;
  /** The first office minute that counts: the receipt itself, or the next working day's opening. */
  countingStartsAt: Date;
}

const COMPUTED_BASIS = 'Bộ luật Lao động 2019, Điều 112, khoản 1 (tính tự động, chưa có lịch nghỉ trong bảng)';
const COMPUTED_COMPENSATORY_BASIS = 'Bộ luật Lao động 2019, Điều 111, khoản 3 (tính tự động)';

export class WorkingDayCalendar {
  private readonly holidays = new Holidays('VN', { timezone: TIME_ZONE });
  private readonly computedByYear = new Map<number, Map<IsoDate, CalendarEntry>>();
  private readonly workingDays: Set<IsoDate>;
  private readonly extraDaysOff: Set<IsoDate>;
  private readonly entries = new Map<IsoDate, CalendarEntry>();
  /** Years whose public holidays the table holds: the table alone decides them. */
  private readonly scheduledYears = new Set<number>();
  readonly cutoffHour: number;
  private readonly periods: MinutePeriod[];

  constructor(options: CalendarOptions = {}, entries: readonly CalendarEntry[] = []) {
    this.workingDays = new Set(options.workingDays);
    this.extraDaysOff = new Set(options.extraDaysOff);
    this.cutoffHour = options.cutoffHour ?? DEFAULT_CUTOFF_HOUR;
    this.periods = toMinutePeriods(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    for (const entry of entries) {
      this.entries.set(entry.day, entry);
      if (entry.kind === CalendarDayKind.PUBLIC_HOLIDAY) this.scheduledYears.add(Number(entry.day.slice(0, 4)));
    }
  }

  /** A calendar from the table's entries (they override the computed days; see the file comment). */
  static fromEntries(entries: readonly CalendarEntry[], options: CalendarOptions = {}): WorkingDayCalendar {
    return new WorkingDayCalendar(options, entries);
  }

  /** True when the table holds the year's public holidays (no computed days for that year). */
  isScheduledYear(year: number): boolean {
    return this.scheduledYears.has(year);
  }

  /** The table's entry for a day, if any. */
  entryOf(day: IsoDate): CalendarEntry | undefined {
    return this.entries.get(day);
  }

  /** Labour-Code holidays of a year computed by date-holidays, compensatory days included. */
  computedEntriesOf(year: number): CalendarEntry[] {
    return [...this.computedDaysOf(year).values()];
  }

  /** Public holidays of a year with their names, compensatory days included (computed, not the table). */
  holidaysOf(year: number): Map<IsoDate, string> {
    return new Map([...this.computedDaysOf(year)].map(([day, entry]) => [day, entry.name]));
  }

  private computedDaysOf(year: number): Map<IsoDate, CalendarEntry> {
    let days = this.computedByYear.get(year);
    if (days) return days;
    days = new Map();
    for (const h of this.holidays.getHolidays(year)) {
      if (h.type !== 'public') continue;
      // Multi-day holidays (Tết is five days) come as one entry with a start and an end.
      for (let t = h.start.getTime(); t < h.end.getTime(); t += 86_400_000) {
        const day = localDay(new Date(t)).day;
        days.set(day, { day, kind: CalendarDayKind.PUBLIC_HOLIDAY, name: h.name, legalBasis: COMPUTED_BASIS });
      }
    }
    for (const [day, holiday] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
      if (!isWeekend(day)) continue;
      let compensatory = addDays(day, 1);
      while (isWeekend(compensatory) || days.has(compensatory)) compensatory = addDays(compensatory, 1);
      days.set(compensatory, {
        day: compensatory,
        kind: CalendarDayKind.COMPENSATORY_DAY_OFF,
        name: `Nghỉ bù ${holiday.name}`,
        legalBasis: COMPUTED_COMPENSATORY_BASIS,
      });
    }
    this.computedByYear.set(year, days);
    return days;
  }

  isWorkingDay(day: IsoDate): boolean {
    if (this.workingDays.has(day)) return true;
    if (this.extraDaysOff.has(day)) return false;
    const entry = this.entries.get(day);
    if (entry) return !isDayOffKind(entry.kind);
    if (isWeekend(day)) return false;
    const year = Number(day.slice(0, 4));
    return this.scheduledYears.has(year) || !this.computedDaysOf(year).has(day);
  }

  /** The `n`-th working day after `day` (n ≥ 1), or `day` itself for n = 0 when it is a working day. */
  addWorkingDays(day: IsoDate, n: number): IsoDate {
    let current = day;
    let left = n;
    while (left > 0 || !this.isWorkingDay(current)) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /**
   * Appointment (ngày hẹn trả) for a dossier received at `receivedAt` with a processing time of
   * `workingDays`, with the calendar's cut-off hour; see {@link dueDate}.
   */
  appointment(receivedAt: Date, workingDays: number): { date: IsoDate; at: Date } {
    const { dueDate, dueAt } = this.dueDate({ receivedAt, workingDays: Math.max(0, workingDays) });
    return { date: dueDate, at: dueAt };
  }

  /**
   * Due date of a processing time. A receipt on a working day before the cut-off hour counts from
   * the receipt; one after it or on a day off counts from the next working day's opening.
   * Working days: the n-th working day after the day counting starts, due at closing time (17:00).
   * Working hours: run only within office hours (nights, lunch and days off skipped).
   */
  dueDate(request: DueDateRequest): DueDateResult {
    const { receivedAt, workingDays, workingHours } = request;
    const cutoffHour = request.cutoffHour ?? this.cutoffHour;
    if ((workingDays === undefined) === (workingHours === undefined)) {
      throw new RangeError('dueDate needs exactly one of workingDays and workingHours');
    }
    if (workingDays !== undefined && !(Number.isInteger(workingDays) && workingDays >= 0)) {
      throw new RangeError('workingDays must be a whole number ≥ 0');
    }
    if (workingHours !== undefined && !(Number.isFinite(workingHours) && workingHours >= 0)) {
      throw new RangeError('workingHours must be a number ≥ 0');
    }
    if (!Number.isFinite(cutoffHour) || cutoffHour < 0 || cutoffHour > 24) throw new RangeError('cutoffHour must be 0–24');
    if (Number.isNaN(receivedAt.getTime())) throw new RangeError('receivedAt is not a valid instant');

    const { day, hour, minute } = localDay(receivedAt);
    const inTime = this.isWorkingDay(day) && hour * 60 + minute < cutoffHour * 60;
    const opening = this.periods[0].start;
    const closing = this.periods[this.periods.length - 1].end;
    // Counting starts at [startDay, startMinute], the receipt clamped into office hours.
    let startDay = inTime ? day : this.addWorkingDays(day, 1);
    let startMinute = inTime ? hour * 60 + minute : opening;
    const period = this.periods.find((p) => startMinute < p.end);
    if (period) startMinute = Math.max(startMinute, period.start);
    else [startDay, startMinute] = [this.addWorkingDays(startDay, 1), opening];
    const countingStartsAt = localMinute(startDay, startMinute);

    if (workingDays !== undefined) {
      // Day-based: the day of an in-time receipt is day 0, as the existing appointments have it.
      const due = this.addWorkingDays(inTime ? day : startDay, workingDays);
      return { dueAt: localMinute(due, closing), dueDate: due, countingStartsAt };
    }
    let left = Math.round(workingHours! * 60);
    let current = startDay;
    let from = startMinute;
    for (;;) {
      for (const p of this.periods) {
        if (p.end <= from) continue;
        const begin = Math.max(p.start, from);
        if (left <= p.end - begin) {
          return { dueAt: localMinute(current, begin + left), dueDate: current, countingStartsAt };
        }
        left -= p.end - begin;
      }
      current = this.addWorkingDays(current, 1);
      from = 0;
    }
  }
}
