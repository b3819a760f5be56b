/**
 * Per-request loaders of step rows and results: a list of dossiers asks for each dossier's steps or
 * result once, and the loader makes one query for all of them.
 */
import DataLoader from 'dataloader';
import type { DossiersContext } from '../context';
import type { DossierRow } from '../dossier/dossier.mapper';
import type { DossierStepRow } from './step-rows';

/** The result's metadata: its content is loaded only when asked for. */
export interface ResultMetadataRow {
  dossierId: string;
  documentNumber: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  issuedBy: string;
  issuedByName: string | null;
  issuedAt: Date;
  postalTracking: string | null;
}

interface WorkflowLoaders {
  stepsByDossierId: DataLoader<string, DossierStepRow[]>;
  resultByDossierId: DataLoader<string, ResultMetadataRow | null>;
}

// Keyed by the request's context object, so loaders live exactly as long as their request.
const loaders = new WeakMap<object, WorkflowLoaders>();

export function workflowLoaders(ctx: DossiersContext): WorkflowLoaders {
  let found = loaders.get(ctx);
  if (found) return found;
  const { prisma } = ctx;
  found = {
    stepsByDossierId: new DataLoader(async (ids) => {
      const rows = await prisma.dossierStep.findMany({ where: { dossierId: { in: [...ids] } }, orderBy: { id: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.dossierId === id));
    }),
    resultByDossierId: new DataLoader(async (ids) => {
      const rows = await prisma.dossierResult.findMany({
        where: { dossierId: { in: [...ids] } },
        omit: { content: true },
      });
      const byId = new Map(rows.map((r) => [r.dossierId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
  loaders.set(ctx, found);
  return found;
}

/** After a mutation: later field resolvers of this request read the dossier as it now is. */
export function forgetDossier(ctx: DossiersContext, row: DossierRow): void {
  ctx.loaders.dossierByCode.clear(row.code).prime(row.code, row);
  const own = loaders.get(ctx);
  own?.stepsByDossierId.clear(row.id);
  own?.resultByDossierId.clear(row.id);
}
