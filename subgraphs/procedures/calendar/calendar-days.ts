/** The calendar module's reads and writes of `calendar_day`, behind the resolvers. */
import {
  checkCalendarEntry,
  isDayOffKind,
  isIsoDate,
  type CalendarEntry,
  type WorkingDayCalendar,
} from '../../shared/calendar';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { CalendarDayInfo } from './calendar-day';
import { SEED_ACTOR } from './seed-calendar';
import { shippedEntryOf } from './shipped-calendar';

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

const COMPUTED_NOTE = 'Năm này chưa có lịch nghỉ lễ trong bảng: ngày được tính tự động theo Bộ luật Lao động, cần nhập lịch của Thủ tướng Chính phủ.';

/** An operator's entry, checked; a broken one throws INVALID_CALENDAR_ENTRY naming the field. */
export function validCalendarEntry(input: { day: unknown; kind: unknown; name: unknown; legalBasis: unknown }): CalendarEntry {
  const check = checkCalendarEntry(input);
  if (check.ok) return check.entry;
  throw new LienthongError(ErrorCode.INVALID_CALENDAR_ENTRY, {
    vi: `Ngày trong lịch không hợp lệ (${check.field}): ${check.message}.`,
    en: `Invalid calendar entry (${check.field}): ${check.message}.`,
    details: { field: check.field },
  });
}

/** A `YYYY-MM-DD` argument; anything else is BAD_USER_INPUT naming the argument. */
export function requireIsoDate(value: string, field: string, code = ErrorCode.BAD_USER_INPUT): string {
  if (isIsoDate(value)) return value;
  throw new LienthongError(code, {
    vi: `${field} phải là một ngày có thật, dạng YYYY-MM-DD.`,
    en: `${field} must be a real date written YYYY-MM-DD.`,
    details: { field },
  });
}

type Row = { day: Date; kind: string; name: string; legalBasis: string; updatedAt: Date; updatedBy: string };

function storedInfo(row: Row): CalendarDayInfo {
  const day = row.day.toISOString().slice(0, 10);
  const shipped = shippedEntryOf(day);
  // A shipped guess stays flagged until an operator confirms it (which replaces updated_by).
  const unconfirmed = row.updatedBy === SEED_ACTOR && shipped?.verify === true;
  return {
    day,
    kind: row.kind as CalendarDayInfo['kind'],
    name: row.name,
    legalBasis: row.legalBasis,
    working: !isDayOffKind(row.kind as CalendarDayInfo['kind']),
    computed: false,
    needsVerification: unconfirmed,
    verificationNote: unconfirmed ? (shipped?.note ?? null) : null,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** The table's entries of a year, plus the computed holidays when the table lacks the year's schedule. */
export async function listCalendarDays(prisma: PrismaClient, calendar: WorkingDayCalendar, year: number): Promise<CalendarDayInfo[]> {
  const rows = await prisma.calendarDay.findMany({
    where: { day: { gte: toDate(`${year}-01-01`), lte: toDate(`${year}-12-31`) } },
    orderBy: { day: 'asc' },
  });
  const infos = rows.map(storedInfo);
  if (!calendar.isScheduledYear(year)) {
    const stored = new Set(infos.map((i) => i.day));
    for (const entry of calendar.computedEntriesOf(year)) {
      if (stored.has(entry.day)) continue;
      infos.push({ ...entry, working: false, computed: true, needsVerification: true, verificationNote: COMPUTED_NOTE, updatedAt: null, updatedBy: null });
    }
  }
  return infos.sort((a, b) => a.day.localeCompare(b.day));
}

/** Inserts or replaces the entry of a day, as `actor`. */
export async function writeCalendarDay(prisma: PrismaClient, entry: CalendarEntry, actor: string): Promise<CalendarDayInfo> {
  const fields = { kind: entry.kind, name: entry.name, legalBasis: entry.legalBasis, updatedBy: actor };
  const row = await prisma.calendarDay.upsert({
    where: { day: toDate(entry.day) },
    create: { day: toDate(entry.day), ...fields },
    update: fields,
  });
  return storedInfo(row);
}

/** Deletes the entry of a day; false when there was none. */
export async function deleteCalendarDay(prisma: PrismaClient, day: string): Promise<boolean> {
  const { count } = await prisma.calendarDay.deleteMany({ where: { day: toDate(day) } });
  return count > 0;
}
