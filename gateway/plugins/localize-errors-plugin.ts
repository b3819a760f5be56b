import type { ApolloServerPlugin } from '@apollo/server';
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
 * Rewrites every error of a response into the caller's language (see localize-errors.ts), and sets
 * the HTTP status: 200 with partial data, else the status of the first typed error (with Retry-After
 * when it is RATE_LIMITED).
 */
export const localizeErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const locale = contextValue?.locale ?? 'vi';
        const result = response.body.singleResult;
        const requestId = contextValue?.requestId ?? 'unknown';
        result.errors = result.errors!.map((e) => {
          const localized = localizeError(e, locale, requestId);
          if (localized.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
            maskedErrorLog.write({ requestId, message: e.message, code: e.extensions?.code, path: e.path, extensions: e.extensions });
          }
          return localized;
        });
        const status = statusOf(result.errors[0]?.extensions?.code);
        // Partial data is a successful answer (200); only a request that produced nothing gets the error's status.
        if (result.data === null && status) response.http.status = status;
        else if (result.data) response.http.status = 200;
        // A rate-limited caller is told when to come back, in the header clients and proxies read.
        const retryAfter = result.errors[0]?.extensions?.retryAfterSeconds;
        if (response.http.status === 429 && typeof retryAfter === 'number') response.http.headers.set('retry-after', String(Math.ceil(retryAfter)));
      },
    };
  },
};
