/**
 * A sample of current administrative units (two levels since 1 July 2025: 34 provinces, then
 * communes/wards, no district), with the pre-merger province codes whose births they register, the
 * word for a town street there, and the ethnic make-up that the simulator draws people from.
 */

export interface ProvinceSample {
  /** Official name, e.g. `Thành phố Hà Nội`, `Tỉnh Lào Cai`. */
  name: string;
  /** Personal-id province codes of the provinces merged into this one. */
  birthCodes: string[];
  /** Relative share of people born or living here. */
  weight: number;
  /** Wards (phường) and communes (xã) of the province. */
  communes: string[];
  /** `phố` in Hà Nội's inner wards, `đường` elsewhere. */
  streetWord: 'phố' | 'đường';
  /** Rural sub-unit name: `Thôn` in the north and centre, `Ấp` in the south. */
  hamletWord: 'Thôn' | 'Ấp' | 'Bản';
  /** Ethnic groups and their relative shares. */
  ethnicities: Array<[string, number]>;
}

const MOSTLY_KINH: Array<[string, number]> = [['Kinh', 96], ['Hoa', 1], ['Mường', 1], ['Tày', 1], ['Nùng', 1]];

export const PROVINCES: readonly ProvinceSample[] = [
  {
    name: 'Thành phố Hà Nội', birthCodes: ['001'], weight: 14, streetWord: 'phố', hamletWord: 'Thôn',
    communes: ['Phường Ba Đình', 'Phường Hoàn Kiếm', 'Phường Cửa Nam', 'Phường Hai Bà Trưng', 'Phường Đống Đa',
      'Phường Cầu Giấy', 'Phường Tây Hồ', 'Phường Long Biên', 'Phường Hà Đông', 'Phường Thanh Xuân', 'Xã Sóc Sơn'],
    ethnicities: [['Kinh', 97], ['Mường', 2], ['Tày', 1]],
  },
  {
    name: 'Thành phố Hồ Chí Minh', birthCodes: ['079', '074', '077'], weight: 18, streetWord: 'đường', hamletWord: 'Ấp',
    communes: ['Phường Sài Gòn', 'Phường Bến Thành', 'Phường Tân Định', 'Phường Chợ Lớn', 'Phường Thủ Đức',
      'Phường Gia Định', 'Phường Bình Thạnh', 'Phường Thủ Dầu Một', 'Phường Vũng Tàu', 'Xã Củ Chi', 'Xã Cần Giờ'],
    ethnicities: [['Kinh', 92], ['Hoa', 6], ['Khmer', 1], ['Chăm', 1]],
  },
  {
    name: 'Thành phố Hải Phòng', birthCodes: ['031', '030'], weight: 6, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Hồng Bàng', 'Phường Lê Chân', 'Phường Ngô Quyền', 'Phường Kiến An', 'Phường Hải Dương', 'Phường Thủy Nguyên'],
    ethnicities: MOSTLY_KINH,
  },
  {
    name: 'Thành phố Đà Nẵng', birthCodes: ['048', '049'], weight: 5, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Hải Châu', 'Phường Thanh Khê', 'Phường Sơn Trà', 'Phường Ngũ Hành Sơn', 'Phường Hội An', 'Phường Tam Kỳ'],
    ethnicities: [['Kinh', 97], ['Cơ Tu', 2], ['Hoa', 1]],
  },
  {
    name: 'Thành phố Huế', birthCodes: ['046'], weight: 3, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Thuận Hóa', 'Phường Phú Xuân', 'Phường Vỹ Dạ', 'Phường Kim Long', 'Phường Hương Thủy'],
    ethnicities: MOSTLY_KINH,
  },
  {
    name: 'Thành phố Cần Thơ', birthCodes: ['092', '093', '094'], weight: 5, streetWord: 'đường', hamletWord: 'Ấp',
    communes: ['Phường Ninh Kiều', 'Phường Cái Khế', 'Phường Bình Thủy', 'Phường Cái Răng', 'Phường Sóc Trăng', 'Phường Vị Thanh'],
    ethnicities: [['Kinh', 80], ['Khmer', 17], ['Hoa', 3]],
  },
  {
    name: 'Tỉnh Thanh Hóa', birthCodes: ['038'], weight: 7, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Hạc Thành', 'Phường Sầm Sơn', 'Phường Bỉm Sơn', 'Phường Nghi Sơn'],
    ethnicities: [['Kinh', 84], ['Mường', 9], ['Thái', 6], ['H\'Mông', 1]],
  },
  {
    name: 'Tỉnh Nghệ An', birthCodes: ['040'], weight: 7, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Trường Vinh', 'Phường Thành Vinh', 'Phường Vinh Hưng', 'Phường Cửa Lò', 'Phường Hoàng Mai'],
    ethnicities: [['Kinh', 86], ['Thái', 10], ['Khơ Mú', 2], ['H\'Mông', 2]],
  },
  {
    name: 'Tỉnh Quảng Ninh', birthCodes: ['022'], weight: 3, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Hạ Long', 'Phường Bãi Cháy', 'Phường Cẩm Phả', 'Phường Uông Bí'],
    ethnicities: [['Kinh', 88], ['Dao', 6], ['Tày', 4], ['Sán Dìu', 2]],
  },
  {
    name: 'Tỉnh Khánh Hòa', birthCodes: ['056', '058'], weight: 4, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Nha Trang', 'Phường Bắc Nha Trang', 'Phường Cam Ranh', 'Phường Phan Rang'],
    ethnicities: [['Kinh', 90], ['Chăm', 6], ['Raglai', 4]],
  },
  {
    name: 'Tỉnh Lào Cai', birthCodes: ['010', '015'], weight: 3, streetWord: 'đường', hamletWord: 'Bản',
    communes: ['Phường Lào Cai', 'Phường Cam Đường', 'Phường Sa Pa', 'Phường Yên Bái'],
    ethnicities: [['Kinh', 40], ['H\'Mông', 22], ['Tày', 14], ['Dao', 14], ['Giáy', 5], ['Nùng', 5]],
  },
  {
    name: 'Tỉnh Sơn La', birthCodes: ['014'], weight: 2, streetWord: 'đường', hamletWord: 'Bản',
    communes: ['Phường Tô Hiệu', 'Phường Chiềng An', 'Phường Chiềng Sinh'],
    ethnicities: [['Thái', 53], ['Kinh', 17], ['H\'Mông', 17], ['Mường', 8], ['Dao', 5]],
  },
  {
    name: 'Tỉnh Đắk Lắk', birthCodes: ['066', '054'], weight: 4, streetWord: 'đường', hamletWord: 'Thôn',
    communes: ['Phường Buôn Ma Thuột', 'Phường Ea Kao', 'Phường Tuy Hòa'],
    ethnicities: [['Kinh', 72], ['Ê Đê', 16], ['M\'Nông', 4], ['Nùng', 4], ['Tày', 4]],
  },
  {
    name: 'Tỉnh An Giang', birthCodes: ['089', '091'], weight: 5, streetWord: 'đường', hamletWord: 'Ấp',
    communes: ['Phường Long Xuyên', 'Phường Châu Đốc', 'Phường Rạch Giá', 'Phường Hà Tiên'],
    ethnicities: [['Kinh', 87], ['Khmer', 11], ['Hoa', 1], ['Chăm', 1]],
  },
];

/** Where people move for work: the share of residents born elsewhere is drawn from these. */
export const BIG_CITIES = ['Thành phố Hà Nội', 'Thành phố Hồ Chí Minh', 'Thành phố Đà Nẵng', 'Thành phố Hải Phòng', 'Thành phố Cần Thơ'];

export const STREET_NAMES = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Nguyễn Huệ', 'Lê Duẩn',
  'Hùng Vương', 'Điện Biên Phủ', 'Phan Chu Trinh', 'Bà Triệu', 'Trần Phú', 'Nguyễn Du', 'Lê Thánh Tông', 'Võ Thị Sáu',
];
