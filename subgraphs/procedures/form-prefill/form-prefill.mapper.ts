/** Catalogue record → FormPrefill object. */
import type { ProcedureRecord } from '../catalogue/procedure-record';
import { boundFields } from '../e-form/e-form-definition';
import { toEForm } from '../e-form/e-form';
import type { FormPrefill } from './form-prefill';

export function toFormPrefill(record: ProcedureRecord, personalId: string, taxCode: string | null = null): FormPrefill {
  return {
    procedureCode: record.code,
    personalId,
    taxCode,
    form: toEForm(record.eForm),
    bindings: boundFields(record.eForm).map((f) => ({ fieldKey: f.key, sourcePath: f.binding })),
  };
}
