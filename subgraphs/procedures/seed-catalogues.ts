/**
 * Everything the procedures subgraph ships, loaded in dependency order: the shared catalogues
 * (administrative units, agencies, fields) that procedures refer to, the procedures, the calendar.
 * Each step is idempotent, so every start may run it.
 */
import type { PrismaClient } from '../shared/storage/database';
import { seedCalendar } from './calendar';
import { seedProcedures } from './seed/seed-procedures';
import { seedSharedCatalogues } from './shared-catalogues';

export async function seedCatalogues(prisma: PrismaClient): Promise<void> {
  await seedSharedCatalogues(prisma);
  await seedProcedures(prisma);
  await seedCalendar(prisma);
}
