/**
 * Opaque page cursors of the procedure list. A cursor holds the sort key of the last edge
 * (search rank, code) rather than an offset, so a page boundary stays put when procedures are
 * published or withdrawn between two requests.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';

export interface SortKey {
  /** 0 = every search word in the name, 1 = matched through the description; 0 without a search. */
  rank: number;
  code: string;
}

export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([key.rank, key.code]), 'utf8').toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; anything else is the caller's mistake. */
export function decodeCursor(cursor: string): SortKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isInteger(value[0]) &&
    value[0] >= 0 &&
    typeof value[1] === 'string' &&
    value[1] !== ''
  ) {
    return { rank: value[0] as number, code: value[1] as string };
  }
  throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: 'Con trỏ phân trang (after) không hợp lệ.',
    en: 'The page cursor (after) is not valid.',
    details: { argument: 'after' },
  });
}
