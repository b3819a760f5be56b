/**
 * The shipped list of administrative units (`data/administrative-units.json`, sources in
 * `data/SOURCES.md`): 34 provinces and 3,321 communes, two tiers since 1 July 2025.
 */
import shippedFile from '../data/administrative-units.json';

/** Tier of an administrative unit: tỉnh/thành phố or xã/phường/đặc khu. */
export const AdministrativeUnitKind = { PROVINCE: 'PROVINCE', COMMUNE: 'COMMUNE' } as const;
export type AdministrativeUnitKind = (typeof AdministrativeUnitKind)[keyof typeof AdministrativeUnitKind];

/** One row of the `administrative_unit` table. */
export interface AdministrativeUnitRecord {
  code: string;
  name: string;
  kind: AdministrativeUnitKind;
  /** "Thành phố Trung ương", "Tỉnh", "Phường", "Xã", "Đặc khu". */
  unitType: string;
  /** The province of a commune; null for a province. */
  provinceCode: string | null;
}

/** Provenance of the shipped list (decision, dataset, version, licence). */
export const ADMINISTRATIVE_UNITS_SOURCE: Readonly<Record<string, string>> = shippedFile.source;

/** Every shipped unit, provinces first, each tier by code. */
export const SHIPPED_ADMINISTRATIVE_UNITS: readonly AdministrativeUnitRecord[] = [
  ...shippedFile.provinces.map((p) => ({ code: p.code, name: p.name, kind: AdministrativeUnitKind.PROVINCE, unitType: p.unitType, provinceCode: null })),
  ...shippedFile.communes.map((c) => ({ code: c.code, name: c.name, kind: AdministrativeUnitKind.COMMUNE, unitType: c.unitType, provinceCode: c.provinceCode })),
];
