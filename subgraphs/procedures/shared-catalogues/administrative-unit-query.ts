/**
 * Filtering, search and paging of administrative units over the in-memory index. With search words,
 * units whose bare name is exactly the words ("ba dinh" → Phường Ba Đình) come first; then
 * provinces before communes, each by code. Cursors hold that sort key, not an offset.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import { matchesAllWords, normaliseSearchText, searchWords } from '../catalogue/search-text';
import type { AdministrativeUnitIndex, IndexedUnit } from './administrative-unit-directory';
import { AdministrativeUnitKind } from './shipped-units';

/** Page size when the caller gives none. @default 50 */
export const DEFAULT_UNIT_PAGE_SIZE = 50;
/** Largest page: the biggest province has fewer communes than this. @default 500 */
export const MAX_UNIT_PAGE_SIZE = 500;
/** Longest search text, in characters. @default 200 */
export const MAX_UNIT_SEARCH_LENGTH = 200;

export interface AdministrativeUnitQuery {
  /** Only the communes of this province. @default any */
  provinceCode?: string | null;
  /** Only this tier. @default both */
  kind?: AdministrativeUnitKind | null;
  /** Words, with or without diacritics; each must begin a word of the name. @default none */
  search?: string | null;
  /** @default DEFAULT_UNIT_PAGE_SIZE */
  first?: number | null;
  /** Cursor of the last edge already seen. @default start */
  after?: string | null;
}

export interface AdministrativeUnitPage {
  edges: Array<{ cursor: string; node: IndexedUnit }>;
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

type SortKey = [rank: number, kind: number, code: string];

const badInput = (argument: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { argument } });

export function unitNotFound(code: string, field = 'code'): LienthongError {
  return new LienthongError(ErrorCode.ADMINISTRATIVE_UNIT_NOT_FOUND, {
    vi: `Không có đơn vị hành chính mã ${code} (${field}).`,
    en: `No administrative unit has the code ${code} (${field}).`,
    details: { field, unitCode: code },
  });
}

const encode = (key: SortKey) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function decode(cursor: string): SortKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && [0, 1].includes(v[0]) && [0, 1].includes(v[1]) && typeof v[2] === 'string') return v as SortKey;
  } catch {
    // fall through to the typed error
  }
  throw badInput('after', 'Con trỏ phân trang (after) không hợp lệ.', 'The page cursor (after) is not valid.');
}

const compare = (a: SortKey, b: SortKey) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

/** One page of units; unknown `provinceCode` → ADMINISTRATIVE_UNIT_NOT_FOUND. */
export function queryAdministrativeUnits(index: AdministrativeUnitIndex, query: AdministrativeUnitQuery): AdministrativeUnitPage {
  const first = query.first ?? DEFAULT_UNIT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_UNIT_PAGE_SIZE) {
    throw badInput('first', `Số đơn vị mỗi trang phải từ 1 đến ${MAX_UNIT_PAGE_SIZE}.`, `first must be 1–${MAX_UNIT_PAGE_SIZE}.`);
  }
  const search = query.search ?? '';
  if (search.length > MAX_UNIT_SEARCH_LENGTH) {
    throw badInput('search', `Từ khóa dài tối đa ${MAX_UNIT_SEARCH_LENGTH} ký tự.`, `search is at most ${MAX_UNIT_SEARCH_LENGTH} characters.`);
  }
  const province = query.provinceCode ?? null;
  if (province !== null) {
    const unit = index.byCode.get(province);
    if (!unit || unit.kind !== AdministrativeUnitKind.PROVINCE) throw unitNotFound(province, 'provinceCode');
  }
  const after = query.after ? decode(query.after) : null;
  const words = searchWords(search);
  const phrase = normaliseSearchText(search);
  const matches: Array<{ key: SortKey; unit: IndexedUnit }> = [];
  for (const unit of index.units) {
    if (province !== null && unit.provinceCode !== province) continue;
    if (query.kind && unit.kind !== query.kind) continue;
    if (!matchesAllWords(unit.searchName, words)) continue;
    const rank = words.length > 0 && unit.bareName !== phrase ? 1 : 0;
    matches.push({ key: [rank, unit.kind === AdministrativeUnitKind.PROVINCE ? 0 : 1, unit.code], unit });
  }
  matches.sort((a, b) => compare(a.key, b.key));
  const rest = after ? matches.filter((m) => compare(m.key, after) > 0) : matches;
  const page = rest.slice(0, first);
  const edges = page.map((m) => ({ cursor: encode(m.key), node: m.unit }));
  return { edges, hasNextPage: rest.length > first, endCursor: edges.at(-1)?.cursor ?? null, totalCount: matches.length };
}
