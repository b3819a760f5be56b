/** Resolves `FormPrefill` representations: rebuilt from the procedure, through the per-request loader. */
import type { ProceduresContext } from '../context';
import type { FormPrefill } from './form-prefill';
import { toFormPrefill } from './form-prefill.mapper';

export async function resolveFormPrefillReference(
  reference: Pick<FormPrefill, 'procedureCode' | 'personalId'> & { taxCode?: string | null },
  ctx: ProceduresContext,
): Promise<FormPrefill | null> {
  const record = await ctx.loaders.procedureByCode.load(reference.procedureCode);
  return record ? toFormPrefill(record, reference.personalId, reference.taxCode ?? null) : null;
}
