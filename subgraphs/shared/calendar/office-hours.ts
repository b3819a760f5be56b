/** Office hours (giờ hành chính) in which durations stated in working hours run. */

/** One opening period of a working day, local times `HH:MM`. */
export interface OfficePeriod {
  from: string;
  to: string;
}

/**
 * Morning 08:00–12:00 and afternoon 13:00–17:00: the 8-hour working day of civil servants (40 hours a
 * week, Quyết định 188/1999/QĐ-TTg), so that 8 working hours make one working day as procedures count
 * them. An agency with other hours (e.g. 13:30–17:00 afternoons) passes its own periods.
 */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = Object.freeze([
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
]);

/** A period in minutes of the day, `start` < `end`. */
export interface MinutePeriod {
  start: number;
  end: number;
}

const toMinutes = (time: string, label: string): number => {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new RangeError(`office hours: ${label} "${time}" is not HH:MM`);
  return minutes;
};

/** Checks and converts office hours: at least one period, each non-empty, in order, not overlapping. */
export function toMinutePeriods(periods: readonly OfficePeriod[]): MinutePeriod[] {
  if (periods.length === 0) throw new RangeError('office hours: at least one period is needed');
  const result = periods.map((p, i) => ({ start: toMinutes(p.from, `periods[${i}].from`), end: toMinutes(p.to, `periods[${i}].to`) }));
  result.forEach((p, i) => {
    if (p.start >= p.end) throw new RangeError(`office hours: periods[${i}] ends before it starts`);
    if (i > 0 && p.start < result[i - 1].end) throw new RangeError(`office hours: periods[${i}] overlaps the one before`);
  });
  return result;
}
