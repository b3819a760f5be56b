/**
 * Tracking codes in the UPU S10 format that Vietnam Post prints on items: two service letters, an
 * 8-digit serial, a check digit and the country code, e.g. `EL123456785VN`. The check digit lets the
 * hub refuse a mistyped code without asking the carrier.
 */

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** The S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError('an S10 serial is 8 digits');
  const sum = [...serial].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  // S10: 10 becomes 0 and 11 becomes 5.
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** A tracking code for a serial, e.g. `formatTrackingCode('EL', 12345678)` → `EL123456785VN`. */
export function formatTrackingCode(service: string, serial: number, country = 'VN'): string {
  if (!/^[A-Z]{2}$/.test(service) || !/^[A-Z]{2}$/.test(country)) throw new RangeError('service and country are two capital letters');
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) throw new RangeError('serial must be 0–99999999');
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}`;
}

/** True for a well-formed S10 code whose check digit is right. */
export function isValidTrackingCode(code: string): boolean {
  const match = S10.exec(code);
  return match !== null && s10CheckDigit(match[2]) === Number(match[3]);
}
