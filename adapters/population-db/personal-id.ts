/**
 * The 12-digit personal identification number (số định danh cá nhân, Decree 137/2015/NĐ-CP and
 * Circular 59/2021/TT-BCA): 3 digits for the province where the birth was registered, 1 digit for
 * century and sex, 2 digits for the year of birth, 6 random digits. Numbers already issued keep the
 * codes of the 63 provinces that existed before the 1 July 2025 merger, so all 63 stay valid.
 */
import type { Sex } from './person-record';

/** Province code → province (pre-2025 name) in personal identification numbers. */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
});

/** Oldest plausible age of a living person; older birth years are treated as typing errors. */
const MAX_AGE_YEARS = 125;

export interface PersonalIdParts {
  provinceCode: string;
  provinceName: string;
  sex: Sex;
  birthYear: number;
}

export type PersonalIdProblem = 'FORMAT' | 'PROVINCE' | 'CENTURY' | 'YEAR';

export type PersonalIdCheck =
  | { valid: true; parts: PersonalIdParts }
  | { valid: false; problem: PersonalIdProblem; message: string };

/** Even digits are men, odd digits women; each pair is one century starting at 1900 (8 and 9: the 1800s). */
const centuryOf = (digit: number) => (digit >= 8 ? 1800 : 1900 + Math.floor(digit / 2) * 100);

/**
 * Checks that a personal identification number is well formed and plausible today: 12 digits, a
 * known province code, and a century/sex digit and year digits giving a birth year neither in the
 * future nor more than 125 years ago.
 */
export function checkPersonalId(id: string, today: Date = new Date()): PersonalIdCheck {
  if (!/^[0-9]{12}$/.test(id)) return { valid: false, problem: 'FORMAT', message: 'must be exactly 12 digits' };
  const provinceCode = id.slice(0, 3);
  const provinceName = BIRTH_PROVINCE_CODES[provinceCode];
  if (!provinceName) return { valid: false, problem: 'PROVINCE', message: `unknown province code ${provinceCode}` };
  const centuryDigit = Number(id[3]);
  const birthYear = centuryOf(centuryDigit) + Number(id.slice(4, 6));
  const thisYear = today.getUTCFullYear();
  if (centuryOf(centuryDigit) > thisYear || centuryOf(centuryDigit) + 99 < thisYear - MAX_AGE_YEARS) {
    return { valid: false, problem: 'CENTURY', message: `century/sex digit ${centuryDigit} is not plausible` };
  }
  if (birthYear > thisYear || birthYear < thisYear - MAX_AGE_YEARS) {
    return { valid: false, problem: 'YEAR', message: `birth year ${birthYear} is not plausible` };
  }
  return { valid: true, parts: { provinceCode, provinceName, sex: centuryDigit % 2 === 0 ? 'MALE' : 'FEMALE', birthYear } };
}

/** The first six digits for a person: province code, century/sex digit, two year digits. */
export function personalIdPrefix(provinceCode: string, sex: Sex, birthYear: number): string {
  if (!BIRTH_PROVINCE_CODES[provinceCode]) throw new Error(`unknown province code ${provinceCode}`);
  const century = Math.floor(birthYear / 100) * 100;
  const base = century === 1800 ? 8 : (century - 1900) / 50;
  if (!Number.isInteger(base) || base < 0 || base > 8) throw new Error(`no century digit for ${birthYear}`);
  const digit = base + (sex === 'FEMALE' ? 1 : 0);
  return `${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}`;
}
