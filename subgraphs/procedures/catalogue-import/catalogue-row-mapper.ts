/**
 * One catalogue row → the input of `parseProcedureInput`, plus the problems found on the way, each
 * naming its column. Cells hold text as agencies write it ("50.000 đồng", "Cấp xã", "Toàn trình");
 * this module reads that text, the procedure rules themselves stay in `parseProcedureInput`.
 */
import type { EFormDefinition } from '../e-form/e-form-definition';
import { AGENCY_CODE } from '../catalogue/procedure-schema';
import { normaliseSearchText } from '../catalogue/search-text';
import { legalBasis } from '../seed/seed-builders';
import { CatalogueColumn as C, REQUIRED_COLUMNS, type CatalogueColumn } from './catalogue-columns';
import type { CatalogueRow } from './catalogue-rows';

export interface RowProblem {
  /** The column as the catalogue names it, e.g. `Mã thủ tục`; `(e-form)` for the generated e-form. */
  column: string;
  message: string;
}

export interface LookupAgency {
  code: string;
  name: string;
  address: string | null;
  receptionHours: string | null;
}

/** The `agency` and `procedure_field` tables, read once per import. */
export interface CatalogueLookups {
  agencies: ReadonlyMap<string, LookupAgency>;
  /** Normalised agency name → code (names that two agencies share are left out). */
  agencyCodeByName: ReadonlyMap<string, string>;
  fields: ReadonlyMap<string, string>;
  /** Normalised field name → code. */
  fieldCodeByName: ReadonlyMap<string, string>;
}

export function buildLookups(agencies: readonly LookupAgency[], fields: ReadonlyArray<{ code: string; name: string }>): CatalogueLookups {
  const byName = new Map<string, string | null>();
  for (const a of agencies) {
    const key = normaliseSearchText(a.name);
    byName.set(key, byName.has(key) ? null : a.code);
  }
  return {
    agencies: new Map(agencies.map((a) => [a.code, a])),
    agencyCodeByName: new Map([...byName].filter((e): e is [string, string] => e[1] !== null)),
    fields: new Map(fields.map((f) => [f.code, f.name])),
    fieldCodeByName: new Map(fields.map((f) => [normaliseSearchText(f.name), f.code])),
  };
}

/** Reception hours when the agency publishes none. */
const DEFAULT_HOURS = 'Giờ hành chính các ngày làm việc';

/** The three steps every one-stop procedure has when the file lists none. */
const ONE_STOP_STEPS = [
  'Tổ chức, cá nhân nộp hồ sơ trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến',
  'Bộ phận Một cửa tiếp nhận, kiểm tra hồ sơ; cơ quan có thẩm quyền giải quyết',
  'Trả kết quả cho tổ chức, cá nhân',
];

/**
 * The catalogue files carry no e-form: an imported procedure gets the hub's general application
 * form (identity prefilled from the population database, contact, request), which the operator
 * replaces through the e-form definitions API when the procedure has a form of its own.
 */
export function generalApplicationForm(procedureName: string): EFormDefinition {
  return {
    code: 'TO_KHAI_CHUNG',
    title: `Tờ khai đề nghị giải quyết thủ tục: ${procedureName}`.slice(0, 300),
    fields: [
      { key: 'hoTen', label: 'Họ, chữ đệm và tên', type: 'TEXT', required: true, binding: 'citizen.fullName', maxLength: 100 },
      { key: 'soDinhDanh', label: 'Số định danh cá nhân', type: 'PERSONAL_ID', required: true, binding: 'citizen.personalId' },
      { key: 'noiThuongTru', label: 'Nơi thường trú', type: 'TEXT', required: true, binding: 'citizen.permanentAddress', maxLength: 250 },
      { key: 'soDienThoai', label: 'Số điện thoại di động', type: 'PHONE', required: true },
      { key: 'noiDungDeNghi', label: 'Nội dung đề nghị', type: 'TEXT', required: true, maxLength: 2000 },
    ],
  };
}

/** Lines of a multi-valued cell: one per line, else separated by `;`; bullets and numbering removed. */
export function splitList(cell: string): string[] {
  const parts = /\r?\n/.test(cell) ? cell.split(/\r?\n/) : cell.split(';');
  return parts.map((p) => p.replace(/^\s*(?:[-+•*]|\d{1,2}[.)])\s*/u, '').trim()).filter((p) => p !== '');
}

export function parseFee(cell: string): number | null {
  const words = normaliseSearchText(cell);
  if (/^(0|khong|mien phi|khong thu|khong thu phi|khong co|khong thu phi le phi)$/.test(words)) return 0;
  const amount = cell.replace(/\s*(đồng|đ|vnđ|vnd)\.?$/iu, '').replace(/\s/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(amount)) return Number(amount.replace(/[.,]/g, ''));
  return /^\d+$/.test(amount) ? Number(amount) : null;
}

export function parseProcessingTime(cell: string): { workingDays: number } | { workingHours: number } | null {
  const words = normaliseSearchText(cell);
  const days = /^(\d{1,4})( ngay( lam viec)?)?$/.exec(words);
  if (days) return { workingDays: Number(days[1]) };
  const hours = /^(\d{1,4}) (gio|h)( lam viec)?$/.exec(words);
  return hours ? { workingHours: Number(hours[1]) } : null;
}

export function parseOnlineLevel(cell: string): number | null {
  const words = normaliseSearchText(cell);
  const level = /^(muc do |muc |dvc muc do )?([1-4])$/.exec(words);
  if (level) return Number(level[2]);
  if (words.includes('toan trinh')) return 4;
  if (words.includes('mot phan')) return 3;
  return null;
}

type Level = 'PROVINCE' | 'COMMUNE' | 'CENTRAL';

export function parseLevels(cell: string): Level[] | string {
  const levels: Level[] = [];
  for (const part of cell.split(/[;,\n]/).map(normaliseSearchText).filter(Boolean)) {
    const words = part.split(' ');
    const level: Level | null = words.includes('tinh') || part === 'province' ? 'PROVINCE'
      : words.includes('xa') || words.includes('phuong') || part === 'commune' ? 'COMMUNE'
      : part.includes('trung uong') || part === 'central' ? 'CENTRAL'
      : null;
    if (words.includes('huyen')) return 'no district level since 1 July 2025: use Cấp tỉnh or Cấp xã';
    if (!level) return `"${part}" is not a level (Cấp tỉnh, Cấp xã)`;
    if (!levels.includes(level)) levels.push(level);
  }
  return levels;
}

export function parseSubjects(cell: string): Array<'INDIVIDUAL' | 'ORGANIZATION'> {
  const words = normaliseSearchText(cell);
  const subjects: Array<'INDIVIDUAL' | 'ORGANIZATION'> = [];
  if (/\b(cong dan|ca nhan|individual|nguoi)\b/.test(words)) subjects.push('INDIVIDUAL');
  if (/\b(to chuc|doanh nghiep|organization|hop tac xa)\b/.test(words)) subjects.push('ORGANIZATION');
  return subjects;
}

function componentOf(text: string) {
  const words = normaliseSearchText(text);
  const kind = /ban sao (co )?chung thuc/.test(words) ? 'CERTIFIED_COPY' : /ban sao/.test(words) ? 'COPY' : 'ORIGINAL';
  const count = /(\d{1,2}) ban\b/.exec(words);
  return { name: text, kind, count: count ? Math.max(1, Number(count[1])) : 1 };
}

function parseMethods(cell: string): string[] {
  const words = normaliseSearchText(cell);
  return [
    ...(words.includes('truc tiep') ? ['IN_PERSON'] : []),
    ...(words.includes('truc tuyen') ? ['ONLINE'] : []),
    ...(words.includes('buu chinh') ? ['POSTAL'] : []),
  ];
}

/** Which column a `parseProcedureInput` problem belongs to, by its field path. */
export function columnOfField(field: string, row?: CatalogueRow): string {
  if (field === 'description' && row && !row.values[C.description]) return C.name;
  const rules: Array<[RegExp, string]> = [
    [/^code/, C.code],
    [/^name/, C.name],
    [/^description/, C.description],
    [/^(onlineLevel|fullOnline)/, C.onlineLevel],
    [/^field/, C.field],
    [/^(agency|details\.agencies\.(deciding|delegated))/, C.agency],
    [/^details\.agencies\.coordinating/, C.coordinating],
    [/^(implementationLevel|details\.handlingLevels)/, C.level],
    [/^subjects/, C.subjects],
    [/^processingTimes/, C.processingTime],
    [/^fees/, C.fee],
    [/^resultDocument/, C.result],
    [/^details\.receptionPlaces/, C.receptionPlace],
    [/^details\.steps/, C.steps],
    [/^details\.methods/, C.methods],
    [/^details\.components/, C.components],
    [/^details\.legalBases/, C.legalBases],
    [/^details\.requirements/, C.requirements],
    [/^eForm/, '(e-form)'],
  ];
  return rules.find(([re]) => re.test(field))?.[1] ?? field;
}

/** The procedure input of a row and the problems of its cells; `parseProcedureInput` checks the rest. */
export function mapCatalogueRow(row: CatalogueRow, lookups: CatalogueLookups): { input: Record<string, unknown>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ column, message });
  const cell = (column: CatalogueColumn) => row.values[column] ?? '';
  for (const column of REQUIRED_COLUMNS) {
    if (cell(column) === '') problem(column, column in row.values ? 'is empty' : 'column is missing from the file');
  }
  const has = (column: CatalogueColumn) => cell(column) !== '';
  const input: Record<string, unknown> = {};
  const name = cell(C.name);
  if (has(C.code)) input.code = cell(C.code);
  if (has(C.name)) input.name = name;
  // Without a description column the name stands in; an empty name is then reported once, under its own column.
  if (has(C.description) || name !== '') input.description = cell(C.description) || name;
  if (has(C.result)) input.resultDocument = cell(C.result);

  let agency: LookupAgency | undefined;
  if (has(C.agency)) {
    const value = cell(C.agency);
    const code = AGENCY_CODE.test(value) ? value : lookups.agencyCodeByName.get(normaliseSearchText(value));
    agency = code ? lookups.agencies.get(code) : undefined;
    if (agency) {
      input.agencyCode = agency.code;
      input.agencyName = agency.name;
    } else problem(C.agency, `unknown agency "${value}" (give a code of the agencies catalogue, e.g. 000.00.12.H26)`);
  }
  if (has(C.field)) {
    const value = cell(C.field);
    const code = lookups.fields.has(value.toUpperCase()) ? value.toUpperCase() : lookups.fieldCodeByName.get(normaliseSearchText(value));
    if (code) {
      input.fieldCode = code;
      input.fieldName = lookups.fields.get(code);
    } else problem(C.field, `unknown field "${value}" (give a code or name of the fields catalogue)`);
  }
  if (has(C.onlineLevel)) {
    const level = parseOnlineLevel(cell(C.onlineLevel));
    if (level) input.onlineLevel = level;
    else problem(C.onlineLevel, `"${cell(C.onlineLevel)}" is not a level 1–4 (or Toàn trình / Một phần)`);
  }
  let levels: Level[] = [];
  if (has(C.level)) {
    const parsed = parseLevels(cell(C.level));
    if (typeof parsed === 'string') problem(C.level, parsed);
    else {
      levels = parsed;
      const implementation = parsed.find((l) => l !== 'CENTRAL');
      if (implementation) input.implementationLevel = implementation;
      else problem(C.level, 'must include Cấp tỉnh or Cấp xã');
    }
  }
  if (has(C.processingTime)) {
    const time = parseProcessingTime(cell(C.processingTime));
    if (time) input.processingTimes = [{ caseCode: 'MAC_DINH', caseName: 'Thời hạn giải quyết', ...time }];
    else problem(C.processingTime, `"${cell(C.processingTime)}" is not a number of working days (e.g. 15) or hours (e.g. 4 giờ)`);
  }
  if (has(C.fee)) {
    const amount = parseFee(cell(C.fee));
    if (amount !== null) input.fees = [{ caseCode: 'MAC_DINH', caseName: amount === 0 ? 'Không thu phí, lệ phí' : 'Phí, lệ phí', amountVnd: amount }];
    else problem(C.fee, `"${cell(C.fee)}" is not a whole amount in VND (e.g. 50000, 50.000 or Không)`);
  }
  if (has(C.subjects)) {
    const subjects = parseSubjects(cell(C.subjects));
    if (subjects.length > 0) input.subjects = subjects;
    else problem(C.subjects, `"${cell(C.subjects)}" names neither Công dân / Cá nhân nor Tổ chức`);
  }
  let methods = has(C.methods) ? parseMethods(cell(C.methods)) : null;
  if (methods?.length === 0) {
    problem(C.methods, `"${cell(C.methods)}" names none of Trực tiếp, Trực tuyến, Bưu chính`);
    methods = null;
  }
  const coordinating = has(C.coordinating) ? cell(C.coordinating).split(/[;,\s]+/).filter(Boolean) : [];
  for (const code of coordinating) if (!lookups.agencies.has(code)) problem(C.coordinating, `unknown agency "${code}"`);

  const onlineLevel = typeof input.onlineLevel === 'number' ? input.onlineLevel : 1;
  const steps = has(C.steps) ? splitList(cell(C.steps)).map((s) => s.replace(/^bước\s*\d+\s*[:.)-]?\s*/iu, '')) : ONE_STOP_STEPS;
  input.details = {
    receptionPlaces: [
      {
        place: cell(C.receptionPlace) || `Bộ phận Một cửa – ${agency?.name ?? cell(C.agency)}`,
        ...(!has(C.receptionPlace) && agency?.address ? { address: agency.address } : {}),
        hours: agency?.receptionHours ?? DEFAULT_HOURS,
      },
    ],
    steps: steps.map((description, i) => ({ order: i + 1, description })),
    methods: methods ?? (onlineLevel >= 3 ? ['IN_PERSON', 'ONLINE', 'POSTAL'] : ['IN_PERSON', 'POSTAL']),
    components: splitList(cell(C.components)).map(componentOf),
    agencies: { deciding: agency?.code ?? cell(C.agency), coordinating },
    forms: [],
    requirements: splitList(cell(C.requirements)),
    legalBases: splitList(cell(C.legalBases)).map(legalBasis),
    handlingLevels: levels.length > 0 ? levels : [input.implementationLevel ?? 'PROVINCE'],
  };
  input.eForm = generalApplicationForm(name || 'thủ tục hành chính');
  return { input, problems };
}
