/**
 * Adapter kit: one `Upstream` per national system, with retries (idempotent reads only), a circuit
 * breaker, a TTL cache and metrics around a SOAP or REST transport.
 */
export { AdapterMetrics, AdapterMetricsRecorder, LATENCY_BUCKETS_MS } from './adapter-metrics';
export type { AdapterMetricsOptions, AdapterStats, CircuitState, LatencySummary } from './adapter-metrics';
export { DEFAULT_RETRY, backoffDelay } from './backoff';
export type { RetryOptions } from './backoff';
export { UpstreamCircuit, defaultCountsAsFailure } from './circuit-breaker';
export type { CircuitBreakerOptions } from './circuit-breaker';
export { exchangeHttp } from './http-exchange';
export type { HttpExchangeRequest, HttpExchangeResponse } from './http-exchange';
export { SoapTransport, createSoapUpstream } from './soap-transport';
export type { SoapCallMeta, SoapUpstream, SoapUpstreamOptions } from './soap-transport';
export { TtlCache, cacheKeyOf, canonicalJson } from './ttl-cache';
export type { TtlCacheOptions } from './ttl-cache';
export { Upstream, createUpstream } from './upstream';
export type {
  CacheOptions,
  TransportSendOptions,
  UpstreamCallOptions,
  UpstreamOptions,
  UpstreamPolicyOptions,
  UpstreamTransport,
} from './upstream';
export { AdapterError, isAdapterError, toLienthongError } from '../soap/adapter-error';
export type { AdapterErrorCode } from '../soap/adapter-error';
