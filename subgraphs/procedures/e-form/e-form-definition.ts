/**
 * The e-form (tờ khai điện tử, seed 003) of a procedure: typed fields, validation rules, and optional
 * bindings to data the state already holds. Everything that reads a stored definition goes through
 * {@link parseEFormDefinition}, and everything an operator sends goes through
 * {@link checkEFormDefinition}, so the rest of the hub works with a checked definition rather than
 * loose JSON.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { SourcePath } from '../../shared/source-paths';
import { collectFieldProblems, type DefinitionProblem } from './e-form-field-rules';

export type { DefinitionProblem } from './e-form-field-rules';

/** Kinds of e-form field; each has its own check in `validateFormData`. */
export const EFormFieldType = {
  TEXT: 'TEXT',
  DATE: 'DATE',
  NUMBER: 'NUMBER',
  SELECT: 'SELECT',
  PERSONAL_ID: 'PERSONAL_ID',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
} as const;
export type EFormFieldType = (typeof EFormFieldType)[keyof typeof EFormFieldType];

/** A date bound: a calendar date `YYYY-MM-DD`, or `today` (Vietnam time, when the data is checked). */
export type DateBound = string;

export interface EFormFieldDefinition {
  /** Key of the value in the submitted form data (e.g. `hoTen`): `^[a-zA-Z][a-zA-Z0-9_]*$`. */
  key: string;
  /** Label shown to the citizen, in Vietnamese. */
  label: string;
  type: EFormFieldType;
  required: boolean;
  /** Source path the value is prefilled from (a key of SOURCE_PATHS). @default none */
  binding?: SourcePath;
  /** Allowed values of a SELECT field (only SELECT). */
  options?: string[];
  /** Regular expression the whole value must match (anchored, like HTML's `pattern`). @default none */
  pattern?: string;
  /** Shortest accepted value, in characters. @default 0 */
  minLength?: number;
  /** Longest accepted value, in characters. @default unlimited */
  maxLength?: number;
  /** Smallest accepted value of a NUMBER field (inclusive). @default unbounded */
  min?: number;
  /** Largest accepted value of a NUMBER field (inclusive). @default unbounded */
  max?: number;
  /** Earliest accepted value of a DATE field (inclusive). @default unbounded */
  minDate?: DateBound;
  /** Latest accepted value of a DATE field (inclusive), e.g. `today` for a date of birth. @default unbounded */
  maxDate?: DateBound;
}

export interface EFormDefinition {
  /** Form code, e.g. the template number of the circular that defines it. */
  code: string;
  title: string;
  fields: EFormFieldDefinition[];
}

export type EFormCheck = { ok: true; form: EFormDefinition } | { ok: false; problems: DefinitionProblem[] };

const FORM_KEYS = new Set(['code', 'title', 'fields']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks an e-form definition and normalises it (absent or null rules are left out). Reports every
 * problem at once, each naming its place the way a portal shows it, e.g. `fields[2].binding`.
 */
export function checkEFormDefinition(value: unknown): EFormCheck {
  if (!isRecord(value)) return { ok: false, problems: [{ field: '(form)', message: 'must be an object' }] };
  const problems: DefinitionProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!FORM_KEYS.has(key)) problems.push({ field: key, message: 'is not a property of an e-form' });
  }
  if (!nonEmptyText(value.code)) problems.push({ field: 'code', message: 'must be non-empty text' });
  if (!nonEmptyText(value.title)) problems.push({ field: 'title', message: 'must be non-empty text' });

  const fields: EFormFieldDefinition[] = [];
  if (!Array.isArray(value.fields) || value.fields.length === 0) {
    problems.push({ field: 'fields', message: 'must list at least one field' });
  } else {
    const seen = new Map<string, number>();
    value.fields.forEach((raw: unknown, i: number) => {
      const { field, problems: found } = collectFieldProblems(raw, `fields[${i}]`);
      problems.push(...found);
      if (!field) return;
      const first = seen.get(field.key);
      if (first !== undefined) {
        problems.push({ field: `fields[${i}].key`, message: `duplicate key ${field.key} (also fields[${first}])` });
      } else {
        seen.set(field.key, i);
      }
      fields.push(field);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, form: { code: value.code as string, title: value.title as string, fields } };
}

/**
 * Checks and normalises a stored e-form definition. Throws an `Error` naming every problem: a bad
 * stored definition is a catalogue bug, not user input (input goes through {@link requireEFormDefinition}).
 */
export function parseEFormDefinition(value: unknown, where = 'e-form'): EFormDefinition {
  const checked = checkEFormDefinition(value);
  if (!checked.ok) {
    throw new Error(`Invalid ${where}: ${checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
  return checked.form;
}

/** The INVALID_EFORM error for these problems; `details.field` is the first, `details.problems` all. */
export function invalidEForm(problems: DefinitionProblem[]): LienthongError {
  const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new LienthongError(ErrorCode.INVALID_EFORM, {
    vi: `Biểu mẫu điện tử không hợp lệ (${problems.length} lỗi): ${list}`,
    en: `The e-form definition is not valid (${problems.length} problem(s)): ${list}`,
    details: { field: problems[0]?.field, problems },
  });
}

/** Checks operator input: the normalised definition, or INVALID_EFORM listing every problem. */
export function requireEFormDefinition(value: unknown): EFormDefinition {
  const checked = checkEFormDefinition(value);
  if (!checked.ok) throw invalidEForm(checked.problems);
  return checked.form;
}

/** Fields prefilled from a source path, in form order. */
export function boundFields(form: EFormDefinition): Array<EFormFieldDefinition & { binding: SourcePath }> {
  return form.fields.filter((f): f is EFormFieldDefinition & { binding: SourcePath } => f.binding !== undefined);
}
