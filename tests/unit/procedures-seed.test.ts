import { SEED_PROCEDURES } from '../../subgraphs/procedures';
import { toProcedureColumns } from '../../subgraphs/procedures/catalogue/procedure-record';
import { boundFields } from '../../subgraphs/procedures/e-form/e-form-definition';

describe('seed catalogue', () => {
  it('has at least 8 procedures with unique national codes in the d.dddddd format', () => {
    const codes = SEED_PROCEDURES.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[1-3]\.\d{6}$/);
  });

  it('passes the checks every stored procedure must pass', () => {
    for (const p of SEED_PROCEDURES) expect(() => toProcedureColumns(p)).not.toThrow();
  });

  it('spans province and commune level, online levels 2 to 4, free and paid procedures', () => {
    expect(new Set(SEED_PROCEDURES.map((p) => p.implementationLevel))).toEqual(new Set(['PROVINCE', 'COMMUNE']));
    expect(new Set(SEED_PROCEDURES.map((p) => p.onlineLevel))).toEqual(new Set([2, 3, 4]));
    expect(SEED_PROCEDURES.filter((p) => p.feeVnd > 0).length).toBeGreaterThanOrEqual(2);
    expect(SEED_PROCEDURES.filter((p) => p.feeVnd === 0).length).toBeGreaterThanOrEqual(1);
    expect(SEED_PROCEDURES.find((p) => p.code === '2.001417')?.feeVnd).toBe(200_000);
  });

  it('gives agencies QCVN 102:2016 codes of Hà Nội (H26)', () => {
    for (const p of SEED_PROCEDURES) expect(p.agencyCode).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H26$/);
  });

  it('binds the identity fields of every form to citizen source paths and keeps unbound required fields', () => {
    for (const p of SEED_PROCEDURES) {
      const bindings = Object.fromEntries(boundFields(p.eForm).map((f) => [f.key, f.binding]));
      expect(bindings).toMatchObject({ hoTen: 'citizen.fullName', soDinhDanh: 'citizen.personalId' });
      expect(p.eForm.fields.some((f) => f.required && !f.binding)).toBe(true);
    }
  });
});
