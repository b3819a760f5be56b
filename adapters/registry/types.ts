/**
 * The public contract of the adapter registry core: what an integrator uploads (a service description
 * plus a declarative mapping) and what the hub gets back once it validated (a compiled adapter).
 */
import type { AdapterMetrics, CircuitState, UpstreamPolicyOptions } from '../kit';

export type AdapterKind = 'SOAP' | 'REST_JSON' | 'REST_XML';
export type MappingFormat = 'YAML' | 'JSON';

export interface AdapterSource {
  kind: AdapterKind;
  /** WSDL text (SOAP), or the REST endpoint description (JSON text; format in adapters/registry/README.md). */
  serviceDescription: string;
  /** Overrides the service address given in the description. */
  endpoint?: string;
  /** The mapping file's text (format in adapters/registry/README.md). */
  mapping: string;
  mappingFormat: MappingFormat;
}

/** One problem found in a source; `path` names the mapping field, e.g. `output.fields.name`. */
export interface MappingIssue {
  path: string;
  message: string;
}

/** X-Road style: who asks, and why (sent as headers / SOAP header blocks where the description has room). */
export interface AdapterAudit {
  requestId: string;
  actor: string;
  purpose: string;
}

export interface AdapterCallOptions {
  /** Time allowed for the whole call, retries included, in ms. @default the adapter's timeoutMs */
  timeoutMs?: number;
  /** Who asks and why. @default none */
  audit?: AdapterAudit;
}

export interface AdapterCallResult {
  /** The answer mapped onto the target type, or null when the answer means "no such record". */
  record: Record<string, unknown> | null;
  durationMs: number;
  /** The raw response body, truncated to 64 KiB, for dry runs. */
  rawResponse: string;
}

export interface CompiledAdapter {
  readonly kind: AdapterKind;
  readonly targetType: string;
  readonly operation: string;
  readonly endpoint: string;
  /** Names of the query input keys the mapping reads (what a caller must give). */
  readonly inputKeys: string[];
  /** Input keys the mapping reads that the caller may leave out (a subset of inputKeys). */
  readonly optionalInputKeys: string[];
  /** Name under which the adapter's figures are recorded in `metrics`. */
  readonly system: string;
  /** The circuit breaker's state. */
  readonly circuitState: CircuitState;
  /** Where calls are recorded (the one given to compileAdapter, or the adapter's own). */
  readonly metrics: AdapterMetrics;
  call(input: Record<string, unknown>, options?: AdapterCallOptions): Promise<AdapterCallResult>;
  close(): void;
}

/** Run-time options of a compiled adapter (the registry's choice, not the integrator's). */
export interface CompileAdapterOptions {
  /** Name the calls are recorded under (metrics, error details). @default `ADAPTER:<operation>` */
  system?: string;
  /** Shared metrics registry, e.g. the hub's. @default a registry of the adapter's own */
  metrics?: AdapterMetrics;
  /** Resilience policy (timeout, retries, circuit). @default timeoutMs 5000, the kit's retry and circuit defaults */
  policy?: Omit<UpstreamPolicyOptions, 'metrics'>;
  /** Largest response body read, in bytes. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
}
