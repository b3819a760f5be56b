/**
 * One field from several sources: agreeing sources fill it together, disagreeing ones make it
 * CONFLICTING (the preferred source's value, with every candidate), a failed source only leaves a
 * warning when another answered, and all of them failing makes it SOURCE_UNAVAILABLE.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { Locale } from '../../shared/federation/context';
import { FieldError, PrefilledField, PrefillStatus, type ValueSource } from './form-prefill';

/** What one source gave for one field, in order of preference. */
export type SourceOutcome =
  | {
      system: string;
      answered: true;
      hasRecord: boolean;
      value: string | null;
      fetchedAt: Date;
      /** The error when no source knows the subject. @default ErrorCode.CITIZEN_NOT_FOUND */
      notFound?: ErrorCode;
    }
  | { system: string; answered: false; error: LienthongError };

/**
 * The form of a value that comparisons use: Unicode NFC (the same Vietnamese letter may arrive
 * precomposed or decomposed), no outer or repeated whitespace, one space after commas, lower case.
 */
export function normalizeForComparison(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim()
    .toLocaleLowerCase('vi');
}

export function fieldError(error: LienthongError, locale: Locale, system: string | null = null): FieldError {
  const messages = error.extensions.messages as { vi: string; en: string };
  return { code: error.code, message: messages[locale], system };
}

/** A field no source could fill, with why. */
export const unfilledField = (fieldKey: string, status: PrefillStatus, error: FieldError | null, warnings: FieldError[] = []): PrefilledField => ({
  fieldKey,
  value: null,
  status,
  source: null,
  sources: [],
  candidates: [],
  warnings,
  error,
});

export function mergeField(fieldKey: string, path: string, outcomes: readonly SourceOutcome[], locale: Locale): PrefilledField {
  if (outcomes.length === 0) {
    const unknown = new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Nguồn dữ liệu ${path} không được hỗ trợ.`,
      en: `Source path ${path} is not supported.`,
    });
    return unfilledField(fieldKey, PrefillStatus.MISSING, fieldError(unknown, locale));
  }
  const failed = outcomes.flatMap((o) => (o.answered ? [] : [o]));
  const answered = outcomes.flatMap((o) => (o.answered ? [o] : []));
  const warnings = failed.map((f) => fieldError(f.error, locale, f.system));
  if (answered.length === 0) {
    return unfilledField(fieldKey, PrefillStatus.SOURCE_UNAVAILABLE, fieldError(failed[0].error, locale, failed[0].system));
  }
  const withValue = answered.flatMap((o) => (o.value === null ? [] : [{ ...o, value: o.value }]));
  if (withValue.length === 0) {
    const known = answered.some((o) => o.hasRecord);
    const error = known ? null : fieldError(new LienthongError(answered[0].notFound ?? ErrorCode.CITIZEN_NOT_FOUND), locale);
    return unfilledField(fieldKey, PrefillStatus.MISSING, error, warnings);
  }
  const sourceOf = (o: (typeof withValue)[number]): ValueSource => ({ system: o.system, path, fetchedAt: o.fetchedAt });
  const primary = withValue[0];
  const distinct = new Set(withValue.map((o) => normalizeForComparison(o.value)));
  if (distinct.size === 1) {
    return {
      fieldKey,
      value: primary.value,
      status: PrefillStatus.FILLED,
      source: sourceOf(primary),
      sources: withValue.map(sourceOf),
      candidates: [],
      warnings,
      error: null,
    };
  }
  return {
    fieldKey,
    value: primary.value,
    status: PrefillStatus.CONFLICTING,
    source: sourceOf(primary),
    sources: [sourceOf(primary)],
    candidates: withValue.map((o) => ({ value: o.value, source: sourceOf(o) })),
    warnings,
    error: null,
  };
}
