/** `organization.*` source path → the value of an organisation's record that fills it (form-ready text). */
import type { OrganizationRecord } from '../../../adapters/business-registry';
import type { SourcePath } from '../../shared/source-paths';

export type OrganizationPath = Extract<SourcePath, `organization.${string}`>;

// Typed against SOURCE_PATHS: an organization path added there without a reader here does not compile.
const READERS: Record<OrganizationPath, (org: OrganizationRecord) => string | null> = {
  'organization.taxCode': (o) => o.taxCode,
  'organization.name': (o) => o.name,
  'organization.englishName': (o) => o.englishName,
  'organization.legalForm': (o) => o.legalForm,
  'organization.headOfficeAddress': (o) => o.headOfficeAddress.full,
  'organization.legalRepresentative': (o) => o.legalRepresentative?.fullName ?? null,
  'organization.registrationDate': (o) => o.registrationDate,
  'organization.status': (o) => o.status,
};

/** Every organisation path, in declaration order. */
export const ORGANIZATION_PATHS = Object.keys(READERS) as OrganizationPath[];

export const isOrganizationPath = (path: string): path is OrganizationPath => Object.hasOwn(READERS, path);

/** The value for `path`, or null when the organisation's record has none ('' counts as none). */
export function readOrganizationValue(org: OrganizationRecord, path: OrganizationPath): string | null {
  const value = READERS[path](org);
  return value === null || value === '' ? null : value;
}
