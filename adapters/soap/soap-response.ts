/**
 * Untrusted SOAP documents before anything reads them: an answer's content type, status and shape
 * (xml-limits.ts), and WSDL text or files before node-soap parses them (a DTD is refused there too:
 * WSDLs are operator-provided, but node-soap's parser should never meet an entity declaration).
 */
import { readFileSync, statSync } from 'node:fs';
import { AdapterError } from './adapter-error';
import { parseSoapEnvelope, type ParsedEnvelope } from './envelope-parser';
import type { HttpExchangeResponse } from './http-exchange';
import { WSDL_XML_LIMITS, findXmlLimitBreach, isXmlContentType } from './xml-limits';

/** Breaches that only a hostile or broken XML producer sends, never a proxy's error page. */
const HOSTILE_SHAPES = new Set(['DEPTH', 'ATTRIBUTES', 'TEXT_LENGTH', 'ELEMENTS', 'RESERVED_NAME']);

/**
 * Reads a SOAP answer's envelope: a 2xx answer must say it is XML; an answer that is not an envelope
 * is an outage when the status is 5xx (a proxy's page), unless its shape is hostile (then BAD_RESPONSE,
 * which is not retried). Shared by the kit's client and the adapter registry's transport.
 */
export function readSoapResponse(response: HttpExchangeResponse, system: string): ParsedEnvelope {
  const { status } = response;
  const xmlType = isXmlContentType(response.contentType);
  if (!xmlType && status >= 200 && status < 300) {
    throw new AdapterError('BAD_RESPONSE', system, `invalid SOAP response: content type ${response.contentType.slice(0, 100)} is not XML`, {
      httpStatus: status,
      violation: 'CONTENT_TYPE',
    });
  }
  try {
    return parseSoapEnvelope(response.body, system, status);
  } catch (err) {
    const hostile = err instanceof AdapterError && xmlType && err.violation !== undefined && HOSTILE_SHAPES.has(err.violation);
    if (status >= 500 && !hostile) {
      throw new AdapterError('UNAVAILABLE', system, `HTTP ${status} without a SOAP envelope`, { httpStatus: status, cause: err });
    }
    throw err;
  }
}

/** A WSDL file is read here first so that node-soap never parses one that carries a DTD. */
export function checkWsdlFile(path: string, system: string, maxBytes: number): void {
  let text: string;
  try {
    if (statSync(path).size > maxBytes) throw new AdapterError('TOO_LARGE', system, `WSDL file larger than ${maxBytes} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof AdapterError) throw err;
    throw new AdapterError('BAD_RESPONSE', system, `unreadable WSDL: ${(err as Error).message}`, { cause: err });
  }
  checkWsdlText(text, system);
}

/** A WSDL (or schema) is operator-provided but still untrusted text: no DTD, bounded shape. */
export function checkWsdlText(text: string, system: string): void {
  const breach = findXmlLimitBreach(text, WSDL_XML_LIMITS);
  if (breach) throw new AdapterError('BAD_RESPONSE', system, `unreadable WSDL: ${breach.message}`, { violation: breach.violation });
}
