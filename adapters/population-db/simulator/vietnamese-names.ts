/**
 * Naming patterns by ethnic group. Kinh names are family name + middle name + given name, with the
 * middle name showing sex (Văn, Thị, …); several minorities use their own family names, and the
 * Ê Đê put Y (men) or H' (women) before the given name and the clan name last.
 */
import type { Sex } from '../person-record';

type Weighted = Array<[string, number]>;

interface NamingPattern {
  families: Weighted;
  middle: Record<Sex, string[]>;
  given: Record<Sex, string[]>;
  /** Ê Đê order: prefix + given + family. */
  clanLast?: boolean;
}

const KINH_FAMILIES: Weighted = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2],
  ['Võ', 2], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8],
];

const KINH_GIVEN: Record<Sex, string[]> = {
  MALE: ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hùng', 'Huy', 'Khoa', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng',
    'Tuấn', 'Việt', 'Trung', 'Hiếu', 'Khánh', 'Minh', 'Đức', 'Hải', 'Thành', 'Vinh'],
  FEMALE: ['Anh', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngọc', 'Nhung', 'Phương', 'Thảo',
    'Trang', 'Vy', 'Yến', 'Ngân', 'Giang', 'Thư', 'Châu', 'Huyền', 'Loan', 'Oanh', 'Quyên'],
};

const KINH: NamingPattern = {
  families: KINH_FAMILIES,
  middle: {
    MALE: ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Công', 'Xuân', 'Gia', 'Anh', 'Ngọc'],
    FEMALE: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Bảo', 'Khánh', 'Thị Bích', 'Thị Thu', 'Thị Hồng'],
  },
  given: KINH_GIVEN,
};

const PATTERNS: Record<string, NamingPattern> = {
  Kinh: KINH,
  Hoa: { ...KINH, families: [['Lý', 3], ['Trương', 3], ['Quách', 2], ['Lâm', 3], ['Lưu', 2], ['Mạch', 1]] },
  Thái: { ...KINH, families: [['Lò', 4], ['Cầm', 3], ['Quàng', 2], ['Lường', 2], ['Tòng', 2], ['Vì', 1]], middle: { MALE: ['Văn'], FEMALE: ['Thị'] } },
  Tày: { ...KINH, families: [['Hoàng', 4], ['Nông', 4], ['Lương', 2], ['Ma', 2], ['Triệu', 1], ['Lục', 1]] },
  Nùng: { ...KINH, families: [['Hoàng', 3], ['Nông', 3], ['Lục', 2], ['Vi', 2], ['Lý', 1]] },
  Mường: { ...KINH, families: [['Bùi', 5], ['Đinh', 4], ['Quách', 2], ['Hà', 2], ['Xa', 1]] },
  'H\'Mông': {
    families: [['Giàng', 4], ['Sùng', 3], ['Vàng', 3], ['Thào', 3], ['Lý', 2], ['Mua', 2]],
    middle: { MALE: ['A', 'Seo', 'Mí'], FEMALE: ['Thị'] },
    given: { MALE: ['Páo', 'Chứ', 'Sử', 'Dế', 'Pó', 'Chả', 'Lử'], FEMALE: ['Mai', 'Dua', 'Sua', 'Máy', 'Chở', 'Dở', 'Pà'] },
  },
  Dao: {
    families: [['Triệu', 4], ['Bàn', 4], ['Đặng', 2], ['Lý', 2]],
    middle: { MALE: ['Văn', 'Tòn', 'Kim'], FEMALE: ['Thị', 'Mùi'] },
    given: KINH_GIVEN,
  },
  Khmer: {
    families: [['Thạch', 5], ['Sơn', 3], ['Danh', 3], ['Kim', 2], ['Lâm', 1], ['Châu', 1]],
    middle: { MALE: ['', 'Văn'], FEMALE: ['Thị'] },
    given: { MALE: ['Sô Phanh', 'Sa Rết', 'Sóc Ly', 'Pho', 'Chanh Đa', 'Sà Rinh'], FEMALE: ['Sô Phia', 'Sa Ri', 'Chanh Thy', 'Sà Phol', 'Kim Ngân'] },
  },
  'Ê Đê': {
    families: [['Niê', 4], ['Mlô', 2], ['Byă', 2], ['Êban', 2], ['Ayun', 1]],
    middle: { MALE: ['Y'], FEMALE: ['H\''] },
    given: { MALE: ['Bhin', 'Moan', 'Ngông', 'Jút', 'Blim', 'Khu'], FEMALE: ['Linh', 'Hen', 'Bia', 'Ruê', 'Xuân', 'Duin'] },
    clanLast: true,
  },
};

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function pickWeighted(random: Random, items: ReadonlyArray<readonly [string, number]>): string {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [item, weight] of items) {
    at -= weight;
    if (at < 0) return item;
  }
  return items[items.length - 1][0];
}

/** A full name in the naming pattern of `ethnicity` (Kinh pattern for groups not listed). */
export function vietnameseName(random: Random, sex: Sex, ethnicity: string): string {
  const pattern = PATTERNS[ethnicity] ?? KINH;
  const family = pickWeighted(random, pattern.families);
  const middle = pick(random, pattern.middle[sex]);
  const given = pick(random, pattern.given[sex]);
  if (pattern.clanLast) return `${middle === 'H\'' ? `H'${given}` : `${middle} ${given}`} ${family}`;
  return [family, middle, given].filter(Boolean).join(' ');
}
