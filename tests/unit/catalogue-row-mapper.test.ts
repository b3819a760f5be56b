import { parseProcedureInput } from '../../subgraphs/procedures';
import {
  buildLookups,
  columnOfField,
  mapCatalogueRow,
  parseFee,
  parseLevels,
  parseOnlineLevel,
  parseProcessingTime,
  parseSubjects,
  splitList,
} from '../../subgraphs/procedures/catalogue-import/catalogue-row-mapper';
import type { CatalogueRow } from '../../subgraphs/procedures/catalogue-import/catalogue-rows';

const lookups = buildLookups(
  [
    { code: '000.01.41.H26', name: 'UBND phường Ba Đình, Thành phố Hà Nội', address: null, receptionHours: 'Sáng 8:00–12:00' },
    { code: '000.00.12.H26', name: 'Sở Tư pháp Thành phố Hà Nội', address: '1B Trần Phú', receptionHours: null },
  ],
  [
    { code: 'HOTICH', name: 'Hộ tịch' },
    { code: 'LLTP', name: 'Lý lịch tư pháp' },
  ],
);

const goodValues = {
  'Mã thủ tục': '1.001193',
  'Tên thủ tục': 'Thủ tục đăng ký khai sinh',
  'Lĩnh vực': 'Hộ tịch',
  'Cơ quan thực hiện': '000.01.41.H26',
  'Cấp thực hiện': 'Cấp xã',
  'Mức độ DVC': 'Toàn trình',
  'Thời hạn giải quyết (ngày làm việc)': '1',
  'Phí, lệ phí (đồng)': 'Miễn phí',
  'Đối tượng': 'Công dân Việt Nam',
  'Căn cứ pháp lý': 'Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP',
  'Kết quả': 'Giấy khai sinh',
  'Thành phần hồ sơ': 'Tờ khai theo mẫu\nBản sao có chứng thực giấy tờ tùy thân (02 bản)',
} as const;

const row = (values: Record<string, string>, rowNumber = 2): CatalogueRow => ({ rowNumber, values });

describe('catalogue cells', () => {
  it('reads fees as agencies write them, and nothing else', () => {
    expect(['0', 'Không', 'Miễn phí', 'không thu phí, lệ phí'].map(parseFee)).toEqual([0, 0, 0, 0]);
    expect(['50000', '50.000', '50,000', '1.200.000 đồng', '200000đ', '15 000 VNĐ'].map(parseFee)).toEqual([50000, 50000, 50000, 1200000, 200000, 15000]);
    expect(['năm mươi nghìn', '50.00', '-5', '1,5', '50000 USD', ''].map(parseFee)).toEqual([null, null, null, null, null, null]);
  });

  it('reads processing times, levels, online levels, subjects and lists', () => {
    expect(parseProcessingTime('15')).toEqual({ workingDays: 15 });
    expect(parseProcessingTime('15 ngày làm việc')).toEqual({ workingDays: 15 });
    expect(parseProcessingTime('4 giờ')).toEqual({ workingHours: 4 });
    expect(parseProcessingTime('mười ngày')).toBeNull();
    expect(parseLevels('Cấp tỉnh; Cấp xã')).toEqual(['PROVINCE', 'COMMUNE']);
    expect(parseLevels('Cấp huyện')).toMatch(/no district level/);
    expect(['4', 'Mức độ 3', 'DVC trực tuyến toàn trình', 'Một phần', '5'].map(parseOnlineLevel)).toEqual([4, 3, 4, 3, null]);
    expect(parseSubjects('Cá nhân, tổ chức')).toEqual(['INDIVIDUAL', 'ORGANIZATION']);
    expect(parseSubjects('Doanh nghiệp')).toEqual(['ORGANIZATION']);
    expect(splitList('- Bước 1\n- Bước 2\n\n')).toEqual(['Bước 1', 'Bước 2']);
    expect(splitList('A; B;C')).toEqual(['A', 'B', 'C']);
    expect(columnOfField('details.steps[2].order')).toBe('Trình tự thực hiện');
    expect(columnOfField('fees[0].amountVnd')).toBe('Phí, lệ phí (đồng)');
  });
});

describe('mapCatalogueRow', () => {
  it('maps a good row to an input that parseProcedureInput accepts, with all 12 criteria', () => {
    const { input, problems } = mapCatalogueRow(row(goodValues), lookups);
    expect(problems).toEqual([]);
    const parsed = parseProcedureInput(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const r = parsed.record;
    expect(r).toMatchObject({ code: '1.001193', fieldCode: 'HOTICH', agencyCode: '000.01.41.H26', implementationLevel: 'COMMUNE', onlineLevel: 4, fullOnline: true, feeVnd: 0, processingDays: 1, subjects: ['INDIVIDUAL'] });
    expect(r.details.legalBases.map((l) => l.number)).toEqual(['60/2014/QH13', '123/2015/NĐ-CP']);
    expect(r.details.components[1]).toMatchObject({ kind: 'CERTIFIED_COPY', count: 2 });
    expect(r.details.methods).toEqual(['IN_PERSON', 'ONLINE', 'POSTAL']);
    expect(r.details.receptionPlaces[0]).toEqual({ place: 'Bộ phận Một cửa – UBND phường Ba Đình, Thành phố Hà Nội', hours: 'Sáng 8:00–12:00' });
    expect(r.details.steps.map((s) => s.order)).toEqual([1, 2, 3]);
    expect(r.eForm.fields.some((f) => f.binding === 'citizen.fullName')).toBe(true);
  });

  it('names the column of each problem: missing column, empty cell, unknown agency and field, non-numeric fee', () => {
    const { 'Kết quả': _dropped, ...withoutResult } = goodValues;
    expect(mapCatalogueRow(row(withoutResult), lookups).problems).toEqual([{ column: 'Kết quả', message: 'column is missing from the file' }]);
    const bad = mapCatalogueRow(
      row({ ...goodValues, 'Tên thủ tục': '', 'Cơ quan thực hiện': '000.99.99.H26', 'Lĩnh vực': 'Thiên văn', 'Phí, lệ phí (đồng)': 'năm mươi nghìn' }),
      lookups,
    );
    expect(bad.problems.map((p) => p.column).sort()).toEqual(['Cơ quan thực hiện', 'Lĩnh vực', 'Phí, lệ phí (đồng)', 'Tên thủ tục'].sort());
    expect(bad.problems.find((p) => p.column === 'Phí, lệ phí (đồng)')?.message).toContain('năm mươi nghìn');
  });

  it('accepts an agency by its exact name and a field by its code, and refuses methods it cannot read', () => {
    const { input, problems } = mapCatalogueRow(
      row({ ...goodValues, 'Cơ quan thực hiện': 'Sở Tư pháp Thành phố Hà Nội', 'Lĩnh vực': 'lltp', 'Cấp thực hiện': 'Cấp tỉnh', 'Cách thức thực hiện': 'Qua điện thoại' }),
      lookups,
    );
    expect(input).toMatchObject({ agencyCode: '000.00.12.H26', fieldCode: 'LLTP', implementationLevel: 'PROVINCE' });
    expect(problems).toEqual([{ column: 'Cách thức thực hiện', message: expect.stringContaining('Trực tiếp') }]);
  });

  it('leaves the procedure rules to parseProcedureInput: a malformed code is its problem, named "code"', () => {
    const { input, problems } = mapCatalogueRow(row({ ...goodValues, 'Mã thủ tục': '1.00119' }), lookups);
    expect(problems).toEqual([]);
    const parsed = parseProcedureInput(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => columnOfField(p.field))).toContain('Mã thủ tục');
  });
});
