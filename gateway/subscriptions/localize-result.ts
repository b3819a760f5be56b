/**
 * Subscription results in the subscriber's language. A shared stream shapes each event once; its
 * errors are localised once per locale (cached on the result), never copied per subscriber, and a
 * result without errors goes out as it is.
 */
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Locale } from '../../subgraphs/shared/federation/context';
import { localizeError } from '../plugins/localize-errors';

const byLocale = new WeakMap<ExecutionResult, Map<string, ExecutionResult>>();

/**
 * graphql-ws calls `toJSON()` on each error it sends; a formatted error is already what goes on
 * the wire, so it answers with itself.
 */
function wireError(error: GraphQLFormattedError): GraphQLError {
  return Object.assign({ toJSON: () => error }, error) as unknown as GraphQLError;
}

function formatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return 'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : error;
}

export function localizeResult(result: ExecutionResult, locale: string): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  let cache = byLocale.get(result);
  const cached = cache?.get(locale);
  if (cached) return cached;
  const localized: ExecutionResult = {
    ...result,
    errors: result.errors.map((e) => wireError(localizeError(formatted(e), locale as Locale))),
  };
  if (!cache) byLocale.set(result, (cache = new Map()));
  cache.set(locale, localized);
  return localized;
}

/** A result whose errors are already formatted (Apollo's), made sendable by graphql-ws. */
export function withWireErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map((e) => wireError(formatted(e))) };
}
