/**
 * A procedure's internal workflow (quy trình nội bộ, seed 002): the steps a dossier goes through
 * between reception and the return of the result, who performs each, in which order and in how many
 * working hours. {@link checkWorkflowDefinition} is the one validator; stored definitions are read
 * back through {@link parseWorkflowDefinition}.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import { graphProblems, longestPathHours } from './workflow-graph';

/**
 * Who performs a step (seed 002: bộ phận tiếp nhận và trả kết quả, phòng ban chuyên môn, lãnh đạo).
 * The documented list; the dossiers subgraph assigns each step to officials holding the role.
 */
export const WorkflowRole = {
  /** Bộ phận tiếp nhận và trả kết quả (một cửa): receives and checks the dossier. */
  RECEPTION: 'RECEPTION',
  /** Chuyên viên thụ lý of the specialised department: examines the dossier, drafts the result. */
  SPECIALIST: 'SPECIALIST',
  /** Lãnh đạo phòng chuyên môn: reviews the draft. */
  LEADER: 'LEADER',
  /** Lãnh đạo cơ quan (UBND xã/tỉnh, sở): signs the result. */
  AGENCY_LEADER: 'AGENCY_LEADER',
  /** Cơ quan phối hợp (một cửa liên thông): another agency's share of the work. */
  COORDINATING_AGENCY: 'COORDINATING_AGENCY',
  /** Văn thư: numbers, seals and registers the signed result. */
  CLERK: 'CLERK',
  /** Bộ phận trả kết quả: hands the result to the citizen. */
  RESULT_RETURN: 'RESULT_RETURN',
} as const;
export type WorkflowRole = (typeof WorkflowRole)[keyof typeof WorkflowRole];

/** What a step is for; the dossiers subgraph treats APPROVAL and RETURN_RESULT steps specially. */
export const WorkflowStepKind = {
  NORMAL: 'NORMAL',
  /** A decision: approve, or refuse with reasons. */
  APPROVAL: 'APPROVAL',
  /** The result is handed over; the dossier is done. */
  RETURN_RESULT: 'RETURN_RESULT',
} as const;
export type WorkflowStepKind = (typeof WorkflowStepKind)[keyof typeof WorkflowStepKind];

/** Working hours in a working day (8:00–12:00, 13:00–17:00). */
export const HOURS_PER_WORKING_DAY = 8;

export interface WorkflowStep {
  /** Unique within the workflow, e.g. `tiep_nhan`. */
  key: string;
  /** Name shown to officials, in Vietnamese. */
  name: string;
  role: WorkflowRole;
  /** @default "NORMAL" */
  kind: WorkflowStepKind;
  /** Time allowed for the step, in working hours (input in days is converted at 8 hours a day). */
  durationWorkingHours: number;
  /** Keys of the steps that may follow; empty for a final step. */
  next: string[];
}

export interface WorkflowDefinition {
  /** Key of the first step. */
  start: string;
  steps: WorkflowStep[];
}

/** One problem of a definition, named the way a form shows it, e.g. `steps[2].next[0]`. */
export interface WorkflowProblem {
  field: string;
  message: string;
}

export interface WorkflowCheckOptions {
  /** Statutory processing time the longest path must fit in, in working hours. @default unlimited */
  maxWorkingHours?: number;
}

export type WorkflowCheck = { ok: true; workflow: WorkflowDefinition } | { ok: false; problems: WorkflowProblem[] };

export const STEP_KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** Most steps a workflow may have; real ones have under twenty. */
export const MAX_STEPS = 100;
const STEP_PROPERTIES = new Set(['key', 'name', 'role', 'kind', 'durationWorkingHours', 'durationWorkingDays', 'next']);
const ROLES = new Set<string>(Object.values(WorkflowRole));
const KINDS = new Set<string>(Object.values(WorkflowStepKind));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Checks one step's own properties; returns it normalised when they hold. */
function checkStep(raw: unknown, at: string, problems: WorkflowProblem[]): WorkflowStep | null {
  if (!isRecord(raw)) {
    problems.push({ field: at, message: 'must be an object' });
    return null;
  }
  const before = problems.length;
  const problem = (name: string, message: string) => problems.push({ field: `${at}.${name}`, message });
  for (const name of Object.keys(raw)) if (!STEP_PROPERTIES.has(name)) problem(name, 'is not a property of a workflow step');
  const { key, name, role, kind, durationWorkingHours: hours, durationWorkingDays: days, next } = raw;

  if (typeof key !== 'string' || !STEP_KEY.test(key)) problem('key', `must match ${STEP_KEY.source}`);
  if (typeof name !== 'string' || name.trim() === '') problem('name', 'must be non-empty text');
  if (typeof role !== 'string' || !ROLES.has(role)) problem('role', `must be one of ${[...ROLES].join(', ')}`);
  if (present(kind) && (typeof kind !== 'string' || !KINDS.has(kind))) problem('kind', `must be one of ${[...KINDS].join(', ')}`);
  if (present(hours) && present(days)) problem('durationWorkingHours', 'give the duration in hours or in days, not both');
  else if (present(hours)) {
    if (!positive(hours)) problem('durationWorkingHours', 'must be a positive number of working hours');
  } else if (present(days)) {
    if (!positive(days)) problem('durationWorkingDays', 'must be a positive number of working days');
  } else problem('durationWorkingHours', 'is required (or durationWorkingDays)');
  if (!Array.isArray(next)) problem('next', 'must list the keys of the following steps ([] for a final step)');
  else {
    next.forEach((target: unknown, j: number) => {
      if (typeof target !== 'string') problem(`next[${j}]`, 'must be a step key');
    });
    if (new Set(next).size !== next.length) problem('next', 'must not name a step twice');
  }
  if (problems.length > before) return null;
  return {
    key: key as string,
    name: name as string,
    role: role as WorkflowRole,
    kind: (kind ?? 'NORMAL') as WorkflowStepKind,
    durationWorkingHours: present(hours) ? (hours as number) : (days as number) * HOURS_PER_WORKING_DAY,
    next: [...(next as string[])],
  };
}

/**
 * Checks a workflow definition and reports every problem at once: each step's own rules, unique
 * keys, `start` and every `next` naming a step, no step unreachable from `start`, no cycle (returning
 * a dossier for supplements is a status, not an edge), at least one final step and every path ending
 * at one, and the longest path fitting the statutory processing time.
 */
export function checkWorkflowDefinition(value: unknown, options: WorkflowCheckOptions = {}): WorkflowCheck {
  if (!isRecord(value)) return { ok: false, problems: [{ field: '(workflow)', message: 'must be an object' }] };
  const problems: WorkflowProblem[] = [];
  for (const name of Object.keys(value)) {
    if (name !== 'start' && name !== 'steps') problems.push({ field: name, message: 'is not a property of a workflow' });
  }
  if (!Array.isArray(value.steps) || value.steps.length === 0) {
    problems.push({ field: 'steps', message: 'must list at least one step' });
    return { ok: false, problems };
  }
  if (value.steps.length > MAX_STEPS) {
    problems.push({ field: 'steps', message: `must list at most ${MAX_STEPS} steps` });
    return { ok: false, problems };
  }
  const steps = value.steps.map((raw: unknown, i: number) => checkStep(raw, `steps[${i}]`, problems));
  const seen = new Map<string, number>();
  steps.forEach((step, i) => {
    if (!step) return;
    const first = seen.get(step.key);
    if (first !== undefined) problems.push({ field: `steps[${i}].key`, message: `duplicate key ${step.key} (also steps[${first}])` });
    else seen.set(step.key, i);
  });
  if (typeof value.start !== 'string' || !seen.has(value.start)) {
    problems.push({ field: 'start', message: `must be the key of a step (got ${JSON.stringify(value.start ?? null)})` });
  }
  // The graph checks need every step well-formed: a broken step would only add confusing echoes.
  if (problems.length > 0) return { ok: false, problems };

  const workflow: WorkflowDefinition = { start: value.start as string, steps: steps as WorkflowStep[] };
  problems.push(...graphProblems(workflow));
  if (problems.length === 0 && options.maxWorkingHours !== undefined) {
    const { hours, path } = longestPathHours(workflow);
    // Durations such as 0.1 day add up with binary rounding; a millihour is far below any real step.
    if (hours > options.maxWorkingHours + 1e-3) {
      problems.push({
        field: 'steps',
        message:
          `the longest path (${path.join(' → ')}) takes ${hours} working hours, more than the ` +
          `procedure's processing time of ${options.maxWorkingHours} working hours`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, workflow };
}

/** The INVALID_WORKFLOW error for these problems; `details.field` is the first, `details.problems` all. */
export function invalidWorkflow(problems: WorkflowProblem[]): LienthongError {
  const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new LienthongError(ErrorCode.INVALID_WORKFLOW, {
    vi: `Quy trình không hợp lệ (${problems.length} lỗi): ${list}`,
    en: `The workflow definition is not valid (${problems.length} problem(s)): ${list}`,
    details: { field: problems[0]?.field, problems },
  });
}

/** Checks operator input: the normalised definition, or INVALID_WORKFLOW listing every problem. */
export function requireWorkflowDefinition(value: unknown, options: WorkflowCheckOptions = {}): WorkflowDefinition {
  const checked = checkWorkflowDefinition(value, options);
  if (!checked.ok) throw invalidWorkflow(checked.problems);
  return checked.workflow;
}

/** Reads a stored definition back; a stored definition that fails is a data fault and throws. */
export function parseWorkflowDefinition(value: unknown, where = 'workflow'): WorkflowDefinition {
  const checked = checkWorkflowDefinition(value);
  if (!checked.ok) throw new Error(`Invalid ${where}: ${checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return checked.workflow;
}

/**
 * A sensible workflow for a procedure that has none defined: reception → specialist → leader →
 * return of the result, within `processingDays` working days. Reception and return take a share of
 * the time, the specialist most of it, the leader a fifth (seed 002's usual split); a same-day
 * procedure (0 days) gets one working day.
 */
export function defaultWorkflowFor(processingDays: number): WorkflowDefinition {
  if (!Number.isFinite(processingDays) || processingDays < 0) {
    throw new RangeError(`processingDays must be ≥ 0 (got ${processingDays})`);
  }
  const total = Math.max(processingDays, 1) * HOURS_PER_WORKING_DAY;
  // Quarter hours: fine enough for a schedule, and the four parts add up to the total exactly.
  const quarter = (h: number) => Math.floor(h * 4) / 4;
  const reception = quarter(total * 0.1);
  const returnResult = quarter(total * 0.1);
  const leader = quarter(total * 0.2);
  const specialist = total - reception - returnResult - leader;
  const step = (key: string, name: string, role: WorkflowRole, kind: WorkflowStepKind, hours: number, next: string[]) => ({
    key,
    name,
    role,
    kind,
    durationWorkingHours: hours,
    next,
  });
  return {
    start: 'tiep_nhan',
    steps: [
      step('tiep_nhan', 'Tiếp nhận và kiểm tra hồ sơ', 'RECEPTION', 'NORMAL', reception, ['tham_dinh']),
      step('tham_dinh', 'Chuyên viên thẩm định, dự thảo kết quả', 'SPECIALIST', 'NORMAL', specialist, ['phe_duyet']),
      step('phe_duyet', 'Lãnh đạo xem xét, phê duyệt', 'LEADER', 'APPROVAL', leader, ['tra_ket_qua']),
      step('tra_ket_qua', 'Trả kết quả cho công dân', 'RESULT_RETURN', 'RETURN_RESULT', returnResult, []),
    ],
  };
}
