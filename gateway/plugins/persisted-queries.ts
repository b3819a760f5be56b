/**
 * Persisted queries. `auto` is Apollo's automatic persisted query protocol: a client sends
 * `extensions.persistedQuery.sha256Hash` alone, gets PERSISTED_QUERY_NOT_FOUND the first time, then
 * sends hash and text once; the gateway keeps the text (only after it validated and passed every
 * limit, so junk cannot fill the store). `allow-list` is for production: only the operations of a
 * manifest run, by hash or by text; everything else is PERSISTED_QUERY_NOT_ALLOWED.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import Redis from 'ioredis';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

export type PersistedQueryMode = 'off' | 'auto' | 'allow-list';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Where automatic persisted queries are kept, by hash. */
export interface PersistedQueryStore {
  get(hash: string): Promise<string | undefined>;
  set(hash: string, query: string): Promise<void>;
  close?(): Promise<void>;
}

export interface InMemoryPersistedQueryStoreOptions {
  /** Most operations kept; the least recently used go first. @default 1000 */
  maxEntries?: number;
  /** Most bytes of operation text kept in all. @default 16777216 (16 MiB) */
  maxBytes?: number;
}

/** A bounded LRU in this process: a flood of distinct queries evicts, it never grows memory. */
export class InMemoryPersistedQueryStore implements PersistedQueryStore {
  private readonly entries = new Map<string, string>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(options: InMemoryPersistedQueryStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(hash: string): Promise<string | undefined> {
    const query = this.entries.get(hash);
    if (query === undefined) return undefined;
    this.entries.delete(hash);
    this.entries.set(hash, query);
    return query;
  }

  async set(hash: string, query: string): Promise<void> {
    const previous = this.entries.get(hash);
    if (previous !== undefined) this.bytes -= previous.length;
    this.entries.delete(hash);
    this.entries.set(hash, query);
    this.bytes += query.length;
    for (const [oldest, text] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= text.length;
    }
  }
}

export interface RedisPersistedQueryStoreOptions {
  /** Key prefix. @default "lienthong:apq:" */
  prefix?: string;
  /** How long an unused operation is kept. @default 86400 (a day) */
  ttlSeconds?: number;
  /** Time to wait for Redis; after it a lookup is a miss and the client resends the text. @default 200 */
  commandTimeoutMs?: number;
}

/** Shared by every gateway process; Redis's own eviction and the TTL bound it. A Redis failure is a miss. */
export class RedisPersistedQueryStore implements PersistedQueryStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(url: string, options: RedisPersistedQueryStoreOptions = {}) {
    this.prefix = options.prefix ?? 'lienthong:apq:';
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: options.commandTimeoutMs ?? 200, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  async connect(): Promise<this> {
    await this.redis.connect();
    return this;
  }

  async get(hash: string): Promise<string | undefined> {
    try {
      const query = await this.redis.getex(this.prefix + hash, 'EX', this.ttlSeconds);
      return query ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(hash: string, query: string): Promise<void> {
    await this.redis.set(this.prefix + hash, query, 'EX', this.ttlSeconds).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** The operations allowed in `allow-list` mode, by hash and by normalised text. */
export class PersistedQueryManifest {
  private readonly byHash = new Map<string, string>();
  /** `print(parse(text))` of each operation: the form the graphql-ws endpoint hands to Apollo. */
  private readonly printed = new Set<string>();

  constructor(operations: Record<string, string>) {
    for (const [hash, query] of Object.entries(operations)) {
      if (sha256Hex(query) !== hash.toLowerCase()) throw new Error(`Persisted query manifest: ${hash} is not the SHA-256 of its text`);
      this.byHash.set(hash.toLowerCase(), query);
      this.printed.add(print(parse(query)));
    }
  }

  /**
   * Reads `{ "<sha256>": "<text>" }` or Apollo's manifest
   * (`{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`).
   */
  static fromFile(path: string): PersistedQueryManifest {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if (Array.isArray(json.operations)) {
      const operations = json.operations as Array<{ id: string; body: string }>;
      return new PersistedQueryManifest(Object.fromEntries(operations.map((o) => [o.id, o.body])));
    }
    return new PersistedQueryManifest(json as Record<string, string>);
  }

  queryFor(hash: string): string | undefined {
    return this.byHash.get(hash.toLowerCase());
  }

  allows(query: string): boolean {
    return this.byHash.has(sha256Hex(query)) || this.printed.has(query);
  }
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/** What a request resolves to: the text to run (and a hash to remember once it passed), or a refusal. */
export type PersistedQueryResolution = { query: string; register?: string } | { error: LienthongError };

/** Turns a request's text and `persistedQuery` extension into the text to run, per mode. */
export class PersistedQueries {
  constructor(
    readonly mode: PersistedQueryMode,
    private readonly store: PersistedQueryStore = new InMemoryPersistedQueryStore(),
    private readonly manifest?: PersistedQueryManifest,
  ) {
    if (mode === 'allow-list' && !manifest) throw new Error('PERSISTED_QUERIES=allow-list needs PERSISTED_QUERY_MANIFEST');
  }

  async resolve(query: string | undefined, extensions: Record<string, unknown> | undefined): Promise<PersistedQueryResolution> {
    const extension = extensions?.persistedQuery as PersistedQueryExtension | undefined;
    const hash = typeof extension?.sha256Hash === 'string' ? extension.sha256Hash.toLowerCase() : undefined;
    if (extension && (extension.version !== 1 || !hash)) {
      return { error: new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'Unsupported persisted query version or hash.', vi: 'Phiên bản hoặc mã băm truy vấn đã lưu không hợp lệ.' }) };
    }
    if (hash && query !== undefined && sha256Hex(query) !== hash) {
      return { error: new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'provided sha does not match query', vi: 'Mã băm không khớp với nội dung truy vấn.' }) };
    }
    if (this.mode === 'allow-list') {
      const text = query ?? (hash ? this.manifest!.queryFor(hash) : undefined);
      if (text === undefined || !this.manifest!.allows(text)) return { error: new LienthongError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED) };
      return { query: text };
    }
    if (query !== undefined) return { query, register: this.mode === 'auto' ? hash : undefined };
    if (!hash) return { error: new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'The request has no `query`.', vi: 'Yêu cầu không có `query`.' }) };
    if (this.mode === 'off') return { error: new LienthongError(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED) };
    const stored = await this.store.get(hash);
    return stored === undefined ? { error: new LienthongError(ErrorCode.PERSISTED_QUERY_NOT_FOUND) } : { query: stored };
  }

  /** Keeps an operation that passed validation and every limit (auto mode). */
  async remember(hash: string, query: string): Promise<void> {
    await this.store.set(hash, query);
  }

  async close(): Promise<void> {
    await this.store.close?.();
  }
}
