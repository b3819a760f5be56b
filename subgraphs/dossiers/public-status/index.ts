/** Public dossier status lookup (tra cứu hồ sơ), rate-limited per caller. */
import { PublicStatusResolver } from './public-status.resolver';

export { PublicStatusResolver, rateLimited, type PublicStatusServices } from './public-status.resolver';
export {
  DEFAULT_TOKEN_BUCKET_LIMITS,
  InMemoryTokenBucket,
  type InMemoryTokenBucketOptions,
  type RateDecision,
  type RateLimiter,
  type TokenBucketLimits,
} from './rate-limiter';
export { RedisTokenBucket, type RedisTokenBucketOptions } from './redis-rate-limiter';
export { networkOf, rateLimitKey, type ClientAddressed } from './client-key';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const PUBLIC_STATUS_RESOLVERS: Function[] = [PublicStatusResolver];
