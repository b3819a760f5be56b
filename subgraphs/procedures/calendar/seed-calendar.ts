/** Loads the shipped schedule into the `calendar_day` table without undoing an operator's work. */
import type { PrismaClient } from '../../shared/storage/database';
import { SHIPPED_CALENDAR, type ShippedCalendarEntry } from './shipped-calendar';

/** `updated_by` of the rows written by the seed; an operator's edit replaces it with their id. */
export const SEED_ACTOR = 'seed';

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Idempotent. A year of the shipped file is loaded once: a year that already holds a seeded row is
 * left alone, so that a day an operator removed stays removed; in a year not yet loaded, only the days
 * missing from the table are inserted, so an operator's entry for the same day wins.
 * Returns the number of rows inserted.
 */
export async function seedCalendar(prisma: PrismaClient, entries: readonly ShippedCalendarEntry[] = SHIPPED_CALENDAR): Promise<number> {
  const years = [...new Set(entries.map((e) => e.day.slice(0, 4)))];
  const loadedYears = new Set<string>();
  for (const year of years) {
    const seeded = await prisma.calendarDay.findFirst({
      where: { updatedBy: SEED_ACTOR, day: { gte: toDate(`${year}-01-01`), lte: toDate(`${year}-12-31`) } },
      select: { day: true },
    });
    if (seeded) loadedYears.add(year);
  }
  const data = entries
    .filter((e) => !loadedYears.has(e.day.slice(0, 4)))
    .map((e) => ({ day: toDate(e.day), kind: e.kind, name: e.name, legalBasis: e.legalBasis, updatedBy: SEED_ACTOR }));
  if (data.length === 0) return 0;
  // skipDuplicates: days already in the table (an operator's) are kept as they are.
  const { count } = await prisma.calendarDay.createMany({ data, skipDuplicates: true });
  return count;
}
