import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';
import { SOURCE_PATHS } from '../../subgraphs/shared/source-paths';
import {
  checkEFormDefinition,
  parseEFormDefinition,
  requireEFormDefinition,
  type DefinitionProblem,
} from '../../subgraphs/procedures/e-form/e-form-definition';
import { BINDING_FIELD_TYPES, PATTERN_MAX_LENGTH, patternProblem } from '../../subgraphs/procedures/e-form/e-form-field-rules';
import { SEED_PROCEDURES } from '../../subgraphs/procedures';

const field = (key: string, extra: Record<string, unknown> = {}) => ({ key, label: `Trường ${key}`, type: 'TEXT', required: false, ...extra });
const form = (...fields: unknown[]) => ({ code: 'TK-01', title: 'Tờ khai', fields });

function problems(value: unknown): DefinitionProblem[] {
  const checked = checkEFormDefinition(value);
  if (checked.ok) throw new Error('expected the definition to be rejected');
  return checked.problems;
}
const fields = (value: unknown) => problems(value).map((p) => p.field);

describe('checkEFormDefinition accepts', () => {
  it('every rule in its place, leaving out null rules', () => {
    const checked = checkEFormDefinition(
      form(
        field('hoTen', { binding: 'citizen.fullName', minLength: 2, maxLength: 100, pattern: null }),
        field('soDinhDanh', { type: 'PERSONAL_ID', binding: 'citizen.personalId' }),
        field('ngaySinh', { type: 'DATE', binding: 'citizen.dateOfBirth', minDate: '1900-01-01', maxDate: 'today' }),
        field('gioiTinh', { type: 'SELECT', binding: 'citizen.sex', options: ['Nam', 'Nữ'] }),
        field('soBan', { type: 'NUMBER', min: 1, max: 10, pattern: '[0-9]+' }),
        field('maSo', { pattern: '[0-9]{10}(-[0-9]{3})*' }),
      ),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.form.fields[0]).toEqual({
      key: 'hoTen',
      label: 'Trường hoTen',
      type: 'TEXT',
      required: false,
      binding: 'citizen.fullName',
      minLength: 2,
      maxLength: 100,
    });
    expect(Object.keys(checked.form.fields[0])).not.toContain('pattern');
  });

  it('every seed e-form (bound fields are compatible with their paths)', () => {
    for (const p of SEED_PROCEDURES) expect(checkEFormDefinition(p.eForm)).toMatchObject({ ok: true });
  });

  it('has a type rule for every source path', () => {
    expect(Object.keys(BINDING_FIELD_TYPES).sort()).toEqual(Object.keys(SOURCE_PATHS).sort());
  });
});

describe('checkEFormDefinition rejects, naming the field', () => {
  it('a binding outside SOURCE_PATHS', () => {
    const found = problems(form(field('a'), field('luong', { binding: 'citizen.salary' })));
    expect(found).toEqual([{ field: 'fields[1].binding', message: expect.stringMatching(/SOURCE_PATHS/) }]);
  });

  it('duplicate keys, naming the second and the first', () => {
    const found = problems(form(field('a'), field('b'), field('a')));
    expect(found).toEqual([{ field: 'fields[2].key', message: 'duplicate key a (also fields[0])' }]);
  });

  it('a key that is not an identifier', () => {
    expect(fields(form(field('1a'), field('họ tên'), field('a-b'), field('_a')))).toEqual([
      'fields[0].key',
      'fields[1].key',
      'fields[2].key',
      'fields[3].key',
    ]);
  });

  it('a pattern that does not compile, is too long, or backtracks catastrophically', () => {
    expect(fields(form(field('a', { pattern: '([' })))).toEqual(['fields[0].pattern']);
    expect(problems(form(field('a', { pattern: '([' })))[0].message).toMatch(/regular expression/);
    expect(patternProblem('a'.repeat(PATTERN_MAX_LENGTH + 1))).toMatch(/at most/);
    for (const bad of ['(a+)+', '(\\d*)*b', '((ab)*c)+', '(?:x+y?){2,}', '(a)\\1', '([0-9]+-)+']) {
      expect([bad, patternProblem(bad)]).toEqual([bad, expect.any(String)]);
    }
    for (const ok of ['[0-9]{10}(-[0-9]{3})?', '(-[0-9]{3})*', '[(+]*', '\\(a+\\)+', '(ab|cd)+', '[1-9][0-9]{0,1}']) {
      expect([ok, patternProblem(ok)]).toEqual([ok, null]);
    }
  });

  it('a bound field whose type the path cannot fill', () => {
    const found = problems(
      form(
        field('ngaySinh', { binding: 'citizen.dateOfBirth' }), // TEXT, must be DATE
        field('soDinhDanh', { type: 'NUMBER', binding: 'citizen.personalId' }),
        field('gioiTinh', { type: 'SELECT', binding: 'citizen.sex', options: ['Male', 'Female'] }),
        field('hoTen', { type: 'EMAIL', binding: 'citizen.fullName' }),
      ),
    );
    expect(found.map((p) => p.field)).toEqual([
      'fields[0].binding',
      'fields[1].binding',
      'fields[2].options',
      'fields[3].binding',
    ]);
    expect(found[0].message).toBe('citizen.dateOfBirth fills a field of type DATE, not TEXT');
    expect(found[2].message).toMatch(/Nam and Nữ/);
  });

  it('rules on the wrong type or out of order', () => {
    expect(
      fields(
        form(
          field('a', { min: 1, minDate: '2020-01-01', options: ['x'] }),
          field('b', { type: 'NUMBER', min: 5, max: 1 }),
          field('c', { type: 'DATE', minDate: '2025-02-30', maxDate: 'yesterday', maxLength: 10 }),
          field('d', { type: 'DATE', minDate: '2025-02-01', maxDate: '2025-01-01' }),
          field('e', { minLength: 5, maxLength: 3 }),
          field('f', { maxLength: 0, minLength: -1 }),
          field('g', { type: 'SELECT' }),
          field('h', { type: 'SELECT', options: ['x', 'x'] }),
          field('i', { type: 'COLOUR', required: 'yes', colour: 'red' }),
        ),
      ),
    ).toEqual([
      'fields[0].options',
      'fields[0].min',
      'fields[0].minDate',
      'fields[1].min',
      'fields[2].maxLength',
      'fields[2].minDate',
      'fields[2].maxDate',
      'fields[3].minDate',
      'fields[4].minLength',
      'fields[5].minLength',
      'fields[5].maxLength',
      'fields[6].options',
      'fields[7].options',
      'fields[8].colour',
      'fields[8].type',
      'fields[8].required',
    ]);
  });

  it('a form without fields, code or title, or with unknown properties', () => {
    expect(fields({ code: '', title: ' ', fields: [], version: 2 })).toEqual(['version', 'code', 'title', 'fields']);
    expect(fields(null)).toEqual(['(form)']);
  });
});

describe('requireEFormDefinition and parseEFormDefinition', () => {
  it('input: one INVALID_EFORM with every problem in details', () => {
    let error: unknown;
    try {
      requireEFormDefinition(form(field('a', { binding: 'citizen.salary' }), field('a')));
    } catch (err) {
      error = err;
    }
    expect(hasErrorCode(error, ErrorCode.INVALID_EFORM)).toBe(true);
    const ext = (error as { extensions: Record<string, any> }).extensions;
    expect(ext.field).toBe('fields[0].binding');
    expect(ext.problems.map((p: DefinitionProblem) => p.field)).toEqual(['fields[0].binding']);
  });

  it('stored data: a plain Error naming the place and the problem', () => {
    expect(() => parseEFormDefinition(form(field('a'), field('a')), 'e-form of 1.000001')).toThrow(
      'Invalid e-form of 1.000001: fields[1].key: duplicate key a (also fields[0])',
    );
  });
});
