/**
 * The working-day calendar through the procedures subgraph on a migrated database: the shipped
 * schedule seeded idempotently, operator edits (and who may make them), appointmentDate moving with them.
 */
import { SEED_PROCEDURES, createProceduresSubgraph, seedProcedures } from '../../subgraphs/procedures';
import { SHIPPED_CALENDAR, seedCalendar } from '../../subgraphs/procedures/calendar';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph } from '../support/subgraph-client';

const OPERATOR: Principal = { id: 'operator:test', role: 'OPERATOR', name: 'Cán bộ vận hành' };
const CITIZEN: Principal = { id: 'citizen:001099012345', role: 'CITIZEN', personalId: '001099012345' };

const DAYS = `query($year: Int!) { calendarDays(year: $year) {
  day kind name legalBasis working computed needsVerification verificationNote updatedBy } }`;
const IS_WORKING = `query($day: String!) { isWorkingDay(day: $day) }`;
const SET = `mutation($input: CalendarDayInput!) { setCalendarDay(input: $input) { day kind name legalBasis updatedBy needsVerification } }`;
const REMOVE = `mutation($day: String!) { removeCalendarDay(day: $day) }`;
const APPOINTMENT = `query($code: String!, $caseCode: String, $receivedAt: DateTimeISO) {
  appointmentDate(procedureCode: $code, caseCode: $caseCode, receivedAt: $receivedAt) {
    procedureCode caseCode workingDays cutoffHour cutoffSource dueAt dueDate countingStartsAt } }`;

let db: Database;
let server: ServerHandle;
let url: string;

const call = (query: string, variables: Record<string, unknown> = {}, principal: Principal = ANONYMOUS) =>
  callSubgraph(url, query, variables, principal, TEST_INTERNAL_SECRET);
const errorOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions;

// A seeded procedure counted in working days with no cut-off of its own: the agency's then applies.
const procedure = SEED_PROCEDURES.find((p) => p.cutoffHour === null && (p.processingTimes[0].workingDays ?? 0) >= 2)!;
const days = procedure.processingTimes[0].workingDays!;

/** Independent of the calendar code: weekdays after `day`, skipping `off`. */
function addWeekdays(day: string, n: number, off: Set<string>): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    t += 86_400_000;
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !off.has(iso)) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}
const shippedOff = new Set(SHIPPED_CALENDAR.filter((e) => e.kind !== 'SWAPPED_WORKING_DAY').map((e) => e.day));

beforeAll(async () => {
  db = await openTestDatabase();
  expect(await seedCalendar(db.prisma)).toBe(SHIPPED_CALENDAR.length);
  await seedProcedures(db.prisma);
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('queries', () => {
  it('lists a year’s stored entries, the unconfirmed ones flagged', async () => {
    const res = await call(DAYS, { year: 2026 });
    expect(res.errors).toBeUndefined();
    const list = res.data.calendarDays as Array<Record<string, any>>;
    expect(list.map((d) => d.day)).toEqual(SHIPPED_CALENDAR.filter((e) => e.day.startsWith('2026')).map((e) => e.day));
    expect(list.every((d) => !d.computed && d.updatedBy === 'seed')).toBe(true);
    const adjacent = list.find((d) => d.name.includes('Quốc khánh') && d.day !== '2026-09-02')!;
    expect(adjacent).toMatchObject({ needsVerification: true, working: false });
    expect(adjacent.verificationNote).toBeTruthy();
    expect(list.find((d) => d.day === '2026-04-27')).toMatchObject({ kind: 'COMPENSATORY_DAY_OFF', needsVerification: false });
  });

  it('lists computed Labour-Code days, flagged, for a year the table does not hold', async () => {
    const list = (await call(DAYS, { year: 2028 })).data.calendarDays as Array<Record<string, any>>;
    expect(list.length).toBeGreaterThan(5);
    expect(list.every((d) => d.computed && d.needsVerification && d.updatedBy === null)).toBe(true);
    expect(list.map((d) => d.day)).toEqual(expect.arrayContaining(['2028-01-01', '2028-01-03', '2028-09-02']));
    expect(errorOf(await call(DAYS, { year: 99999 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('answers isWorkingDay from the table', async () => {
    expect((await call(IS_WORKING, { day: '2026-02-17' })).data.isWorkingDay).toBe(false);
    expect((await call(IS_WORKING, { day: '2027-05-03' })).data.isWorkingDay).toBe(false);
    expect((await call(IS_WORKING, { day: '2026-11-23' })).data.isWorkingDay).toBe(true);
    expect(errorOf(await call(IS_WORKING, { day: '2026-02-30' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });
});

describe('operator edits', () => {
  const input = { day: '2026-09-01', kind: 'PUBLIC_HOLIDAY', name: 'Quốc khánh – ngày liền kề', legalBasis: 'Quyết định của Thủ tướng (thử nghiệm)' };

  it('only an operator may edit: anonymous → UNAUTHENTICATED, citizen → FORBIDDEN, nothing written', async () => {
    expect(errorOf(await call(SET, { input }))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await call(SET, { input }, CITIZEN))?.code).toBe('FORBIDDEN');
    expect(errorOf(await call(REMOVE, { day: '2026-09-01' }, CITIZEN))?.code).toBe('FORBIDDEN');
    expect(errorOf(await call(SET, { input }, { ...CITIZEN, role: 'OFFICIAL', agencyCode: procedure.agencyCode }))?.code).toBe('FORBIDDEN');
    const row = await db.prisma.calendarDay.findUnique({ where: { day: new Date('2026-09-01T00:00:00Z') } });
    expect(row?.updatedBy).toBe('seed');
  });

  it.each([
    [{ day: '2026-02-30' }, 'day'],
    [{ legalBasis: '  ' }, 'legalBasis'],
    [{ day: '2026-11-24', kind: 'SWAPPED_WORKING_DAY' }, 'kind'],
    [{ day: '2026-11-28', kind: 'EXTRA_DAY_OFF' }, 'kind'],
  ])('refuses %j with INVALID_CALENDAR_ENTRY naming %s, writing nothing', async (change, field) => {
    const before = await db.prisma.calendarDay.count();
    expect(errorOf(await call(SET, { input: { ...input, ...change } }, OPERATOR))).toMatchObject({ code: 'INVALID_CALENDAR_ENTRY', field });
    expect(await db.prisma.calendarDay.count()).toBe(before);
  });

  it('confirms a shipped entry, and a re-seed keeps the edit and a removal', async () => {
    const res = await call(SET, { input }, OPERATOR);
    expect(res.errors).toBeUndefined();
    expect(res.data.setCalendarDay).toMatchObject({ ...input, updatedBy: OPERATOR.id, needsVerification: false });
    expect((await call(REMOVE, { day: '2027-09-03' }, OPERATOR)).data.removeCalendarDay).toBe(true);
    expect((await call(REMOVE, { day: '2027-09-03' }, OPERATOR)).data.removeCalendarDay).toBe(false);
    expect(errorOf(await call(REMOVE, { day: '3/9/2027' }, OPERATOR))).toMatchObject({ code: 'INVALID_CALENDAR_ENTRY', field: 'day' });
    expect((await call(IS_WORKING, { day: '2027-09-03' })).data.isWorkingDay).toBe(true);

    expect(await seedCalendar(db.prisma)).toBe(0);
    expect(await db.prisma.calendarDay.count()).toBe(SHIPPED_CALENDAR.length - 1);
    const row = await db.prisma.calendarDay.findUnique({ where: { day: new Date('2026-09-01T00:00:00Z') } });
    expect(row).toMatchObject({ name: input.name, legalBasis: input.legalBasis, updatedBy: OPERATOR.id });
    expect(await db.prisma.calendarDay.findUnique({ where: { day: new Date('2027-09-03T00:00:00Z') } })).toBeNull();
  });
});

describe('appointmentDate', () => {
  // Monday 23 November 2026, 09:00 in Hà Nội.
  const receivedAt = '2026-11-23T02:00:00.000Z';

  it('is due after the procedure’s working days, at 17:00', async () => {
    const res = await call(APPOINTMENT, { code: procedure.code, receivedAt });
    expect(res.errors).toBeUndefined();
    const expected = addWeekdays('2026-11-23', days, shippedOff);
    expect(res.data.appointmentDate).toMatchObject({
      procedureCode: procedure.code,
      caseCode: procedure.processingTimes[0].caseCode,
      workingDays: days,
      cutoffSource: 'DEFAULT',
      cutoffHour: 17,
      dueDate: expected,
      dueAt: new Date(Date.parse(`${expected}T10:00:00Z`)).toISOString(),
    });
  });

  it('moves after an operator adds an extra day off, and back when it is removed', async () => {
    const extra = { day: '2026-11-24', kind: 'EXTRA_DAY_OFF', name: 'Nghỉ thêm (thử nghiệm)', legalBasis: 'Thông báo thử nghiệm' };
    expect((await call(SET, { input: extra }, OPERATOR)).errors).toBeUndefined();
    const moved = (await call(APPOINTMENT, { code: procedure.code, receivedAt })).data.appointmentDate;
    expect(moved.dueDate).toBe(addWeekdays('2026-11-23', days, new Set([...shippedOff, '2026-11-24'])));
    expect(moved.dueDate).not.toBe(addWeekdays('2026-11-23', days, shippedOff));
    expect((await call(REMOVE, { day: '2026-11-24' }, OPERATOR)).data.removeCalendarDay).toBe(true);
    expect((await call(APPOINTMENT, { code: procedure.code, receivedAt })).data.appointmentDate.dueDate).toBe(
      addWeekdays('2026-11-23', days, shippedOff),
    );
  });

  it('takes the agency’s cut-off hour', async () => {
    await db.prisma.agency.upsert({
      where: { code: procedure.agencyCode },
      create: { code: procedure.agencyCode, name: procedure.agencyName, level: procedure.implementationLevel, cutoffHour: 8 },
      update: { cutoffHour: 8 },
    });
    try {
      const info = (await call(APPOINTMENT, { code: procedure.code, receivedAt })).data.appointmentDate;
      expect(info).toMatchObject({ cutoffHour: 8, cutoffSource: 'AGENCY', dueDate: addWeekdays('2026-11-24', days, shippedOff) });
      expect(info.countingStartsAt).toBe('2026-11-24T01:00:00.000Z'); // 08:00 the next day
    } finally {
      await db.prisma.agency.update({ where: { code: procedure.agencyCode }, data: { cutoffHour: null } });
    }
  });

  it('refuses an unknown procedure and an unknown case', async () => {
    expect(errorOf(await call(APPOINTMENT, { code: '9.999999', receivedAt }))?.code).toBe('PROCEDURE_NOT_FOUND');
    expect(errorOf(await call(APPOINTMENT, { code: procedure.code, caseCode: 'KHONG_CO', receivedAt }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseCode',
    });
  });
});
