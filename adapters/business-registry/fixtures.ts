/**
 * Fixed, documented organisations that every business registry simulator holds whatever its seed,
 * for demos and tests. The codes are made up (not any real enterprise's) but carry valid check digits;
 * the representatives are the population simulator's fixed people (adapters/population-db/fixtures.ts).
 *
 * | taxCode        | name                                                   | status               | representative                       |
 * |----------------|--------------------------------------------------------|----------------------|--------------------------------------|
 * | 0109012349     | Công ty TNHH Một thành viên Phần mềm An Nguyễn         | Đang hoạt động       | Nguyễn Văn An (the demo citizen)     |
 * | 0315956783     | Công ty Cổ phần Thực phẩm Sông Hồng                    | Đang hoạt động       | Trần Thị Bích Ngọc                   |
 * | 0315956783-001 | Chi nhánh Công ty Cổ phần Thực phẩm Sông Hồng tại Đà Nẵng | Đang hoạt động    | Lê Minh Khoa (head of the branch)    |
 * | 1800987651     | Doanh nghiệp tư nhân Thạch Sa Ri                       | Tạm ngừng kinh doanh | Thạch Thị Sa Ri                      |
 * | 2800123452     | Công ty TNHH Thương mại Hồng Nhung                      | Đã giải thể          | Lê Thị Hồng Nhung                    |
 * | 0100999995     | (nobody)                                               |                      | well formed, never present: not found|
 */
import { address, DEMO_CITIZEN_ID } from '../population-db';
import type { OrganizationRecord } from './organization-record';
import { ORGANIZATION_STATUSES } from './wsdl';

const HA_NOI = 'Thành phố Hà Nội';
const HCM = 'Thành phố Hồ Chí Minh';

export const FIXED_ORGANIZATIONS: readonly OrganizationRecord[] = Object.freeze([
  {
    taxCode: '0109012349',
    name: 'Công ty TNHH Một thành viên Phần mềm An Nguyễn',
    englishName: 'AN NGUYEN SOFTWARE COMPANY LIMITED',
    legalForm: 'Công ty trách nhiệm hữu hạn một thành viên',
    headOfficeAddress: address('Tầng 5, số 18 phố Trần Hưng Đạo', 'Phường Cửa Nam', HA_NOI),
    legalRepresentative: { fullName: 'Nguyễn Văn An', personalId: DEMO_CITIZEN_ID, title: 'Giám đốc' },
    registrationDate: '2019-12-02',
    status: ORGANIZATION_STATUSES.ACTIVE,
  },
  {
    taxCode: '0315956783',
    name: 'Công ty Cổ phần Thực phẩm Sông Hồng',
    englishName: 'SONG HONG FOODS JOINT STOCK COMPANY',
    legalForm: 'Công ty cổ phần',
    headOfficeAddress: address('Số 45 đường Lê Lợi', 'Phường Sài Gòn', HCM),
    legalRepresentative: { fullName: 'Trần Thị Bích Ngọc', personalId: '079195001234', title: 'Tổng giám đốc' },
    registrationDate: '2019-10-08',
    status: ORGANIZATION_STATUSES.ACTIVE,
  },
  {
    taxCode: '0315956783-001',
    name: 'Chi nhánh Công ty Cổ phần Thực phẩm Sông Hồng tại Đà Nẵng',
    englishName: null,
    legalForm: 'Chi nhánh',
    headOfficeAddress: address('Số 21 đường Trần Phú', 'Phường Hải Châu', 'Thành phố Đà Nẵng'),
    legalRepresentative: { fullName: 'Lê Minh Khoa', personalId: '048203000789', title: 'Giám đốc chi nhánh' },
    registrationDate: '2024-04-15',
    status: ORGANIZATION_STATUSES.ACTIVE,
  },
  {
    taxCode: '1800987651',
    name: 'Doanh nghiệp tư nhân Thạch Sa Ri',
    englishName: null,
    legalForm: 'Doanh nghiệp tư nhân',
    headOfficeAddress: address('Số 17 đường Hùng Vương', 'Phường Sóc Trăng', 'Thành phố Cần Thơ'),
    legalRepresentative: { fullName: 'Thạch Thị Sa Ri', personalId: '092187004321', title: 'Chủ doanh nghiệp' },
    registrationDate: '2012-06-20',
    status: ORGANIZATION_STATUSES.SUSPENDED,
  },
  {
    taxCode: '2800123452',
    name: 'Công ty TNHH Thương mại Hồng Nhung',
    englishName: 'HONG NHUNG TRADING COMPANY LIMITED',
    legalForm: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
    headOfficeAddress: address('Số 5 đường Lê Lợi', 'Phường Hạc Thành', 'Tỉnh Thanh Hóa'),
    legalRepresentative: { fullName: 'Lê Thị Hồng Nhung', personalId: '038300005678', title: 'Giám đốc' },
    registrationDate: '2021-03-01',
    status: ORGANIZATION_STATUSES.DISSOLVED,
  },
]);

/** The demo citizen's company (Nguyễn Văn An is its director). */
export const DEMO_ORGANIZATION_TAX_CODE = '0109012349';

/** A well-formed tax code (valid check digit) that no simulator ever holds: looks up as not found. */
export const ABSENT_TAX_CODE = '0100999995';

export const fixedOrganization = (taxCode: string): OrganizationRecord | undefined =>
  FIXED_ORGANIZATIONS.find((o) => o.taxCode === taxCode);
