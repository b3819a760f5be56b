/**
 * Loads the shipped shared catalogues: administrative units (data/administrative-units.json), and
 * the agencies and fields of the seed catalogue (SEED_AGENCIES / SEED_FIELDS). Idempotent and cheap
 * when nothing changed: one read per table, then only the missing or changed rows are written.
 *
 * Units and fields follow the shipped files (a renamed unit is updated). Agencies are only
 * inserted when missing: operators edit them through `upsertAgency`, and a restart must not undo
 * their edits.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { SEED_AGENCIES, SEED_FIELDS, type SeedAgency, type SeedField } from '../seed/agencies-and-fields';
import { AdministrativeUnitDirectory } from './administrative-unit-directory';
import { SHIPPED_ADMINISTRATIVE_UNITS, type AdministrativeUnitRecord } from './shipped-units';

export interface SharedCatalogueSeed {
  /** @default the shipped list */
  administrativeUnits?: readonly AdministrativeUnitRecord[];
  /** @default SEED_AGENCIES */
  agencies?: readonly SeedAgency[];
  /** @default SEED_FIELDS */
  fields?: readonly SeedField[];
}

/** Rows written (inserted or updated) per table; all zero on a second run. */
export interface SharedCatalogueSeedResult {
  administrativeUnits: number;
  agencies: number;
  fields: number;
}

const sameUnit = (a: AdministrativeUnitRecord, b: AdministrativeUnitRecord) =>
  a.name === b.name && a.kind === b.kind && a.unitType === b.unitType && a.provinceCode === b.provinceCode;

/** Thousands of rows at start-up on a busy machine take longer than Prisma's default 5 s. */
const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

async function seedUnits(prisma: PrismaClient, units: readonly AdministrativeUnitRecord[]): Promise<number> {
  const existing = new Map(
    (await prisma.administrativeUnit.findMany()).map((r) => [r.code, { ...r, kind: r.kind as AdministrativeUnitRecord['kind'] }]),
  );
  const missing = units.filter((u) => !existing.has(u.code));
  const changed = units.filter((u) => existing.has(u.code) && !sameUnit(u, existing.get(u.code)!));
  if (missing.length === 0 && changed.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    // skipDuplicates: another process may be seeding the same database at the same moment.
    if (missing.length > 0) await tx.administrativeUnit.createMany({ data: [...missing], skipDuplicates: true });
    for (const { code, ...rest } of changed) await tx.administrativeUnit.update({ where: { code }, data: rest });
  }, SEED_TRANSACTION);
  return missing.length + changed.length;
}

async function seedFields(prisma: PrismaClient, fields: readonly SeedField[]): Promise<number> {
  const existing = new Map((await prisma.procedureField.findMany()).map((f) => [f.code, f.name]));
  const missing = fields.filter((f) => !existing.has(f.code));
  const renamed = fields.filter((f) => existing.has(f.code) && existing.get(f.code) !== f.name);
  if (missing.length === 0 && renamed.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    if (missing.length > 0) await tx.procedureField.createMany({ data: missing.map((f) => ({ code: f.code, name: f.name })), skipDuplicates: true });
    for (const f of renamed) await tx.procedureField.update({ where: { code: f.code }, data: { name: f.name } });
  }, SEED_TRANSACTION);
  return missing.length + renamed.length;
}

async function seedAgencies(prisma: PrismaClient, agencies: readonly SeedAgency[]): Promise<number> {
  const existing = new Set((await prisma.agency.findMany({ select: { code: true } })).map((a) => a.code));
  const missing = agencies.filter((a) => !existing.has(a.code));
  if (missing.length === 0) return 0;
  const result = await prisma.agency.createMany({
    data: missing.map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level,
      provinceCode: a.provinceCode ?? null,
      communeCode: a.communeCode ?? null,
      address: a.address ?? null,
      phone: a.phone ?? null,
      receptionHours: a.receptionHours ?? null,
      cutoffHour: a.cutoffHour ?? null,
    })),
    skipDuplicates: true,
  });
  return result.count;
}

/** Loads units, then fields and agencies; returns how many rows each table got. */
export async function seedSharedCatalogues(prisma: PrismaClient, seed: SharedCatalogueSeed = {}): Promise<SharedCatalogueSeedResult> {
  const administrativeUnits = await seedUnits(prisma, seed.administrativeUnits ?? SHIPPED_ADMINISTRATIVE_UNITS);
  if (administrativeUnits > 0) AdministrativeUnitDirectory.for(prisma).invalidate();
  const fields = await seedFields(prisma, seed.fields ?? SEED_FIELDS);
  const agencies = await seedAgencies(prisma, seed.agencies ?? SEED_AGENCIES);
  return { administrativeUnits, agencies, fields };
}
