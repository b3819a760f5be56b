/**
 * Catalogue import end to end: CSV and XLSX files through `importCatalogue` and the
 * `importProcedureCatalogue` mutation; a file with one bad row stores nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createProceduresSubgraph } from '../../subgraphs/procedures';
import { importCatalogue, reportOfRejection } from '../../subgraphs/procedures/catalogue-import';
import { seedSharedCatalogues } from '../../subgraphs/procedures/shared-catalogues';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph } from '../support/subgraph-client';

const FIXTURES = join(__dirname, '..', 'fixtures', 'catalogue-import');
const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR' };
const CITIZEN: Principal = { id: 'citizen:001099012345', role: 'CITIZEN', personalId: '001099012345' };
const PAST = '2025-07-01';

const IMPORT = `mutation($format: CatalogueFileFormat!, $content: String!, $effectiveFrom: Date!, $dryRun: Boolean) {
  importProcedureCatalogue(format: $format, contentBase64: $content, effectiveFrom: $effectiveFrom, dryRun: $dryRun) {
    imported dryRun report { row code status problems { column message } }
  }
}`;

let db: Database;
let server: ServerHandle;
let url: string;

const errorOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions;
const counts = async () => ({ procedures: await db.prisma.procedure.count(), versions: await db.prisma.procedureVersion.count() });

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục TTHC');
  sheet.addRow(['DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['STT', 'Ma thu tuc', 'Ten thu tuc', 'Linh vuc', 'Co quan thuc hien', 'Cap thuc hien', 'Muc do DVC', 'Thoi han giai quyet', 'Phi, le phi', 'Doi tuong', 'Can cu phap ly', 'Ket qua', 'Thanh phan ho so'];
const xlsxRow = (n: number, code: string, fee: unknown = 50000, agency = '000.00.13.H26') => [
  n, code, `Thủ tục thử nghiệm nhập danh mục số ${n}`, 'HDXD', agency, 'Cấp tỉnh', 3, 15, fee, 'Cá nhân; Tổ chức',
  'Luật Xây dựng số 50/2014/QH13', 'Giấy phép', 'Đơn đề nghị theo mẫu\nBản sao giấy tờ về quyền sử dụng đất',
];

beforeAll(async () => {
  db = await openTestDatabase();
  await seedSharedCatalogues(db.prisma);
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('importCatalogue', () => {
  it('a dry run checks every row and stores nothing', async () => {
    const before = await counts();
    const result = await importCatalogue(db.prisma, { format: 'CSV', content: readFileSync(join(FIXTURES, 'good.csv')) }, { actor: 'test', effectiveFrom: PAST, dryRun: true });
    expect(result).toMatchObject({ imported: 0, dryRun: true });
    expect(result.report.map((r) => [r.row, r.status])).toEqual([[2, 'OK'], [3, 'OK'], [4, 'OK']]);
    expect(await counts()).toEqual(before);
  });

  it('publishes every row of a good CSV file, with progress per row', async () => {
    const progress: string[] = [];
    const result = await importCatalogue(
      db.prisma,
      { format: 'CSV', content: readFileSync(join(FIXTURES, 'good.csv')) },
      { actor: 'import:good.csv', effectiveFrom: PAST, onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) },
    );
    expect(result.imported).toBe(3);
    expect(progress).toEqual(['CHECK:1/3', 'CHECK:2/3', 'CHECK:3/3', 'PUBLISH:0/3', 'PUBLISH:3/3']);
    const lltp = await db.prisma.procedure.findUnique({ where: { code: '1.004222' } });
    expect(lltp).toMatchObject({ feeVnd: 200000, processingDays: 10, agencyName: 'Sở Tư pháp Thành phố Hà Nội', fieldName: 'Lý lịch tư pháp', implementationLevel: 'PROVINCE' });
    const versions = await db.prisma.procedureVersion.findMany({ where: { procedureCode: { in: ['1.001193', '2.000908', '1.004222'] } } });
    expect(versions.map((v) => v.createdBy)).toEqual(['import:good.csv', 'import:good.csv', 'import:good.csv']);
  });

  it('rejects a file with bad rows: the report names each row and column, and nothing is stored', async () => {
    const before = await counts();
    let caught: unknown;
    await importCatalogue(db.prisma, { format: 'CSV', content: readFileSync(join(FIXTURES, 'bad.csv')) }, { actor: 'test', effectiveFrom: PAST }).catch((err) => (caught = err));
    expect((caught as { extensions?: { code?: string } }).extensions?.code).toBe('IMPORT_REJECTED');
    const report = reportOfRejection(caught)!;
    const byRow = Object.fromEntries(report.map((r) => [r.row, r.problems.map((p) => p.column)]));
    expect(byRow).toEqual({
      2: [],
      3: ['Tên thủ tục'],
      4: ['Mã thủ tục'],
      5: ['Cơ quan thực hiện'],
      6: ['Phí, lệ phí (đồng)'],
    });
    expect(report.find((r) => r.row === 5)?.problems[0].message).toContain('000.99.99.H26');
    expect((caught as { extensions: Record<string, unknown> }).extensions).toMatchObject({ row: 3, column: 'Tên thủ tục', rejectedRows: 4 });
    expect(await counts()).toEqual(before);
  });

  it('imports an XLSX file with a title row and headers without diacritics', async () => {
    const content = await xlsxOf([HEADER, xlsxRow(1, '1.009972'), xlsxRow(2, '1.009973', 'Không')]);
    const result = await importCatalogue(db.prisma, { format: 'XLSX', content }, { actor: 'test', effectiveFrom: PAST });
    expect(result.report.map((r) => [r.row, r.code, r.status])).toEqual([[3, '1.009972', 'OK'], [4, '1.009973', 'OK']]);
    const rows = await db.prisma.procedure.findMany({ where: { code: { in: ['1.009972', '1.009973'] } }, orderBy: { code: 'asc' } });
    expect(rows.map((r) => [r.feeVnd, r.subjects, r.onlineLevel])).toEqual([[50000, ['INDIVIDUAL', 'ORGANIZATION'], 3], [0, ['INDIVIDUAL', 'ORGANIZATION'], 3]]);
  });

  it('reports a duplicate code within a file, and refuses oversize files before parsing', async () => {
    const content = await xlsxOf([HEADER, xlsxRow(1, '1.009980'), xlsxRow(2, '1.009980')]);
    const report = await importCatalogue(db.prisma, { format: 'XLSX', content }, { actor: 'test', effectiveFrom: PAST }).then(() => null, reportOfRejection);
    expect(report?.find((r) => r.row === 4)?.problems).toEqual([{ column: 'Mã thủ tục', message: 'duplicate of row 3' }]);
    const big = await importCatalogue(db.prisma, { format: 'CSV', content: Buffer.alloc(2048, 'a') }, { actor: 'test', effectiveFrom: PAST, maxBytes: 1024 }).catch((e) => e.extensions);
    expect(big).toMatchObject({ code: 'IMPORT_REJECTED', column: '(file)' });
    expect(await db.prisma.procedure.count({ where: { code: '1.009980' } })).toBe(0);
  });
});

describe('importProcedureCatalogue mutation', () => {
  const good = readFileSync(join(FIXTURES, 'good.csv')).toString('base64');

  it('imports as an operator and returns the per-row report', async () => {
    const content = (await xlsxOf([HEADER, xlsxRow(1, '1.009990')])).toString('base64');
    const res = await callSubgraph(url, IMPORT, { format: 'XLSX', content, effectiveFrom: PAST }, OPERATOR);
    expect(res.errors).toBeUndefined();
    expect(res.data.importProcedureCatalogue).toEqual({ imported: 1, dryRun: false, report: [{ row: 3, code: '1.009990', status: 'OK', problems: [] }] });
    const version = await db.prisma.procedureVersion.findFirst({ where: { procedureCode: '1.009990' } });
    expect(version?.createdBy).toBe(OPERATOR.id);
  });

  it('rejects a bad file with IMPORT_REJECTED carrying the report', async () => {
    const before = await counts();
    const res = await callSubgraph(url, IMPORT, { format: 'CSV', content: readFileSync(join(FIXTURES, 'bad.csv')).toString('base64'), effectiveFrom: PAST }, OPERATOR);
    const ext = errorOf(res)!;
    expect(ext.code).toBe('IMPORT_REJECTED');
    expect(ext.report.filter((r: any) => r.status === 'ERROR').map((r: any) => r.row)).toEqual([3, 4, 5, 6]);
    expect(await counts()).toEqual(before);
    expect(errorOf(await callSubgraph(url, IMPORT, { format: 'CSV', content: 'not base64!', effectiveFrom: PAST }, OPERATOR))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'contentBase64' });
  });

  it('refuses non-operators', async () => {
    expect(errorOf(await callSubgraph(url, IMPORT, { format: 'CSV', content: good, effectiveFrom: PAST, dryRun: true }, CITIZEN))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await callSubgraph(url, IMPORT, { format: 'CSV', content: good, effectiveFrom: PAST, dryRun: true }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
