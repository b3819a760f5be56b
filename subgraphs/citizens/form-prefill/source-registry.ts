/**
 * Which national sources serve which source paths, in order of preference: the population database
 * first (it is the reference for identity data), social insurance second; organisation paths come from
 * the business registry. Paths served by several sources are read from all of them in parallel and
 * compared (prefill-merge.ts).
 */
import type { OrganizationRecord } from '../../../adapters/business-registry';
import type { PersonRecord } from '../../../adapters/population-db';
import type { InsuredPerson } from '../../../adapters/insurance-db';
import { isSourcePath, type SourcePath } from '../../shared/source-paths';
import { ORGANIZATION_PATHS, readOrganizationValue, type OrganizationPath } from '../organization/organization-values';
import { readCitizenValue, SEX_AS_WRITTEN, type CitizenPath } from './prefill-values';

/** Whose record a source holds: the citizen's (by personal id) or the organisation's (by tax code). */
export type PrefillSubject = 'citizen' | 'organization';

export interface PrefillSourceReader<R = unknown, P extends SourcePath = SourcePath> {
  /** The source system, as the citizen or organisation lookup knows it. */
  system: string;
  subject: PrefillSubject;
  /** Paths this source can fill. */
  paths: ReadonlySet<P>;
  /** The form-ready value of `path` in `record`; null when the record has none. */
  read(record: R, path: P): string | null;
}

export class SourceRegistry {
  constructor(private readonly readers: readonly PrefillSourceReader[]) {}

  /** The sources that serve `path`, in order of preference (empty for paths nobody serves). */
  sourcesFor(path: string): PrefillSourceReader[] {
    if (!isSourcePath(path)) return [];
    return this.readers.filter((r) => r.paths.has(path));
  }

  /** The sources needed for any of `paths`, in order of preference. */
  sourcesForAny(paths: readonly string[]): PrefillSourceReader[] {
    return this.readers.filter((r) => paths.some((p) => isSourcePath(p) && r.paths.has(p)));
  }
}

const blankToNull = (value: string | null) => (value === null || value === '' ? null : value);

/** CSDLQG về dân cư: every citizen path. */
export const populationReader = (system: string): PrefillSourceReader<PersonRecord, CitizenPath> => ({
  system,
  subject: 'citizen',
  paths: new Set<CitizenPath>([
    'citizen.personalId',
    'citizen.fullName',
    'citizen.dateOfBirth',
    'citizen.sex',
    'citizen.ethnicity',
    'citizen.nationality',
    'citizen.hometown',
    'citizen.permanentAddress',
    'citizen.currentAddress',
  ]),
  read: readCitizenValue,
});

const INSURANCE_READERS: Partial<Record<CitizenPath, (p: InsuredPerson) => string | null>> = {
  'citizen.fullName': (p) => p.fullName,
  'citizen.dateOfBirth': (p) => p.dateOfBirth,
  'citizen.sex': (p) => SEX_AS_WRITTEN[p.sex],
  // Social insurance records one contact address, declared as the permanent residence.
  'citizen.permanentAddress': (p) => p.address,
};

/** CSDL quốc gia về bảo hiểm: name, date of birth, sex, address. */
export const insuranceReader = (system: string): PrefillSourceReader<InsuredPerson, CitizenPath> => ({
  system,
  subject: 'citizen',
  paths: new Set(Object.keys(INSURANCE_READERS) as CitizenPath[]),
  read: (record, path) => blankToNull(INSURANCE_READERS[path]?.(record) ?? null),
});

/** CSDL quốc gia về đăng ký doanh nghiệp: every organisation path, for the tax code the prefill names. */
export const organizationReader = (system: string): PrefillSourceReader<OrganizationRecord, OrganizationPath> => ({
  system,
  subject: 'organization',
  paths: new Set(ORGANIZATION_PATHS),
  read: readOrganizationValue,
});
