import file from '../../subgraphs/procedures/data/administrative-units.json';
import { buildAdministrativeUnits, checkAdministrativeUnits, serialise } from '../../subgraphs/procedures/data/build-administrative-units';
import { indexAdministrativeUnits } from '../../subgraphs/procedures/shared-catalogues/administrative-unit-directory';
import { queryAdministrativeUnits } from '../../subgraphs/procedures/shared-catalogues/administrative-unit-query';
import { SHIPPED_ADMINISTRATIVE_UNITS } from '../../subgraphs/procedures/shared-catalogues/shipped-units';

describe('administrative-units.json (Decision 19/2025/QĐ-TTg, two tiers since 1 July 2025)', () => {
  it('holds 34 provinces and 3,321 communes with unique codes, each commune in a listed province', () => {
    expect(file.provinces).toHaveLength(34);
    expect(file.communes).toHaveLength(3321);
    const codes = [...file.provinces, ...file.communes].map((u) => u.code);
    expect(new Set(codes).size).toBe(3355);
    const provinces = new Set(file.provinces.map((p) => p.code));
    expect(file.communes.filter((c) => !provinces.has(c.provinceCode))).toEqual([]);
    expect(checkAdministrativeUnits(file)).toEqual([]);
  });

  it('has no district level: provinces are Tỉnh / Thành phố Trung ương, communes Phường / Xã / Đặc khu', () => {
    expect(new Set(file.provinces.map((p) => p.unitType))).toEqual(new Set(['Tỉnh', 'Thành phố Trung ương']));
    expect(file.provinces.filter((p) => p.unitType === 'Thành phố Trung ương')).toHaveLength(6);
    expect(new Set(file.communes.map((c) => c.unitType))).toEqual(new Set(['Phường', 'Xã', 'Đặc khu']));
    expect([...file.provinces, ...file.communes].filter((u) => /^(Huyện|Quận|Thị xã|Thị trấn)\b/u.test(u.name))).toEqual([]);
    for (const c of file.communes) expect(c.name.startsWith(`${c.unitType} `)).toBe(true);
    expect(file.provinces.every((p) => /^\d{2}$/.test(p.code)) && file.communes.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
  });

  it('names its source and keeps known codes (Hà Nội 01, Phường Ba Đình 00004, TP Hồ Chí Minh 79)', () => {
    expect(file.source).toMatchObject({ decision: expect.stringContaining('19/2025/QĐ-TTg'), version: '1.0.0', licence: 'MIT' });
    expect(file.provinces.find((p) => p.code === '01')?.name).toBe('Thành phố Hà Nội');
    expect(file.provinces.find((p) => p.code === '79')?.name).toBe('Thành phố Hồ Chí Minh');
    expect(file.communes.find((c) => c.code === '00004')).toEqual({ code: '00004', name: 'Phường Ba Đình', unitType: 'Phường', provinceCode: '01' });
    expect([...file.provinces, ...file.communes].every((u) => u.name === u.name.normalize('NFC'))).toBe(true);
  });

  it('the generator rejects a list that does not check out', () => {
    const raw = [
      { type: 'table', name: 'provinces', data: [{ province_code: '01', name: 'Thành phố Hà Nội', place_type: 'Thành phố Trung Ương' }] },
      { type: 'table', name: 'wards', data: [{ ward_code: '00004', name: 'Phường Ba Đình', province_code: '02' }] },
    ];
    expect(() => buildAdministrativeUnits(raw)).toThrow(/1 provinces, expected 34[\s\S]*unknown province 02/);
    const sample = { source: {}, provinces: [{ code: '01', name: 'A', unitType: 'Tỉnh' }], communes: [] };
    expect(JSON.parse(serialise(sample))).toEqual(sample);
  });
});

describe('administrative unit queries', () => {
  const index = indexAdministrativeUnits(SHIPPED_ADMINISTRATIVE_UNITS);

  it('finds "ba dinh" without diacritics, the exact name first', () => {
    const page = queryAdministrativeUnits(index, { search: 'ba dinh' });
    expect(page.edges[0].node.name).toBe('Phường Ba Đình');
    expect(page.edges.every((e) => /ba/i.test(e.node.searchName))).toBe(true);
    expect(queryAdministrativeUnits(index, { search: 'Ba Đình', kind: 'COMMUNE' }).edges[0].node.code).toBe('00004');
  });

  it('lists the communes of a province in pages that neither skip nor repeat', () => {
    const all = index.units.filter((u) => u.provinceCode === '01').map((u) => u.code);
    expect(all.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = queryAdministrativeUnits(index, { provinceCode: '01', first: 40, after });
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e) => e.node.code));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen).toEqual([...all].sort());
  });

  it('rejects an unknown province, a bad page size and a forged cursor with typed errors', () => {
    const extensionsOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as { extensions: Record<string, unknown> }).extensions;
      }
      throw new Error('did not throw');
    };
    expect(extensionsOf(() => queryAdministrativeUnits(index, { provinceCode: '99' }))).toMatchObject({ code: 'ADMINISTRATIVE_UNIT_NOT_FOUND', field: 'provinceCode' });
    expect(extensionsOf(() => queryAdministrativeUnits(index, { provinceCode: '00004' }))).toMatchObject({ code: 'ADMINISTRATIVE_UNIT_NOT_FOUND' });
    expect(extensionsOf(() => queryAdministrativeUnits(index, { first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(extensionsOf(() => queryAdministrativeUnits(index, { after: 'nonsense' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
