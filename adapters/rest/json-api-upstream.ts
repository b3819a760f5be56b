/**
 * A partner's JSON API called with an API key (the postal carrier, the legacy one-stop software): the
 * options such clients share and the upstream they all build the same way.
 */
import type { AdapterMetrics, CircuitBreakerOptions, RetryOptions } from '../kit';
import type { JsonValue } from './lossless-json';
import { createRestUpstream, type RestOperation, type RestUpstream } from './rest-client';

export interface JsonApiClientOptions {
  /** Base URL of the partner's API, e.g. `http://localhost:4105`. */
  baseUrl: string;
  /** API key the partner issued to the hub, sent as `x-api-key`. */
  apiKey: string;
  /** Time allowed for one call, retries included, in ms. @default 5000 */
  timeoutMs?: number;
  /** Retries within one call. @default the kit's (3 attempts within the timeout) */
  retry?: RetryOptions;
  /** Circuit breaker, or false for none. @default the kit's */
  circuit?: CircuitBreakerOptions | false;
  /** Where calls are counted and timed. @default a registry of this client's own */
  metrics?: AdapterMetrics;
  /** Name of the system in errors and metrics. @default the client's own */
  system?: string;
}

export function createJsonApiUpstream(options: JsonApiClientOptions, system: string, operations: Record<string, RestOperation>): RestUpstream<JsonValue> {
  return createRestUpstream({
    format: 'json',
    timeoutMs: options.timeoutMs ?? 5000,
    retry: options.retry,
    circuit: options.circuit,
    metrics: options.metrics,
    rest: { system, baseUrl: options.baseUrl, headers: { 'x-api-key': options.apiKey }, operations },
  });
}
