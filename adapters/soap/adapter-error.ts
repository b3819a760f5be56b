/**
 * The one error an adapter throws. Callers branch on `code` and `retryable`; the GraphQL layer turns
 * it into a catalogue error with {@link toLienthongError}, so no upstream text leaks as an API code.
 */
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { XmlViolation } from './xml-limits';

/**
 * TIMEOUT and UNAVAILABLE are retryable; CIRCUIT_OPEN means the hub stopped calling a failing upstream
 * for a while (adapters/kit) and is not retried, since retrying is what the breaker prevents.
 */
export type AdapterErrorCode = 'TIMEOUT' | 'UNAVAILABLE' | 'BAD_RESPONSE' | 'FAULT' | 'NOT_FOUND' | 'TOO_LARGE' | 'CIRCUIT_OPEN';

/** A SOAP Fault as received (SOAP 1.1 `faultcode`/`faultstring`, or SOAP 1.2 `Code`/`Reason`). */
export interface SoapFault {
  /** The fault code as sent, e.g. `soap:Client.KhongTimThay`. */
  code: string;
  /** The code without its namespace prefix, e.g. `Client.KhongTimThay`. */
  localCode: string;
  message: string;
  /** The `detail` element, parsed; `undefined` when absent. */
  detail: unknown;
}

export interface AdapterErrorOptions {
  /** HTTP status of the upstream answer, when there was one. */
  httpStatus?: number;
  fault?: SoapFault;
  cause?: unknown;
  /** For a refused XML answer: which rule it broke (DOCTYPE, DEPTH, ATTRIBUTES…). */
  violation?: XmlViolation;
}

const RETRYABLE: ReadonlySet<AdapterErrorCode> = new Set(['TIMEOUT', 'UNAVAILABLE']);

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  /** Which upstream system failed, e.g. `CSDLQG_DAN_CU`. */
  readonly system: string;
  /** True when the same call may succeed later (timeouts and outages, not bad data). */
  readonly retryable: boolean;
  readonly httpStatus?: number;
  readonly fault?: SoapFault;
  /** For a refused XML answer: which rule it broke. */
  readonly violation?: XmlViolation;

  constructor(code: AdapterErrorCode, system: string, message: string, options: AdapterErrorOptions = {}) {
    super(`${system}: ${message}`, { cause: options.cause });
    this.name = 'AdapterError';
    this.code = code;
    this.system = system;
    this.retryable = RETRYABLE.has(code);
    this.httpStatus = options.httpStatus;
    this.fault = options.fault;
    this.violation = options.violation;
  }
}

export const isAdapterError = (value: unknown): value is AdapterError => value instanceof AdapterError;

const UPSTREAM_CODE: Record<AdapterErrorCode, ErrorCode> = {
  TIMEOUT: ErrorCode.UPSTREAM_TIMEOUT,
  UNAVAILABLE: ErrorCode.UPSTREAM_UNAVAILABLE,
  CIRCUIT_OPEN: ErrorCode.UPSTREAM_UNAVAILABLE,
  BAD_RESPONSE: ErrorCode.UPSTREAM_BAD_RESPONSE,
  TOO_LARGE: ErrorCode.UPSTREAM_BAD_RESPONSE,
  // A fault the caller did not anticipate means the two sides disagree on the contract.
  FAULT: ErrorCode.UPSTREAM_BAD_RESPONSE,
  NOT_FOUND: ErrorCode.UPSTREAM_BAD_RESPONSE,
};

export interface ToLienthongErrorOptions {
  /** Catalogue code for `NOT_FOUND`, e.g. `CITIZEN_NOT_FOUND`. @default ErrorCode.UPSTREAM_BAD_RESPONSE */
  notFound?: ErrorCode;
}

/**
 * Maps any failure of an adapter call to a client-visible catalogue error: TIMEOUT → UPSTREAM_TIMEOUT,
 * UNAVAILABLE and CIRCUIT_OPEN → UPSTREAM_UNAVAILABLE, everything else the upstream got wrong → UPSTREAM_BAD_RESPONSE.
 * The upstream's own message stays in server logs; clients get the system name and the reason code.
 * A LienthongError passes through unchanged; anything else is an INTERNAL_SERVER_ERROR.
 */
export function toLienthongError(err: unknown, options: ToLienthongErrorOptions = {}): LienthongError {
  if (err instanceof LienthongError) return err;
  if (!isAdapterError(err)) return new LienthongError(ErrorCode.INTERNAL_SERVER_ERROR, { cause: err });
  const code = err.code === 'NOT_FOUND' && options.notFound ? options.notFound : UPSTREAM_CODE[err.code];
  return new LienthongError(code, {
    cause: err,
    details: { system: err.system, reason: err.code, retryable: err.retryable, ...(err.violation ? { violation: err.violation } : {}) },
  });
}
