/**
 * Read side of the administrative units: one in-memory index per database, built from the
 * `administrative_unit` table. The units change only when the shipped list changes (through
 * `seedSharedCatalogues`, which drops the index), and 3,355 short names fit in a few hundred KB, so
 * every query — diacritics-insensitive search included — is answered without a database round trip.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { normaliseSearchText } from '../catalogue/search-text';
import { AdministrativeUnitKind, type AdministrativeUnitRecord } from './shipped-units';

export interface IndexedUnit extends AdministrativeUnitRecord {
  /** Normalised full name, e.g. "phuong ba dinh". */
  searchName: string;
  /** Normalised name without its unit type, e.g. "ba dinh". */
  bareName: string;
}

export interface AdministrativeUnitIndex {
  units: readonly IndexedUnit[];
  byCode: ReadonlyMap<string, IndexedUnit>;
}

export interface AdministrativeUnitDirectoryOptions {
  /** How long an index stays fresh, in milliseconds (other processes may seed). @default 600000 */
  maxAgeMs?: number;
}

const kindOrder = (u: AdministrativeUnitRecord) => (u.kind === AdministrativeUnitKind.PROVINCE ? 0 : 1);

/** Builds the index from rows (any order). */
export function indexAdministrativeUnits(rows: readonly AdministrativeUnitRecord[]): AdministrativeUnitIndex {
  const units = rows
    .map((r) => {
      const searchName = normaliseSearchText(r.name);
      const type = normaliseSearchText(r.unitType);
      const bareName = searchName.startsWith(`${type} `) ? searchName.slice(type.length + 1) : searchName;
      return { ...r, searchName, bareName };
    })
    .sort((a, b) => kindOrder(a) - kindOrder(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { units, byCode: new Map(units.map((u) => [u.code, u])) };
}

const directories = new WeakMap<PrismaClient, AdministrativeUnitDirectory>();

export class AdministrativeUnitDirectory {
  private loaded: { at: number; index: Promise<AdministrativeUnitIndex> } | undefined;
  private readonly maxAgeMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    options: AdministrativeUnitDirectoryOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
  }

  /** The directory shared by everything in this process that uses `prisma`. */
  static for(prisma: PrismaClient): AdministrativeUnitDirectory {
    let directory = directories.get(prisma);
    if (!directory) {
      directory = new AdministrativeUnitDirectory(prisma);
      directories.set(prisma, directory);
    }
    return directory;
  }

  /** Forget the index (after the table was written). */
  invalidate(): void {
    this.loaded = undefined;
  }

  async index(): Promise<AdministrativeUnitIndex> {
    if (this.loaded && Date.now() - this.loaded.at < this.maxAgeMs) return this.loaded.index;
    const loading = { at: Date.now(), index: this.load() };
    this.loaded = loading;
    try {
      const index = await loading.index;
      // An empty table is probably not seeded yet: look again next time rather than cache nothing.
      if (index.units.length === 0 && this.loaded === loading) this.loaded = undefined;
      return index;
    } catch (err) {
      if (this.loaded === loading) this.loaded = undefined;
      throw err;
    }
  }

  async get(code: string): Promise<IndexedUnit | null> {
    return (await this.index()).byCode.get(code) ?? null;
  }

  private async load(): Promise<AdministrativeUnitIndex> {
    const rows = await this.prisma.administrativeUnit.findMany();
    return indexAdministrativeUnits(
      rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind as AdministrativeUnitKind, unitType: r.unitType, provinceCode: r.provinceCode })),
    );
  }
}
