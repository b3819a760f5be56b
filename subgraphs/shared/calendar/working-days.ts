/**
 * Working-day calendar of Vietnamese state agencies (Asia/Ho_Chi_Minh): Saturdays and Sundays are
 * days off, and so are the public holidays of Labour Code 2019 Art. 112, lunar ones included
 * (Tết Nguyên Đán, Giỗ Tổ Hùng Vương) — computed by date-holidays. A holiday falling on a weekend
 * gives a compensatory day off on the next working day (Art. 111(3)). The Prime Minister's yearly
 * schedule (extra days off, swapped working Saturdays) is passed in as `extraDaysOff` / `workingDays`.
 */
import Holidays from 'date-holidays';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VN_OFFSET_MS = 7 * 3600_000; // Vietnam has no daylight saving time.

/** A calendar day written `YYYY-MM-DD`. */
export type IsoDate = string;

export interface CalendarOptions {
  /** Extra days off decided by the Prime Minister. @default [] */
  extraDaysOff?: IsoDate[];
  /** Weekend days made working days (swaps). @default [] */
  workingDays?: IsoDate[];
  /** Local hour after which a dossier counts as received the next working day. @default 17 */
  cutoffHour?: number;
}

const addDays = (day: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The local (Vietnam) calendar day and hour of an instant. */
export function localDay(instant: Date): { day: IsoDate; hour: number } {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return { day: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** The instant of a local hour on a local day. */
export const localTime = (day: IsoDate, hour: number): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3600_000 - VN_OFFSET_MS);

export class WorkingDayCalendar {
  private readonly holidays = new Holidays('VN', { timezone: TIME_ZONE });
  private readonly daysOffByYear = new Map<number, Map<IsoDate, string>>();
  private readonly workingDays: Set<IsoDate>;
  private readonly extraDaysOff: Set<IsoDate>;
  private readonly cutoffHour: number;

  constructor(options: CalendarOptions = {}) {
    this.workingDays = new Set(options.workingDays);
    this.extraDaysOff = new Set(options.extraDaysOff);
    this.cutoffHour = options.cutoffHour ?? 17;
  }

  private static isWeekend(day: IsoDate): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /** Public holidays of a year with their names, compensatory days included. */
  holidaysOf(year: number): Map<IsoDate, string> {
    let days = this.daysOffByYear.get(year);
    if (days) return days;
    days = new Map();
    for (const h of this.holidays.getHolidays(year)) {
      if (h.type !== 'public') continue;
      // Multi-day holidays (Tết is five days) come as one entry with a start and an end.
      for (let t = h.start.getTime(); t < h.end.getTime(); t += 86_400_000) {
        days.set(localDay(new Date(t)).day, h.name);
      }
    }
    for (const [day, name] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
      if (!WorkingDayCalendar.isWeekend(day)) continue;
      let compensatory = addDays(day, 1);
      while (WorkingDayCalendar.isWeekend(compensatory) || days.has(compensatory)) compensatory = addDays(compensatory, 1);
      days.set(compensatory, `Nghỉ bù ${name}`);
    }
    this.daysOffByYear.set(year, days);
    return days;
  }

  isWorkingDay(day: IsoDate): boolean {
    if (this.workingDays.has(day)) return true;
    if (this.extraDaysOff.has(day) || WorkingDayCalendar.isWeekend(day)) return false;
    return !this.holidaysOf(Number(day.slice(0, 4))).has(day);
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
   * `workingDays`: counting starts the working day after receipt (or after the next working day
   * when received on a day off or after the cut-off hour); results are returned by 17:00.
   */
  appointment(receivedAt: Date, workingDays: number): { date: IsoDate; at: Date } {
    const { day, hour } = localDay(receivedAt);
    const countFrom = this.isWorkingDay(day) && hour < this.cutoffHour ? day : this.addWorkingDays(day, 1);
    const date = this.addWorkingDays(countFrom, Math.max(0, workingDays));
    return { date, at: localTime(date, 17) };
  }
}
