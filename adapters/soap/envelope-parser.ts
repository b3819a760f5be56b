/**
 * Reads a SOAP response envelope with fast-xml-parser rather than the `soap` package's own sax
 * parser, which turns `xsd:date` into shifted (or null) Date objects, reads `xsd:long` through
 * parseInt and throws on elements named `constructor`. Here every value stays the exact text sent:
 * dates, leading zeros and 64-bit numbers are never reinterpreted.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AdapterError, type SoapFault } from './adapter-error';
import { DEFAULT_XML_LIMITS, currentXmlLimits, findXmlLimitBreach, isReservedXmlName, type XmlLimits, type XmlViolation } from './xml-limits';

/** A parsed element: its text, its children by local name (repeated ones as arrays), or null for `xsi:nil`. */
export type XmlValue = string | null | XmlObject | XmlValue[];
export interface XmlObject {
  [localName: string]: XmlValue;
}

export interface ParsedEnvelope {
  /** Children of `Header`, by local name; empty when there is no header. */
  header: XmlObject;
  /** Local name of the first child of `Body` (e.g. `TraCuuCongDanResponse` or `Fault`). */
  bodyElement: string;
  /** Content of that element. */
  content: XmlValue;
  fault?: SoapFault;
}

const XML_PREDEFINED_ENTITIES = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };

/** Deepest element nesting accepted in a response by default (see xml-limits.ts, UPSTREAM_XML_MAX_DEPTH). */
export const MAX_XML_NESTING = DEFAULT_XML_LIMITS.maxDepth;

/** Longest fault text kept in an error message: a fault's text goes to logs, not a 1 MiB detail. */
const MAX_FAULT_MESSAGE = 512;

const parserOptions = (maxDepth: number) => ({
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // XML's five predefined entities and numeric character references (`&#xA;`, `&#233;`), which
  // fast-xml-parser 5 decodes only when given an entity table here (5.12 accepts a table at run time;
  // its types say boolean); no HTML named entities such as `&nbsp;`.
  htmlEntities: XML_PREDEFINED_ENTITIES as unknown as boolean,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The limits scan refuses deep documents first; this is the parser's own backstop.
  maxNestedTags: maxDepth,
}) as ConstructorParameters<typeof XMLParser>[0];

/** One parser per depth limit in use (in practice one or two). */
const parsers = new Map<number, XMLParser>();
const parserFor = (maxDepth: number): XMLParser => {
  let parser = parsers.get(maxDepth);
  if (!parser) parsers.set(maxDepth, (parser = new XMLParser(parserOptions(maxDepth))));
  return parser;
};

/** Attributes are dropped except `xsi:nil="true"`, which becomes null; text-only nodes become strings. */
function simplify(value: unknown): XmlValue {
  if (Array.isArray(value)) return value.map(simplify);
  if (value === null || typeof value !== 'object') return value === undefined ? null : String(value);
  const node = value as Record<string, unknown>;
  if (node['@_nil'] === 'true' || node['@_nil'] === '1') return null;
  const out: XmlObject = {};
  let hasChildren = false;
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    // The limits scan and the parser both refuse these names; never let one become a key regardless.
    if (isReservedXmlName(key)) throw new Error(`reserved element name ${key}`);
    out[key] = simplify(child);
    hasChildren = true;
  }
  if (!hasChildren) return '#text' in node ? String(node['#text']) : '';
  return out;
}

const asObject = (value: XmlValue | undefined): XmlObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;

const textOf = (value: XmlValue | undefined): string => {
  if (typeof value === 'string') return value;
  const obj = asObject(value);
  return obj ? textOf(obj.Text ?? obj.Value ?? '') : '';
};

function readFault(content: XmlValue): SoapFault {
  const fault = asObject(content) ?? {};
  // SOAP 1.1: faultcode/faultstring/detail. SOAP 1.2: Code/Value (+ Subcode), Reason/Text, Detail.
  let code = textOf(fault.faultcode);
  if (!code) {
    const code12 = asObject(fault.Code);
    code = textOf(code12?.Value);
    const sub = textOf(asObject(code12?.Subcode)?.Value);
    if (sub) code = `${code}.${sub.replace(/^[^:]*:/, '')}`;
  }
  const fullMessage = textOf(fault.faultstring) || textOf(fault.Reason);
  const message = fullMessage.length > MAX_FAULT_MESSAGE ? `${fullMessage.slice(0, MAX_FAULT_MESSAGE)}…` : fullMessage;
  const detail = fault.detail ?? fault.Detail;
  return { code, localCode: code.replace(/^[^:.]*:/, ''), message, detail: detail === '' ? undefined : detail };
}

/**
 * Parses one XML document with the hub's rules (also used for REST/XML upstreams): no DTD, within the
 * limits (depth, attributes, text length, element count; xml-limits.ts), no `__proto__`/`constructor`/
 * `prototype` names, well-formed, values kept as text, namespace prefixes stripped, `xsi:nil` as null.
 * Throws `BAD_RESPONSE`, with `violation` saying which rule was broken.
 * @param limits overrides of the process's limits for this document @default currentXmlLimits()
 */
export function parseXmlDocument(
  xml: string,
  system: string,
  httpStatus?: number,
  what = 'XML response',
  limits: Partial<XmlLimits> = {},
): XmlObject {
  const bad = (why: string, violation: XmlViolation, cause?: unknown) =>
    new AdapterError('BAD_RESPONSE', system, `invalid ${what}: ${why}`, { httpStatus, cause, violation });
  const effective = { ...currentXmlLimits(), ...limits };
  const breach = findXmlLimitBreach(xml, effective);
  if (breach) throw bad(breach.message, breach.violation);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) throw bad(`${validation.err.msg} (line ${validation.err.line})`, 'MALFORMED');
  try {
    return asObject(simplify(parserFor(effective.maxDepth).parse(xml))) ?? {};
  } catch (err) {
    const message = (err as Error).message;
    throw bad(message, /reserved|prototype pollution/i.test(message) ? 'RESERVED_NAME' : 'MALFORMED', err);
  }
}

/**
 * Parses a SOAP 1.1/1.2 envelope. Throws `BAD_RESPONSE` for anything that is not one well-formed
 * envelope with a body: malformed XML, a DTD (SOAP forbids them, and they carry entity attacks),
 * several roots, reserved element names.
 */
export function parseSoapEnvelope(xml: string, system: string, httpStatus?: number): ParsedEnvelope {
  const bad = (why: string, cause?: unknown) =>
    new AdapterError('BAD_RESPONSE', system, `invalid SOAP response: ${why}`, { httpStatus, cause });
  const tree = parseXmlDocument(xml, system, httpStatus, 'SOAP response');
  const envelope = asObject(tree.Envelope);
  if (!envelope || Object.keys(tree).length !== 1) throw bad('the root element is not a SOAP Envelope');
  const body = asObject(envelope.Body);
  const bodyElement = body ? Object.keys(body)[0] : undefined;
  if (!body || !bodyElement) throw bad('the envelope has no Body content');
  const content = body[bodyElement];
  return {
    header: asObject(envelope.Header) ?? {},
    bodyElement,
    content,
    fault: bodyElement === 'Fault' ? readFault(content) : undefined,
  };
}

/** A repeated element read as a list whatever its count (one element parses as a single value). */
export const asList = (value: XmlValue | undefined): XmlValue[] =>
  value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];

export { asObject as asXmlObject };
