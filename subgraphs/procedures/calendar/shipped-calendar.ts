/**
 * The schedule shipped with the hub (`data/calendar/vn-2026-2027.json`, sources in its SOURCES.md),
 * checked with the same rules as an operator's entry when the module loads.
 */
import { checkCalendarEntry, type CalendarEntry } from '../../shared/calendar';
import shippedFile from '../data/calendar/vn-2026-2027.json';

export interface ShippedCalendarEntry extends CalendarEntry {
  /** Rests on a choice of the Prime Minister that could not be checked when the file was written. */
  verify: boolean;
  note?: string;
}

/** Checks the raw file; a broken entry is a build fault and throws with its index. */
export function parseShippedCalendar(raw: unknown): ShippedCalendarEntry[] {
  if (!Array.isArray(raw)) throw new Error('shipped calendar: expected an array of entries');
  const seen = new Set<string>();
  return raw.map((item: Record<string, unknown>, index) => {
    const check = checkCalendarEntry(item ?? {});
    if (!check.ok) throw new Error(`shipped calendar [${index}].${check.field}: ${check.message}`);
    if (seen.has(check.entry.day)) throw new Error(`shipped calendar [${index}]: ${check.entry.day} appears twice`);
    seen.add(check.entry.day);
    const note = typeof item.note === 'string' ? item.note : undefined;
    return { ...check.entry, verify: item.verify === true, ...(note ? { note } : {}) };
  });
}

export const SHIPPED_CALENDAR: readonly ShippedCalendarEntry[] = Object.freeze(parseShippedCalendar(shippedFile));

const byDay = new Map(SHIPPED_CALENDAR.map((entry) => [entry.day, entry]));

/** The shipped entry of a day, if any. */
export const shippedEntryOf = (day: string): ShippedCalendarEntry | undefined => byDay.get(day);
