/** Free text typed by applicants and officials: trimmed, NFC (Vietnamese diacritics compose), bounded. */
import { ErrorCode, LienthongError } from '../../shared/errors';

/** Longest feedback or complaint, in characters (code points). */
export const MAX_FEEDBACK_CHARS = 2000;
/** Longest answer of an agency. */
export const MAX_ANSWER_CHARS = 4000;
/** Longest comment of a rating. */
export const MAX_RATING_COMMENT_CHARS = 1000;

/**
 * The text as stored. Length counts code points after NFC, so a decomposed "ế" (3 code points) and a
 * composed one count alike, as the applicant sees them: one character.
 */
export function boundedText(value: string, field: string, max: number, required = true): string {
  const text = value.normalize('NFC').trim();
  const length = [...text].length;
  if ((required && length === 0) || length > max) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: required ? `Trường ${field} phải có từ 1 đến ${max} ký tự.` : `Trường ${field} có tối đa ${max} ký tự.`,
      en: required ? `${field} must have 1 to ${max} characters.` : `${field} has at most ${max} characters.`,
      details: { field, maxLength: max, length },
    });
  }
  return text;
}
