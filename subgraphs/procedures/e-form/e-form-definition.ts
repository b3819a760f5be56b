/**
 * The e-form (tờ khai điện tử, seed 003) of a procedure as stored in the `procedure.e_form` JSON
 * column: typed fields, validation rules, and optional bindings to data the state already holds.
 * Everything that reads the column goes through {@link parseEFormDefinition}, so the rest of the hub
 * works with a checked definition rather than loose JSON.
 */
import { z } from 'zod';
import { isSourcePath, type SourcePath } from '../../shared/source-paths';

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

export interface EFormFieldDefinition {
  /** Key of the value in the submitted form data (e.g. `hoTen`). */
  key: string;
  /** Label shown to the citizen, in Vietnamese. */
  label: string;
  type: EFormFieldType;
  required: boolean;
  /** Source path the value is prefilled from (a key of SOURCE_PATHS). @default none */
  binding?: SourcePath;
  /** Allowed values of a SELECT field. */
  options?: string[];
  /** Regular expression the whole value must match (anchored, like HTML's `pattern`). @default none */
  pattern?: string;
  /** Longest accepted value, in characters. @default unlimited */
  maxLength?: number;
}

export interface EFormDefinition {
  /** Form code, e.g. the template number of the circular that defines it. */
  code: string;
  title: string;
  fields: EFormFieldDefinition[];
}

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const fieldSchema = z
  .strictObject({
    key: z.string().regex(FIELD_KEY, 'must be an identifier (letters, digits, _)'),
    label: z.string().min(1),
    type: z.enum(Object.values(EFormFieldType) as [EFormFieldType, ...EFormFieldType[]]),
    required: z.boolean(),
    binding: z
      .string()
      .refine(isSourcePath, 'must be one of SOURCE_PATHS')
      .optional()
      .nullable()
      .transform((b) => (b ?? undefined) as SourcePath | undefined),
    options: z.array(z.string().min(1)).min(1).optional().nullable().transform((o) => o ?? undefined),
    pattern: z
      .string()
      .refine(compiles, 'must be a valid regular expression')
      .optional()
      .nullable()
      .transform((p) => p ?? undefined),
    maxLength: z.number().int().positive().optional().nullable().transform((m) => m ?? undefined),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'SELECT' && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a SELECT field needs options' });
    }
    if (field.type !== 'SELECT' && field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a SELECT field has options' });
    }
  });

const formSchema = z
  .strictObject({
    code: z.string().min(1),
    title: z.string().min(1),
    fields: z.array(fieldSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `duplicate key ${f.key}` });
      seen.add(f.key);
    });
  });

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks and normalises an e-form definition (absent optional rules become `undefined`).
 * Throws an `Error` naming every problem: a bad definition is a catalogue bug, not user input.
 */
export function parseEFormDefinition(value: unknown, where = 'e-form'): EFormDefinition {
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(form)'}: ${i.message}`);
    throw new Error(`Invalid ${where}: ${problems.join('; ')}`);
  }
  return parsed.data as EFormDefinition;
}

/** Fields prefilled from a source path, in form order. */
export function boundFields(form: EFormDefinition): Array<EFormFieldDefinition & { binding: SourcePath }> {
  return form.fields.filter((f): f is EFormFieldDefinition & { binding: SourcePath } => f.binding !== undefined);
}
