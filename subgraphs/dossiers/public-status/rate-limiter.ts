/**
 * Token buckets for public, unauthenticated lookups. Each client key owns a bucket of `capacity`
 * tokens that refills continuously at `refillPerSecond`; a request takes one token or is refused
 * with the time until one is back. A bucket that has refilled completely is the same as no bucket,
 * so idle clients cost no memory.
 */

export interface TokenBucketLimits {
  /** Requests a client may make in a burst (the bucket's size). @default 10 */
  capacity?: number;
  /** Tokens given back per second: the sustained rate. @default 0.5 (30 lookups a minute) */
  refillPerSecond?: number;
}

export const DEFAULT_TOKEN_BUCKET_LIMITS: Required<TokenBucketLimits> = Object.freeze({ capacity: 10, refillPerSecond: 0.5 });

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next request can succeed; 0 when allowed. */
  retryAfterSeconds: number;
  /** Tokens left after this request. */
  remaining: number;
}

/** Takes one token per request for a client key. Implementations may be process-local or shared. */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export function checkedLimits(limits: TokenBucketLimits = {}): Required<TokenBucketLimits> {
  const resolved = { ...DEFAULT_TOKEN_BUCKET_LIMITS, ...limits };
  if (!(resolved.capacity >= 1) || !(resolved.refillPerSecond > 0)) {
    throw new RangeError(`Token bucket needs capacity >= 1 and refillPerSecond > 0, got ${JSON.stringify(limits)}`);
  }
  return resolved;
}

/** The decision for a bucket holding `tokens` (already refilled to now) when one is requested. */
export function decide(tokens: number, limits: Required<TokenBucketLimits>): { decision: RateDecision; tokensAfter: number } {
  if (tokens >= 1) {
    return { decision: { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(tokens - 1) }, tokensAfter: tokens - 1 };
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / limits.refillPerSecond));
  return { decision: { allowed: false, retryAfterSeconds, remaining: 0 }, tokensAfter: tokens };
}

export interface InMemoryTokenBucketOptions extends TokenBucketLimits {
  /**
   * Most client keys tracked at once. Beyond it, buckets that are full again are dropped first, then
   * the least recently used: a flood of made-up keys cannot exhaust memory. @default 100000
   */
  maxKeys?: number;
  /** Clock in milliseconds. @default Date.now */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Buckets in this process's memory. With several dossiers processes behind a load balancer each
 * keeps its own buckets, so a client gets up to `capacity` per process: use {@link RedisTokenBucket}
 * (redis-rate-limiter.ts) to share them.
 */
export class InMemoryTokenBucket implements RateLimiter {
  private readonly limits: Required<TokenBucketLimits>;
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** Insertion order is recency order: a touched bucket is re-inserted at the end. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: InMemoryTokenBucketOptions = {}) {
    this.limits = checkedLimits(options);
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Number of clients currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  async take(key: string): Promise<RateDecision> {
    return this.takeNow(key);
  }

  /** Synchronous form of {@link take}, for fallbacks that must not wait. */
  takeNow(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.refilled(bucket, now) : this.limits.capacity;
    const { decision, tokensAfter } = decide(tokens, this.limits);
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokensAfter, at: now });
    if (this.buckets.size > this.maxKeys) this.evict(now);
    return decision;
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.limits.capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.limits.refillPerSecond);
  }

  /** Shrinks to 90% of maxKeys, so that under a flood the full scan runs once per many requests. */
  private evict(now: number): void {
    const target = Math.max(1, Math.floor(this.maxKeys * 0.9));
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now) >= this.limits.capacity) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}
