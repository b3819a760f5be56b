/** Resolves `Procedure` representations sent by the gateway (`_entities`), batched per request. */
import type { ProceduresContext } from '../context';
import type { Procedure } from './procedure';
import { toProcedure } from './procedure.mapper';

export async function resolveProcedureReference(
  reference: Pick<Procedure, 'code'>,
  ctx: ProceduresContext,
): Promise<Procedure | null> {
  const record = await ctx.loaders.procedureByCode.load(reference.code);
  // An unknown code resolves to null, as federation expects; the gateway reports it on the field.
  return record ? toProcedure(record) : null;
}
