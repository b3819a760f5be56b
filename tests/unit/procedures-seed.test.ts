import { SEED_AGENCIES, SEED_FIELDS, SEED_PROCEDURES, parseProcedureInput } from '../../subgraphs/procedures';
import { boundFields } from '../../subgraphs/procedures/e-form/e-form-definition';

const PROCEDURE_CODE = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;

describe('seed catalogue', () => {
  it('has at least 40 procedures with unique national codes', () => {
    const codes = SEED_PROCEDURES.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(PROCEDURE_CODE);
  });

  it('passes parseProcedureInput, every one of them, unchanged in its derived totals', () => {
    for (const p of SEED_PROCEDURES) {
      const result = parseProcedureInput(p);
      if (!result.ok) throw new Error(`${p.code}: ${JSON.stringify(result.problems)}`);
      expect({ code: p.code, days: result.record.processingDays, fee: result.record.feeVnd }).toEqual({
        code: p.code,
        days: p.processingDays,
        fee: p.feeVnd,
      });
    }
  });

  it('fills all 12 level-2 criteria of every procedure', () => {
    for (const p of SEED_PROCEDURES) {
      const d = p.details;
      const filled = {
        code: p.code,
        receptionPlaces: d.receptionPlaces.length > 0 && d.receptionPlaces.every((r) => r.hours.length > 0),
        steps: d.steps.length > 0,
        methods: d.methods.length > 0,
        components: d.components.length > 0,
        processingTimes: p.processingTimes.length > 0,
        subjects: p.subjects.length > 0,
        agencies: d.agencies.deciding !== '',
        result: p.resultDocument.length > 0,
        fees: p.fees.length > 0,
        // Forms and requirements may be "none" in law; the lists exist and what is listed has a link.
        forms: d.forms.every((f) => /^https:\/\//.test(f.templateUrl)),
        requirements: Array.isArray(d.requirements),
        legalBases: d.legalBases.length > 0,
      };
      expect(filled).toEqual({ code: p.code, ...Object.fromEntries(Object.keys(filled).filter((k) => k !== 'code').map((k) => [k, true])) });
    }
    // Most procedures do have forms: a seed without any would not test the criterion.
    expect(SEED_PROCEDURES.filter((p) => p.details.forms.length > 0).length).toBeGreaterThanOrEqual(30);
  });

  it('names only agencies and fields of SEED_AGENCIES / SEED_FIELDS', () => {
    const agencies = new Map(SEED_AGENCIES.map((a) => [a.code, a]));
    const fields = new Map(SEED_FIELDS.map((f) => [f.code, f.name]));
    for (const p of SEED_PROCEDURES) {
      const a = p.details.agencies;
      for (const code of [p.agencyCode, a.deciding, ...(a.delegated ? [a.delegated] : []), ...a.coordinating]) {
        expect({ procedure: p.code, agency: code, known: agencies.has(code) }).toEqual({ procedure: p.code, agency: code, known: true });
      }
      expect(agencies.get(p.agencyCode)!.name).toBe(p.agencyName);
      expect(fields.get(p.fieldCode)).toBe(p.fieldName);
      // A commune procedure is handled by a commune agency, a province one by a province agency.
      expect(agencies.get(p.agencyCode)!.level).toBe(p.implementationLevel);
    }
  });

  it('has unique, well-formed agencies of Hà Nội with official commune codes', () => {
    expect(new Set(SEED_AGENCIES.map((a) => a.code)).size).toBe(SEED_AGENCIES.length);
    expect(new Set(SEED_FIELDS.map((f) => f.code)).size).toBe(SEED_FIELDS.length);
    for (const a of SEED_AGENCIES) {
      expect(a.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H26$/);
      expect(a.provinceCode).toBe('01');
      if (a.level === 'COMMUNE') expect(a.communeCode).toMatch(/^\d{5}$/);
      else expect(a.communeCode).toBeUndefined();
    }
    expect(SEED_AGENCIES.find((a) => a.name.includes('phường Ba Đình') && a.name.startsWith('UBND'))?.communeCode).toBe('00004');
  });

  it('spans province and commune level (10+ each), online levels 2 to 4, free and paid, several cases', () => {
    expect(SEED_PROCEDURES.filter((p) => p.implementationLevel === 'COMMUNE').length).toBeGreaterThanOrEqual(10);
    expect(SEED_PROCEDURES.filter((p) => p.implementationLevel === 'PROVINCE').length).toBeGreaterThanOrEqual(10);
    expect(new Set(SEED_PROCEDURES.map((p) => p.onlineLevel))).toEqual(new Set([2, 3, 4]));
    expect(SEED_PROCEDURES.filter((p) => p.feeVnd > 0).length).toBeGreaterThanOrEqual(10);
    expect(SEED_PROCEDURES.filter((p) => p.feeVnd === 0).length).toBeGreaterThanOrEqual(5);
    expect(SEED_PROCEDURES.filter((p) => p.processingTimes.length > 1).length).toBeGreaterThanOrEqual(5);
    expect(SEED_PROCEDURES.filter((p) => p.fees.length > 1).length).toBeGreaterThanOrEqual(5);
    expect(SEED_PROCEDURES.find((p) => p.code === '2.001417')).toMatchObject({ feeVnd: 200_000, processingDays: 10 });
  });

  it('binds the identity fields of every form to citizen source paths and keeps unbound required fields', () => {
    for (const p of SEED_PROCEDURES) {
      const bindings = Object.fromEntries(boundFields(p.eForm).map((f) => [f.key, f.binding]));
      expect(bindings).toMatchObject({ hoTen: 'citizen.fullName', soDinhDanh: 'citizen.personalId' });
      expect(p.eForm.fields.some((f) => f.required && !f.binding)).toBe(true);
    }
  });
});
