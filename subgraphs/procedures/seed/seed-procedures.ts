/** Idempotent publication of the seed catalogue. */
import type { PrismaClient } from '../../shared/storage/database';
import { localToday } from '../catalogue/local-date';
import { parseProcedureInput } from '../catalogue/procedure-input';
import { ProcedurePublisher } from '../catalogue/procedure-publisher';
import type { ProcedureDraft } from '../catalogue/procedure-record';
import { recordOfVersion } from '../catalogue/procedure-versions';
import { JUSTICE_PROCEDURES } from './justice-procedures';
import { RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES } from './residence-construction-business-procedures';
import { COMMUNE_CIVIL_PROCEDURES } from './commune-civil-procedures';
import { COMMUNE_ECONOMY_SOCIAL_PROCEDURES } from './commune-economy-social-procedures';
import { PROVINCE_BUSINESS_LAND_PROCEDURES } from './province-business-land-procedures';
import { PROVINCE_SOCIAL_SERVICES_PROCEDURES } from './province-social-services-procedures';

/** The seed catalogue: real procedures of Thành phố Hà Nội at province and commune level. */
export const SEED_PROCEDURES: readonly ProcedureDraft[] = [
  ...JUSTICE_PROCEDURES,
  ...RESIDENCE_CONSTRUCTION_BUSINESS_PROCEDURES,
  ...COMMUNE_CIVIL_PROCEDURES,
  ...COMMUNE_ECONOMY_SOCIAL_PROCEDURES,
  ...PROVINCE_BUSINESS_LAND_PROCEDURES,
  ...PROVINCE_SOCIAL_SERVICES_PROCEDURES,
];

/** Effective date of the seed's first versions: the two-tier local government took office. */
export const SEED_EFFECTIVE_FROM = '2025-07-01';
/** `created_by` of the seed's versions. */
export const SEED_ACTOR = 'seed';

/** JSON with keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const content = (d: ProcedureDraft) => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { version, effectiveFrom, ...rest } = d as ProcedureDraft & { version?: number; effectiveFrom?: string };
  return canonical(JSON.parse(JSON.stringify(rest)));
};

function normalised(draft: ProcedureDraft): ProcedureDraft {
  const result = parseProcedureInput(draft);
  if (!result.ok) throw new Error(`Seed procedure ${draft.code}: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return { ...result.record, agencyName: draft.agencyName, fieldName: draft.fieldName };
}

export interface SeedProceduresOptions {
  /** Clock deciding "today". @default () => new Date() */
  now?: () => Date;
}

/**
 * Publishes every seed procedure whose content differs from its latest published version (one
 * transaction for the new ones, one for the changed ones): version 1 effective {@link SEED_EFFECTIVE_FROM} for a procedure never published, and a
 * new version effective today for a seed entry that changed. Running it again changes nothing.
 * Returns the size of the seed catalogue.
 *
 * References are not checked against the `agency` / `procedure_field` tables, so the catalogue can
 * be seeded before (or without) the shared catalogues; the seed's unit test checks them against
 * SEED_AGENCIES / SEED_FIELDS instead.
 */
export async function seedProcedures(prisma: PrismaClient, options: SeedProceduresOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const codes = SEED_PROCEDURES.map((p) => p.code);
  const latest = await prisma.procedureVersion.findMany({
    where: { procedureCode: { in: codes } },
    orderBy: { version: 'desc' },
    distinct: ['procedureCode'],
  });
  const latestByCode = new Map(latest.map((row) => [row.procedureCode, content(recordOfVersion(row))]));
  const fresh = SEED_PROCEDURES.filter((p) => !latestByCode.has(p.code));
  // Compared as the publisher stores them: normalised by parseProcedureInput.
  const changed = SEED_PROCEDURES.filter((p) => latestByCode.has(p.code) && latestByCode.get(p.code) !== content(normalised(p)));
  const publisher = new ProcedurePublisher(prisma, { now, checkReferences: false });
  if (fresh.length > 0) await publisher.publishMany(fresh, { actor: SEED_ACTOR, effectiveFrom: SEED_EFFECTIVE_FROM });
  if (changed.length > 0) {
    const today = localToday(now());
    await publisher.publishMany(changed, { actor: SEED_ACTOR, effectiveFrom: today > SEED_EFFECTIVE_FROM ? today : SEED_EFFECTIVE_FROM });
  }
  return SEED_PROCEDURES.length;
}
