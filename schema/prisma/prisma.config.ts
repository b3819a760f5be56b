// Prisma CLI configuration. Only `prisma generate` runs here (offline); migrations are
// applied by subgraphs/shared/storage/migrate.ts, so no datasource URL is needed.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
