/** appointmentDate's rules: case, cut-off per procedure / agency / default, on the shipped calendar. */
import { WorkingDayCalendar, localTime } from '../../subgraphs/shared/calendar';
import { SHIPPED_CALENDAR, computeAppointment } from '../../subgraphs/procedures/calendar';
import { procedureNotFound, type ProcedureCatalogue } from '../../subgraphs/procedures/catalogue/procedure-catalogue';
import type { ProcedureRecord } from '../../subgraphs/procedures/catalogue/procedure-record';
import type { PrismaClient } from '../../subgraphs/shared/storage/database';

const calendar = WorkingDayCalendar.fromEntries(SHIPPED_CALENDAR);
const iso = (day: string, hour: number) => localTime(day, hour).toISOString();

function procedure(changes: Partial<ProcedureRecord>): ProcedureRecord {
  return {
    code: '1.001193',
    agencyCode: '000.00.01.H26',
    processingDays: 3,
    cutoffHour: null,
    processingTimes: [
      { caseCode: 'MAC_DINH', caseName: 'Trường hợp thông thường', workingDays: 3 },
      { caseCode: 'CAN_XAC_MINH', caseName: 'Cần xác minh', workingDays: 5 },
      { caseCode: 'NGAY', caseName: 'Trong ngày', workingHours: 4 },
    ],
    ...changes,
  } as unknown as ProcedureRecord;
}

function deps(record: ProcedureRecord, agencyCutoff: number | null) {
  const catalogue = {
    require: async (code: string) => {
      if (code !== record.code) throw procedureNotFound(code);
      return record;
    },
  } as unknown as ProcedureCatalogue;
  const findUnique = jest.fn(async ({ where }: { where: { code: string } }) =>
    where.code === record.agencyCode ? { cutoffHour: agencyCutoff } : null,
  );
  const prisma = { agency: { findUnique } } as unknown as PrismaClient;
  return { catalogue, prisma, calendar };
}

// Monday 23 November 2026 at 15:30, Hà Nội.
const receivedAt = localTime('2026-11-23', 15.5);

describe('computeAppointment', () => {
  it('uses the default case and the hub default cut-off (17:00)', async () => {
    const info = await computeAppointment(deps(procedure({}), null), { procedureCode: '1.001193', receivedAt });
    expect(info).toMatchObject({ caseCode: 'MAC_DINH', workingDays: 3, workingHours: null, cutoffHour: 17, cutoffSource: 'DEFAULT', dueDate: '2026-11-26' });
    expect(info.dueAt.toISOString()).toBe(iso('2026-11-26', 17));
  });

  it('takes the agency’s cut-off when the procedure has none', async () => {
    const info = await computeAppointment(deps(procedure({}), 15), { procedureCode: '1.001193', receivedAt });
    expect(info).toMatchObject({ cutoffHour: 15, cutoffSource: 'AGENCY', dueDate: '2026-11-27' });
  });

  it('lets the procedure’s cut-off win over the agency’s', async () => {
    const later = await computeAppointment(deps(procedure({ cutoffHour: 16 }), 15), { procedureCode: '1.001193', receivedAt });
    expect(later).toMatchObject({ cutoffHour: 16, cutoffSource: 'PROCEDURE', dueDate: '2026-11-26' });
    const earlier = await computeAppointment(deps(procedure({ cutoffHour: 14 }), null), { procedureCode: '1.001193', receivedAt });
    expect(earlier).toMatchObject({ cutoffHour: 14, cutoffSource: 'PROCEDURE', dueDate: '2026-11-27' });
  });

  it('uses the case asked for, in days or hours', async () => {
    const d = deps(procedure({}), null);
    expect((await computeAppointment(d, { procedureCode: '1.001193', caseCode: 'CAN_XAC_MINH', receivedAt })).dueDate).toBe('2026-11-30');
    const sameDay = await computeAppointment(d, { procedureCode: '1.001193', caseCode: 'NGAY', receivedAt });
    expect(sameDay).toMatchObject({ workingDays: null, workingHours: 4, caseName: 'Trong ngày' });
    expect(sameDay.dueAt.toISOString()).toBe(iso('2026-11-24', 10.5)); // 15:30–17:00, then 08:00–10:30
  });

  it('refuses an unknown case naming caseCode, and an unknown procedure', async () => {
    const d = deps(procedure({}), null);
    await expect(computeAppointment(d, { procedureCode: '1.001193', caseCode: 'KHONG_CO', receivedAt })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'caseCode' },
    });
    await expect(computeAppointment(d, { procedureCode: '2.000000', receivedAt })).rejects.toMatchObject({
      extensions: { code: 'PROCEDURE_NOT_FOUND' },
    });
  });

  it('falls back to processingDays for a record without cases', async () => {
    const legacy = procedure({ processingTimes: undefined, processingDays: 2 } as Partial<ProcedureRecord>);
    const info = await computeAppointment(deps(legacy, null), { procedureCode: '1.001193', receivedAt });
    expect(info).toMatchObject({ caseCode: null, workingDays: 2, dueDate: '2026-11-25' });
  });

  it('defaults receivedAt to now', async () => {
    const before = Date.now();
    const info = await computeAppointment(deps(procedure({}), null), { procedureCode: '1.001193' });
    expect(info.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(info.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
