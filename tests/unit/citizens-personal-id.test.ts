/** The personal identification number: structure, plausibility, and the typed error clients get. */
import { checkPersonalId, FIXED_PEOPLE, personalIdPrefix } from '../../adapters/population-db';
import { assertValidPersonalId } from '../../subgraphs/citizens/access/personal-id-guard';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const TODAY = new Date('2026-11-23T00:00:00Z');

describe('checkPersonalId', () => {
  it.each([
    ['001090012345', { provinceCode: '001', provinceName: 'Hà Nội', sex: 'MALE', birthYear: 1990 }],
    ['079195001234', { provinceCode: '079', provinceName: 'Hồ Chí Minh', sex: 'FEMALE', birthYear: 1995 }],
    ['048203000789', { provinceCode: '048', provinceName: 'Đà Nẵng', sex: 'MALE', birthYear: 2003 }],
    ['038300005678', { provinceCode: '038', provinceName: 'Thanh Hóa', sex: 'FEMALE', birthYear: 2000 }],
    ['096226000001', { provinceCode: '096', provinceName: 'Cà Mau', sex: 'MALE', birthYear: 2026 }],
    ['046001000001', { provinceCode: '046', provinceName: 'Thừa Thiên Huế', sex: 'MALE', birthYear: 1901 }],
  ])('reads %s', (id, parts) => {
    expect(checkPersonalId(id, TODAY)).toEqual({ valid: true, parts });
  });

  it.each([
    ['', 'FORMAT'],
    ['00109001234', 'FORMAT'],
    ['0010900123456', 'FORMAT'],
    ['00109001234a', 'FORMAT'],
    [' 001090012345', 'FORMAT'],
    ['００１０９００１２３４５', 'FORMAT'], // full-width digits
    ['003090012345', 'PROVINCE'], // no province 003
    ['099090012345', 'PROVINCE'],
    ['000090012345', 'PROVINCE'],
    ['001490012345', 'CENTURY'], // 2190
    ['001990012345', 'CENTURY'], // 1890
    ['001227012345', 'YEAR'], // 2027: not born yet
    ['001299012345', 'YEAR'],
    ['001000012345', 'YEAR'], // 1900: older than 125
  ])('rejects %j (%s)', (id, problem) => {
    expect(checkPersonalId(id, TODAY)).toMatchObject({ valid: false, problem });
  });

  it('agrees with every fixed person', () => {
    for (const person of FIXED_PEOPLE) {
      const check = checkPersonalId(person.personalId, TODAY);
      expect(check).toMatchObject({ valid: true, parts: { sex: person.sex, birthYear: Number(person.dateOfBirth.slice(0, 4)) } });
    }
  });

  it('composes the prefix it reads back', () => {
    expect(personalIdPrefix('001', 'MALE', 1990)).toBe('001090');
    expect(personalIdPrefix('079', 'FEMALE', 1995)).toBe('079195');
    expect(personalIdPrefix('048', 'MALE', 2003)).toBe('048203');
    expect(personalIdPrefix('038', 'FEMALE', 2000)).toBe('038300');
    expect(() => personalIdPrefix('003', 'MALE', 1990)).toThrow();
  });
});

describe('assertValidPersonalId', () => {
  it('passes a valid id', () => {
    expect(() => assertValidPersonalId('001090012345', TODAY)).not.toThrow();
  });

  it('throws INVALID_PERSONAL_ID with the reason, in both languages', () => {
    let error: unknown;
    try {
      assertValidPersonalId('003090012345', TODAY);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LienthongError);
    expect((error as LienthongError).extensions).toMatchObject({
      code: ErrorCode.INVALID_PERSONAL_ID,
      http: { status: 400 },
      reason: 'PROVINCE',
      messages: { vi: expect.stringContaining('mã tỉnh'), en: expect.stringContaining('province code 003') },
    });
  });
});
