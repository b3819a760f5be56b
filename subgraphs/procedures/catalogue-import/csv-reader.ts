/**
 * CSV catalogue files as spreadsheets save them: UTF-8 with or without BOM (UTF-16 "Unicode text"
 * with its BOM too), `,` `;` or tab as separator (Vietnamese-locale Excel writes `;`), quoted fields
 * with commas, quotes and line breaks inside. Row numbers are the rows a spreadsheet shows.
 */
import { parse } from 'csv-parse/sync';
import { fileProblem, toCatalogueTable, type CatalogueTable } from './catalogue-rows';

const SEPARATORS = [',', ';', '\t'] as const;

function decode(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fileProblem('the file is not UTF-8 text; save it as "CSV UTF-8"', '(file)');
  }
}

/** The separator used most often outside quotes in the first lines. */
function detectSeparator(text: string): string {
  const head = text.slice(0, 8192).replace(/"[^"]*"/g, '');
  const lines = head.split(/\r?\n/).slice(0, 12);
  const counts = SEPARATORS.map((s) => lines.reduce((n, line) => n + line.split(s).length - 1, 0));
  return SEPARATORS[counts.indexOf(Math.max(...counts))];
}

export function readCsv(content: Buffer): CatalogueTable {
  const text = decode(content);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectSeparator(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw fileProblem(`malformed CSV${line ? ` near line ${line}` : ''}: ${(err as Error).message}`, '(file)', line ?? 1);
  }
  return toCatalogueTable(
    records,
    records.map((_, i) => i + 1),
  );
}
