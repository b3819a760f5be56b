/**
 * The exchange of a registered adapter, as a kit transport (so the kit's circuit breaker, retries and
 * metrics wrap it): SOAP requests are written by the kit's SoapClient from the WSDL, REST requests from
 * the description; either is sent by the kit's bounded exchange (byte cap, timeout). Unlike the kit's
 * own clients it also hands back the raw body, which a dry run shows to the integrator.
 */
import { exchangeHttp, type TransportSendOptions, type UpstreamTransport } from '../kit';
import { parseJsonLosslessly } from '../rest';
import { AdapterError, SoapClient, defaultFaultClassifier, parseXmlDocument, readSoapResponse, type HttpExchangeResponse } from '../soap';
import type { OperationDescription, RestOperationDescription } from './service-description';
import type { AdapterAudit, AdapterKind } from './types';

/** Largest raw body kept for a dry run, in characters. */
export const RAW_RESPONSE_LIMIT = 64 * 1024;

/** Per call: who asks, and where the transport leaves the raw body (also when the call fails). */
export interface RegistryCallMeta {
  audit?: AdapterAudit;
  sink: { raw: string };
}

const UNAVAILABLE = new Set([502, 503, 504]);

/** X-Road style audit, as HTTP headers: every upstream sees who asked and why. */
const auditHeaders = (audit: AdapterAudit | undefined): Record<string, string> =>
  audit ? { 'x-request-id': audit.requestId, 'x-actor': encodeURIComponent(audit.actor), 'x-purpose': encodeURIComponent(audit.purpose) } : {};

export interface RegistryTransportOptions {
  system: string;
  kind: AdapterKind;
  endpoint: string;
  operation: OperationDescription;
  /** SOAP: the sanitized WSDL text. */
  wsdlText?: string;
  maxResponseBytes: number;
}

export class RegistryTransport implements UpstreamTransport<RegistryCallMeta, unknown> {
  readonly system: string;
  private readonly soap: SoapClient | undefined;

  constructor(private readonly options: RegistryTransportOptions) {
    this.system = options.system;
    if (options.kind === 'SOAP') {
      this.soap = new SoapClient({
        system: options.system,
        wsdl: options.wsdlText ?? '',
        endpoint: options.endpoint,
        service: options.operation.soap?.service,
        port: options.operation.soap?.port,
        maxResponseBytes: options.maxResponseBytes,
      });
    }
  }

  async send(operation: string, input: unknown, options: TransportSendOptions<RegistryCallMeta>): Promise<unknown> {
    const sink = options.meta?.sink ?? { raw: '' };
    const headers = auditHeaders(options.meta?.audit);
    const exchange = async (request: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }) => {
      const response = await exchangeHttp({ system: this.system, ...request, timeoutMs: options.timeoutMs, maxResponseBytes: this.options.maxResponseBytes });
      sink.raw = response.body.length > RAW_RESPONSE_LIMIT ? response.body.slice(0, RAW_RESPONSE_LIMIT) : response.body;
      return response;
    };
    if (this.soap) {
      const prepared = await this.soap.prepare(operation, input);
      const response = await exchange({ url: prepared.url, method: 'POST', headers: { ...prepared.httpHeaders, ...headers }, body: prepared.xml });
      return this.interpretSoap(response, prepared.operation.outputElement);
    }
    const rest = this.options.operation.rest!;
    const request = this.restRequest(rest, (input ?? {}) as Record<string, unknown>);
    const response = await exchange({ ...request, headers: { ...request.headers, ...headers } });
    return this.interpretRest(response);
  }

  /** As the kit's SoapClient reads answers (which keeps the raw body to itself). */
  private interpretSoap(response: HttpExchangeResponse, outputElement: string): unknown {
    const { status } = response;
    const fail = (code: 'UNAVAILABLE' | 'BAD_RESPONSE', why: string, cause?: unknown) =>
      new AdapterError(code, this.system, why, { httpStatus: status, cause });
    // Same limits, content-type rule and 5xx reading as the kit's client.
    const envelope = readSoapResponse(response, this.system);
    if (envelope.fault) {
      const { fault } = envelope;
      throw new AdapterError(defaultFaultClassifier(fault, status), this.system, `SOAP Fault ${fault.code}: ${fault.message}`, { httpStatus: status, fault });
    }
    if (status < 200 || status >= 300) throw fail(UNAVAILABLE.has(status) ? 'UNAVAILABLE' : 'BAD_RESPONSE', `HTTP ${status}`);
    if (envelope.bodyElement !== outputElement) throw fail('BAD_RESPONSE', `expected ${outputElement} in the Body, got ${envelope.bodyElement}`);
    return envelope.content;
  }

  private restRequest(rest: RestOperationDescription, input: Record<string, unknown>) {
    const inPath = new Set<string>();
    const path = rest.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      inPath.add(name);
      const value = input[name];
      if (value === undefined || value === null || value === '') throw new AdapterError('BAD_RESPONSE', this.system, `no value for path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const base = this.options.endpoint.endsWith('/') ? this.options.endpoint : `${this.options.endpoint}/`;
    const url = new URL(path.replace(/^\//, ''), base);
    for (const name of rest.query) {
      const value = input[name];
      for (const item of Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) url.searchParams.append(name, String(item));
    }
    const json = this.options.kind === 'REST_JSON';
    const headers: Record<string, string> = { accept: json ? 'application/json' : 'application/xml' };
    if (rest.method === 'GET') return { url: url.toString(), method: rest.method, headers };
    // Members already in the path or query string are not repeated in the body.
    const bodyMembers = Object.fromEntries(Object.entries(input).filter(([k]) => !inPath.has(k) && !rest.query.includes(k)));
    headers['content-type'] = json ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8';
    const body = json ? JSON.stringify(bodyMembers) : `<?xml version="1.0" encoding="UTF-8"?>${toXml(rest.requestElement ?? 'request', bodyMembers)}`;
    return { url: url.toString(), method: rest.method, headers, body };
  }

  private interpretRest(response: HttpExchangeResponse): unknown {
    const { status } = response;
    if (status === 404) throw new AdapterError('NOT_FOUND', this.system, 'HTTP 404', { httpStatus: status });
    if (status >= 500 || status === 408 || status === 429) throw new AdapterError('UNAVAILABLE', this.system, `HTTP ${status}`, { httpStatus: status });
    if (status < 200 || status >= 300) throw new AdapterError('FAULT', this.system, `HTTP ${status}`, { httpStatus: status });
    if (response.body.trim() === '') return null;
    return this.options.kind === 'REST_JSON'
      ? parseJsonLosslessly(response.body, this.system, status)
      : parseXmlDocument(response.body, this.system, status, 'XML response');
  }
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => toXml(name, item)).join('');
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => toXml(k, v)).join('')}</${name}>`;
  }
  return value === null || value === undefined ? `<${name}/>` : `<${name}>${escapeXml(String(value))}</${name}>`;
}
