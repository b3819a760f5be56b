/** `organization.*` source paths → form-ready values (what C4's prefill reads through readOrganizationValue). */
import { FIXED_ORGANIZATIONS } from '../../adapters/business-registry';
import { isOrganizationPath, readOrganizationValue } from '../../subgraphs/citizens/organization';
import { SOURCE_PATHS } from '../../subgraphs/shared/source-paths';

describe('readOrganizationValue', () => {
  const [an, , branch] = FIXED_ORGANIZATIONS;

  it('has a reader for every organization.* source path and none for others', () => {
    const paths = Object.keys(SOURCE_PATHS).filter((p) => p.startsWith('organization.'));
    expect(paths).toHaveLength(8);
    for (const path of paths) expect(isOrganizationPath(path)).toBe(true);
    expect(isOrganizationPath('citizen.fullName')).toBe(false);
    expect(isOrganizationPath('organization.constructor')).toBe(false);
  });

  it('reads form-ready text, null when the registry holds none', () => {
    expect(readOrganizationValue(an, 'organization.taxCode')).toBe('0109012349');
    expect(readOrganizationValue(an, 'organization.headOfficeAddress')).toBe('Tầng 5, số 18 phố Trần Hưng Đạo, Phường Cửa Nam, Thành phố Hà Nội');
    expect(readOrganizationValue(an, 'organization.legalRepresentative')).toBe('Nguyễn Văn An');
    expect(readOrganizationValue(an, 'organization.registrationDate')).toBe('2019-12-02');
    expect(readOrganizationValue(an, 'organization.status')).toBe('Đang hoạt động');
    expect(readOrganizationValue(branch, 'organization.englishName')).toBeNull();
    expect(readOrganizationValue({ ...an, legalRepresentative: null }, 'organization.legalRepresentative')).toBeNull();
  });
});
