/**
 * What the registry needs of the mapping compiler (adapters/registry): its `compileAdapter` with the
 * unified schema already bound, so the service can be tested with a stand-in and wired to the real one.
 */
import type { AdapterSource, CompileAdapterOptions, CompiledAdapter } from '../../../adapters/registry/types';

export type { AdapterKind, AdapterSource, CompiledAdapter, MappingFormat } from '../../../adapters/registry/types';
export type AdapterSourceInput = AdapterSource;

/** Compiles (validates) a source against the unified schema; throws ADAPTER_MAPPING_INVALID when wrong. */
export type AdapterCompiler = (source: AdapterSource, options?: CompileAdapterOptions) => Promise<CompiledAdapter>;
