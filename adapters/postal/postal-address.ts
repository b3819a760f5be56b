/**
 * Vietnamese postal addresses as the carrier takes them: street detail, commune (phường, xã, đặc khu)
 * and one of the 34 provinces in force since 1 July 2025 (Nghị quyết 202/2025/QH15; two levels, no
 * district). Dossiers keep an address as one line; `parsePostalAddress` splits it and refuses what a
 * carrier would refuse, so a bad address is the applicant's error, not an upstream failure.
 */

export interface PostalAddress {
  /** House number, street, hamlet: everything below the commune, e.g. `Số 12 phố Điện Biên Phủ`. */
  detail: string;
  /** Commune-level unit with its type word, e.g. `Phường Ba Đình`, `Xã Sóc Sơn`, `Đặc khu Phú Quốc`. */
  commune: string;
  /** Province with its type word, as in {@link VIETNAM_PROVINCES}, e.g. `Thành phố Hà Nội`. */
  province: string;
}

/** The 34 provinces and their codes (Quyết định 19/2025/QĐ-TTg). */
export const VIETNAM_PROVINCES: ReadonlyArray<{ code: string; name: string }> = Object.freeze(
  (
    [
      ['01', 'Thành phố Hà Nội'], ['04', 'Tỉnh Cao Bằng'], ['08', 'Tỉnh Tuyên Quang'], ['11', 'Tỉnh Điện Biên'],
      ['12', 'Tỉnh Lai Châu'], ['14', 'Tỉnh Sơn La'], ['15', 'Tỉnh Lào Cai'], ['19', 'Tỉnh Thái Nguyên'],
      ['20', 'Tỉnh Lạng Sơn'], ['22', 'Tỉnh Quảng Ninh'], ['24', 'Tỉnh Bắc Ninh'], ['25', 'Tỉnh Phú Thọ'],
      ['31', 'Thành phố Hải Phòng'], ['33', 'Tỉnh Hưng Yên'], ['37', 'Tỉnh Ninh Bình'], ['38', 'Tỉnh Thanh Hóa'],
      ['40', 'Tỉnh Nghệ An'], ['42', 'Tỉnh Hà Tĩnh'], ['44', 'Tỉnh Quảng Trị'], ['46', 'Thành phố Huế'],
      ['48', 'Thành phố Đà Nẵng'], ['51', 'Tỉnh Quảng Ngãi'], ['52', 'Tỉnh Gia Lai'], ['56', 'Tỉnh Khánh Hòa'],
      ['66', 'Tỉnh Đắk Lắk'], ['68', 'Tỉnh Lâm Đồng'], ['75', 'Tỉnh Đồng Nai'], ['79', 'Thành phố Hồ Chí Minh'],
      ['80', 'Tỉnh Tây Ninh'], ['82', 'Tỉnh Đồng Tháp'], ['86', 'Tỉnh Vĩnh Long'], ['91', 'Tỉnh An Giang'],
      ['92', 'Thành phố Cần Thơ'], ['96', 'Tỉnh Cà Mau'],
    ] as const
  ).map(([code, name]) => ({ code, name })),
);

const TYPE_WORD = /^(thành phố|tp\.?|tỉnh)\s+/u;
const COMMUNE_WORD = /^(phường|xã|đặc khu)\s+\S/u;

/** Lower case, NFC, single spaces, without the type word: `TP. Hồ Chí Minh` → `hồ chí minh`. */
const bareName = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(TYPE_WORD, '');

const BY_BARE_NAME = new Map(VIETNAM_PROVINCES.map((p) => [bareName(p.name), p]));

/** The province named by `text` (`Hà Nội`, `TP. Hà Nội`, `Thành phố Hà Nội`…), or undefined. */
export function findProvince(text: string): { code: string; name: string } | undefined {
  return BY_BARE_NAME.get(bareName(text));
}

/** The province of a code such as `01` or `79`, or undefined. */
export const provinceByCode = (code: string) => VIETNAM_PROVINCES.find((p) => p.code === code);

const clean = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * Splits `Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội` into detail, commune and
 * province (canonical name). Null when the last part is no province, the one before it no commune,
 * or nothing is left for the street.
 */
export function parsePostalAddress(line: string): PostalAddress | null {
  const parts = line.split(',').map(clean).filter((p) => p.length > 0);
  if (parts.length < 3) return null;
  const province = findProvince(parts[parts.length - 1]);
  const commune = parts[parts.length - 2];
  if (!province || !COMMUNE_WORD.test(commune.toLowerCase())) return null;
  const communeName = commune.charAt(0).toUpperCase() + commune.slice(1);
  return { detail: parts.slice(0, -2).join(', '), commune: communeName, province: province.name };
}

/** The address on one line, as printed on a label. */
export const formatPostalAddress = (address: PostalAddress) => `${address.detail}, ${address.commune}, ${address.province}`;
