import type { DossiersContext } from '../context';
import type { Dossier } from './dossier';
import { canWatchDossier } from './dossier-access';
import { toDossier } from './dossier.mapper';

/**
 * Other subgraphs hand over `{ code }`; the caller still has to be allowed to see the dossier (or, a
 * dashboard, to watch it: events carry their dossier as a reference).
 */
export async function resolveDossierReference(ref: { code: string }, ctx: DossiersContext): Promise<Dossier | null> {
  const row = await ctx.loaders.dossierByCode.load(ref.code);
  return row && canWatchDossier(ctx.principal, row) ? toDossier(row) : null;
}
