/** SOAP adapter kit: WSDL-driven requests, bounded exchanges, exact-text responses, typed errors. */
export { AdapterError, isAdapterError, toLienthongError } from './adapter-error';
export type { AdapterErrorCode, AdapterErrorOptions, SoapFault, ToLienthongErrorOptions } from './adapter-error';
export { asList, asXmlObject, MAX_XML_NESTING, parseSoapEnvelope, parseXmlDocument } from './envelope-parser';
export type { ParsedEnvelope, XmlObject, XmlValue } from './envelope-parser';
export { exchangeHttp } from './http-exchange';
export type { HttpExchangeRequest, HttpExchangeResponse } from './http-exchange';
export { SoapClient, defaultFaultClassifier, readSoapResponse } from './soap-client';
export { DEFAULT_XML_LIMITS, WSDL_XML_LIMITS, configureXmlLimits, currentXmlLimits, findXmlLimitBreach, isXmlContentType } from './xml-limits';
export type { XmlLimitBreach, XmlLimits, XmlViolation } from './xml-limits';
export type {
  FaultClassifier,
  PreparedSoapRequest,
  SoapCallOptions,
  SoapCallResult,
  SoapClientOptions,
  SoapHeaderBlock,
  SoapOperation,
} from './soap-client';
