/**
 * The enterprise code / tax code (mã số doanh nghiệp, mã số thuế). Structure per Circular
 * 105/2020/TT-BTC, Art. 5: 10 digits `N1…N9 N10` for an enterprise or other taxpayer, where N10 is the
 * check digit; 13 digits `N1…N10-N11N12N13` for a dependent unit (chi nhánh, văn phòng đại diện,
 * địa điểm kinh doanh), the parent's 10 digits, a hyphen and a 3-digit sequence 001–999. The check
 * digit algorithm is the General Department of Taxation's, unchanged since Decision 75/1998/QĐ-BTC
 * (Circular 105 keeps N10 as "chữ số kiểm tra" without reprinting it):
 *
 *   A = 31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9
 *   N10 = 10 − (A mod 11)
 *
 * When A mod 11 = 0 the result is 10, which is not a digit: no code is issued with those first nine
 * digits, so any such code is invalid. Checked against issued codes, e.g. 0100109106 (A = 114,
 * 114 mod 11 = 4, N10 = 6) and 0300588569 (A = 375, mod 11 = 1, N10 = 9).
 */

/** Weights of N1…N9. */
export const TAX_CODE_WEIGHTS: readonly number[] = Object.freeze([31, 29, 23, 19, 17, 13, 7, 5, 3]);

export interface TaxCodeParts {
  /** The code as the hub stores and sends it: `0100109106` or `0100109106-001`. */
  normalized: string;
  /** The enterprise's 10 digits (the parent's, for a dependent unit). */
  enterpriseCode: string;
  /** The dependent unit's 3 digits (`001`–`999`), or null for the enterprise itself. */
  branchSuffix: string | null;
}

/** FORMAT: not 10 or 13 digits; CHECK_DIGIT: N10 disagrees; NO_CHECK_DIGIT: A mod 11 = 0; BRANCH_SUFFIX: `000`. */
export type TaxCodeProblem = 'FORMAT' | 'CHECK_DIGIT' | 'NO_CHECK_DIGIT' | 'BRANCH_SUFFIX';

export type TaxCodeCheck =
  | { valid: true; parts: TaxCodeParts }
  | { valid: false; problem: TaxCodeProblem; message: string };

/** The check digit N10 of nine digits, or null when they can have none (A mod 11 = 0). */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^[0-9]{9}$/.test(firstNine)) throw new Error('taxCodeCheckDigit needs exactly 9 digits');
  const sum = TAX_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/**
 * Checks a tax code as a person may type it: surrounding spaces are ignored, and a dependent unit's
 * code is accepted with or without its hyphen (`0100109106-001` or `0100109106001`); the result
 * gives the normalised (hyphenated) form.
 */
export function checkTaxCode(input: string): TaxCodeCheck {
  const match = /^([0-9]{10})(?:-?([0-9]{3}))?$/.exec(input.trim());
  if (!match) return { valid: false, problem: 'FORMAT', message: 'must be 10 digits, or 13 as NNNNNNNNNN-NNN for a dependent unit' };
  const [, enterpriseCode, suffix] = match;
  const expected = taxCodeCheckDigit(enterpriseCode.slice(0, 9));
  if (expected === null) {
    return { valid: false, problem: 'NO_CHECK_DIGIT', message: 'no code is issued with these first nine digits' };
  }
  if (expected !== Number(enterpriseCode[9])) {
    return { valid: false, problem: 'CHECK_DIGIT', message: `check digit should be ${expected}` };
  }
  if (suffix === '000') return { valid: false, problem: 'BRANCH_SUFFIX', message: 'a dependent unit number runs from 001 to 999' };
  const branchSuffix = suffix ?? null;
  return {
    valid: true,
    parts: { normalized: branchSuffix ? `${enterpriseCode}-${branchSuffix}` : enterpriseCode, enterpriseCode, branchSuffix },
  };
}

/** The complete 10-digit code for nine digits, or null when they can have no check digit. */
export function completeTaxCode(firstNine: string): string | null {
  const digit = taxCodeCheckDigit(firstNine);
  return digit === null ? null : `${firstNine}${digit}`;
}
