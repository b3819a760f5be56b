/**
 * Checks submitted e-form data against its definition (seed 003: every field typed and validated).
 * Returns every violation at once, each with a message in both languages, so a portal can mark all
 * wrong fields in one round trip; an empty list means the data is acceptable.
 */
import type { EFormDefinition, EFormFieldDefinition } from './e-form-definition';
import { isRealDate } from './e-form-field-rules';

/** MIN and MAX cover both a NUMBER's min/max and a DATE's minDate/maxDate. */
export type FormViolationRule =
  | 'REQUIRED'
  | 'TYPE'
  | 'PATTERN'
  | 'OPTION'
  | 'MIN_LENGTH'
  | 'MAX_LENGTH'
  | 'MIN'
  | 'MAX'
  | 'UNKNOWN_FIELD';

export interface FormValidationOptions {
  /** The day `today` stands for in date bounds, YYYY-MM-DD. @default today in Asia/Ho_Chi_Minh */
  today?: string;
}

export interface FormViolation {
  fieldKey: string;
  rule: FormViolationRule;
  vi: string;
  en: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const TWELVE_DIGITS = /^\d{12}$/;
/** A Vietnamese mobile number as written nationally: 0 followed by 9 digits. */
const VN_MOBILE = /^0\d{9}$/;
/** Pragmatic address check: one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const EMAIL_MAX_LENGTH = 254;

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Today's date in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Dates as DD/MM/YYYY, the way Vietnamese forms print them. */
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

/** A type check per field type: returns the expected shape (vi, en) when the value does not fit. */
const TYPE_CHECKS: Record<EFormFieldDefinition['type'], { test: (v: unknown) => boolean; vi: string; en: string }> = {
  TEXT: { test: (v) => typeof v === 'string', vi: 'phải là chuỗi ký tự', en: 'must be text' },
  DATE: {
    test: (v) => typeof v === 'string' && isRealDate(v),
    vi: 'phải là ngày có thật, dạng YYYY-MM-DD',
    en: 'must be a real date written YYYY-MM-DD',
  },
  NUMBER: {
    test: (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && DECIMAL.test(v.trim())),
    vi: 'phải là số',
    en: 'must be a number',
  },
  SELECT: { test: (v) => typeof v === 'string', vi: 'phải là một lựa chọn', en: 'must be one of the options' },
  PERSONAL_ID: {
    test: (v) => typeof v === 'string' && TWELVE_DIGITS.test(v),
    vi: 'phải là số định danh cá nhân gồm 12 chữ số',
    en: 'must be a 12-digit personal identification number',
  },
  PHONE: {
    test: (v) => typeof v === 'string' && VN_MOBILE.test(v),
    vi: 'phải là số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0',
    en: 'must be a 10-digit mobile number starting with 0',
  },
  EMAIL: {
    test: (v) => typeof v === 'string' && v.length <= EMAIL_MAX_LENGTH && EMAIL.test(v),
    vi: 'phải là địa chỉ thư điện tử hợp lệ',
    en: 'must be a valid e-mail address',
  },
};

function violation(field: Pick<EFormFieldDefinition, 'key' | 'label'>, rule: FormViolationRule, vi: string, en: string): FormViolation {
  return { fieldKey: field.key, rule, vi: `${field.label}: ${vi}.`, en: `${field.label} (${field.key}): ${en}.` };
}

function checkField(field: EFormFieldDefinition, value: unknown, today: string): FormViolation[] {
  if (isEmpty(value)) {
    return field.required ? [violation(field, 'REQUIRED', 'bắt buộc nhập', 'is required')] : [];
  }
  const type = TYPE_CHECKS[field.type];
  if (!type.test(value)) return [violation(field, 'TYPE', type.vi, type.en)];
  if (field.type === 'SELECT' && !field.options?.includes(value as string)) {
    const allowed = (field.options ?? []).join(', ');
    return [violation(field, 'OPTION', `phải là một trong: ${allowed}`, `must be one of: ${allowed}`)];
  }
  // Text rules apply to what the citizen typed; a JSON number is checked in its decimal form.
  const text = typeof value === 'number' ? String(value) : (value as string);
  const found: FormViolation[] = [];
  const length = [...text].length;
  if (field.minLength !== undefined && length < field.minLength) {
    found.push(
      violation(field, 'MIN_LENGTH', `ít nhất ${field.minLength} ký tự`, `must be at least ${field.minLength} characters`),
    );
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    found.push(
      violation(field, 'MAX_LENGTH', `không quá ${field.maxLength} ký tự`, `must be at most ${field.maxLength} characters`),
    );
  }
  // Anchored like HTML's `pattern` attribute: the whole value must match.
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) {
    found.push(violation(field, 'PATTERN', 'không đúng định dạng', 'has the wrong format'));
  }
  if (field.type === 'NUMBER') found.push(...checkNumberRange(field, Number(text)));
  if (field.type === 'DATE') found.push(...checkDateRange(field, text, today));
  return found;
}

function checkNumberRange(field: EFormFieldDefinition, n: number): FormViolation[] {
  if (field.min !== undefined && n < field.min) {
    return [violation(field, 'MIN', `không nhỏ hơn ${field.min}`, `must be at least ${field.min}`)];
  }
  if (field.max !== undefined && n > field.max) {
    return [violation(field, 'MAX', `không lớn hơn ${field.max}`, `must be at most ${field.max}`)];
  }
  return [];
}

// ISO dates compare correctly as text.
function checkDateRange(field: EFormFieldDefinition, date: string, today: string): FormViolation[] {
  const min = field.minDate === 'today' ? today : field.minDate;
  const max = field.maxDate === 'today' ? today : field.maxDate;
  if (min !== undefined && date < min) {
    const d = vietnameseDate(min);
    return [violation(field, 'MIN', `không trước ngày ${d}`, `must not be before ${min}`)];
  }
  if (max !== undefined && date > max) {
    const d = vietnameseDate(max);
    return [violation(field, 'MAX', `không sau ngày ${d}`, `must not be after ${max}`)];
  }
  return [];
}

/**
 * Validates form data: required fields present and non-empty, each value of its field's type,
 * SELECT values among the options, `pattern`, `minLength`/`maxLength`, a NUMBER's `min`/`max`, a
 * DATE's `minDate`/`maxDate`, and no keys the form does not define. Violations come in form order,
 * unknown keys last.
 */
export function validateFormData(
  form: EFormDefinition,
  data: Record<string, unknown>,
  options: FormValidationOptions = {},
): FormViolation[] {
  const today = options.today ?? vietnamToday();
  const violations = form.fields.flatMap((field) =>
    checkField(field, Object.hasOwn(data, field.key) ? data[field.key] : undefined, today),
  );
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      violations.push({
        fieldKey: key,
        rule: 'UNKNOWN_FIELD',
        vi: `Trường "${key}" không có trong tờ khai.`,
        en: `Field "${key}" is not part of this form.`,
      });
    }
  }
  return violations;
}
