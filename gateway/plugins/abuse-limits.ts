/**
 * The abuse limits from configuration, and the one limit decided on the raw HTTP body: batched
 * operations. Batching is refused by default (MAX_BATCHED_OPERATIONS=1): an array body multiplies
 * every other limit by its length in one request, and the hub's clients do not batch. A larger
 * setting lets Apollo run arrays up to that length; each of their operations is then admitted,
 * rate-counted and measured on its own.
 */
import type { RequestHandler } from 'express';
import { InMemoryTokenBucket, type RateLimiter } from '../../subgraphs/dossiers/public-status/rate-limiter';
import { RedisTokenBucket } from '../../subgraphs/dossiers/public-status/redis-rate-limiter';
import type { Config } from '../../subgraphs/shared/config';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { localeFrom } from '../../subgraphs/shared/federation/context';
import { InMemoryPersistedQueryStore, PersistedQueries, PersistedQueryManifest, RedisPersistedQueryStore, type PersistedQueryStore } from './persisted-queries';
import type { AbuseLimitOptions } from './request-guard';

/** Token buckets for `perMinute` operations a minute with bursts of `burst`; `perMinute` 0 is no limit. */
export async function gatewayRateLimiter(
  perMinute: number,
  burst: number,
  redisUrl?: string,
  redisPrefix = 'lienthong:',
): Promise<(RateLimiter & { close?(): Promise<void> }) | null> {
  if (perMinute <= 0) return null;
  const limits = { capacity: Math.max(1, burst), refillPerSecond: perMinute / 60 };
  if (!redisUrl) return new InMemoryTokenBucket(limits);
  const shared = new RedisTokenBucket(redisUrl, { ...limits, prefix: `${redisPrefix}ratelimit:gateway:` });
  // Unreachable at start: each take falls back to the process's own buckets until Redis answers.
  await shared.connect().catch(() => undefined);
  return shared;
}

/** Every limit as configured (MAX_*, PERSISTED_QUERIES, RATE_LIMIT_*), Redis-backed when REDIS_URL is set. */
export async function abuseLimitsFromConfig(config: Config): Promise<AbuseLimitOptions> {
  let store: PersistedQueryStore = new InMemoryPersistedQueryStore();
  if (config.REDIS_URL && config.PERSISTED_QUERIES === 'auto') {
    const redisStore = new RedisPersistedQueryStore(config.REDIS_URL, { prefix: `${config.REDIS_PREFIX}apq:` });
    await redisStore.connect().catch(() => undefined);
    store = redisStore;
  }
  const manifest = config.PERSISTED_QUERY_MANIFEST ? PersistedQueryManifest.fromFile(config.PERSISTED_QUERY_MANIFEST) : undefined;
  return {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxCost: config.MAX_QUERY_COST,
    maxAliases: config.MAX_QUERY_ALIASES,
    maxBatchedOperations: config.MAX_BATCHED_OPERATIONS,
    maxOperationBytes: config.MAX_OPERATION_BYTES,
    maxVariablesBytes: config.MAX_VARIABLES_BYTES,
    persistedQueries: new PersistedQueries(config.PERSISTED_QUERIES, store, manifest),
    rateLimiter: await gatewayRateLimiter(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST, config.REDIS_URL, config.REDIS_PREFIX),
  };
}

/** Whether an array body of `operations` is refused: all arrays when batching is off (1), else longer ones. */
export function isRefusedBatch(operations: number, maxOperations: number): boolean {
  return maxOperations <= 1 || operations > maxOperations;
}

/** The answer (status 400) to an array body of `operations`: BATCH_NOT_ALLOWED in the caller's language. */
export function batchRefusal(operations: number, maxOperations: number, acceptLanguage: string | undefined): { errors: object[] } {
  const error = new LienthongError(ErrorCode.BATCH_NOT_ALLOWED, { details: { operations, maxOperations } });
  const messages = error.extensions.messages as { vi: string; en: string };
  return { errors: [{ message: messages[localeFrom(acceptLanguage)], extensions: error.extensions }] };
}

/** Refuses array bodies longer than `maxOperations` (all of them when it is 1) with BATCH_NOT_ALLOWED (400). */
export function refuseBatchedOperations(maxOperations: number): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body) || !isRefusedBatch(req.body.length, maxOperations)) return next();
    res.status(400).json(batchRefusal(req.body.length, maxOperations, req.header('accept-language')));
  };
}
