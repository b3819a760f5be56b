/**
 * The zod rules of a procedure, in ONE place: `parseProcedureInput` checks what operators, imports
 * and the seed publish with them; `readStoredDetails` reads the `details` column back with the same
 * shapes.
 */
import { z } from 'zod';
import type { Procedure as ProcedureRow } from '../../shared/storage/generated/client';
import {
  ComponentKind,
  HandlingLevel,
  ProcedureMethod,
  type ProcedureDetails,
  type ProcedureFee,
  type ProcessingTime,
} from './procedure-details';
import { isIsoDay } from './local-date';

/** National code (mã TTHC) and its localised form, e.g. 1.001193 or 1.004222.000.00.00.H26. */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;
/** Electronic identification code of an agency (QCVN 102:2016), e.g. 000.00.12.H26. */
export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** Case codes of processing times and fees: upper-case words joined by `_`. */
const CASE_CODE = /^[A-Z0-9]+(_[A-Z0-9]+)*$/;
/** Largest amount an `Int` column holds; fees are far below it. */
const MAX_VND = 2_147_483_647;

const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const optionalText = (max = 2000) => text(max).optional().nullable().transform((v) => v ?? undefined);
const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an http(s) URL');
const optionalUrl = httpUrl.optional().nullable().transform((v) => v ?? undefined);
const optionalCount = (min: number) => z.number().int('must be a whole number').min(min).optional().nullable().transform((v) => v ?? undefined);
const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]]);

/** Unique values: each repeat is a problem at its index. */
const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} ${k}` });
      seen.add(k);
    });
  };

export const processingTimeSchema = z
  .strictObject({
    caseCode: z.string().regex(CASE_CODE, 'must be upper-case letters, digits and _ (e.g. MAC_DINH)'),
    caseName: text(500),
    workingDays: optionalCount(0),
    workingHours: optionalCount(1),
  })
  .superRefine((t, ctx) => {
    if ((t.workingDays === undefined) === (t.workingHours === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'give exactly one of workingDays and workingHours' });
    }
  });

export const feeSchema = z.strictObject({
  caseCode: z.string().regex(CASE_CODE, 'must be upper-case letters, digits and _ (e.g. MAC_DINH)'),
  caseName: text(500),
  amountVnd: z.number().int('must be whole VND').min(0, 'must not be negative').max(MAX_VND),
  note: optionalText(1000),
});

const stepSchema = z.strictObject({
  order: z.number().int().min(1),
  description: text(4000),
  durationWorkingDays: optionalCount(0),
  durationWorkingHours: optionalCount(1),
});

export const detailsSchema = z.strictObject({
  receptionPlaces: z
    .array(z.strictObject({ place: text(500), address: optionalText(500), hours: text(500) }))
    .min(1, 'at least one place of receipt'),
  steps: z
    .array(stepSchema)
    .min(1, 'at least one step')
    .superRefine((steps, ctx) => {
      steps.forEach((s, i) => {
        if (s.order !== i + 1) ctx.addIssue({ code: 'custom', path: [i, 'order'], message: `must be ${i + 1}: steps are numbered 1..n in order` });
      });
    }),
  methods: z.array(enumOf(ProcedureMethod)).min(1, 'at least one method').superRefine(uniqueBy((m) => m, 'method')),
  components: z
    .array(
      z.strictObject({
        name: text(1000),
        kind: enumOf(ComponentKind),
        count: z.number().int('must be a whole number').min(1, 'at least 1'),
        templateUrl: optionalUrl,
      }),
    )
    .min(1, 'at least one dossier component'),
  agencies: z.strictObject({
    deciding: z.string().regex(AGENCY_CODE, 'must be an agency code like 000.00.12.H26'),
    delegated: z.string().regex(AGENCY_CODE, 'must be an agency code like 000.00.12.H26').optional().nullable().transform((v) => v ?? undefined),
    coordinating: z.array(z.string().regex(AGENCY_CODE, 'must be an agency code like 000.00.12.H26')).superRefine(uniqueBy((c) => c, 'agency')),
  }),
  forms: z.array(z.strictObject({ name: text(500), templateUrl: httpUrl })),
  requirements: z.array(text(4000)),
  legalBases: z
    .array(
      z.strictObject({
        title: text(1000),
        number: optionalText(100),
        issuedBy: optionalText(300),
        issuedOn: z.string().refine(isIsoDay, 'must be a date YYYY-MM-DD').optional().nullable().transform((v) => v ?? undefined),
        url: optionalUrl,
      }),
    )
    .min(1, 'at least one legal basis'),
  handlingLevels: z.array(enumOf(HandlingLevel)).min(1, 'at least one handling level').superRefine(uniqueBy((l) => l, 'level')),
});

const EMPTY_DETAILS: ProcedureDetails = {
  receptionPlaces: [],
  steps: [],
  methods: [],
  components: [],
  agencies: { deciding: '', coordinating: [] },
  forms: [],
  requirements: [],
  legalBases: [],
  handlingLevels: [],
};

/**
 * The `details` column of a row: the criteria plus `processingTimes` and `fees`. Rows written before
 * versioning (details `{}`) read as one default case from `processing_days` / `fee_vnd` and empty
 * criteria; anything present but malformed is a data fault and throws.
 */
export function readStoredDetails(
  row: Pick<ProcedureRow, 'code' | 'details' | 'processingDays' | 'feeVnd' | 'agencyCode'>,
): { details: ProcedureDetails; processingTimes: ProcessingTime[]; fees: ProcedureFee[] } {
  const raw = (row.details ?? {}) as Record<string, unknown>;
  const { processingTimes, fees, ...rest } = raw;
  const times = z.array(processingTimeSchema).min(1).safeParse(processingTimes);
  const feeList = z.array(feeSchema).safeParse(fees);
  const details = Object.keys(rest).length === 0 ? { success: true as const, data: { ...EMPTY_DETAILS, agencies: { deciding: row.agencyCode, coordinating: [] } } } : detailsSchema.safeParse(rest);
  if ((processingTimes !== undefined && !times.success) || (fees !== undefined && !feeList.success) || !details.success) {
    throw new Error(`Procedure ${row.code} has malformed details`);
  }
  return {
    details: details.data as ProcedureDetails,
    processingTimes: times.success ? (times.data as ProcessingTime[]) : [{ caseCode: 'MAC_DINH', caseName: 'Mặc định', workingDays: row.processingDays }],
    fees: feeList.success ? (feeList.data as ProcedureFee[]) : [{ caseCode: 'MAC_DINH', caseName: 'Mặc định', amountVnd: row.feeVnd }],
  };
}
