/** REST/XML and REST/JSON upstream clients, same transport contract as the SOAP client. */
export { RestClient, createRestJsonClient, createRestUpstream, createRestXmlClient } from './rest-client';
export type {
  RestCallMeta,
  RestCallOptions,
  RestClientOptions,
  RestFormat,
  RestOperation,
  RestResult,
  RestUpstream,
  RestUpstreamOptions,
} from './rest-client';
export { parseJsonLosslessly } from './lossless-json';
export type { JsonValue } from './lossless-json';
export { createJsonApiUpstream, type JsonApiClientOptions } from './json-api-upstream';
