/** Tax codes (mã số doanh nghiệp / mã số thuế): check digit, dependent units, normalisation, typed error. */
import { assertValidTaxCode, checkTaxCode, completeTaxCode, taxCodeCheckDigit } from '../../adapters/business-registry';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

describe('taxCodeCheckDigit', () => {
  it('computes N10 = 10 − (Σ weight·digit mod 11) for codes issued by the tax authority', () => {
    // Published codes: 0100109106 (Σ = 114, mod 11 = 4 → 6), 0300588569 (Σ = 375, mod 11 = 1 → 9).
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(taxCodeCheckDigit('030058856')).toBe(9);
    // Σ mod 11 = 10 gives 0: 3·7 = 21, 21 mod 11 = 10.
    expect(taxCodeCheckDigit('000000007')).toBe(0);
    expect(checkTaxCode('0000000070').valid).toBe(true);
  });

  it('has no check digit when the sum is a multiple of 11', () => {
    expect(taxCodeCheckDigit('000000000')).toBeNull(); // Σ = 0
    expect(taxCodeCheckDigit('010000000')).toBe(3); // Σ = 29, mod 11 = 7
    expect(completeTaxCode('000000000')).toBeNull();
  });

  it('refuses anything but nine digits', () => {
    expect(() => taxCodeCheckDigit('01001091')).toThrow();
    expect(() => taxCodeCheckDigit('01001091x')).toThrow();
  });
});

describe('checkTaxCode', () => {
  it('accepts a 10-digit code with its check digit', () => {
    expect(checkTaxCode('0100109106')).toEqual({
      valid: true,
      parts: { normalized: '0100109106', enterpriseCode: '0100109106', branchSuffix: null },
    });
  });

  it('rejects every wrong check digit', () => {
    for (let d = 0; d <= 9; d += 1) {
      if (d === 6) continue;
      expect(checkTaxCode(`010010910${d}`)).toMatchObject({ valid: false, problem: 'CHECK_DIGIT' });
    }
  });

  it('rejects codes whose first nine digits can have no check digit', () => {
    for (let d = 0; d <= 9; d += 1) expect(checkTaxCode(`000000000${d}`)).toMatchObject({ valid: false, problem: 'NO_CHECK_DIGIT' });
  });

  it('accepts a dependent unit with or without the hyphen, normalising to NNNNNNNNNN-NNN', () => {
    const parts = { normalized: '0100109106-001', enterpriseCode: '0100109106', branchSuffix: '001' };
    expect(checkTaxCode('0100109106-001')).toEqual({ valid: true, parts });
    expect(checkTaxCode('0100109106001')).toEqual({ valid: true, parts });
    expect(checkTaxCode('  0100109106-999 ')).toMatchObject({ valid: true, parts: { branchSuffix: '999' } });
  });

  it('checks the parent part of a dependent unit and its number', () => {
    expect(checkTaxCode('0100109107-001')).toMatchObject({ valid: false, problem: 'CHECK_DIGIT' });
    expect(checkTaxCode('0100109106-000')).toMatchObject({ valid: false, problem: 'BRANCH_SUFFIX' });
  });

  it.each(['', '010010910', '01001091066', '0100109106-01', '0100109106-0001', '0100109106 001', '0100-109106', 'O100109106', '０100109106'])(
    'rejects the malformed %p',
    (code) => {
      expect(checkTaxCode(code)).toMatchObject({ valid: false, problem: 'FORMAT' });
    },
  );
});

describe('assertValidTaxCode', () => {
  it('returns the normalised parts of a valid code', () => {
    expect(assertValidTaxCode('0300588569001').normalized).toBe('0300588569-001');
  });

  it('throws INVALID_TAX_CODE (400) naming the reason, in both languages', () => {
    let caught: unknown;
    try {
      assertValidTaxCode('0100109105');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LienthongError);
    const error = caught as LienthongError;
    expect(error.code).toBe(ErrorCode.INVALID_TAX_CODE);
    expect(error.extensions).toMatchObject({ reason: 'CHECK_DIGIT', http: { status: 400 } });
    expect(error.extensions.messages).toEqual({ vi: expect.stringMatching(/chữ số kiểm tra/), en: expect.stringMatching(/check digit should be 6/) });
  });
});
