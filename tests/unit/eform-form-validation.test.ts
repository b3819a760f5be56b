import { parseEFormDefinition } from '../../subgraphs/procedures/e-form/e-form-definition';
import { validateFormData, vietnamToday } from '../../subgraphs/procedures/e-form/form-validation';

const form = parseEFormDefinition({
  code: 'TK',
  title: 'Tờ khai',
  fields: [
    { key: 'hoTen', label: 'Họ và tên', type: 'TEXT', required: true, minLength: 2, maxLength: 10 },
    { key: 'soBan', label: 'Số bản', type: 'NUMBER', required: false, min: 1, max: 10 },
    { key: 'ngaySinh', label: 'Ngày sinh', type: 'DATE', required: false, minDate: '1900-01-01', maxDate: 'today' },
    { key: 'ngayHen', label: 'Ngày hẹn', type: 'DATE', required: false, minDate: 'today', maxDate: '2030-12-31' },
  ],
});

const TODAY = '2026-11-23';
const rules = (data: Record<string, unknown>) =>
  validateFormData(form, { hoTen: 'An Bình', ...data }, { today: TODAY }).map((v) => [v.fieldKey, v.rule]);

describe('validateFormData, rules added with versioned e-forms', () => {
  it('accepts values on the bounds', () => {
    expect(rules({ hoTen: 'An', soBan: 1, ngaySinh: '1900-01-01', ngayHen: TODAY })).toEqual([]);
    expect(rules({ hoTen: 'Nguyễn Văn', soBan: '10', ngaySinh: TODAY, ngayHen: '2030-12-31' })).toEqual([]);
  });

  it('MIN_LENGTH and MAX_LENGTH count characters, not bytes', () => {
    expect(rules({ hoTen: 'A' })).toEqual([['hoTen', 'MIN_LENGTH']]);
    expect(rules({ hoTen: 'Ỷ' })).toEqual([['hoTen', 'MIN_LENGTH']]);
    expect(rules({ hoTen: 'Ỷỷ' })).toEqual([]);
    expect(rules({ hoTen: 'Nguyễn Văn A' })).toEqual([['hoTen', 'MAX_LENGTH']]);
  });

  it('MIN and MAX of a NUMBER, given as number or text', () => {
    expect(rules({ soBan: 0 })).toEqual([['soBan', 'MIN']]);
    expect(rules({ soBan: '-3' })).toEqual([['soBan', 'MIN']]);
    expect(rules({ soBan: 10.5 })).toEqual([['soBan', 'MAX']]);
    expect(rules({ soBan: '11' })).toEqual([['soBan', 'MAX']]);
  });

  it('MIN and MAX of a DATE, with "today" as a bound', () => {
    expect(rules({ ngaySinh: '1899-12-31' })).toEqual([['ngaySinh', 'MIN']]);
    expect(rules({ ngaySinh: '2026-11-24' })).toEqual([['ngaySinh', 'MAX']]);
    expect(rules({ ngayHen: '2026-11-22' })).toEqual([['ngayHen', 'MIN']]);
    expect(rules({ ngayHen: '2031-01-01' })).toEqual([['ngayHen', 'MAX']]);
  });

  it('messages name the bound, dates the Vietnamese way', () => {
    const [v] = validateFormData(form, { hoTen: 'An', ngaySinh: '2027-01-01' }, { today: TODAY });
    expect(v).toEqual({
      fieldKey: 'ngaySinh',
      rule: 'MAX',
      vi: 'Ngày sinh: không sau ngày 23/11/2026.',
      en: 'Ngày sinh (ngaySinh): must not be after 2026-11-23.',
    });
  });

  it('a TYPE error stops the range checks of that field', () => {
    expect(rules({ soBan: 'mười', ngaySinh: '2026-02-30' })).toEqual([
      ['soBan', 'TYPE'],
      ['ngaySinh', 'TYPE'],
    ]);
  });

  it('"today" defaults to the date in Vietnam (UTC+7)', () => {
    expect(vietnamToday(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(vietnamToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(validateFormData(form, { hoTen: 'An', ngaySinh: tomorrow }).map((v) => v.rule)).toEqual(['MAX']);
  });
});
