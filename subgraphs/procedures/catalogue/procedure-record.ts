/**
 * A procedure (thủ tục hành chính) as the hub's services use it: the stored row with its e-form
 * checked and its lists typed. Other subgraphs (dossiers, payments) receive these through
 * `ProcedureCatalogue`.
 */
import type { Prisma, Procedure as ProcedureRow } from '../../shared/storage/generated/client';
import { parseEFormDefinition, type EFormDefinition } from '../e-form/e-form-definition';
import { buildSearchText } from './search-text';

/** Đối tượng thực hiện: who may file the procedure. */
export const ProcedureSubject = { INDIVIDUAL: 'INDIVIDUAL', ORGANIZATION: 'ORGANIZATION' } as const;
export type ProcedureSubject = (typeof ProcedureSubject)[keyof typeof ProcedureSubject];

/** Cấp thực hiện: the two tiers of local government since 1 July 2025 (no district level). */
export const ImplementationLevel = { PROVINCE: 'PROVINCE', COMMUNE: 'COMMUNE' } as const;
export type ImplementationLevel = (typeof ImplementationLevel)[keyof typeof ImplementationLevel];

export interface ProcedureRecord {
  /** National procedure code (mã TTHC on the national public service portal), e.g. "1.001193". */
  code: string;
  name: string;
  description: string;
  /** Online public service level 1–4. */
  onlineLevel: number;
  /** Toàn trình (fully online) rather than một phần (partly online). */
  fullOnline: boolean;
  /** Lĩnh vực. */
  fieldCode: string;
  fieldName: string;
  /** Electronic identification code of the deciding agency (QCVN 102:2016). */
  agencyCode: string;
  agencyName: string;
  implementationLevel: ImplementationLevel;
  subjects: ProcedureSubject[];
  /** Statutory processing time in working days. */
  processingDays: number;
  /** Fee and charge in whole VND; 0 when free. */
  feeVnd: number;
  resultDocument: string;
  legalBasis: string[];
  eForm: EFormDefinition;
}

const SUBJECTS = new Set<string>(Object.values(ProcedureSubject));
const LEVELS = new Set<string>(Object.values(ImplementationLevel));

/** Row → record. A row that breaks the catalogue's rules is a data fault and throws. */
export function toProcedureRecord(row: ProcedureRow): ProcedureRecord {
  const subjects = row.subjects ?? [];
  if (!subjects.every((s) => SUBJECTS.has(s)) || !LEVELS.has(row.implementationLevel)) {
    throw new Error(`Procedure ${row.code} has an unknown subject or implementation level`);
  }
  return {
    code: row.code,
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
    processingDays: row.processingDays,
    feeVnd: row.feeVnd,
    resultDocument: row.resultDocument,
    legalBasis: row.legalBasis ?? [],
    eForm: parseEFormDefinition(row.eForm, `e-form of procedure ${row.code}`),
  };
}

/**
 * Record → the columns written by the seed (and any future publishing API), search text included.
 * Checks the record first, so that nothing unreadable is ever stored.
 */
export function toProcedureColumns(record: ProcedureRecord): Prisma.ProcedureCreateInput {
  const problems: string[] = [];
  if (!Number.isInteger(record.onlineLevel) || record.onlineLevel < 1 || record.onlineLevel > 4) problems.push('onlineLevel 1–4');
  if (!Number.isInteger(record.feeVnd) || record.feeVnd < 0) problems.push('feeVnd a whole, non-negative VND amount');
  if (!Number.isInteger(record.processingDays) || record.processingDays < 0) problems.push('processingDays ≥ 0');
  if (record.subjects.length === 0 || !record.subjects.every((s) => SUBJECTS.has(s))) problems.push('known subjects');
  if (!LEVELS.has(record.implementationLevel)) problems.push('a known implementationLevel');
  if (problems.length > 0) throw new Error(`Procedure ${record.code} needs ${problems.join(', ')}`);
  const eForm = parseEFormDefinition(record.eForm, `e-form of procedure ${record.code}`);
  return {
    ...record,
    // Prisma's JSON input type does not accept interfaces; the definition is plain JSON data.
    eForm: JSON.parse(JSON.stringify(eForm)) as Prisma.InputJsonObject,
    searchText: buildSearchText(record),
  };
}
