/**
 * The procedures subgraph (thủ tục hành chính catalogue): its public API for the hub's entry points
 * and for the subgraphs that read procedures in-process (dossiers, payments).
 */
export { buildProceduresSchema } from './schema';
export { createProceduresSubgraph, type ProceduresDeps, type ProceduresServerOptions } from './server';
export { seedProcedures, SEED_PROCEDURES, SEED_EFFECTIVE_FROM, type SeedProceduresOptions } from './seed/seed-procedures';
export { SEED_AGENCIES, SEED_FIELDS, type SeedAgency, type SeedField } from './seed/agencies-and-fields';
export { ProcedureCatalogue, type ProcedureCatalogueOptions } from './catalogue/procedure-catalogue';
export {
  ProcedureSubject,
  ImplementationLevel,
  ProcedureMethod,
  ComponentKind,
  HandlingLevel,
  workingDaysOf,
  type ProcedureRecord,
  type ProcedureDraft,
  type ProcedureDetails,
  type ProcessingTime,
  type ProcedureFee,
} from './catalogue/procedure-record';
export { parseProcedureInput, type ProcedureInputProblem, type ProcedureInputResult } from './catalogue/procedure-input';
export { ProcedurePublisher, type PublishOptions, type ProcedurePublisherOptions } from './catalogue/procedure-publisher';
export type { ProcedureVersionSummary } from './catalogue/procedure-versions';
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
export { appointmentFor, calendarStoreFor, computeAppointment, seedCalendar } from './calendar';
export { seedCatalogues } from './seed-catalogues';
