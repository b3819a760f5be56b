/**
 * Fixed, documented people that every population simulator holds whatever its seed, for demos and
 * tests. Their ids agree with them: province of birth, century/sex digit and year digits.
 *
 * | personalId   | name                | born       | notes                                   |
 * |--------------|---------------------|------------|-----------------------------------------|
 * | 001090012345 | Nguyễn Văn An       | 1990-03-15 | Hà Nội; the demo citizen                |
 * | 079195001234 | Trần Thị Bích Ngọc  | 1995-11-02 | TP.HCM; lives at a different address    |
 * | 048203000789 | Lê Minh Khoa        | 2003-08-20 | Đà Nẵng; no current address recorded    |
 * | 038300005678 | Lê Thị Hồng Nhung   | 2000-02-29 | Thanh Hóa; born on a leap day           |
 * | 092187004321 | Thạch Thị Sa Ri     | 1987-06-09 | Cần Thơ; Khmer                          |
 * | 001085000000 | (nobody)            |            | well formed, never present: not found   |
 */
import { address, type PersonRecord } from './person-record';
import { toPersonRecord, type SourcePerson } from './wire-format';

const HA_NOI = 'Thành phố Hà Nội';
const HCM = 'Thành phố Hồ Chí Minh';

/** The people as the source holds them (hometown as an address). */
export const FIXED_SOURCE_PEOPLE: readonly SourcePerson[] = Object.freeze([
  {
    personalId: '001090012345',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-03-15',
    sex: 'MALE',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    hometown: address(null, 'Xã Sóc Sơn', HA_NOI),
    permanentAddress: address('Số 12 phố Điện Biên Phủ', 'Phường Ba Đình', HA_NOI),
    currentAddress: address('Số 12 phố Điện Biên Phủ', 'Phường Ba Đình', HA_NOI),
  },
  {
    personalId: '079195001234',
    fullName: 'Trần Thị Bích Ngọc',
    dateOfBirth: '1995-11-02',
    sex: 'FEMALE',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    hometown: address(null, 'Phường Chợ Lớn', HCM),
    permanentAddress: address('Số 45 đường Lê Lợi', 'Phường Sài Gòn', HCM),
    currentAddress: address('Số 8 đường Võ Thị Sáu', 'Phường Tân Định', HCM),
  },
  {
    personalId: '048203000789',
    fullName: 'Lê Minh Khoa',
    dateOfBirth: '2003-08-20',
    sex: 'MALE',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    hometown: address(null, 'Phường Hội An', 'Thành phố Đà Nẵng'),
    permanentAddress: address('Số 21 đường Trần Phú', 'Phường Hải Châu', 'Thành phố Đà Nẵng'),
    currentAddress: null,
  },
  {
    personalId: '038300005678',
    fullName: 'Lê Thị Hồng Nhung',
    dateOfBirth: '2000-02-29',
    sex: 'FEMALE',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    hometown: address(null, 'Phường Sầm Sơn', 'Tỉnh Thanh Hóa'),
    permanentAddress: address('Số 5 đường Lê Lợi', 'Phường Hạc Thành', 'Tỉnh Thanh Hóa'),
    currentAddress: address('Số 102 đường Nguyễn Trãi', 'Phường Thanh Xuân', HA_NOI),
  },
  {
    personalId: '092187004321',
    fullName: 'Thạch Thị Sa Ri',
    dateOfBirth: '1987-06-09',
    sex: 'FEMALE',
    ethnicity: 'Khmer',
    nationality: 'Việt Nam',
    hometown: address(null, 'Phường Sóc Trăng', 'Thành phố Cần Thơ'),
    permanentAddress: address('Số 17 đường Hùng Vương', 'Phường Sóc Trăng', 'Thành phố Cần Thơ'),
    currentAddress: address('Số 17 đường Hùng Vương', 'Phường Sóc Trăng', 'Thành phố Cần Thơ'),
  },
]);

/** The same people as the hub's client reads them. */
export const FIXED_PEOPLE: readonly PersonRecord[] = Object.freeze(FIXED_SOURCE_PEOPLE.map(toPersonRecord));

/** The demo citizen: Nguyễn Văn An, male, born 1990 in Hà Nội. */
export const DEMO_CITIZEN_ID = '001090012345';

/** A well-formed id that no simulator ever holds (male, 1985, Hà Nội): looks up as not found. */
export const ABSENT_PERSONAL_ID = '001085000000';

export const fixedPerson = (personalId: string): PersonRecord | undefined => FIXED_PEOPLE.find((p) => p.personalId === personalId);
