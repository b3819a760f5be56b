import type { DossiersContext } from '../context';
import type { Dossier } from './dossier';
import { canSeeDossier } from './dossier-access';
import { toDossier } from './dossier.mapper';

/** Other subgraphs hand over `{ code }`; the caller still has to be allowed to see the dossier. */
export async function resolveDossierReference(ref: { code: string }, ctx: DossiersContext): Promise<Dossier | null> {
  const row = await ctx.loaders.dossierByCode.load(ref.code);
  return row && canSeeDossier(ctx.principal, row) ? toDossier(row) : null;
}
