import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Locale } from '../../subgraphs/shared/federation/context';
import { ERROR_CATALOGUE, ErrorCode } from '../../subgraphs/shared/errors';
import type { GatewayContext } from '../context';
import { localizeError } from './localize-errors';

/** One unexpected error that was masked: what only the logs may hold. */
export interface MaskedErrorEntry {
  requestId: string;
  message: string;
  code?: unknown;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * Where the details of masked errors go: a structured line on stderr. Replaceable (the hub's logger,
 * a test's recorder). @default a JSON line on stderr
 */
export const maskedErrorLog: { write(entry: MaskedErrorEntry): void } = {
  write(entry) {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'unexpected error masked', service: 'gateway', ...entry })}\n`);
  },
};

const statusOf = (code: unknown): number | undefined =>
  typeof code === 'string' && code in ERROR_CATALOGUE ? ERROR_CATALOGUE[code as ErrorCode].status : undefined;

/**
 * Rewrites the errors of one result into the caller's language (see localize-errors.ts), masking and
 * logging unexpected ones, and says the answer's HTTP status: 200 with partial data, the status of the
 * first typed error when nothing was produced (`data: null`), else unchanged (undefined). Shared by
 * Apollo's path (the plugin below) and the gateway's direct query path.
 */
export function localizeResultErrors(
  result: { data?: unknown; errors?: readonly GraphQLFormattedError[] },
  locale: Locale,
  requestId: string,
): { errors: GraphQLFormattedError[]; status?: number; retryAfterHeader?: string } {
  const errors = (result.errors ?? []).map((e) => {
    const localized = localizeError(e, locale, requestId);
    if (localized.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      maskedErrorLog.write({ requestId, message: e.message, code: e.extensions?.code, path: e.path, extensions: e.extensions });
    }
    return localized;
  });
  const firstStatus = statusOf(errors[0]?.extensions?.code);
  // Partial data is a successful answer (200); only a request that produced nothing gets the error's status.
  const status = result.data === null && firstStatus ? firstStatus : result.data ? 200 : undefined;
  const retryAfter = errors[0]?.extensions?.retryAfterSeconds;
  // The Retry-After value, for an answer whose status ends up 429 (a rate-limited caller is told when to come back).
  return { errors, status, retryAfterHeader: typeof retryAfter === 'number' ? String(Math.ceil(retryAfter)) : undefined };
}

/** Localizes every error of a response and sets its HTTP status (with Retry-After when it is RATE_LIMITED). */
export const localizeErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const result = response.body.singleResult;
        const localized = localizeResultErrors(result, contextValue?.locale ?? 'vi', contextValue?.requestId ?? 'unknown');
        result.errors = localized.errors;
        if (localized.status) response.http.status = localized.status;
        if (response.http.status === 429 && localized.retryAfterHeader) response.http.headers.set('retry-after', localized.retryAfterHeader);
      },
    };
  },
};
