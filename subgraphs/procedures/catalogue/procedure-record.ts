/**
 * A procedure (thủ tục hành chính) as the hub's services use it: one published version with its
 * e-form checked and its lists typed. Other subgraphs (dossiers, payments, calendar) receive these
 * through `ProcedureCatalogue`; the `procedure` table holds the version in force and
 * `procedure_version.record` every published version as this JSON.
 */
import type { Prisma, Procedure as ProcedureRow } from '../../shared/storage/generated/client';
import { parseEFormDefinition, type EFormDefinition } from '../e-form/e-form-definition';
import { dateToDay } from './local-date';
import { workingDaysOf, type ProcedureDetails, type ProcedureFee, type ProcessingTime } from './procedure-details';
import { readStoredDetails } from './procedure-schema';
import { buildSearchText } from './search-text';

export * from './procedure-details';

/** Đối tượng thực hiện: who may file the procedure (both listed = both). */
export const ProcedureSubject = { INDIVIDUAL: 'INDIVIDUAL', ORGANIZATION: 'ORGANIZATION' } as const;
export type ProcedureSubject = (typeof ProcedureSubject)[keyof typeof ProcedureSubject];

/** Cấp thực hiện: the two tiers of local government since 1 July 2025 (no district level). */
export const ImplementationLevel = { PROVINCE: 'PROVINCE', COMMUNE: 'COMMUNE' } as const;
export type ImplementationLevel = (typeof ImplementationLevel)[keyof typeof ImplementationLevel];

export interface ProcedureRecord {
  /** National procedure code (mã TTHC on the national public service portal), e.g. "1.001193". */
  code: string;
  /** Published version, from 1. */
  version: number;
  /** Day (`YYYY-MM-DD`, Vietnam) from which this version is in force. */
  effectiveFrom: string;
  name: string;
  description: string;
  /** Online public service level 1–4. */
  onlineLevel: number;
  /** Toàn trình (fully online) rather than một phần (partly online). */
  fullOnline: boolean;
  /** Lĩnh vực. */
  fieldCode: string;
  fieldName: string;
  /** Electronic identification code of the agency that receives and handles dossiers (QCVN 102:2016). */
  agencyCode: string;
  agencyName: string;
  implementationLevel: ImplementationLevel;
  subjects: ProcedureSubject[];
  /** Processing time per case; the first is the default case. */
  processingTimes: ProcessingTime[];
  /** Working days of the default case (hours as ceil(h/8)); kept for the code that predates cases. */
  processingDays: number;
  /** Fees and charges per case; the first is the default case. */
  fees: ProcedureFee[];
  /** Amount of the default fee case, whole VND; 0 when free. */
  feeVnd: number;
  /** Local hour after which a dossier counts from the next working day; null → the agency's. */
  cutoffHour: number | null;
  resultDocument: string;
  /** Titles of `details.legalBases`, kept for the code that predates structured legal bases. */
  legalBasis: string[];
  details: ProcedureDetails;
  eForm: EFormDefinition;
}

/** A procedure before publication: what an operator or an import supplies; the publisher numbers it. */
export type ProcedureDraft = Omit<ProcedureRecord, 'version' | 'effectiveFrom'>;

/** The derived, backwards-compatible totals of a draft: default-case days and fee, legal basis titles. */
export function derivedTotals(draft: Pick<ProcedureDraft, 'processingTimes' | 'fees' | 'details'>) {
  return {
    processingDays: workingDaysOf(draft.processingTimes[0]),
    feeVnd: draft.fees[0]?.amountVnd ?? 0,
    legalBasis: draft.details.legalBases.map((l) => l.title),
  };
}

/** Row → record. A row that breaks the catalogue's rules is a data fault and throws. */
export function toProcedureRecord(row: ProcedureRow): ProcedureRecord {
  const subjects = row.subjects ?? [];
  if (!subjects.every((s) => s in ProcedureSubject) || !(row.implementationLevel in ImplementationLevel)) {
    throw new Error(`Procedure ${row.code} has an unknown subject or implementation level`);
  }
  const stored = readStoredDetails(row);
  return {
    code: row.code,
    version: row.version,
    effectiveFrom: dateToDay(row.effectiveFrom),
    name: row.name,
    description: row.description,
    onlineLevel: row.onlineLevel,
    fullOnline: row.fullOnline,
    fieldCode: row.fieldCode,
    fieldName: row.fieldName,
    agencyCode: row.agencyCode,
    agencyName: row.agencyName,
    implementationLevel: row.implementationLevel as ImplementationLevel,
    subjects: subjects as ProcedureSubject[],
    processingTimes: stored.processingTimes,
    processingDays: row.processingDays,
    fees: stored.fees,
    feeVnd: row.feeVnd,
    cutoffHour: row.cutoffHour,
    resultDocument: row.resultDocument,
    legalBasis: row.legalBasis ?? [],
    details: stored.details,
    eForm: parseEFormDefinition(row.eForm, `e-form of procedure ${row.code}`),
  };
}

/** Plain JSON of a value, as Prisma's JSON input types want (they do not accept interfaces). */
export const asJson = <T>(value: T): Prisma.InputJsonObject => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;

/**
 * Record → the columns of the `procedure` row, search text included. The record must come from
 * `parseProcedureInput` (or be read back from storage): this only re-checks the e-form.
 */
export function toProcedureColumns(record: ProcedureRecord): Prisma.ProcedureCreateInput {
  const eForm = parseEFormDefinition(record.eForm, `e-form of procedure ${record.code}`);
  const { processingTimes, fees, details, effectiveFrom, ...columns } = record;
  return {
    ...columns,
    ...derivedTotals(record),
    effectiveFrom: new Date(`${effectiveFrom}T00:00:00.000Z`),
    details: asJson({ ...details, processingTimes, fees }),
    eForm: asJson(eForm),
    searchText: buildSearchText(record),
  };
}
