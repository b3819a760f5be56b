import type { PaymentsContext } from '../context';
import { Dossier } from './dossier';

/** Dossiers this database does not hold resolve to null; the lookup is batched and reused by `payment`. */
export async function resolveDossierReference(reference: Pick<Dossier, 'code'>, ctx: PaymentsContext): Promise<Dossier | null> {
  const facts = await ctx.loaders.dossierByCode.load(reference.code);
  return facts ? Object.assign(new Dossier(), { code: facts.code }) : null;
}
