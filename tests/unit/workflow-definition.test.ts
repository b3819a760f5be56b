import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';
import {
  checkWorkflowDefinition,
  defaultWorkflowFor,
  requireWorkflowDefinition,
  type WorkflowProblem,
} from '../../subgraphs/procedures/workflow/workflow-definition';
import { longestPathHours } from '../../subgraphs/procedures/workflow/workflow-graph';
import { processingWorkingHours } from '../../subgraphs/procedures/workflow/processing-time';

type StepInput = Record<string, unknown>;
/** A step of 8 working hours unless `extra` says otherwise (in hours or in days). */
const step = (key: string, next: string[], extra: StepInput = {}): StepInput => ({
  key,
  name: `Bước ${key}`,
  role: 'SPECIALIST',
  ...('durationWorkingDays' in extra ? {} : { durationWorkingHours: 8 }),
  next,
  ...extra,
});

/** Tiếp nhận → thẩm định → (phê duyệt | trình sở) → trả kết quả: a diamond, 32 h on either branch. */
const valid = () => ({
  start: 'tiepNhan',
  steps: [
    step('tiepNhan', ['thamDinh'], { role: 'RECEPTION', durationWorkingDays: 0.5 }),
    step('thamDinh', ['pheDuyet', 'trinhSo'], { durationWorkingDays: 2 }),
    step('pheDuyet', ['traKetQua'], { role: 'LEADER', kind: 'APPROVAL' }),
    step('trinhSo', ['traKetQua'], { role: 'AGENCY_LEADER', kind: 'APPROVAL', durationWorkingHours: 12 }),
    step('traKetQua', [], { role: 'RESULT_RETURN', kind: 'RETURN_RESULT', durationWorkingHours: 4 }),
  ],
});

/** The problems of a definition; fails the test when it is accepted. */
function problems(value: unknown, maxWorkingHours?: number): WorkflowProblem[] {
  const checked = checkWorkflowDefinition(value, { maxWorkingHours });
  if (checked.ok) throw new Error('expected the definition to be rejected');
  return checked.problems;
}
const fields = (value: unknown, max?: number) => problems(value, max).map((p) => p.field);

describe('checkWorkflowDefinition accepts', () => {
  it('a DAG with one final step, normalising days to hours and kind to NORMAL', () => {
    const checked = checkWorkflowDefinition(valid(), { maxWorkingHours: 40 });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.workflow.steps.map((s) => [s.key, s.durationWorkingHours, s.kind])).toEqual([
      ['tiepNhan', 4, 'NORMAL'],
      ['thamDinh', 16, 'NORMAL'],
      ['pheDuyet', 8, 'APPROVAL'],
      ['trinhSo', 12, 'APPROVAL'],
      ['traKetQua', 4, 'RETURN_RESULT'],
    ]);
    expect(checked.workflow.steps[0]).not.toHaveProperty('durationWorkingDays');
  });

  it('several final steps (e.g. a refusal ends the flow early)', () => {
    const wf = valid();
    wf.steps[2] = step('pheDuyet', ['traKetQua', 'tuChoi'], { role: 'LEADER' });
    wf.steps.push(step('tuChoi', [], { role: 'RESULT_RETURN' }));
    expect(checkWorkflowDefinition(wf).ok).toBe(true);
  });
});

describe('checkWorkflowDefinition rejects, naming the field', () => {
  it('a cycle, at the edge that closes it', () => {
    const wf = valid();
    wf.steps[2] = step('pheDuyet', ['traKetQua', 'thamDinh'], { role: 'LEADER' }); // back to thamDinh
    const found = problems(wf);
    expect(found.map((p) => p.field)).toEqual(['steps[2].next[1]']);
    expect(found[0].message).toMatch(/cycle \(thamDinh → pheDuyet → thamDinh\)/);
  });

  it('a step that loops onto itself', () => {
    const wf = valid();
    wf.steps[4] = step('traKetQua', ['traKetQua']);
    // The loop is the only final step, so "no final step" comes too.
    expect(fields(wf)).toEqual(expect.arrayContaining(['steps[4].next[0]', 'steps']));
  });

  it('an unreachable step', () => {
    const wf = valid();
    wf.steps.push(step('xacMinh', ['traKetQua']));
    expect(fields(wf)).toEqual(['steps[5]']);
    expect(problems(wf)[0].message).toMatch(/xacMinh is not reachable from start/);
  });

  it('an unknown next step', () => {
    const wf = valid();
    wf.steps[1] = step('thamDinh', ['pheDuyet', 'trinhSo', 'phoiHop']);
    expect(fields(wf)).toEqual(['steps[1].next[2]']);
    expect(problems(wf)[0].message).toMatch(/phoiHop/);
  });

  it('no final step', () => {
    const wf = { start: 'a', steps: [step('a', ['b']), step('b', ['a'])] };
    const found = problems(wf);
    expect(found.map((p) => p.field)).toEqual(expect.arrayContaining(['steps[1].next[0]', 'steps']));
    expect(found.find((p) => p.field === 'steps')!.message).toMatch(/no final step/);
  });

  it('a branch that never reaches a final step', () => {
    const wf = valid();
    wf.steps[3] = step('trinhSo', ['vongLap']);
    wf.steps.push(step('vongLap', ['trinhSo']));
    expect(fields(wf)).toEqual(expect.arrayContaining(['steps[5].next[0]', 'steps[3]', 'steps[5]']));
  });

  it('a longest path longer than the processing time, naming the path', () => {
    const found = problems(valid(), 35);
    expect(found.map((p) => p.field)).toEqual(['steps']);
    expect(found[0].message).toMatch(/tiepNhan → thamDinh → trinhSo → traKetQua\) takes 36 working hours.*35/);
    expect(checkWorkflowDefinition(valid(), { maxWorkingHours: 36 }).ok).toBe(true);
  });

  it('duplicate keys, an unknown start, unknown roles and kinds, bad durations', () => {
    const wf = valid();
    wf.start = 'batDau';
    wf.steps[1] = step('thamDinh', ['pheDuyet', 'trinhSo'], { role: 'JANITOR', kind: 'PARTY' });
    wf.steps[2] = step('pheDuyet', ['traKetQua'], { durationWorkingHours: 0 });
    wf.steps[3] = step('tiepNhan', ['traKetQua']); // same key as steps[0]
    wf.steps.push(step('haiThoiHan', [], { durationWorkingHours: 2, durationWorkingDays: 1 }));
    wf.steps.push(step('khongThoiHan', [], { durationWorkingHours: undefined }));
    wf.steps.push(step('1sai', [], { next: 'traKetQua', color: 'red' }));
    expect(fields(wf)).toEqual([
      'steps[1].role',
      'steps[1].kind',
      'steps[2].durationWorkingHours',
      'steps[5].durationWorkingHours',
      'steps[6].durationWorkingHours',
      'steps[7].color',
      'steps[7].key',
      'steps[7].next',
      'steps[3].key',
      'start',
    ]);
  });

  it('an empty or missing step list, and a non-object', () => {
    expect(fields({ start: 'a', steps: [] })).toEqual(['steps']);
    expect(fields({ start: 'a' })).toEqual(['steps']);
    expect(fields('tiepNhan')).toEqual(['(workflow)']);
  });
});

describe('requireWorkflowDefinition', () => {
  it('throws one INVALID_WORKFLOW listing every problem in details', () => {
    const wf = valid();
    wf.steps[1] = step('thamDinh', ['pheDuyet', 'trinhSo', 'phoiHop']);
    wf.steps.push(step('xacMinh', ['traKetQua']));
    let error: unknown;
    try {
      requireWorkflowDefinition(wf);
    } catch (err) {
      error = err;
    }
    expect(hasErrorCode(error, ErrorCode.INVALID_WORKFLOW)).toBe(true);
    const ext = (error as { extensions: Record<string, any> }).extensions;
    expect(ext.field).toBe('steps[1].next[2]');
    expect(ext.problems.map((p: WorkflowProblem) => p.field)).toEqual(['steps[1].next[2]', 'steps[5]']);
    expect(ext.messages.vi).toMatch(/Quy trình không hợp lệ \(2 lỗi\)/);
  });
});

describe('longestPathHours and defaultWorkflowFor', () => {
  it('finds the longest branch of a diamond', () => {
    const checked = checkWorkflowDefinition(valid());
    if (!checked.ok) throw new Error('valid workflow rejected');
    expect(longestPathHours(checked.workflow)).toEqual({
      hours: 36,
      path: ['tiepNhan', 'thamDinh', 'trinhSo', 'traKetQua'],
    });
  });

  it.each([0, 1, 3, 7, 15, 20])('gives a valid four-step workflow filling %i working days', (days) => {
    const wf = defaultWorkflowFor(days);
    const limit = processingWorkingHours({ processingDays: days });
    const checked = checkWorkflowDefinition(wf, { maxWorkingHours: limit });
    expect(checked.ok).toBe(true);
    expect(wf.steps.map((s) => s.role)).toEqual(['RECEPTION', 'SPECIALIST', 'LEADER', 'RESULT_RETURN']);
    expect(longestPathHours(wf).hours).toBe(Math.max(days, 1) * 8);
    for (const s of wf.steps) expect(s.durationWorkingHours).toBeGreaterThan(0);
  });

  it('rejects a negative processing time', () => {
    expect(() => defaultWorkflowFor(-1)).toThrow(RangeError);
  });
});

describe('processingWorkingHours', () => {
  it('prefers the default case of processingTimes, in hours or days', () => {
    expect(processingWorkingHours({ processingDays: 3 })).toBe(24);
    expect(processingWorkingHours({ processingDays: 0 })).toBe(8);
    const withCases = (cases: unknown) => ({ processingDays: 9, processingTimes: cases }) as { processingDays: number };
    expect(processingWorkingHours(withCases([{ workingHours: 4 }, { workingDays: 10 }]))).toBe(4);
    expect(processingWorkingHours(withCases([{ workingDays: 2 }]))).toBe(16);
  });
});
