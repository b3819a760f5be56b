/**
 * Diacritics-insensitive matching of Vietnamese text (seed 000: find procedures by words with or
 * without diacritics). Citizens type "dang ky khai sinh" as often as "Đăng ký khai sinh"; both, and
 * any mix, reduce to the same normalised words.
 */

/** Combining marks left by NFD: Vietnamese tone marks and vowel modifiers (ă, â, ê, ô, ơ, ư). */
const COMBINING_MARKS = /\p{M}+/gu;
/** đ does not decompose under NFD; ð (eth) is a frequent look-alike typed for đ on some keyboards. */
const D_WITH_STROKE = /[đð]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Unaccented, lower-case form of `text` for searching: NFD, combining marks removed, đ → d,
 * lower-cased, and every run of punctuation or space turned into one space.
 * `"Đăng ký khai sinh (Hộ tịch)"` → `"dang ky khai sinh ho tich"`.
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(D_WITH_STROKE, 'd')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** The distinct normalised words of a search query, in order. */
export function searchWords(query: string): string[] {
  const normalised = normaliseSearchText(query);
  return normalised === '' ? [] : [...new Set(normalised.split(' '))];
}

/**
 * True when every query word begins some word of the normalised text, so "khai si" (typed halfway)
 * still finds "khai sinh" while "ai" does not match inside "khai".
 */
export function matchesAllWords(normalisedText: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const textWords = normalisedText.split(' ');
  return words.every((w) => textWords.some((t) => t.startsWith(w)));
}

/** What the `search_text` column holds for a procedure: the words a citizen may search it by. */
export function buildSearchText(procedure: { code: string; name: string; description: string; fieldName: string }): string {
  return normaliseSearchText([procedure.code, procedure.name, procedure.description, procedure.fieldName].join(' '));
}
