/** References and dates as the hub writes them: in Vietnam's time zone (UTC+7, no daylight saving). */
import { randomInt } from 'node:crypto';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
// Crockford's base 32: no I, L, O, U, so a reference read aloud over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The date in Vietnam as `yyyymmdd`. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * A new transaction reference for the provider: `LT` + date + 10 random characters (50 bits), e.g.
 * `LT20261123K7Q2M9XD4B`. Letters and digits only, so it is safe in URLs and in signed strings.
 */
export function newProviderRef(at: Date = new Date()): string {
  let random = '';
  for (let i = 0; i < 10; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `LT${vietnamDate(at)}${random}`;
}
