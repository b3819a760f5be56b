import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readCsv } from '../../subgraphs/procedures/catalogue-import/csv-reader';
import { readXlsx } from '../../subgraphs/procedures/catalogue-import/xlsx-reader';
import { columnOfHeader } from '../../subgraphs/procedures/catalogue-import/catalogue-columns';

const FIXTURES = join(__dirname, '..', 'fixtures', 'catalogue-import');

const extensionsOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (err) {
    return (err as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('did not throw');
};

describe('catalogue headers', () => {
  it('match with or without diacritics, in any case, and through the usual variants', () => {
    expect(columnOfHeader('Mã thủ tục')).toBe('Mã thủ tục');
    expect(columnOfHeader('MA THU TUC')).toBe('Mã thủ tục');
    expect(columnOfHeader(' ma thu tuc ')).toBe('Mã thủ tục');
    expect(columnOfHeader('Mã TTHC')).toBe('Mã thủ tục');
    expect(columnOfHeader('Phi, le phi (dong)')).toBe('Phí, lệ phí (đồng)');
    expect(columnOfHeader('Thoi han giai quyet')).toBe('Thời hạn giải quyết (ngày làm việc)');
    expect(columnOfHeader('Muc do DVC')).toBe('Mức độ DVC');
    expect(columnOfHeader('STT')).toBeNull();
  });
});

describe('CSV reader', () => {
  it('reads the fixture: BOM, quoted fields with commas and line breaks, spreadsheet row numbers', () => {
    const table = readCsv(readFileSync(join(FIXTURES, 'good.csv')));
    expect(table.headerRow).toBe(1);
    expect(table.columns).not.toContain('STT');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(table.rows[0].values['Mã thủ tục']).toBe('1.001193');
    expect(table.rows[0].values['Căn cứ pháp lý']).toBe(
      'Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    );
    expect(table.rows[1].values['Tên thủ tục']).toContain('giấy tờ, văn bản do cơ quan, tổ chức');
    expect(table.rows[2].values['Phí, lệ phí (đồng)']).toBe('200,000 đồng');
  });

  it('detects `;` and tab separators, headers without diacritics, title rows and blank rows', () => {
    const semicolon = readCsv(Buffer.from('Danh mục TTHC cấp xã;;\n\nMa thu tuc;Ten thu tuc;Phi, le phi (dong)\n1.001193;Khai sinh;"1.000"\n\n2.000908;Chứng thực;0\n'));
    expect(semicolon.headerRow).toBe(3);
    expect(semicolon.rows).toEqual([
      { rowNumber: 4, values: { 'Mã thủ tục': '1.001193', 'Tên thủ tục': 'Khai sinh', 'Phí, lệ phí (đồng)': '1.000' } },
      { rowNumber: 6, values: { 'Mã thủ tục': '2.000908', 'Tên thủ tục': 'Chứng thực', 'Phí, lệ phí (đồng)': '0' } },
    ]);
    const tab = readCsv(Buffer.from('Mã thủ tục\tTên thủ tục\r\n1.001193\tĐăng ký khai sinh, kết hôn\r\n'));
    expect(tab.rows[0].values).toEqual({ 'Mã thủ tục': '1.001193', 'Tên thủ tục': 'Đăng ký khai sinh, kết hôn' });
  });

  it('reads UTF-16 text with its BOM, and rejects other encodings, a missing header and a duplicate column', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã thủ tục,Tên thủ tục\n1.001193,Đăng ký khai sinh\n', 'utf16le')]);
    expect(readCsv(utf16).rows[0].values['Tên thủ tục']).toBe('Đăng ký khai sinh');
    const latin1 = Buffer.from('M\xe3 th\xf9 t\xf9c,T\xean\n1.001193,x\n', 'latin1');
    expect(await extensionsOf(() => readCsv(latin1))).toMatchObject({ code: 'IMPORT_REJECTED', column: '(file)' });
    expect(await extensionsOf(() => readCsv(Buffer.from('Tên thủ tục\nKhai sinh\n')))).toMatchObject({ code: 'IMPORT_REJECTED', column: 'Mã thủ tục' });
    expect(await extensionsOf(() => readCsv(Buffer.from('Mã thủ tục,Ma TTHC\n1,2\n')))).toMatchObject({ code: 'IMPORT_REJECTED', column: 'Mã thủ tục' });
    expect(await extensionsOf(() => readCsv(Buffer.from('Mã thủ tục,Tên\n"1.001193,x\n')))).toMatchObject({ code: 'IMPORT_REJECTED' });
  });
});

describe('XLSX reader', () => {
  it('reads the first sheet with a header: rich text, numbers, formulas, title rows, row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['Tệp xuất từ CSDL quốc gia về TTHC']);
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ']);
    sheet.addRow(['STT', 'MÃ THỦ TỤC', 'Ten thu tuc', 'Phí, lệ phí (đồng)', 'Thời hạn giải quyết']);
    sheet.addRow([1, '1.001193', { richText: [{ text: 'Thủ tục đăng ký ' }, { font: { bold: true }, text: 'khai sinh' }] }, 0, 1]);
    sheet.addRow([]);
    sheet.addRow([2, '1.004222', 'Cấp Phiếu lý lịch tư pháp', 200000, { formula: '5*2', result: 10 }]);
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.headerRow).toBe(2);
    expect(table.rows).toEqual([
      { rowNumber: 3, values: { 'Mã thủ tục': '1.001193', 'Tên thủ tục': 'Thủ tục đăng ký khai sinh', 'Phí, lệ phí (đồng)': '0', 'Thời hạn giải quyết (ngày làm việc)': '1' } },
      { rowNumber: 5, values: { 'Mã thủ tục': '1.004222', 'Tên thủ tục': 'Cấp Phiếu lý lịch tư pháp', 'Phí, lệ phí (đồng)': '200000', 'Thời hạn giải quyết (ngày làm việc)': '10' } },
    ]);
  });

  it('rejects a file that is not a workbook, and a workbook without a header', async () => {
    expect(await extensionsOf(() => readXlsx(Buffer.from('Mã thủ tục,Tên\n')))).toMatchObject({ code: 'IMPORT_REJECTED', column: '(file)' });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Tên thủ tục']);
    expect(await extensionsOf(async () => readXlsx(Buffer.from(await workbook.xlsx.writeBuffer())))).toMatchObject({ code: 'IMPORT_REJECTED', column: 'Mã thủ tục' });
  });
});
