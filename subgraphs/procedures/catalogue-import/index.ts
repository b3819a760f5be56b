/** Catalogue import from CSV/XLSX files as agencies export them (columns: see catalogue-columns.ts). */
export { CatalogueImportResolver } from './catalogue-import.resolver';
export { CatalogueColumn, REQUIRED_COLUMNS, columnOfHeader } from './catalogue-columns';
export type { CatalogueRow, CatalogueTable } from './catalogue-rows';
export { readCsv } from './csv-reader';
export { readXlsx } from './xlsx-reader';
export { mapCatalogueRow, buildLookups, type CatalogueLookups, type RowProblem } from './catalogue-row-mapper';
export {
  importCatalogue,
  readCatalogueFile,
  reportOfRejection,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type CatalogueFileFormat,
  type CatalogueImportResult,
  type ImportOptions,
  type ImportProgress,
  type RowReport,
} from './import-catalogue';
