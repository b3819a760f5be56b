/**
 * Calendar days and local times in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving),
 * the time zone every appointment and cut-off of the hub is stated in.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** A calendar day written `YYYY-MM-DD`. */
export type IsoDate = string;

/** `day` shifted by `n` calendar days. */
export const addDays = (day: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: IsoDate): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Saturday or Sunday: the weekly rest days of state agencies (40-hour week). */
export const isWeekend = (day: IsoDate): boolean => {
  const d = weekday(day);
  return d === 0 || d === 6;
};

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30, 2026-2-1, …). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The local (Vietnam) calendar day, hour and minute of an instant. */
export function localDay(instant: Date): { day: IsoDate; hour: number; minute: number } {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return { day: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
}

/** The instant of a local hour (fractions allowed: 13.5 is 13:30) on a local day. */
export const localTime = (day: IsoDate, hour: number): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) + Math.round(hour * 3600_000) - VN_OFFSET_MS);

/** The instant of a local minute of the day (0–1440) on a local day. */
export const localMinute = (day: IsoDate, minuteOfDay: number): Date => localTime(day, minuteOfDay / 60);
