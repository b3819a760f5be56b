import { parseEFormDefinition, type EFormDefinition } from '../../subgraphs/procedures/e-form/e-form-definition';
import { validateFormData } from '../../subgraphs/procedures/e-form/form-validation';

const form: EFormDefinition = parseEFormDefinition({
  code: 'TEST',
  title: 'Tờ khai thử',
  fields: [
    { key: 'hoTen', label: 'Họ và tên', type: 'TEXT', required: true, binding: 'citizen.fullName', maxLength: 10 },
    { key: 'ngaySinh', label: 'Ngày sinh', type: 'DATE', required: false },
    { key: 'soBanSao', label: 'Số bản sao', type: 'NUMBER', required: false, pattern: '[1-9][0-9]?' },
    { key: 'gioiTinh', label: 'Giới tính', type: 'SELECT', required: false, options: ['Nam', 'Nữ'] },
    { key: 'soDinhDanh', label: 'Số định danh', type: 'PERSONAL_ID', required: false },
    { key: 'soDienThoai', label: 'Điện thoại', type: 'PHONE', required: false },
    { key: 'email', label: 'Thư điện tử', type: 'EMAIL', required: false },
    { key: 'maSo', label: 'Mã số', type: 'TEXT', required: false, pattern: '[0-9]{10}(-[0-9]{3})?' },
  ],
});

const valid = {
  hoTen: 'Nguyễn An',
  ngaySinh: '2024-02-29',
  soBanSao: 2,
  gioiTinh: 'Nữ',
  soDinhDanh: '001204012345',
  soDienThoai: '0912345678',
  email: 'an.nguyen@example.vn',
  maSo: '0101234567-001',
};

const rules = (data: Record<string, unknown>) => validateFormData(form, data).map((v) => [v.fieldKey, v.rule]);

describe('validateFormData', () => {
  it('accepts complete, well-formed data', () => {
    expect(validateFormData(form, valid)).toEqual([]);
    expect(validateFormData(form, { hoTen: 'An' })).toEqual([]); // optional fields may be absent
  });

  it('REQUIRED: a required field absent, null or blank', () => {
    for (const hoTen of [undefined, null, '', '   ']) {
      expect(rules({ ...valid, hoTen })).toEqual([['hoTen', 'REQUIRED']]);
    }
    const { hoTen: _omitted, ...withoutName } = valid;
    expect(rules(withoutName)).toEqual([['hoTen', 'REQUIRED']]);
  });

  it('TYPE: DATE must be YYYY-MM-DD and a real date', () => {
    for (const ngaySinh of ['2023-02-29', '2024-13-01', '2024-04-31', '29/02/2024', '2024-2-9', 20240229]) {
      expect(rules({ ...valid, ngaySinh })).toEqual([['ngaySinh', 'TYPE']]);
    }
  });

  it('TYPE: NUMBER must be numeric (a number or a decimal string)', () => {
    expect(rules({ ...valid, soBanSao: '3' })).toEqual([]);
    for (const soBanSao of ['hai', '1e3', Number.NaN, true]) {
      expect(rules({ ...valid, soBanSao })).toEqual([['soBanSao', 'TYPE']]);
    }
  });

  it('TYPE: PERSONAL_ID is 12 digits, PHONE is 0 + 9 digits, EMAIL is an address, TEXT is a string', () => {
    expect(rules({ ...valid, soDinhDanh: '00120401234' })).toEqual([['soDinhDanh', 'TYPE']]);
    expect(rules({ ...valid, soDinhDanh: 1204012345 })).toEqual([['soDinhDanh', 'TYPE']]);
    expect(rules({ ...valid, soDienThoai: '912345678' })).toEqual([['soDienThoai', 'TYPE']]);
    expect(rules({ ...valid, soDienThoai: '+84912345678' })).toEqual([['soDienThoai', 'TYPE']]);
    expect(rules({ ...valid, email: 'an.nguyen@' })).toEqual([['email', 'TYPE']]);
    expect(rules({ ...valid, email: 'an nguyen@example.vn' })).toEqual([['email', 'TYPE']]);
    expect(rules({ ...valid, hoTen: 42 })).toEqual([['hoTen', 'TYPE']]);
  });

  it('OPTION: a SELECT value outside its options', () => {
    expect(rules({ ...valid, gioiTinh: 'Khác' })).toEqual([['gioiTinh', 'OPTION']]);
    expect(rules({ ...valid, gioiTinh: 'nữ' })).toEqual([['gioiTinh', 'OPTION']]);
  });

  it('PATTERN: the whole value must match (anchored)', () => {
    expect(rules({ ...valid, soBanSao: 0 })).toEqual([['soBanSao', 'PATTERN']]);
    expect(rules({ ...valid, soBanSao: 100 })).toEqual([['soBanSao', 'PATTERN']]);
    expect(rules({ ...valid, maSo: '0101234567-0012' })).toEqual([['maSo', 'PATTERN']]);
    expect(rules({ ...valid, maSo: 'x0101234567' })).toEqual([['maSo', 'PATTERN']]);
  });

  it('MAX_LENGTH: counted in characters, diacritics included', () => {
    expect(rules({ ...valid, hoTen: 'Nguyễn Văn' })).toEqual([]); // exactly 10 characters
    expect(rules({ ...valid, hoTen: 'Nguyễn Văn A' })).toEqual([['hoTen', 'MAX_LENGTH']]);
  });

  it('UNKNOWN_FIELD: keys the form does not define, reported after the fields', () => {
    expect(rules({ ...valid, hoTen: '', tuoi: 30 })).toEqual([
      ['hoTen', 'REQUIRED'],
      ['tuoi', 'UNKNOWN_FIELD'],
    ]);
  });

  it('reports every violation at once, each with Vietnamese and English messages', () => {
    const violations = validateFormData(form, { ngaySinh: 'hôm qua', gioiTinh: 'X', bogus: 1 });
    expect(violations.map((v) => v.rule)).toEqual(['REQUIRED', 'TYPE', 'OPTION', 'UNKNOWN_FIELD']);
    expect(violations[0]).toEqual({
      fieldKey: 'hoTen',
      rule: 'REQUIRED',
      vi: 'Họ và tên: bắt buộc nhập.',
      en: 'Họ và tên (hoTen): is required.',
    });
    for (const v of violations) {
      expect(v.vi.length).toBeGreaterThan(0);
      expect(v.en.length).toBeGreaterThan(0);
    }
  });
});

describe('parseEFormDefinition', () => {
  const field = { key: 'a', label: 'A', type: 'TEXT', required: true };

  it('rejects bindings outside SOURCE_PATHS, duplicate keys, SELECT without options and bad patterns', () => {
    expect(() => parseEFormDefinition({ code: 'F', title: 'T', fields: [{ ...field, binding: 'citizen.salary' }] })).toThrow(
      /SOURCE_PATHS/,
    );
    expect(() => parseEFormDefinition({ code: 'F', title: 'T', fields: [field, field] })).toThrow(/duplicate key a/);
    expect(() => parseEFormDefinition({ code: 'F', title: 'T', fields: [{ ...field, type: 'SELECT' }] })).toThrow(
      /needs options/,
    );
    expect(() => parseEFormDefinition({ code: 'F', title: 'T', fields: [{ ...field, pattern: '([' }] })).toThrow(
      /regular expression/,
    );
    expect(() => parseEFormDefinition({ code: 'F', title: 'T', fields: [{ ...field, type: 'COLOUR' }] })).toThrow();
  });

  it('turns null rules into absent ones', () => {
    const parsed = parseEFormDefinition({
      code: 'F',
      title: 'T',
      fields: [{ ...field, binding: null, options: null, pattern: null, maxLength: null }],
    });
    expect(parsed.fields[0]).toEqual(field);
  });
});
