/**
 * Deterministic, realistic organisations for the simulator: the same seed always gives the same
 * registry. Codes carry valid check digits and start with the tax authority's code of the province
 * where they were issued; some enterprises have branches (NNNNNNNNNN-001…); representatives have
 * personal ids that agree with their sex and year of birth.
 */
import { address, personalIdPrefix, type Address, type Sex } from '../../population-db';
import { PROVINCES, STREET_NAMES, type ProvinceSample } from '../../population-db/simulator/administrative-units';
import { seededRandom } from '../../population-db/simulator/population-generator';
import { pick, pickWeighted, vietnameseName, type Random } from '../../population-db/simulator/vietnamese-names';
import type { LegalRepresentative, OrganizationRecord } from '../organization-record';
import { completeTaxCode } from '../tax-code';
import { ORGANIZATION_STATUSES } from '../wsdl';

/** First two digits of codes issued in each province (the pre-2025 tax department codes). */
export const TAX_PROVINCE_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  'Thành phố Hà Nội': '01', 'Thành phố Hồ Chí Minh': '03', 'Thành phố Hải Phòng': '02', 'Thành phố Đà Nẵng': '04',
  'Thành phố Huế': '33', 'Thành phố Cần Thơ': '18', 'Tỉnh Thanh Hóa': '28', 'Tỉnh Nghệ An': '29', 'Tỉnh Quảng Ninh': '57',
  'Tỉnh Khánh Hòa': '42', 'Tỉnh Lào Cai': '53', 'Tỉnh Sơn La': '55', 'Tỉnh Đắk Lắk': '60', 'Tỉnh An Giang': '16',
});

interface LegalForm {
  /** Loại hình as the registry writes it. */
  legalForm: string;
  /** How the name starts. */
  namePrefix: string;
  /** English suffix, or null when such firms rarely register a foreign name. */
  englishSuffix: string | null;
  titles: string[];
}

const LEGAL_FORMS: ReadonlyArray<readonly [LegalForm, number]> = [
  [{ legalForm: 'Công ty trách nhiệm hữu hạn một thành viên', namePrefix: 'Công ty TNHH', englishSuffix: 'COMPANY LIMITED', titles: ['Giám đốc', 'Giám đốc', 'Chủ tịch công ty'] }, 35],
  [{ legalForm: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên', namePrefix: 'Công ty TNHH', englishSuffix: 'COMPANY LIMITED', titles: ['Giám đốc', 'Tổng giám đốc', 'Chủ tịch Hội đồng thành viên'] }, 25],
  [{ legalForm: 'Công ty cổ phần', namePrefix: 'Công ty Cổ phần', englishSuffix: 'JOINT STOCK COMPANY', titles: ['Tổng giám đốc', 'Giám đốc', 'Chủ tịch Hội đồng quản trị'] }, 25],
  [{ legalForm: 'Doanh nghiệp tư nhân', namePrefix: 'Doanh nghiệp tư nhân', englishSuffix: null, titles: ['Chủ doanh nghiệp'] }, 12],
  [{ legalForm: 'Công ty hợp danh', namePrefix: 'Công ty Hợp danh', englishSuffix: 'PARTNERSHIP', titles: ['Thành viên hợp danh'] }, 1],
];

const SECTORS: ReadonlyArray<readonly [string, string]> = [
  ['Thương mại', 'TRADING'], ['Thương mại và Dịch vụ', 'TRADING AND SERVICES'], ['Xây dựng', 'CONSTRUCTION'],
  ['Công nghệ', 'TECHNOLOGY'], ['Vận tải', 'TRANSPORT'], ['Du lịch', 'TRAVEL'], ['Thực phẩm', 'FOODS'],
  ['Đầu tư', 'INVESTMENT'], ['Xuất nhập khẩu', 'IMPORT EXPORT'], ['Dược phẩm', 'PHARMACEUTICAL'],
  ['Nông sản', 'AGRICULTURAL PRODUCTS'], ['Cơ khí', 'MECHANICAL ENGINEERING'], ['May mặc', 'GARMENT'],
];

const BRANDS = [
  'Hoàng Long', 'Minh Phát', 'Thành Công', 'Phú Quý', 'Đại Việt', 'Hưng Thịnh', 'An Phát', 'Sao Mai', 'Trường Sơn',
  'Bình Minh', 'Tân Tiến', 'Hòa Bình', 'Kim Ngân', 'Việt Tiến', 'Phương Nam', 'Hồng Hà', 'Đông Á', 'Nam Việt',
  'Thiên Phúc', 'Gia Bảo', 'Hải Đăng', 'Lộc Phát', 'Tràng An', 'Cửu Long',
];

const STATUSES: ReadonlyArray<readonly [string, number]> = [
  [ORGANIZATION_STATUSES.ACTIVE, 85], [ORGANIZATION_STATUSES.SUSPENDED, 8],
  [ORGANIZATION_STATUSES.DISSOLVING, 2], [ORGANIZATION_STATUSES.DISSOLVED, 5],
];

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const provinceWeights = PROVINCES.map((p) => [p.name, p.weight] as const);
const provinceNamed = (name: string) => PROVINCES.find((p) => p.name === name)!;

/** `Hoàng Long` → `HOANG LONG`: foreign names are written without diacritics. */
const unaccented = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();

/** `Tỉnh Nghệ An` → `Nghệ An`, as in "Chi nhánh … tại Nghệ An". */
const shortProvince = (name: string) => name.replace(/^(Thành phố|Tỉnh) /, '');

function date(random: Random, fromYear: number, toYear: number): string {
  const year = int(random, fromYear, toYear);
  const month = int(random, 1, 12);
  return `${year}-${pad(month)}-${pad(int(random, 1, daysIn(year, month)))}`;
}

function officeAddress(random: Random, where: ProvinceSample): Address {
  const commune = pick(random, where.communes);
  const street = random() < 0.3
    ? `Tầng ${int(random, 2, 25)}, số ${int(random, 1, 300)} ${where.streetWord} ${pick(random, STREET_NAMES)}`
    : `Số ${int(random, 1, 300)} ${where.streetWord} ${pick(random, STREET_NAMES)}`;
  return address(street, commune, where.name);
}

function representative(random: Random, title: string, takenIds: Set<string>): LegalRepresentative {
  for (;;) {
    const sex: Sex = random() < 0.6 ? 'MALE' : 'FEMALE';
    const birthplace = provinceNamed(pickWeighted(random, provinceWeights));
    const ethnicity = pickWeighted(random, birthplace.ethnicities);
    const year = int(random, 1955, 2000);
    const personalId = `${personalIdPrefix(pick(random, birthplace.birthCodes), sex, year)}${pad(int(random, 0, 999_999), 6)}`;
    if (takenIds.has(personalId)) continue;
    takenIds.add(personalId);
    return { fullName: vietnameseName(random, sex, ethnicity), personalId, title };
  }
}

function newTaxCode(random: Random, province: string, taken: Set<string>): string {
  const prefix = TAX_PROVINCE_PREFIXES[province] ?? '01';
  for (;;) {
    const code = completeTaxCode(`${prefix}${pad(int(random, 0, 9_999_999), 7)}`);
    if (code && !taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/**
 * `count` enterprises from `seed`, each followed by its branches (about one enterprise in seven has
 * one to three). Codes in `reserved` are never produced (the fixed organisations and the absent code).
 */
export function generateOrganizations(seed: number, count: number, reserved: ReadonlySet<string> = new Set()): OrganizationRecord[] {
  const random = seededRandom(seed);
  const takenCodes = new Set(reserved);
  const takenIds = new Set<string>();
  const out: OrganizationRecord[] = [];
  for (let n = 0; n < count; n += 1) {
    const form = LEGAL_FORMS[Number(pickWeighted(random, LEGAL_FORMS.map(([, w], i) => [String(i), w] as const)))][0];
    const [sector, sectorEn] = pick(random, SECTORS);
    const brand = pick(random, BRANDS);
    const where = provinceNamed(pickWeighted(random, provinceWeights));
    const taxCode = newTaxCode(random, where.name, takenCodes);
    const registrationDate = date(random, 2000, 2025);
    const status = pickWeighted(random, STATUSES);
    const name = `${form.namePrefix} ${sector} ${brand}`;
    out.push({
      taxCode,
      name,
      englishName: form.englishSuffix && random() < 0.6 ? `${unaccented(brand)} ${sectorEn} ${form.englishSuffix}` : null,
      legalForm: form.legalForm,
      headOfficeAddress: officeAddress(random, where),
      legalRepresentative: representative(random, pick(random, form.titles), takenIds),
      registrationDate,
      status,
    });
    if (random() >= 0.15) continue;
    const branches = int(random, 1, 3);
    for (let b = 1; b <= branches; b += 1) {
      const branchWhere = provinceNamed(pickWeighted(random, provinceWeights));
      const drawn = date(random, Number(registrationDate.slice(0, 4)), 2025);
      out.push({
        taxCode: `${taxCode}-${pad(b, 3)}`,
        name: `Chi nhánh ${name} tại ${shortProvince(branchWhere.name)}`,
        englishName: null,
        legalForm: 'Chi nhánh',
        headOfficeAddress: officeAddress(random, branchWhere),
        legalRepresentative: representative(random, 'Giám đốc chi nhánh', takenIds),
        registrationDate: drawn < registrationDate ? registrationDate : drawn,
        // A branch does not outlive its enterprise.
        status: status === ORGANIZATION_STATUSES.DISSOLVED ? status : pickWeighted(random, STATUSES),
      });
    }
  }
  return out;
}
