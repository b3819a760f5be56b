/**
 * Limits on untrusted XML, checked by one linear pass over the text before any parser sees it. The
 * parsers the hub uses are either slow on hostile shapes (fast-xml-parser takes seconds on one element
 * with a million attributes) or expand what a DTD declares, so the cheap checks run first and a
 * document that breaks one is refused with the name of the limit it broke.
 *
 * The pass is not a validator: well-formedness is still checked by the parser. It only has to be right
 * about the limits on anything a validator would accept, and never slower than linear on the rest.
 */

/** Which rule an untrusted XML document broke; carried by the AdapterError (`violation`) and the client error's details. */
export type XmlViolation =
  | 'DOCTYPE'
  | 'DEPTH'
  | 'ATTRIBUTES'
  | 'TEXT_LENGTH'
  | 'ELEMENTS'
  | 'RESERVED_NAME'
  | 'MALFORMED'
  | 'CONTENT_TYPE';

export interface XmlLimits {
  /** Deepest element nesting accepted. @default 64 */
  maxDepth: number;
  /** Most attributes on one element (namespace declarations included). @default 64 */
  maxAttributesPerElement: number;
  /** Longest text node or CDATA section, in characters. @default 65536 */
  maxTextLength: number;
  /** Most elements in one document. @default 20000 */
  maxElements: number;
}

/** The defaults; a national-database answer is a few hundred elements, a few levels deep. */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 64,
  maxAttributesPerElement: 64,
  maxTextLength: 64 * 1024,
  maxElements: 20_000,
});

/** A WSDL nests schemas inside definitions and has many elements; it is still refused a DTD. */
export const WSDL_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 256,
  maxAttributesPerElement: 256,
  maxTextLength: 1024 * 1024,
  maxElements: 200_000,
});

let processLimits: XmlLimits = { ...DEFAULT_XML_LIMITS };

/**
 * Sets the limits every upstream XML reader of this process uses unless a call passes its own; the hub
 * calls it once at start with the values of its configuration (UPSTREAM_XML_*).
 */
export function configureXmlLimits(limits: Partial<XmlLimits>): void {
  processLimits = { ...processLimits, ...definedOnly(limits) };
}

/** The limits in force for this process. */
export const currentXmlLimits = (): Readonly<XmlLimits> => processLimits;

const definedOnly = (limits: Partial<XmlLimits>): Partial<XmlLimits> =>
  Object.fromEntries(Object.entries(limits).filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v > 0));

/** Names that would reach `Object.prototype` if used as keys of the parsed tree. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isReservedXmlName = (name: string): boolean => RESERVED_NAMES.has(name.slice(name.indexOf(':') + 1));

/** A broken limit: which one and a sentence for the logs. */
export interface XmlLimitBreach {
  violation: XmlViolation;
  message: string;
}

const NAME_END = /[\s/>=]/;

/** Reads one start tag's name and attribute names; `end` is the index of its closing `>`. */
function readStartTag(xml: string, start: number): { name: string; attributes: string[]; end: number; selfClosing: boolean } | undefined {
  let i = start + 1;
  while (i < xml.length && !NAME_END.test(xml[i])) i += 1;
  const name = xml.slice(start + 1, i);
  const attributes: string[] = [];
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i += 1;
    if (i >= xml.length) return undefined;
    if (xml[i] === '>') return { name, attributes, end: i, selfClosing: false };
    if (xml[i] === '/' && xml[i + 1] === '>') return { name, attributes, end: i + 1, selfClosing: true };
    const nameStart = i;
    while (i < xml.length && !NAME_END.test(xml[i])) i += 1;
    if (i === nameStart) return undefined;
    attributes.push(xml.slice(nameStart, i));
    while (i < xml.length && /\s/.test(xml[i])) i += 1;
    if (xml[i] !== '=') return undefined;
    i += 1;
    while (i < xml.length && /\s/.test(xml[i])) i += 1;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    i = close + 1;
  }
}

/**
 * Checks `xml` against `limits`; returns the first limit broken, or undefined. Linear in the length
 * of the text; stops at the first breach, so a hostile document costs no more than its first excess.
 */
export function findXmlLimitBreach(xml: string, limits: Readonly<XmlLimits> = processLimits): XmlLimitBreach | undefined {
  const breach = (violation: XmlViolation, message: string): XmlLimitBreach => ({ violation, message });
  let depth = 0;
  let elements = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd - i > limits.maxTextLength) return breach('TEXT_LENGTH', `a text node is longer than ${limits.maxTextLength} characters`);
    if (lt < 0) break;
    const skipTo = (terminator: string, from: number): number => {
      const end = xml.indexOf(terminator, from);
      return end < 0 ? -1 : end + terminator.length;
    };
    if (xml.startsWith('<?', lt)) {
      i = skipTo('?>', lt + 2);
    } else if (xml.startsWith('<!--', lt)) {
      i = skipTo('-->', lt + 4);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      i = skipTo(']]>', lt + 9);
      if (i >= 0 && i - 3 - (lt + 9) > limits.maxTextLength) {
        return breach('TEXT_LENGTH', `a CDATA section is longer than ${limits.maxTextLength} characters`);
      }
    } else if (xml[lt + 1] === '!') {
      // DOCTYPE, ENTITY, ELEMENT…: a DTD is where external entities and expansion bombs live.
      return breach('DOCTYPE', 'document type declarations are not allowed');
    } else if (xml[lt + 1] === '/') {
      depth -= 1;
      i = skipTo('>', lt + 2);
    } else {
      const tag = readStartTag(xml, lt);
      if (!tag) return breach('MALFORMED', 'an unterminated or malformed start tag');
      elements += 1;
      if (elements > limits.maxElements) return breach('ELEMENTS', `more than ${limits.maxElements} elements`);
      if (tag.attributes.length > limits.maxAttributesPerElement) {
        return breach('ATTRIBUTES', `an element has more than ${limits.maxAttributesPerElement} attributes`);
      }
      if (isReservedXmlName(tag.name)) return breach('RESERVED_NAME', `an element is named ${tag.name}`);
      const reserved = tag.attributes.find(isReservedXmlName);
      if (reserved) return breach('RESERVED_NAME', `an attribute is named ${reserved}`);
      if (!tag.selfClosing) {
        depth += 1;
        if (depth > limits.maxDepth) return breach('DEPTH', `elements nested deeper than ${limits.maxDepth}`);
      }
      i = tag.end + 1;
    }
    if (i < 0) return breach('MALFORMED', 'the document ends inside markup');
  }
  return undefined;
}

/** Media types an XML answer may come with; a missing type is accepted, since some old services send none. */
export function isXmlContentType(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === '' || type === 'text/xml' || type === 'application/xml' || type.endsWith('+xml');
}
