/**
 * The limits on untrusted XML (adapters/soap/xml-limits.ts) as the parser applies them: each hostile
 * shape is refused by the linear scan with the rule it broke, before fast-xml-parser or node-soap
 * sees it, and ordinary answers still parse.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { populationDbWsdl } from '../../adapters/population-db';
import {
  AdapterError,
  DEFAULT_XML_LIMITS,
  SoapClient,
  configureXmlLimits,
  currentXmlLimits,
  findXmlLimitBreach,
  isXmlContentType,
  parseSoapEnvelope,
  parseXmlDocument,
  toLienthongError,
  type XmlViolation,
} from '../../adapters/soap';
import { ErrorCode } from '../../subgraphs/shared/errors';

const ENVELOPE = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;

/** The AdapterError `run` throws; fails the test when it throws nothing or something else. */
function refusal(run: () => unknown): AdapterError {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AdapterError);
  return thrown as AdapterError;
}

const violationOf = (xml: string): XmlViolation | undefined => refusal(() => parseXmlDocument(xml, 'T')).violation;

describe('findXmlLimitBreach', () => {
  it('accepts an ordinary SOAP answer with comments, PIs, CDATA and quoted ">" in attributes', () => {
    const xml = ENVELOPE('<!-- c <x> --><?pi x?><R a="1 > 0" b=\'<\'><![CDATA[<not-a-tag>]]><E/></R>');
    expect(findXmlLimitBreach(xml)).toBeUndefined();
    expect(parseXmlDocument(xml, 'T')).toHaveProperty('Envelope');
  });

  it.each<[string, string, XmlViolation]>([
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', 'DOCTYPE'],
    ['a lower-case doctype', '<!doctype r><r/>', 'DOCTYPE'],
    ['an ENTITY declaration outside a DOCTYPE', '<r><!ENTITY a "x"></r>', 'DOCTYPE'],
    ['an external entity', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'DOCTYPE'],
    ['nesting one level too deep', `${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}`, 'DEPTH'],
    ['too many attributes', `<r ${Array.from({ length: DEFAULT_XML_LIMITS.maxAttributesPerElement + 1 }, (_, i) => `a${i}="1"`).join(' ')}/>`, 'ATTRIBUTES'],
    ['a long text node', `<r>${'x'.repeat(DEFAULT_XML_LIMITS.maxTextLength + 1)}</r>`, 'TEXT_LENGTH'],
    ['a long CDATA section', `<r><![CDATA[${'x'.repeat(DEFAULT_XML_LIMITS.maxTextLength + 1)}]]></r>`, 'TEXT_LENGTH'],
    ['too many elements', `<r>${'<e/>'.repeat(DEFAULT_XML_LIMITS.maxElements)}</r>`, 'ELEMENTS'],
    ['an element named __proto__', '<r><__proto__><polluted>1</polluted></__proto__></r>', 'RESERVED_NAME'],
    ['a prefixed constructor element', '<r xmlns:p="u"><p:constructor>1</p:constructor></r>', 'RESERVED_NAME'],
    ['an attribute named prototype', '<r prototype="1"/>', 'RESERVED_NAME'],
    ['an attribute named __proto__', '<r __proto__="1"/>', 'RESERVED_NAME'],
    ['a truncated start tag', '<r><a b="1', 'MALFORMED'],
    ['an unterminated comment', '<r><!-- x', 'MALFORMED'],
  ])('refuses %s', (_label, xml, violation) => {
    expect(findXmlLimitBreach(xml)?.violation).toBe(violation);
    expect(violationOf(xml)).toBe(violation);
  });

  it('accepts a document exactly at each limit', () => {
    const { maxDepth, maxAttributesPerElement, maxTextLength } = DEFAULT_XML_LIMITS;
    expect(findXmlLimitBreach(`${'<a>'.repeat(maxDepth)}${'</a>'.repeat(maxDepth)}`)).toBeUndefined();
    expect(findXmlLimitBreach(`<r ${Array.from({ length: maxAttributesPerElement }, (_, i) => `a${i}="1"`).join(' ')}/>`)).toBeUndefined();
    expect(findXmlLimitBreach(`<r>${'x'.repeat(maxTextLength)}</r>`)).toBeUndefined();
  });

  it('refuses one element with a million attributes by the scan, not by the parser', () => {
    const xml = `<r ${Array.from({ length: 1_000_000 }, (_, i) => `a${i}=""`).join(' ')}/>`;
    // The violation proves the scan stopped it: fast-xml-parser would report a malformed document, seconds later.
    expect(violationOf(xml)).toBe('ATTRIBUTES');
  });

  it('refuses 100,000 levels of nesting without a stack overflow', () => {
    expect(violationOf(`${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`)).toBe('DEPTH');
  });

  it('never touches Object.prototype, whatever the names', () => {
    for (const xml of [
      '<r><__proto__><polluted>yes</polluted></__proto__></r>',
      '<r><constructor><prototype><polluted>yes</polluted></prototype></constructor></r>',
      '<r __proto__="yes"><a constructor="x"/></r>',
    ]) {
      expect(() => parseXmlDocument(xml, 'T')).toThrow(AdapterError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps names that merely resemble reserved ones as plain data', () => {
    const parsed = parseXmlDocument('<r><proto>1</proto><__proto>2</__proto></r>', 'T');
    expect(parsed).toEqual({ r: { proto: '1', __proto: '2' } });
  });
});

describe('configured limits', () => {
  afterEach(() => configureXmlLimits(DEFAULT_XML_LIMITS));

  it('follows the process limits and per-call overrides; ignores unset or invalid values', () => {
    const deep = `${'<a>'.repeat(10)}${'</a>'.repeat(10)}`;
    expect(() => parseXmlDocument(deep, 'T')).not.toThrow();
    configureXmlLimits({ maxDepth: 5, maxTextLength: undefined, maxElements: Number.NaN });
    expect(currentXmlLimits()).toMatchObject({ maxDepth: 5, maxTextLength: DEFAULT_XML_LIMITS.maxTextLength, maxElements: DEFAULT_XML_LIMITS.maxElements });
    expect(violationOf(deep)).toBe('DEPTH');
    expect(() => parseXmlDocument(deep, 'T', undefined, 'XML', { maxDepth: 20 })).not.toThrow();
  });
});

describe('SOAP faults', () => {
  it('keeps a fault message short enough for logs', () => {
    const long = 'x'.repeat(60_000);
    const parsed = parseSoapEnvelope(ENVELOPE(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>${long}</faultstring></soap:Fault>`), 'T');
    expect(parsed.fault!.message.length).toBeLessThan(600);
  });

  it('refuses a fault whose detail is one huge text node', () => {
    const xml = ENVELOPE(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring><detail>${'d'.repeat(200_000)}</detail></soap:Fault>`);
    expect(refusal(() => parseSoapEnvelope(xml, 'T')).violation).toBe('TEXT_LENGTH');
  });
});

describe('content types and client errors', () => {
  it.each<[string, boolean]>([
    ['text/xml; charset=utf-8', true],
    ['application/soap+xml; action="x"', true],
    ['application/xml', true],
    ['', true],
    ['text/html; charset=utf-8', false],
    ['application/json', false],
    ['application/octet-stream', false],
  ])('%s is XML: %s', (type, expected) => {
    expect(isXmlContentType(type)).toBe(expected);
  });

  it('carries the violation to the client error, not the upstream text', () => {
    const err = refusal(() => parseXmlDocument('<!DOCTYPE r SYSTEM "http://evil/">', 'CSDLQG_DAN_CU'));
    const mapped = toLienthongError(err);
    expect(mapped.extensions).toMatchObject({ code: ErrorCode.UPSTREAM_BAD_RESPONSE, system: 'CSDLQG_DAN_CU', violation: 'DOCTYPE' });
    expect(mapped.message).not.toContain('evil');
  });
});

describe('WSDL documents', () => {
  const endpoint = 'http://127.0.0.1:9/csdl-dan-cu';
  const withDoctype = (wsdl: string) => wsdl.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>`);

  it('refuses WSDL text with a DTD before node-soap parses it', async () => {
    const client = new SoapClient({ system: 'T', wsdl: withDoctype(populationDbWsdl(endpoint)) });
    await expect(client.load()).rejects.toMatchObject({ code: 'BAD_RESPONSE', violation: 'DOCTYPE' });
  });

  it('refuses a WSDL file with a DTD, and loads the same file without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lienthong-wsdl-'));
    try {
      const hostile = join(dir, 'hostile.wsdl');
      const clean = join(dir, 'clean.wsdl');
      writeFileSync(hostile, withDoctype(populationDbWsdl(endpoint)));
      writeFileSync(clean, populationDbWsdl(endpoint));
      await expect(new SoapClient({ system: 'T', wsdl: hostile }).load()).rejects.toMatchObject({ violation: 'DOCTYPE' });
      await expect(new SoapClient({ system: 'T', wsdl: clean }).operations()).resolves.toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
