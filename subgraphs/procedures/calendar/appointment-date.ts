/**
 * Appointment of a procedure: its processing time for the case, the cut-off hour (procedure, else
 * agency, else the hub default) and the working-day calendar.
 */
import { DEFAULT_CUTOFF_HOUR, type WorkingDayCalendar } from '../../shared/calendar';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import type { ProcedureRecord } from '../catalogue/procedure-record';
import { CutoffSource, type AppointmentInfo } from './appointment';

interface ProcessingCase {
  caseCode: string | null;
  caseName: string;
  workingDays?: number | null;
  workingHours?: number | null;
}

export interface AppointmentRequest {
  procedureCode: string;
  caseCode?: string | null;
  /** @default now */
  receivedAt?: Date | null;
}

export interface AppointmentDeps {
  catalogue: ProcedureCatalogue;
  prisma: PrismaClient;
  calendar: WorkingDayCalendar;
  /** @default 17 */
  defaultCutoffHour?: number;
  /** An agency's own cut-off hour, or null. @default a read of the `agency` table */
  agencyCutoffHour?: (agencyCode: string) => Promise<number | null>;
}

/** The procedure's cases; a record without `processingTimes` has one case, its `processingDays`. */
function casesOf(record: ProcedureRecord): ProcessingCase[] {
  const times = (record as Partial<Pick<ProcedureRecord, 'processingTimes'>>).processingTimes;
  if (times && times.length > 0) return times;
  return [{ caseCode: null, caseName: 'Thời hạn giải quyết chung', workingDays: record.processingDays }];
}

function pickCase(record: ProcedureRecord, caseCode: string | null | undefined): ProcessingCase {
  const cases = casesOf(record);
  if (caseCode === undefined || caseCode === null) return cases[0];
  const found = cases.find((c) => c.caseCode === caseCode);
  if (found) return found;
  const known = cases.flatMap((c) => (c.caseCode ? [c.caseCode] : []));
  throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: `Thủ tục ${record.code} không có trường hợp ${caseCode}.`,
    en: `Procedure ${record.code} has no case ${caseCode}.`,
    details: { field: 'caseCode', caseCode, knownCaseCodes: known },
  });
}

async function cutoffOf(deps: Omit<AppointmentDeps, 'catalogue'>, record: ProcedureRecord): Promise<{ hour: number; source: CutoffSource }> {
  const own = (record as Partial<Pick<ProcedureRecord, 'cutoffHour'>>).cutoffHour;
  if (own !== undefined && own !== null) return { hour: own, source: CutoffSource.PROCEDURE };
  const agencyHour = deps.agencyCutoffHour
    ? await deps.agencyCutoffHour(record.agencyCode)
    : ((await deps.prisma.agency.findUnique({ where: { code: record.agencyCode }, select: { cutoffHour: true } }))?.cutoffHour ?? null);
  if (agencyHour !== null) return { hour: agencyHour, source: CutoffSource.AGENCY };
  return { hour: deps.defaultCutoffHour ?? DEFAULT_CUTOFF_HOUR, source: CutoffSource.DEFAULT };
}

/** Unknown procedure → PROCEDURE_NOT_FOUND; unknown case → BAD_USER_INPUT naming `caseCode`. */
export async function computeAppointment(deps: AppointmentDeps, request: AppointmentRequest): Promise<AppointmentInfo> {
  return appointmentFor(deps, await deps.catalogue.require(request.procedureCode), request);
}

/**
 * The same calculation for a procedure already in hand: dossier intake uses it with the version it
 * files the dossier under, so the appointment slip and the `appointmentDate` query always agree.
 */
export async function appointmentFor(
  deps: Omit<AppointmentDeps, 'catalogue'>,
  record: ProcedureRecord,
  request: Omit<AppointmentRequest, 'procedureCode'>,
): Promise<AppointmentInfo> {
  const chosen = pickCase(record, request.caseCode);
  const cutoff = await cutoffOf(deps, record);
  const receivedAt = request.receivedAt ?? new Date();
  // A case states days or hours; days win if a case ever states both.
  const duration =
    chosen.workingDays !== undefined && chosen.workingDays !== null
      ? { workingDays: chosen.workingDays }
      : { workingHours: chosen.workingHours ?? 0 };
  const due = deps.calendar.dueDate({ receivedAt, cutoffHour: cutoff.hour, ...duration });
  return {
    procedureCode: record.code,
    caseCode: chosen.caseCode,
    caseName: chosen.caseName,
    workingDays: 'workingDays' in duration ? duration.workingDays : null,
    workingHours: 'workingHours' in duration ? duration.workingHours : null,
    receivedAt,
    countingStartsAt: due.countingStartsAt,
    cutoffHour: cutoff.hour,
    cutoffSource: cutoff.source,
    dueAt: due.dueAt,
    dueDate: due.dueDate,
  };
}
