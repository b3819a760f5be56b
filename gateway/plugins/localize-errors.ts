/**
 * Errors reach clients in the caller's language: subgraph errors carry both (`extensions.messages`)
 * and the gateway picks one from Accept-Language (Vietnamese by default). Errors without a code from
 * the catalogue are reported as INTERNAL_SERVER_ERROR without internals.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CATALOGUE, ErrorCode } from '../../subgraphs/shared/errors';
import type { Locale } from '../../subgraphs/shared/federation/context';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
// Codes that graphql-js / Apollo Server produce themselves for malformed operations.
const PROTOCOL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * `requestId`, when given, is put on a masked error so that a caller can quote it and an operator
 * find the details, which only the logs hold (localizeErrorsPlugin).
 */
export function localizeError(error: GraphQLFormattedError, locale: Locale, requestId?: string): GraphQLFormattedError {
  const ext = { ...(error.extensions ?? {}) } as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  if (code && KNOWN_CODES.has(code)) {
    const messages = ext.messages as { vi?: string; en?: string } | undefined;
    const message = messages?.[locale] ?? ERROR_CATALOGUE[code as ErrorCode][locale];
    delete ext.stacktrace;
    return { ...error, message, extensions: ext };
  }
  if (code && PROTOCOL_CODES.has(code)) return error;
  const internal = ERROR_CATALOGUE[ErrorCode.INTERNAL_SERVER_ERROR];
  return {
    message: internal[locale],
    path: error.path,
    locations: error.locations,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      http: { status: internal.status },
      messages: { vi: internal.vi, en: internal.en },
      ...(requestId ? { requestId } : {}),
    },
  };
}
