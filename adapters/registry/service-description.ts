/**
 * Reads the service description an integrator uploads: a WSDL (through the kit's SoapClient, which uses
 * node-soap) or the hub's small JSON description of a REST endpoint. Either becomes a list of operations
 * with the shape of their request and answer.
 *
 * A registered WSDL is untrusted text: the hub never follows its imports (that would let an upload read
 * local files or make the hub fetch arbitrary URLs), so import locations are removed before loading;
 * types from imported schemas (typically X-Road header types) are then simply unknown.
 */
import { SoapClient } from '../soap';
import { shapeFrom, type Shape } from './shape';
import type { AdapterKind } from './types';
import type { IssueList } from './validation-error';

/** Largest service description accepted, in characters. */
export const MAX_DESCRIPTION_CHARS = 4 * 1024 * 1024;

export interface RestOperationDescription {
  method: 'GET' | 'POST';
  /** Path below baseUrl with `{name}` placeholders filled from the request. */
  path: string;
  /** Request members sent as query parameters. */
  query: string[];
  /** For REST_XML POST: the request document's root element. */
  requestElement?: string;
}

export interface OperationDescription {
  name: string;
  input: Shape;
  output: Shape;
  /** SOAP: the response element (a mapping's record path may start with it). */
  outputElement?: string;
  soap?: { service: string; port: string };
  rest?: RestOperationDescription;
}

export interface ServiceDescription {
  kind: AdapterKind;
  /** Address from the description (WSDL soap:address, REST baseUrl). */
  address: string;
  operations: Map<string, OperationDescription>;
  /** SOAP: the sanitized WSDL text the adapter is built from. */
  wsdlText?: string;
}

/** Removes `schemaLocation`/`location` from imports and includes, so that loading reads nothing else. */
export function withoutImportLocations(wsdl: string): string {
  return wsdl.replace(/<((?:[\w.-]+:)?(?:import|include|redefine))\b([^>]*)>/g, (_whole, tag: string, attributes: string) =>
    `<${tag}${attributes.replace(/\s(?:schemaLocation|location)\s*=\s*("[^"]*"|'[^']*')/g, '')}>`,
  );
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Reads a WSDL; problems are issues at `serviceDescription`. */
export async function describeWsdl(text: string, issues: IssueList): Promise<ServiceDescription | undefined> {
  const at = 'serviceDescription';
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length > MAX_DESCRIPTION_CHARS) return void issues.add(at, `the WSDL is larger than ${MAX_DESCRIPTION_CHARS} characters`);
  if (/<!DOCTYPE/i.test(trimmed)) return void issues.add(at, 'document type declarations are not allowed in a WSDL');
  if (!/<(?:[\w.-]+:)?definitions\b/.test(trimmed)) return void issues.add(at, 'not a WSDL 1.1 document (no definitions element)');
  // node-soap takes text (rather than a path or URL) only when it starts with an XML declaration.
  const wsdlText = withoutImportLocations(/^<\?xml[^>]*?>/i.test(trimmed) ? trimmed : `<?xml version="1.0" encoding="UTF-8"?>\n${trimmed}`);
  const client = new SoapClient({ system: 'ADAPTER_REGISTRY', wsdl: wsdlText, timeoutMs: 5000 });
  let loaded: Awaited<ReturnType<SoapClient['load']>>;
  try {
    loaded = await client.load();
  } catch (err) {
    return void issues.add(at, `unreadable WSDL: ${(err as Error).message.replace(/^ADAPTER_REGISTRY: /, '')}`);
  }
  const soapOps = new Map((await client.operations()).map((op) => [op.name, op]));
  const operations = new Map<string, OperationDescription>();
  const definitions = loaded.client.wsdl.definitions as unknown as {
    services: Record<string, { ports: Record<string, { location: string }> }>;
  };
  let address = '';
  const described = loaded.client.describe() as Record<string, Record<string, Record<string, { input: unknown; output: unknown }>>>;
  for (const [service, ports] of Object.entries(described)) {
    for (const [port, ops] of Object.entries(ports)) {
      address ||= definitions.services[service]?.ports[port]?.location ?? '';
      for (const [name, op] of Object.entries(ops)) {
        if (operations.has(name)) continue;
        const input = shapeFrom(op.input ?? {});
        const output = shapeFrom(op.output ?? {});
        if (typeof input === 'string' || typeof output === 'string') {
          issues.add(at, `operation ${name}: unreadable message types`);
          continue;
        }
        operations.set(name, { name, input, output, outputElement: soapOps.get(name)?.outputElement, soap: { service, port } });
      }
    }
  }
  if (operations.size === 0) issues.add(at, 'the WSDL declares no operation');
  return { kind: 'SOAP', address, operations, wsdlText };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a REST endpoint description (JSON):
 * `{ "baseUrl": "https://…", "operations": { "<name>": { "method": "GET", "path": "/x/{id}", "query": ["lang"],
 *   "input": { "id": "string" }, "output": { "name": "string", "owners[]": { "name": "string" } } } } }`.
 */
export function describeRest(kind: AdapterKind, text: string, issues: IssueList): ServiceDescription | undefined {
  const at = 'serviceDescription';
  if (text.length > MAX_DESCRIPTION_CHARS) return void issues.add(at, `the description is larger than ${MAX_DESCRIPTION_CHARS} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return void issues.add(at, `malformed JSON: ${(err as Error).message}`);
  }
  if (!isObj(raw)) return void issues.add(at, 'expected { baseUrl, operations }');
  for (const key of Object.keys(raw)) if (!['baseUrl', 'operations'].includes(key)) issues.add(`${at}.${key}`, `unknown key "${key}"`);
  const address = typeof raw.baseUrl === 'string' ? raw.baseUrl : '';
  if (!isHttpUrl(address)) issues.add(`${at}.baseUrl`, 'baseUrl must be an http(s) URL');
  if (!isObj(raw.operations) || Object.keys(raw.operations).length === 0) return void issues.add(`${at}.operations`, 'operations is required: name → { method, path, input, output }');
  const operations = new Map<string, OperationDescription>();
  for (const [name, op] of Object.entries(raw.operations)) {
    const opAt = `${at}.operations.${name}`;
    if (!isObj(op)) {
      issues.add(opAt, 'expected { method, path, query, input, output }');
      continue;
    }
    for (const key of Object.keys(op)) {
      if (!['method', 'path', 'query', 'input', 'output', 'requestElement'].includes(key)) issues.add(`${opAt}.${key}`, `unknown key "${key}"`);
    }
    const method = (op.method ?? 'GET') as 'GET' | 'POST';
    if (method !== 'GET' && method !== 'POST') issues.add(`${opAt}.method`, 'method must be GET or POST');
    if (typeof op.path !== 'string' || !op.path.startsWith('/')) issues.add(`${opAt}.path`, 'path must start with /');
    const query = op.query ?? [];
    if (!Array.isArray(query) || !query.every((q) => typeof q === 'string')) issues.add(`${opAt}.query`, 'query must be a list of input member names');
    const input = shapeFrom(op.input ?? {}, `${opAt}.input`);
    const output = shapeFrom(op.output ?? {}, `${opAt}.output`);
    if (typeof input === 'string') issues.add(`${opAt}.input`, input);
    if (typeof output === 'string') issues.add(`${opAt}.output`, output);
    if (typeof input === 'string' || typeof output === 'string' || typeof op.path !== 'string') continue;
    for (const placeholder of op.path.match(/\{(\w+)\}/g) ?? []) {
      if (!input.has(placeholder.slice(1, -1))) issues.add(`${opAt}.path`, `placeholder ${placeholder} is not an input member`);
    }
    for (const q of Array.isArray(query) ? query : []) if (!input.has(String(q))) issues.add(`${opAt}.query`, `${q} is not an input member`);
    if (kind === 'REST_XML' && method === 'POST' && typeof op.requestElement !== 'string') {
      issues.add(`${opAt}.requestElement`, 'a REST_XML POST needs requestElement (the request document root)');
    }
    operations.set(name, {
      name,
      input,
      output,
      rest: { method, path: op.path, query: query as string[], requestElement: op.requestElement as string | undefined },
    });
  }
  return { kind, address, operations };
}

export { isHttpUrl };
