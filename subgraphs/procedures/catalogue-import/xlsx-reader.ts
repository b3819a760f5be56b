/**
 * XLSX catalogue files: the first worksheet that has a header row. Cells are read as the text a
 * person sees: rich text joined, formulas by their result, numbers unformatted, dates as YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import { fileProblem, toCatalogueTable, type CatalogueTable } from './catalogue-rows';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function readXlsx(content: Buffer): Promise<CatalogueTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw fileProblem(`not a readable XLSX workbook: ${(err as Error).message}`, '(file)');
  }
  let firstProblem: unknown;
  for (const sheet of workbook.worksheets) {
    const cells: string[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
      cells.push(values);
      numbers.push(rowNumber);
    });
    try {
      return toCatalogueTable(cells, numbers);
    } catch (err) {
      firstProblem ??= err;
    }
  }
  throw firstProblem ?? fileProblem('the workbook has no worksheet', '(file)');
}
