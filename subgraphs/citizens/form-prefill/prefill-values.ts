/** Source path → the value of a person's record that fills it. */
import type { PersonRecord } from '../../../adapters/population-db';
import type { SourcePath } from '../../shared/source-paths';

export type CitizenPath = Extract<SourcePath, `citizen.${string}`>;

/** Prefilled values are what a person would write on the paper form: "Nam"/"Nữ", not enum names. */
export const SEX_AS_WRITTEN: Record<PersonRecord['sex'], string> = { MALE: 'Nam', FEMALE: 'Nữ' };

// Typed against SOURCE_PATHS: a citizen path added there without a reader here does not compile.
const READERS: Record<CitizenPath, (person: PersonRecord) => string | null> = {
  'citizen.personalId': (p) => p.personalId,
  'citizen.fullName': (p) => p.fullName,
  'citizen.dateOfBirth': (p) => p.dateOfBirth,
  'citizen.sex': (p) => SEX_AS_WRITTEN[p.sex],
  'citizen.ethnicity': (p) => p.ethnicity,
  'citizen.nationality': (p) => p.nationality,
  'citizen.hometown': (p) => p.hometown,
  'citizen.permanentAddress': (p) => p.permanentAddress?.full ?? null,
  'citizen.currentAddress': (p) => p.currentAddress?.full ?? null,
};

/** The value for `path`, or null when the person's record has none ('' counts as none). */
export function readCitizenValue(person: PersonRecord, path: CitizenPath): string | null {
  const value = READERS[path](person);
  return value === null || value === '' ? null : value;
}
