/**
 * `importCatalogue`: a whole catalogue file (CSV or XLSX) published as one unit. Every row is read
 * and checked — its cells, then `parseProcedureInput`, then its agency and field against the
 * tables — and the per-row report lists every problem by row and column. One bad row rejects the
 * file (IMPORT_REJECTED, the report in the error's details) and nothing is stored; otherwise all
 * procedures are published in one transaction by `ProcedurePublisher.publishMany`.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { isIsoDay, dateToDay } from '../catalogue/local-date';
import { parseProcedureInput } from '../catalogue/procedure-input';
import { ProcedurePublisher } from '../catalogue/procedure-publisher';
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { CatalogueColumn } from './catalogue-columns';
import { buildLookups, columnOfField, mapCatalogueRow, type RowProblem } from './catalogue-row-mapper';
import { fileProblem, type CatalogueTable } from './catalogue-rows';
import { readCsv } from './csv-reader';
import { readXlsx } from './xlsx-reader';

export type CatalogueFileFormat = 'CSV' | 'XLSX';

/** Largest file accepted, checked before parsing. @default 10 MiB */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most procedures in one file. @default 10000 */
export const MAX_IMPORT_ROWS = 10_000;

export interface RowReport {
  /** Row number in the file as a spreadsheet shows it. */
  row: number;
  /** Procedure code of the row, when it has one. */
  code: string | null;
  status: 'OK' | 'ERROR';
  problems: RowProblem[];
}

export interface ImportProgress {
  phase: 'CHECK' | 'PUBLISH';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Who imports (principal id, `cli:<user>`); stored as each version's `created_by`. */
  actor: string;
  /** First day (Vietnam) the imported versions are in force, `YYYY-MM-DD` or a date at UTC midnight. */
  effectiveFrom: string | Date;
  /** Check and report only; store nothing. @default false */
  dryRun?: boolean;
  /** Called after each row is checked, and around publication. @default none */
  onProgress?: (progress: ImportProgress) => void;
  /** @default MAX_IMPORT_BYTES */
  maxBytes?: number;
}

export interface CatalogueImportResult {
  /** Procedures published (0 on a dry run). */
  imported: number;
  dryRun: boolean;
  report: RowReport[];
}

export async function readCatalogueFile(format: CatalogueFileFormat, content: Buffer): Promise<CatalogueTable> {
  if (format === 'CSV') return readCsv(content);
  if (format === 'XLSX') return readXlsx(content);
  throw new LienthongError(ErrorCode.BAD_USER_INPUT, { details: { field: 'format' } });
}

function rejected(report: RowReport[]): LienthongError {
  const bad = report.filter((r) => r.status === 'ERROR');
  const first = bad[0];
  const summary = bad
    .slice(0, 5)
    .map((r) => `row ${r.row}: ${r.problems.map((p) => `${p.column} ${p.message}`).join('; ')}`)
    .join(' | ');
  return new LienthongError(ErrorCode.IMPORT_REJECTED, {
    vi: `Không nhập danh mục: ${bad.length} dòng có lỗi, không dòng nào được lưu. ${summary}`,
    en: `Catalogue not imported: ${bad.length} row(s) have problems; nothing was stored. ${summary}`,
    details: { row: first.row, column: first.problems[0]?.column, rejectedRows: bad.length, report },
  });
}

export async function importCatalogue(
  prisma: PrismaClient,
  file: { format: CatalogueFileFormat; content: Buffer },
  options: ImportOptions,
): Promise<CatalogueImportResult> {
  const effectiveFrom = options.effectiveFrom instanceof Date ? dateToDay(options.effectiveFrom) : options.effectiveFrom;
  if (!isIsoDay(effectiveFrom)) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Ngày hiệu lực phải là một ngày dạng YYYY-MM-DD.',
      en: 'effectiveFrom must be a date YYYY-MM-DD.',
      details: { field: 'effectiveFrom' },
    });
  }
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (file.content.length > maxBytes) throw fileProblem(`the file has ${file.content.length} bytes; at most ${maxBytes} are accepted`, '(file)');
  if (file.content.length === 0) throw fileProblem('the file is empty', '(file)');

  const table = await readCatalogueFile(file.format, file.content);
  if (table.rows.length === 0) throw fileProblem('the file lists no procedure below its header', CatalogueColumn.code, table.headerRow);
  if (table.rows.length > MAX_IMPORT_ROWS) throw fileProblem(`${table.rows.length} procedures; at most ${MAX_IMPORT_ROWS} per file`, '(file)');

  const [agencies, fields] = await Promise.all([
    prisma.agency.findMany({ select: { code: true, name: true, address: true, receptionHours: true } }),
    prisma.procedureField.findMany({ select: { code: true, name: true } }),
  ]);
  const lookups = buildLookups(agencies, fields);
  const report: RowReport[] = [];
  const drafts: ProcedureDraft[] = [];
  const rowOfCode = new Map<string, number>();
  const total = table.rows.length;
  for (const row of table.rows) {
    const { input, problems } = mapCatalogueRow(row, lookups);
    const checked = parseProcedureInput(input);
    if (!checked.ok) {
      const flagged = new Set(problems.map((p) => p.column));
      for (const p of checked.problems) {
        const column = columnOfField(p.field, row);
        // A cell already reported (empty, unreadable, unknown code) needs no second message.
        if (!flagged.has(column)) problems.push({ column, message: column === p.field ? p.message : `${p.field}: ${p.message}` });
      }
    }
    const code = row.values[CatalogueColumn.code] || null;
    if (code && rowOfCode.has(code)) problems.push({ column: CatalogueColumn.code, message: `duplicate of row ${rowOfCode.get(code)}` });
    else if (code) rowOfCode.set(code, row.rowNumber);
    report.push({ row: row.rowNumber, code, status: problems.length === 0 ? 'OK' : 'ERROR', problems });
    if (checked.ok && problems.length === 0) drafts.push(checked.record);
    options.onProgress?.({ phase: 'CHECK', done: report.length, total });
  }
  if (report.some((r) => r.status === 'ERROR')) throw rejected(report);
  if (options.dryRun) return { imported: 0, dryRun: true, report };

  options.onProgress?.({ phase: 'PUBLISH', done: 0, total });
  const imported = await new ProcedurePublisher(prisma).publishMany(drafts, { actor: options.actor, effectiveFrom });
  options.onProgress?.({ phase: 'PUBLISH', done: imported, total });
  return { imported, dryRun: false, report };
}

/** The per-row report carried by an IMPORT_REJECTED error, or null for any other error. */
export function reportOfRejection(err: unknown): RowReport[] | null {
  const ext = (err as { extensions?: { code?: unknown; report?: unknown } } | null)?.extensions;
  return ext?.code === ErrorCode.IMPORT_REJECTED && Array.isArray(ext.report) ? (ext.report as RowReport[]) : null;
}
