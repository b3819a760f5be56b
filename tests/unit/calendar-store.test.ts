/** CalendarStore: builds the calendar from the table once, reloads on demand and when stale. */
import { CalendarStore } from '../../subgraphs/shared/calendar';
import type { PrismaClient } from '../../subgraphs/shared/storage/database';

type Row = { day: Date; kind: string; name: string; legalBasis: string };

function fakePrisma(rows: Row[]) {
  const findMany = jest.fn(async () => rows.map((r) => ({ ...r })));
  return { prisma: { calendarDay: { findMany } } as unknown as PrismaClient, findMany };
}

const row = (day: string, kind: string): Row => ({ day: new Date(`${day}T00:00:00Z`), kind, name: day, legalBasis: 'test' });

describe('CalendarStore', () => {
  it('loads once for concurrent callers and applies the table', async () => {
    const { prisma, findMany } = fakePrisma([row('2026-11-23', 'EXTRA_DAY_OFF')]);
    const store = new CalendarStore(prisma);
    const [a, b] = await Promise.all([store.calendar(), store.calendar()]);
    expect(a).toBe(b);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(a.isWorkingDay('2026-11-23')).toBe(false);
    expect(a.isWorkingDay('2026-11-24')).toBe(true);
  });

  it('reload() reads the table again', async () => {
    const rows = [row('2026-11-23', 'EXTRA_DAY_OFF')];
    const { prisma, findMany } = fakePrisma(rows);
    const store = new CalendarStore(prisma);
    expect((await store.calendar()).isWorkingDay('2026-11-24')).toBe(true);
    rows.push(row('2026-11-24', 'EXTRA_DAY_OFF'));
    expect((await store.calendar()).isWorkingDay('2026-11-24')).toBe(true); // cached
    expect((await store.reload()).isWorkingDay('2026-11-24')).toBe(false);
    expect((await store.calendar()).isWorkingDay('2026-11-24')).toBe(false);
    expect(findMany).toHaveBeenCalledTimes(2);
  });

  it('reads the table again once its copy is older than refreshAfterMs', async () => {
    let now = 1_000;
    const { prisma, findMany } = fakePrisma([]);
    const store = new CalendarStore(prisma, { refreshAfterMs: 500, now: () => now });
    await store.calendar();
    now += 499;
    await store.calendar();
    expect(findMany).toHaveBeenCalledTimes(1);
    now += 1;
    await store.calendar();
    expect(findMany).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed load, and refuses a row of unknown kind', async () => {
    const findMany = jest
      .fn()
      .mockRejectedValueOnce(new Error('db down'))
      .mockResolvedValueOnce([row('2026-11-23', 'HOLIDAY')])
      .mockResolvedValue([]);
    const store = new CalendarStore({ calendarDay: { findMany } } as unknown as PrismaClient);
    await expect(store.calendar()).rejects.toThrow('db down');
    await expect(store.calendar()).rejects.toThrow(/unknown kind HOLIDAY/);
    await expect(store.calendar()).resolves.toBeDefined();
  });

  it('passes the calendar options on (cut-off hour)', async () => {
    const { prisma } = fakePrisma([]);
    expect((await new CalendarStore(prisma, { cutoffHour: 15 }).calendar()).cutoffHour).toBe(15);
  });
});
