/**
 * The procedures subgraph (thủ tục hành chính catalogue): its public API for the hub's entry points
 * and for the subgraphs that read procedures in-process (dossiers, payments).
 */
export { buildProceduresSchema } from './schema';
export { createProceduresSubgraph, type ProceduresDeps, type ProceduresServerOptions } from './server';
export { seedProcedures, SEED_PROCEDURES } from './seed/seed-procedures';
export { ProcedureCatalogue } from './catalogue/procedure-catalogue';
export { ProcedureSubject, ImplementationLevel, type ProcedureRecord } from './catalogue/procedure-record';
export type { ProcedureQuery, ProcedurePage } from './catalogue/procedure-search';
export { normaliseSearchText } from './catalogue/search-text';
export {
  EFormFieldType,
  boundFields,
  parseEFormDefinition,
  type EFormDefinition,
  type EFormFieldDefinition,
} from './e-form/e-form-definition';
export { validateFormData, type FormViolation, type FormViolationRule } from './e-form/form-validation';
