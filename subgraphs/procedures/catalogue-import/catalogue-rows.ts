/**
 * From a table of cells (CSV or worksheet) to catalogue rows: finds the header row (exports often
 * put a title above it), maps headers to catalogue columns, numbers rows as the spreadsheet does
 * (header row = its own number, first data row below it) and drops blank rows.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import { CatalogueColumn, columnOfHeader } from './catalogue-columns';

export interface CatalogueRow {
  /** Row number in the file as a spreadsheet shows it (1-based, header row included). */
  rowNumber: number;
  /** Cell text by catalogue column (trimmed); columns the import ignores are left out. */
  values: Partial<Record<CatalogueColumn, string>>;
}

export interface CatalogueTable {
  /** Row number of the header row. */
  headerRow: number;
  /** Catalogue columns found in the header, in file order. */
  columns: CatalogueColumn[];
  rows: CatalogueRow[];
}

/** Rows above the header that may hold a title, date, agency name... @default 10 */
export const MAX_TITLE_ROWS = 10;

export function fileProblem(message: string, column: string, row = 1): LienthongError {
  return new LienthongError(ErrorCode.IMPORT_REJECTED, {
    vi: `Tệp danh mục không đọc được: ${message}`,
    en: `The catalogue file cannot be read: ${message}`,
    details: { row, column, report: [{ row, status: 'ERROR', problems: [{ column, message }] }] },
  });
}

/** `cells[i]` is the row numbered `rowNumbers[i]`, its cells as text. */
export function toCatalogueTable(cells: ReadonlyArray<ReadonlyArray<string>>, rowNumbers: readonly number[]): CatalogueTable {
  const headerIndex = cells.slice(0, MAX_TITLE_ROWS + 1).findIndex((row) => row.some((h) => columnOfHeader(h) === CatalogueColumn.code));
  if (headerIndex < 0) {
    throw fileProblem(`no header row with the column "${CatalogueColumn.code}" in the first ${MAX_TITLE_ROWS + 1} rows`, CatalogueColumn.code);
  }
  const header = cells[headerIndex];
  const positions = new Map<CatalogueColumn, number>();
  header.forEach((h, i) => {
    const column = columnOfHeader(h);
    if (!column) return;
    if (positions.has(column)) {
      throw fileProblem(`the column "${column}" appears twice (columns ${positions.get(column)! + 1} and ${i + 1})`, column, rowNumbers[headerIndex]);
    }
    positions.set(column, i);
  });
  const rows: CatalogueRow[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every((c) => c.trim() === '')) continue;
    const values: Partial<Record<CatalogueColumn, string>> = {};
    for (const [column, i] of positions) values[column] = (row[i] ?? '').trim();
    rows.push({ rowNumber: rowNumbers[r], values });
  }
  return { headerRow: rowNumbers[headerIndex], columns: [...positions.keys()], rows };
}
