import { SEED_PROCEDURES, parseProcedureInput } from '../../subgraphs/procedures';

/** A valid input (a seed entry as plain JSON) to break one rule at a time. */
const valid = () => JSON.parse(JSON.stringify(SEED_PROCEDURES.find((p) => p.code === '2.001417')));

function problemsOf(change: (input: any) => void): Array<{ field: string; message: string }> {
  const input = valid();
  change(input);
  const result = parseProcedureInput(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const fieldsOf = (change: (input: any) => void) => problemsOf(change).map((p) => p.field);

describe('parseProcedureInput', () => {
  it('accepts a complete procedure and derives the default-case totals', () => {
    const input = valid();
    input.processingTimes = [{ caseCode: 'GIO', caseName: 'Trong giờ', workingHours: 12 }, { caseCode: 'NGAY', caseName: 'Khác', workingDays: 30 }];
    input.fees = [{ caseCode: 'A', caseName: 'A', amountVnd: 15000 }, { caseCode: 'B', caseName: 'B', amountVnd: 0 }];
    const result = parseProcedureInput(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toMatchObject({ processingDays: 2, feeVnd: 15000 });
    expect(result.record.legalBasis).toEqual(input.details.legalBases.map((l: { title: string }) => l.title));
  });

  it.each([
    ['1.001193', true],
    ['1.004222.000.00.00.H26', true],
    ['1.00119', false],
    ['11.001193', false],
    ['1.001193.000.00.00.h26', false],
    ['', false],
  ])('checks the national code format of %p', (code, ok) => {
    expect(parseProcedureInput({ ...valid(), code }).ok).toBe(ok);
  });

  it.each<[string, (i: any) => void, string]>([
    ['online level above 4', (i) => (i.onlineLevel = 5), 'onlineLevel'],
    ['online level 0', (i) => (i.onlineLevel = 0), 'onlineLevel'],
    ['fully online below level 4', (i) => ((i.onlineLevel = 3), (i.fullOnline = true)), 'fullOnline'],
    ['a fractional fee', (i) => (i.fees[0].amountVnd = 1000.5), 'fees[0].amountVnd'],
    ['a negative fee', (i) => (i.fees[1].amountVnd = -5), 'fees[1].amountVnd'],
    ['no fee case', (i) => (i.fees = []), 'fees'],
    ['no processing time', (i) => (i.processingTimes = []), 'processingTimes'],
    ['days and hours together', (i) => (i.processingTimes[0].workingHours = 4), 'processingTimes[0].workingDays'],
    ['a duplicate case code', (i) => (i.processingTimes[1].caseCode = i.processingTimes[0].caseCode), 'processingTimes[1].caseCode'],
    ['a component count of 0', (i) => (i.details.components[0].count = 0), 'details.components[0].count'],
    ['an unknown component kind', (i) => (i.details.components[1].kind = 'PHOTO'), 'details.components[1].kind'],
    ['a gap in step orders', (i) => (i.details.steps[2].order = 4), 'details.steps[2].order'],
    ['steps not starting at 1', (i) => (i.details.steps[0].order = 0), 'details.steps[0].order'],
    ['no steps', (i) => (i.details.steps = []), 'details.steps'],
    ['no reception place', (i) => (i.details.receptionPlaces = []), 'details.receptionPlaces'],
    ['a level-4 service not offered online', (i) => (i.details.methods = ['IN_PERSON']), 'details.methods'],
    ['a malformed deciding agency', (i) => (i.details.agencies.deciding = 'So Tu phap'), 'details.agencies.deciding'],
    ['a form without an http(s) link', (i) => (i.details.forms[0].templateUrl = 'ftp://x/y.doc'), 'details.forms[0].templateUrl'],
    ['no legal basis', (i) => (i.details.legalBases = []), 'details.legalBases'],
    ['a legal basis issued on a non-date', (i) => (i.details.legalBases[0].issuedOn = '2024-02-30'), 'details.legalBases[0].issuedOn'],
    ['handling levels without the implementation level', (i) => (i.details.handlingLevels = ['COMMUNE']), 'details.handlingLevels'],
    ['no subject', (i) => (i.subjects = []), 'subjects'],
    ['a cut-off hour of 24', (i) => (i.cutoffHour = 24), 'cutoffHour'],
    ['an unknown key', (i) => (i.lePhi = 1), 'lePhi'],
    ['an unknown nested key', (i) => (i.details.steps[0].note = 'x'), 'details.steps[0].note'],
    ['a malformed agency code', (i) => (i.agencyCode = '12.H26'), 'agencyCode'],
    ['an e-form without fields', (i) => (i.eForm.fields = []), 'eForm'],
  ])('reports %s at its field', (_what, change, field) => {
    expect(fieldsOf(change).some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`))).toBe(true);
  });

  it('reports every problem at once, never throws on junk', () => {
    const fields = fieldsOf((i) => {
      i.code = 'x';
      i.onlineLevel = 9;
      i.details.steps[1].order = 7;
    });
    expect(fields).toEqual(expect.arrayContaining(['code', 'onlineLevel', 'details.steps[1].order']));
    for (const junk of [null, undefined, 42, 'thủ tục', [], {}]) {
      const result = parseProcedureInput(junk);
      expect(result.ok).toBe(false);
    }
  });
});
