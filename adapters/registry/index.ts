/**
 * Adapter registry core: the declarative mapping language (README.md), its validation against a
 * service description (WSDL or REST) and the unified schema, and the execution of a compiled adapter.
 */
export { compileAdapter } from './compile';
export { AdapterValidationError } from './validation-error';
export { UnifiedSchema, unifiedSchemaFrom } from './unified-schema';
export type { UnifiedLeaf } from './unified-schema';
export { MAX_MAPPING_CHARS } from './mapping-file';
export { MAX_DESCRIPTION_CHARS, withoutImportLocations } from './service-description';
export { RAW_RESPONSE_LIMIT } from './registry-transport';
export { TRANSFORM_NAMES } from './transforms';
export type {
  AdapterAudit,
  AdapterCallOptions,
  AdapterCallResult,
  AdapterKind,
  AdapterSource,
  CompileAdapterOptions,
  CompiledAdapter,
  MappingFormat,
  MappingIssue,
} from './types';
