/**
 * Calendar dates of the catalogue (effective dates of procedure versions). Effective dates are local
 * (Asia/Ho_Chi_Minh) days written `YYYY-MM-DD`; PostgreSQL `date` columns reach JavaScript as the
 * UTC midnight of that day.
 */
import { localDay } from '../../shared/calendar/working-days';

/** A calendar day written `YYYY-MM-DD`. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The local (Vietnam) day of an instant; "today" when no instant is given. */
export const localToday = (now: Date = new Date()): IsoDay => localDay(now).day;

/** `YYYY-MM-DD` → the value a Prisma `@db.Date` column takes. */
export const dayToDate = (day: IsoDay): Date => new Date(`${day}T00:00:00.000Z`);

/** A Prisma `@db.Date` value (or a GraphQL `Date`, parsed at UTC midnight) → `YYYY-MM-DD`. */
export const dateToDay = (date: Date): IsoDay => date.toISOString().slice(0, 10);

/** `YYYY-MM-DD` plus `n` days. */
export const addDays = (day: IsoDay, n: number): IsoDay => dateToDay(new Date(dayToDate(day).getTime() + n * 86_400_000));
