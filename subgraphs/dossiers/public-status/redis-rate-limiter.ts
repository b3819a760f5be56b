/**
 * Token buckets shared through Redis, so that every dossiers process behind a load balancer counts a
 * client's lookups together. One Lua script refills and takes atomically with Redis's own clock (the
 * processes' clocks never meet). If Redis fails or is slow, the process falls back to its own
 * in-memory buckets: the public lookup stays up and still limited, only per process for that while.
 */
import { logger } from '../../shared/logging';
import Redis from 'ioredis';
import {
  checkedLimits,
  decide,
  InMemoryTokenBucket,
  type RateDecision,
  type RateLimiter,
  type TokenBucketLimits,
} from './rate-limiter';

/** KEYS[1] bucket; ARGV capacity, refill per second. Returns the tokens before taking, as a string. */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
if now > at then tokens = math.min(capacity, tokens + (now - at) / 1000 * rate) end
local before = tokens
if tokens >= 1 then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
return tostring(before)
`;

export interface RedisTokenBucketOptions extends TokenBucketLimits {
  /** Key prefix, so several hubs or limits can share one Redis. @default "lienthong:ratelimit:public-status:" */
  prefix?: string;
  /** Time to wait for Redis before deciding locally. @default 200 */
  commandTimeoutMs?: number;
}

export class RedisTokenBucket implements RateLimiter {
  private readonly limits: Required<TokenBucketLimits>;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly fallback: InMemoryTokenBucket;
  private warned = false;

  constructor(url: string, options: RedisTokenBucketOptions = {}) {
    this.limits = checkedLimits(options);
    this.prefix = options.prefix ?? 'lienthong:ratelimit:public-status:';
    this.fallback = new InMemoryTokenBucket(this.limits);
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 200,
      // A lookup never queues behind a reconnect: it is decided locally at once.
      enableOfflineQueue: false,
    });
    this.redis.defineCommand('lienthongTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    // ioredis reports connection errors as events too; they are handled by falling back per call.
    this.redis.on('error', () => undefined);
  }

  async connect(): Promise<this> {
    await this.redis.connect();
    return this;
  }

  async take(key: string): Promise<RateDecision> {
    try {
      const take = (this.redis as unknown as { lienthongTakeToken(k: string, c: number, r: number): Promise<string> }).lienthongTakeToken;
      const before = Number(await take.call(this.redis, this.prefix + key, this.limits.capacity, this.limits.refillPerSecond));
      this.warned = false;
      return decide(before, this.limits).decision;
    } catch (err) {
      if (!this.warned) {
        // Once per outage, not once per lookup.
        this.warned = true;
        logger('public-status').warn({ err }, 'rate limiting per process: Redis unavailable');
      }
      return this.fallback.takeNow(key);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
