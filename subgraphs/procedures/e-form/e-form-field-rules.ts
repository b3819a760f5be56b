/**
 * The rules one e-form field definition must follow (seed 003: typed, validated, optionally bound to
 * data the state holds). Kept apart from the form-level checks so that each rule reads as one line.
 */
import { isSourcePath, type SourcePath } from '../../shared/source-paths';
import type { EFormFieldDefinition, EFormFieldType } from './e-form-definition';

/** One problem of a definition, named the way a portal shows it, e.g. `fields[2].binding`. */
export interface DefinitionProblem {
  field: string;
  message: string;
}

const FIELD_TYPES = {
  TEXT: true,
  DATE: true,
  NUMBER: true,
  SELECT: true,
  PERSONAL_ID: true,
  PHONE: true,
  EMAIL: true,
} satisfies Record<EFormFieldType, true>;

export const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** Longest accepted `pattern`: a form rule, not a program. */
export const PATTERN_MAX_LENGTH = 200;

/** Sex as the population database writes it (see SOURCE_PATHS): a SELECT bound to it must offer both. */
const SEX_VALUES = ['Nam', 'Nữ'];

/**
 * Field types a source path can fill. A prefilled value that its own field rejects would stop the
 * citizen at submission for data they cannot change, so the pairing is checked when the form is defined.
 */
export const BINDING_FIELD_TYPES: Record<SourcePath, readonly EFormFieldType[]> = {
  'citizen.personalId': ['PERSONAL_ID', 'TEXT'],
  'citizen.fullName': ['TEXT'],
  'citizen.dateOfBirth': ['DATE'],
  'citizen.sex': ['SELECT', 'TEXT'],
  'citizen.ethnicity': ['TEXT', 'SELECT'],
  'citizen.nationality': ['TEXT', 'SELECT'],
  'citizen.hometown': ['TEXT'],
  'citizen.permanentAddress': ['TEXT'],
  'citizen.currentAddress': ['TEXT'],
  'organization.taxCode': ['TEXT'],
  'organization.name': ['TEXT'],
  'organization.englishName': ['TEXT'],
  'organization.legalForm': ['TEXT', 'SELECT'],
  'organization.headOfficeAddress': ['TEXT'],
  'organization.legalRepresentative': ['TEXT'],
  'organization.registrationDate': ['DATE'],
  'organization.status': ['TEXT', 'SELECT'],
};

const FIELD_PROPERTIES = new Set([
  'key', 'label', 'type', 'required', 'binding', 'options', 'pattern',
  'minLength', 'maxLength', 'min', 'max', 'minDate', 'maxDate',
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 2023-02-29). */
export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date bound is a real date or the word `today`. */
export const isDateBound = (v: unknown): v is string => typeof v === 'string' && (v === 'today' || isRealDate(v));

/**
 * Why a pattern is refused, or null when it is acceptable. Besides compiling (with the `u` flag, as
 * `validateFormData` runs it), a pattern must not invite catastrophic backtracking on a citizen's
 * input: no back-references and no repeated group that itself holds an unbounded repeat (`(a+)+`,
 * `(\d*)*`). A heuristic, deliberately strict: write `(-[0-9]{3})*` rather than `(-[0-9]+)*`.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > PATTERN_MAX_LENGTH) return `must be at most ${PATTERN_MAX_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'must be a valid regular expression';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use back-references (slow on long input)';
  if (hasNestedRepeat(pattern)) return 'must not repeat a group that holds an unbounded repeat (catastrophic backtracking)';
  return null;
}

/** Length of the quantifier at `i` (0 when none) and whether it is unbounded. */
function quantifierAt(p: string, i: number): { length: number; unbounded: boolean; repeats: boolean } {
  const c = p[i];
  if (c === '*' || c === '+') return { length: 1, unbounded: true, repeats: true };
  if (c === '?') return { length: 1, unbounded: false, repeats: false };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
  if (!braces) return { length: 0, unbounded: false, repeats: false };
  const unbounded = braces[2] !== undefined && braces[3] === '';
  const max = unbounded ? Infinity : Number(braces[3] ?? braces[1]);
  return { length: braces[0].length, unbounded, repeats: max > 1 };
}

function hasNestedRepeat(p: string): boolean {
  const groups: boolean[] = []; // per open group: does it hold an unbounded repeat?
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      const q = quantifierAt(p, i + 1);
      if (inner && q.repeats) return true;
      if ((inner || q.unbounded) && groups.length > 0) groups[groups.length - 1] = true;
      i += q.length;
    } else {
      const q = quantifierAt(p, i);
      if (q.unbounded && groups.length > 0) groups[groups.length - 1] = true;
      i += Math.max(q.length - 1, 0);
    }
  }
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;
const isCount = (v: unknown, least: number): v is number => Number.isInteger(v) && (v as number) >= least;

/**
 * Checks one field at `at` (e.g. `fields[3]`). Returns the normalised field (null/absent rules left
 * out) when its own rules hold, and every problem found.
 */
export function collectFieldProblems(
  raw: unknown,
  at: string,
): { field: EFormFieldDefinition | null; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const problem = (name: string, message: string) => problems.push({ field: `${at}.${name}`, message });
  if (!isRecord(raw)) return { field: null, problems: [{ field: at, message: 'must be an object' }] };

  for (const name of Object.keys(raw)) if (!FIELD_PROPERTIES.has(name)) problem(name, 'is not a property of an e-form field');
  const { key, label, type, required, binding, options, pattern, minLength, maxLength, min, max, minDate, maxDate } = raw;

  if (typeof key !== 'string' || !FIELD_KEY.test(key)) problem('key', `must match ${FIELD_KEY.source} (letters, digits, _)`);
  if (typeof label !== 'string' || label.trim() === '') problem('label', 'must be non-empty text');
  const typeKnown = typeof type === 'string' && Object.hasOwn(FIELD_TYPES, type);
  if (!typeKnown) problem('type', `must be one of ${Object.keys(FIELD_TYPES).join(', ')}`);
  if (typeof required !== 'boolean') problem('required', 'must be true or false');
  const t = type as EFormFieldType;

  if (present(options)) {
    if (typeKnown && t !== 'SELECT') problem('options', 'only a SELECT field has options');
    else if (!Array.isArray(options) || options.length === 0 || !options.every((o) => typeof o === 'string' && o.trim() !== '')) {
      problem('options', 'must list at least one non-empty option');
    } else if (new Set(options).size !== options.length) problem('options', 'must not repeat an option');
  } else if (t === 'SELECT') problem('options', 'a SELECT field needs options');

  if (present(binding)) {
    if (typeof binding !== 'string' || !isSourcePath(binding)) {
      problem('binding', 'must be one of SOURCE_PATHS (e.g. citizen.fullName)');
    } else if (typeKnown) {
      const allowed = BINDING_FIELD_TYPES[binding];
      if (!allowed.includes(t)) problem('binding', `${binding} fills a field of type ${allowed.join(' or ')}, not ${t}`);
      else if (binding === 'citizen.sex' && t === 'SELECT' && Array.isArray(options) && !SEX_VALUES.every((s) => options.includes(s))) {
        problem('options', `a SELECT bound to citizen.sex must offer ${SEX_VALUES.join(' and ')}`);
      }
    }
  }

  if (present(pattern)) {
    const why = typeof pattern === 'string' ? patternProblem(pattern) : 'must be a regular expression';
    if (why) problem('pattern', why);
  }

  const lengthApplies = !typeKnown || (t !== 'DATE' && t !== 'SELECT');
  if (present(minLength)) {
    if (!isCount(minLength, 0)) problem('minLength', 'must be a whole number ≥ 0');
    else if (!lengthApplies) problem('minLength', `has no meaning for a ${t} field`);
  }
  if (present(maxLength)) {
    if (!isCount(maxLength, 1)) problem('maxLength', 'must be a whole number ≥ 1');
    else if (!lengthApplies) problem('maxLength', `has no meaning for a ${t} field`);
  }
  if (isCount(minLength, 0) && isCount(maxLength, 1) && minLength > maxLength) problem('minLength', 'must not exceed maxLength');

  for (const [name, bound] of [['min', min], ['max', max]] as const) {
    if (!present(bound)) continue;
    if (typeof bound !== 'number' || !Number.isFinite(bound)) problem(name, 'must be a finite number');
    else if (typeKnown && t !== 'NUMBER') problem(name, 'only a NUMBER field has min/max (DATE uses minDate/maxDate)');
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) problem('min', 'must not exceed max');

  for (const [name, bound] of [['minDate', minDate], ['maxDate', maxDate]] as const) {
    if (!present(bound)) continue;
    if (!isDateBound(bound)) problem(name, 'must be a real date YYYY-MM-DD or "today"');
    else if (typeKnown && t !== 'DATE') problem(name, 'only a DATE field has minDate/maxDate');
  }
  if (isRealDate(String(minDate)) && isRealDate(String(maxDate)) && String(minDate) > String(maxDate)) {
    problem('minDate', 'must not be after maxDate');
  }

  if (problems.length > 0) return { field: null, problems };
  const field: EFormFieldDefinition = { key: key as string, label: label as string, type: t, required: required as boolean };
  const optional = { binding, options, pattern, minLength, maxLength, min, max, minDate, maxDate };
  for (const [name, value] of Object.entries(optional)) {
    if (present(value)) (field as unknown as Record<string, unknown>)[name] = value;
  }
  return { field, problems };
}
