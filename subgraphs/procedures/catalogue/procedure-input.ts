/**
 * `parseProcedureInput`: the one check of a procedure before it is published, by an operator
 * (GraphQL), a catalogue import (one call per row) or the seed. Every problem names its field as a
 * path (`details.steps[2].order`) so that an import report can point at the column.
 */
import { z } from 'zod';
import { parseEFormDefinition } from '../e-form/e-form-definition';
import { ImplementationLevel, ProcedureSubject, derivedTotals, type ProcedureDraft } from './procedure-record';
import type { ProcedureDetails, ProcedureFee, ProcessingTime } from './procedure-details';
import { AGENCY_CODE, PROCEDURE_CODE, detailsSchema, feeSchema, processingTimeSchema } from './procedure-schema';

export interface ProcedureInputProblem {
  /** Path of the offending field, e.g. `code`, `fees[1].amountVnd`, `details.steps[2].order`. */
  field: string;
  message: string;
}

export type ProcedureInputResult = { ok: true; record: ProcedureDraft } | { ok: false; problems: ProcedureInputProblem[] };

const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]]);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const uniqueCaseCodes = (items: Array<{ caseCode: string }>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.caseCode)) ctx.addIssue({ code: 'custom', path: [i, 'caseCode'], message: `duplicate case ${item.caseCode}` });
    seen.add(item.caseCode);
  });
};

const inputSchema = z
  .strictObject({
    code: z.string().regex(PROCEDURE_CODE, 'must be a national procedure code like 1.001193'),
    name: text(1000),
    description: text(8000),
    onlineLevel: z.number().int().min(1, 'must be 1–4').max(4, 'must be 1–4'),
    /** @default true at level 4, else false */
    fullOnline: z.boolean().optional().nullable(),
    fieldCode: z.string().regex(/^[A-Z0-9_]{2,30}$/, 'must be a field code (upper-case letters, digits, _)'),
    /** Filled from the `procedure_field` table by the publisher when absent. */
    fieldName: text(300).optional().nullable(),
    agencyCode: z.string().regex(AGENCY_CODE, 'must be an agency code like 000.00.12.H26'),
    /** Filled from the `agency` table by the publisher when absent. */
    agencyName: text(500).optional().nullable(),
    implementationLevel: enumOf(ImplementationLevel),
    subjects: z
      .array(enumOf(ProcedureSubject))
      .min(1, 'at least one subject')
      .refine((s) => new Set(s).size === s.length, 'duplicate subject'),
    processingTimes: z.array(processingTimeSchema).min(1, 'at least one processing time').superRefine(uniqueCaseCodes),
    fees: z.array(feeSchema).min(1, 'at least one fee case (amount 0 when free)').superRefine(uniqueCaseCodes),
    cutoffHour: z.number().int().min(0, 'must be an hour 0–23').max(23, 'must be an hour 0–23').optional().nullable(),
    resultDocument: text(1000),
    details: detailsSchema,
    eForm: z.unknown(),
    // Derived by the catalogue; accepted (and recomputed) so that a record read back can be republished.
    processingDays: z.unknown().optional(),
    feeVnd: z.unknown().optional(),
    legalBasis: z.unknown().optional(),
    version: z.unknown().optional(),
    effectiveFrom: z.unknown().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.fullOnline && p.onlineLevel !== 4) {
      ctx.addIssue({ code: 'custom', path: ['fullOnline'], message: 'only a level-4 service is fully online (toàn trình)' });
    }
    if (p.onlineLevel >= 3 && !p.details.methods.includes('ONLINE')) {
      ctx.addIssue({ code: 'custom', path: ['details', 'methods'], message: `a level-${p.onlineLevel} service is offered ONLINE` });
    }
    if (!p.details.handlingLevels.includes(p.implementationLevel)) {
      ctx.addIssue({ code: 'custom', path: ['details', 'handlingLevels'], message: `must include the implementation level ${p.implementationLevel}` });
    }
  });

/** `['details', 'steps', 2, 'order']` → `details.steps[2].order`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(procedure)';
}

/** The e-form's problems, whether its parser reports a typed error with a problem list or a plain Error. */
function eFormProblems(value: unknown): ProcedureInputProblem[] {
  try {
    parseEFormDefinition(value, 'e-form');
    return [];
  } catch (err) {
    const listed = (err as { extensions?: { problems?: unknown } }).extensions?.problems;
    if (Array.isArray(listed) && listed.every((p) => p && typeof p.field === 'string')) {
      return listed.map((p: { field: string; message?: string }) => ({ field: `eForm.${p.field}`, message: String(p.message ?? 'invalid') }));
    }
    return [{ field: 'eForm', message: err instanceof Error ? err.message : String(err) }];
  }
}

/**
 * Checks a procedure as supplied (GraphQL input, an import row, a seed entry) and returns either the
 * draft to publish — e-form normalised, derived totals computed — or every problem found.
 * Never throws on bad input.
 */
export function parseProcedureInput(input: unknown): ProcedureInputResult {
  const parsed = inputSchema.safeParse(input);
  const problems: ProcedureInputProblem[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        // An unknown key is reported at the key itself, so that an import names the stray column.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), message: 'unknown field' }))
          : [{ field: fieldPath(issue.path), message: issue.message }],
      );
  const eFormValue = input && typeof input === 'object' ? (input as { eForm?: unknown }).eForm : undefined;
  problems.push(...eFormProblems(eFormValue));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };

  const p = parsed.data;
  const details = p.details as ProcedureDetails;
  const processingTimes = p.processingTimes as ProcessingTime[];
  const fees = p.fees as ProcedureFee[];
  const record: ProcedureDraft = {
    code: p.code,
    name: p.name,
    description: p.description,
    onlineLevel: p.onlineLevel,
    fullOnline: p.fullOnline ?? p.onlineLevel === 4,
    fieldCode: p.fieldCode,
    fieldName: p.fieldName ?? '',
    agencyCode: p.agencyCode,
    agencyName: p.agencyName ?? '',
    implementationLevel: p.implementationLevel,
    subjects: p.subjects,
    processingTimes,
    fees,
    cutoffHour: p.cutoffHour ?? null,
    resultDocument: p.resultDocument,
    details,
    eForm: parseEFormDefinition(eFormValue, 'e-form'),
    ...derivedTotals({ processingTimes, fees, details }),
  };
  return { ok: true, record };
}
