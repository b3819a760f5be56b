/**
 * Reading and writing the `agency` table. `upsertAgency` checks the whole input first — code format
 * (QCVN 102:2016), level, units that exist and nest (the commune lies in the province), parent
 * agency — and writes one row or nothing.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { Agency as AgencyRow } from '../../shared/storage/generated/client';
import { matchesAllWords, normaliseSearchText, searchWords } from '../catalogue/search-text';
import { AGENCY_CODE } from '../catalogue/procedure-schema';
import { AdministrativeUnitDirectory } from './administrative-unit-directory';
import { unitNotFound } from './administrative-unit-query';
import { AdministrativeUnitKind } from './shipped-units';

export const AGENCY_LEVELS = ['CENTRAL', 'PROVINCE', 'COMMUNE'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface AgencyQuery {
  /** @default any */
  provinceCode?: string | null;
  /** CENTRAL, PROVINCE or COMMUNE. @default any */
  level?: string | null;
  /** Words of the name, with or without diacritics. @default none */
  search?: string | null;
}

export interface AgencyUpsert {
  code: string;
  name: string;
  level: string;
  provinceCode?: string | null;
  communeCode?: string | null;
  parentCode?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  receptionHours?: string | null;
  cutoffHour?: number | null;
}

const PHONE = /^\+?[0-9][0-9 .()-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const invalid = (field: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

export function agencyNotFound(code: string, field = 'code'): LienthongError {
  return new LienthongError(ErrorCode.AGENCY_NOT_FOUND, {
    vi: `Không có cơ quan mã ${code} (${field}).`,
    en: `No agency has the code ${code} (${field}).`,
    details: { field, agencyCode: code },
  });
}

function checkLevel(level: string, field: string): AgencyLevel {
  if (!(AGENCY_LEVELS as readonly string[]).includes(level)) {
    throw invalid(field, `Cấp cơ quan phải là một trong ${AGENCY_LEVELS.join(', ')}.`, `level must be one of ${AGENCY_LEVELS.join(', ')}.`);
  }
  return level as AgencyLevel;
}

/** Agencies by province, level and name words, ordered by code. */
export async function listAgencies(prisma: PrismaClient, query: AgencyQuery): Promise<AgencyRow[]> {
  const level = query.level != null ? checkLevel(query.level, 'level') : undefined;
  const rows = await prisma.agency.findMany({
    where: { ...(query.provinceCode != null ? { provinceCode: query.provinceCode } : {}), ...(level ? { level } : {}) },
    orderBy: { code: 'asc' },
  });
  const words = searchWords(query.search ?? '');
  return words.length === 0 ? rows : rows.filter((r) => matchesAllWords(normaliseSearchText(`${r.code} ${r.name}`), words));
}

export async function requireAgency(prisma: PrismaClient, code: string): Promise<AgencyRow> {
  const row = await prisma.agency.findUnique({ where: { code } });
  if (!row) throw agencyNotFound(code);
  return row;
}

/** Trimmed text, or null when blank; longer than `max` is the caller's mistake. */
function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw invalid(field, `${field} dài tối đa ${max} ký tự.`, `${field} is at most ${max} characters.`);
  return text === '' ? null : text;
}

/** Checks an agency as an operator sends it; returns the row to write. */
export async function checkAgencyInput(prisma: PrismaClient, input: AgencyUpsert): Promise<Omit<AgencyRow, 'updatedAt'>> {
  const code = input.code.trim();
  if (!AGENCY_CODE.test(code)) {
    throw invalid('code', 'Mã cơ quan phải theo QCVN 102:2016, ví dụ 000.00.12.H26.', 'The agency code must follow QCVN 102:2016, e.g. 000.00.12.H26.');
  }
  const name = optionalText(input.name, 'name', 500);
  if (!name) throw invalid('name', 'Tên cơ quan không được để trống.', 'The agency name must not be empty.');
  const level = checkLevel(input.level, 'level');
  const provinceCode = optionalText(input.provinceCode, 'provinceCode', 2);
  const communeCode = optionalText(input.communeCode, 'communeCode', 5);
  if (level !== 'CENTRAL' && !provinceCode) throw invalid('provinceCode', 'Cơ quan cấp tỉnh, cấp xã phải có mã tỉnh.', 'A province or commune agency needs provinceCode.');
  if (level === 'COMMUNE' && !communeCode) throw invalid('communeCode', 'Cơ quan cấp xã phải có mã xã.', 'A commune agency needs communeCode.');
  if (communeCode && !provinceCode) throw invalid('provinceCode', 'Có mã xã thì phải có mã tỉnh.', 'communeCode needs provinceCode.');

  const units = AdministrativeUnitDirectory.for(prisma);
  if (provinceCode) {
    const province = await units.get(provinceCode);
    if (!province || province.kind !== AdministrativeUnitKind.PROVINCE) throw unitNotFound(provinceCode, 'provinceCode');
  }
  if (communeCode) {
    const commune = await units.get(communeCode);
    if (!commune || commune.kind !== AdministrativeUnitKind.COMMUNE) throw unitNotFound(communeCode, 'communeCode');
    if (commune.provinceCode !== provinceCode) {
      throw invalid('communeCode', `${commune.name} không thuộc tỉnh, thành phố mã ${provinceCode}.`, `${commune.name} does not lie in province ${provinceCode}.`);
    }
  }
  const parentCode = optionalText(input.parentCode, 'parentCode', 20);
  if (parentCode) {
    if (parentCode === code) throw invalid('parentCode', 'Cơ quan không thể là cấp trên của chính nó.', 'An agency cannot be its own parent.');
    if (!(await prisma.agency.findUnique({ where: { code: parentCode }, select: { code: true } }))) throw agencyNotFound(parentCode, 'parentCode');
  }
  const phone = optionalText(input.phone, 'phone', 20);
  if (phone && !PHONE.test(phone)) throw invalid('phone', 'Số điện thoại không hợp lệ.', 'The phone number is not valid.');
  const email = optionalText(input.email, 'email', 254);
  if (email && !EMAIL.test(email)) throw invalid('email', 'Thư điện tử không hợp lệ.', 'The email address is not valid.');
  const cutoffHour = input.cutoffHour ?? null;
  if (cutoffHour !== null && (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 23)) {
    throw invalid('cutoffHour', 'Giờ chốt phải từ 0 đến 23.', 'cutoffHour must be an hour 0–23.');
  }
  return {
    code,
    name,
    level,
    provinceCode,
    communeCode,
    parentCode,
    address: optionalText(input.address, 'address', 500),
    phone,
    email,
    receptionHours: optionalText(input.receptionHours, 'receptionHours', 500),
    cutoffHour,
  };
}

/** Creates or replaces an agency after {@link checkAgencyInput}. */
export async function upsertAgency(prisma: PrismaClient, input: AgencyUpsert): Promise<AgencyRow> {
  const { code, ...data } = await checkAgencyInput(prisma, input);
  return prisma.agency.upsert({ where: { code }, create: { code, ...data }, update: data });
}
