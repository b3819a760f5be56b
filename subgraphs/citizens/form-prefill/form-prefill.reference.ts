/**
 * Resolves `FormPrefill` representations. The representation already carries all this subgraph
 * needs (key and the required bindings), so there is nothing to load here; the upstream reads
 * happen in `fields`, batched by the request's citizen lookup loader.
 */
import type { FormPrefillRepresentation } from './form-prefill';

export function resolveFormPrefillReference(reference: FormPrefillRepresentation): FormPrefillRepresentation {
  return {
    procedureCode: reference.procedureCode,
    personalId: reference.personalId,
    taxCode: reference.taxCode ?? null,
    bindings: reference.bindings ?? [],
  };
}
