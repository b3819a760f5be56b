/**
 * The calendar as the `calendar_day` table says it, built once and kept: every appointment needs it,
 * while the table changes a few times a year. An operator's edit calls `reload()` in the process that
 * made it; other processes (the dossiers subgraph in a deployment) pick the edit up once their copy
 * is older than `refreshAfterMs`.
 */
import type { PrismaClient } from '../storage/database';
import { CalendarDayKind, type CalendarEntry } from './calendar-entry';
import { WorkingDayCalendar, type CalendarOptions } from './working-days';

export interface CalendarStoreOptions extends CalendarOptions {
  /** Age after which `calendar()` reads the table again. @default 300000 (5 minutes) */
  refreshAfterMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

const KINDS = new Set<string>(Object.values(CalendarDayKind));

/** Table row → entry. A row with an unknown kind is a data fault: failing loudly beats a wrong due date. */
export function toCalendarEntry(row: { day: Date; kind: string; name: string; legalBasis: string }): CalendarEntry {
  const day = row.day.toISOString().slice(0, 10);
  if (!KINDS.has(row.kind)) throw new Error(`calendar_day ${day} has the unknown kind ${row.kind}`);
  return { day, kind: row.kind as CalendarDayKind, name: row.name, legalBasis: row.legalBasis };
}

export class CalendarStore {
  private current?: { calendar: Promise<WorkingDayCalendar>; loadedAt: number };
  private readonly refreshAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: CalendarStoreOptions = {},
  ) {
    this.refreshAfterMs = options.refreshAfterMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  /** The calendar built from the table (cached; concurrent callers share one load). */
  calendar(): Promise<WorkingDayCalendar> {
    if (!this.current || this.now() - this.current.loadedAt >= this.refreshAfterMs) return this.reload();
    return this.current.calendar;
  }

  /** Reads the table again, e.g. after an operator's edit. */
  reload(): Promise<WorkingDayCalendar> {
    const calendar = this.load();
    const current = { calendar, loadedAt: this.now() };
    this.current = current;
    // A failed load is not kept: the next caller tries again.
    calendar.catch(() => {
      if (this.current === current) this.current = undefined;
    });
    return calendar;
  }

  private async load(): Promise<WorkingDayCalendar> {
    const rows = await this.prisma.calendarDay.findMany({ orderBy: { day: 'asc' } });
    const { refreshAfterMs: _refresh, now: _now, ...calendarOptions } = this.options;
    return WorkingDayCalendar.fromEntries(rows.map(toCalendarEntry), calendarOptions);
  }
}
