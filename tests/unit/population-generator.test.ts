/** The simulator's people: deterministic, realistic, and consistent with their ids. */
import {
  ABSENT_PERSONAL_ID,
  BIRTH_PROVINCE_CODES,
  checkPersonalId,
  FIXED_SOURCE_PEOPLE,
  generatePopulation,
} from '../../adapters/population-db';
import { PROVINCES } from '../../adapters/population-db/simulator/administrative-units';

describe('generatePopulation', () => {
  const people = generatePopulation(20250701, 500);

  it('gives the same people for the same seed, others for another', () => {
    expect(generatePopulation(20250701, 500)).toEqual(people);
    expect(generatePopulation(42, 500)).not.toEqual(people);
  });

  it('gives each person a unique id that agrees with sex and year of birth', () => {
    expect(new Set(people.map((p) => p.personalId)).size).toBe(people.length);
    for (const person of people) {
      const check = checkPersonalId(person.personalId);
      expect(check.valid).toBe(true);
      if (!check.valid) continue;
      expect(check.parts.sex).toBe(person.sex);
      expect(String(check.parts.birthYear)).toBe(person.dateOfBirth.slice(0, 4));
    }
  });

  it('writes real calendar dates as YYYY-MM-DD', () => {
    for (const { dateOfBirth } of people) {
      expect(dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${dateOfBirth}T00:00:00Z`).toISOString().slice(0, 10)).toBe(dateOfBirth);
    }
  });

  it('uses Vietnamese names with diacritics, Văn/Thị by sex, and a Kinh majority', () => {
    expect(people.every((p) => p.fullName.split(' ').length >= 2)).toBe(true);
    expect(people.filter((p) => /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(p.fullName)).length).toBeGreaterThan(400);
    expect(people.some((p) => p.sex === 'FEMALE' && / Văn /.test(p.fullName))).toBe(false);
    expect(people.some((p) => p.sex === 'MALE' && / Thị /.test(p.fullName))).toBe(false);
    const kinh = people.filter((p) => p.ethnicity === 'Kinh').length;
    expect(kinh / people.length).toBeGreaterThan(0.7);
    expect(new Set(people.map((p) => p.ethnicity)).size).toBeGreaterThan(5);
    expect(people.filter((p) => p.fullName.startsWith('Nguyễn ')).length / people.length).toBeGreaterThan(0.2);
  });

  it('places addresses in current provinces and communes, with no district level', () => {
    const provinces = new Map(PROVINCES.map((p) => [p.name, new Set(p.communes)]));
    for (const person of people) {
      for (const address of [person.hometown, person.permanentAddress, person.currentAddress]) {
        if (!address) continue;
        expect(provinces.get(address.province)?.has(address.commune)).toBe(true);
        expect(address.full).not.toMatch(/Quận|Huyện|Thị xã/);
        expect(address.full.endsWith(address.province)).toBe(true);
      }
    }
    expect(people.some((p) => p.currentAddress === null)).toBe(true);
    expect(PROVINCES.flatMap((p) => p.birthCodes).every((code) => code in BIRTH_PROVINCE_CODES)).toBe(true);
  });

  it('never produces a reserved id', () => {
    const reserved = new Set([ABSENT_PERSONAL_ID, ...FIXED_SOURCE_PEOPLE.map((p) => p.personalId)]);
    const withReserved = generatePopulation(7, 300, reserved);
    expect(withReserved.some((p) => reserved.has(p.personalId))).toBe(false);
  });
});
