/**
 * Search and paging of the procedure catalogue (seed 000: find procedures by words with or without
 * diacritics, by agency, field, level, subject).
 *
 * Without search words the database orders by code and pages by keyset. With search words the
 * database narrows the candidates (every word is a substring of `search_text`), then this module
 * keeps the real matches (every word begins a word), ranks them — name matches before description
 * matches, ties by code — and pages by the same (rank, code) key. Candidates are only codes and
 * texts; full rows are read for one page.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { Prisma, PrismaClient } from '../../shared/storage/generated/client';
import { compareSortKeys, decodeCursor, encodeCursor, type SortKey } from './cursor';
import { toProcedureRecord, type ProcedureRecord, type ProcedureSubject } from './procedure-record';
import { matchesAllWords, normaliseSearchText, searchWords } from './search-text';

/** Page size when the caller gives none. @default 20 */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a caller may ask for. @default 100 */
export const MAX_PAGE_SIZE = 100;
/** Longest search text, in characters: each word becomes a database condition. @default 200 */
export const MAX_SEARCH_LENGTH = 200;

export interface ProcedureQuery {
  /** Words to find, with or without diacritics; every word must match. @default no search */
  search?: string | null;
  /** Only procedures of this agency (electronic identification code). @default any */
  agencyCode?: string | null;
  /** Only procedures of this field (lĩnh vực). @default any */
  fieldCode?: string | null;
  /** Only procedures at this online service level (1–4). @default any */
  onlineLevel?: number | null;
  /** Only procedures open to this subject. @default any */
  subject?: ProcedureSubject | null;
  /** Page size, 1..MAX_PAGE_SIZE. @default DEFAULT_PAGE_SIZE */
  first?: number | null;
  /** Cursor of the last edge already seen. @default start of the list */
  after?: string | null;
}

export interface ProcedureEdgeRecord {
  cursor: string;
  node: ProcedureRecord;
}

export interface ProcedurePage {
  edges: ProcedureEdgeRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

const badInput = (argument: string, vi: string, en: string) =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { argument } });

function checkArguments(query: ProcedureQuery): number {
  const first = query.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(
      'first',
      `Số bản ghi mỗi trang (first) phải từ 1 đến ${MAX_PAGE_SIZE}.`,
      `Page size (first) must be between 1 and ${MAX_PAGE_SIZE}.`,
    );
  }
  if (query.search && query.search.length > MAX_SEARCH_LENGTH) {
    throw badInput(
      'search',
      `Từ khóa tìm kiếm không quá ${MAX_SEARCH_LENGTH} ký tự.`,
      `The search text must be at most ${MAX_SEARCH_LENGTH} characters.`,
    );
  }
  const level = query.onlineLevel;
  if (level !== undefined && level !== null && (!Number.isInteger(level) || level < 1 || level > 4)) {
    throw badInput('onlineLevel', 'Mức độ dịch vụ công trực tuyến phải từ 1 đến 4.', 'onlineLevel must be between 1 and 4.');
  }
  return first;
}

function filters(query: ProcedureQuery): Prisma.ProcedureWhereInput {
  return {
    ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
    ...(query.fieldCode ? { fieldCode: query.fieldCode } : {}),
    ...(query.onlineLevel ? { onlineLevel: query.onlineLevel } : {}),
    ...(query.subject ? { subjects: { has: query.subject } } : {}),
  };
}

/** Keys of the matching procedures, in list order. */
async function rankedKeys(prisma: PrismaClient, where: Prisma.ProcedureWhereInput, words: string[]): Promise<SortKey[]> {
  const candidates = await prisma.procedure.findMany({
    where: { ...where, AND: words.map((w) => ({ searchText: { contains: w } })) },
    select: { code: true, name: true, searchText: true },
  });
  return candidates
    .filter((c) => matchesAllWords(c.searchText, words))
    .map((c) => ({ code: c.code, rank: matchesAllWords(normaliseSearchText(c.name), words) ? 0 : 1 }))
    .sort(compareSortKeys);
}

async function pageWithoutSearch(prisma: PrismaClient, where: Prisma.ProcedureWhereInput, first: number, after: SortKey | null) {
  const [totalCount, rows] = await Promise.all([
    prisma.procedure.count({ where }),
    prisma.procedure.findMany({
      where: after ? { ...where, code: { gt: after.code } } : where,
      orderBy: { code: 'asc' },
      take: first + 1,
    }),
  ]);
  return {
    totalCount,
    hasNextPage: rows.length > first,
    items: rows.slice(0, first).map((row) => ({ key: { rank: 0, code: row.code }, row })),
  };
}

async function pageWithSearch(
  prisma: PrismaClient,
  where: Prisma.ProcedureWhereInput,
  words: string[],
  first: number,
  after: SortKey | null,
) {
  const keys = await rankedKeys(prisma, where, words);
  const start = after ? keys.findIndex((k) => compareSortKeys(k, after) > 0) : 0;
  const pageKeys = start < 0 ? [] : keys.slice(start, start + first);
  const rows =
    pageKeys.length === 0
      ? []
      : await prisma.procedure.findMany({ where: { code: { in: pageKeys.map((k) => k.code) } } });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    totalCount: keys.length,
    hasNextPage: start >= 0 && start + first < keys.length,
    // A procedure withdrawn between the two reads is left out rather than failing the page.
    items: pageKeys.flatMap((key) => {
      const row = byCode.get(key.code);
      return row ? [{ key, row }] : [];
    }),
  };
}

/** One page of the catalogue, filtered, searched and ranked. Bad arguments → BAD_USER_INPUT. */
export async function searchProcedures(prisma: PrismaClient, query: ProcedureQuery): Promise<ProcedurePage> {
  const first = checkArguments(query);
  const after = query.after ? decodeCursor(query.after) : null;
  const words = query.search ? searchWords(query.search) : [];
  const where = filters(query);
  const page =
    words.length === 0
      ? await pageWithoutSearch(prisma, where, first, after)
      : await pageWithSearch(prisma, where, words, first, after);
  const edges = page.items.map(({ key, row }) => ({ cursor: encodeCursor(key), node: toProcedureRecord(row) }));
  return {
    edges,
    hasNextPage: page.hasNextPage,
    endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    totalCount: page.totalCount,
  };
}
