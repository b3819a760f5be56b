/**
 * A bounded cache whose entries expire: least recently used entries are evicted first when full.
 * A Map keeps insertion order, so re-inserting on read makes its first key the least recently used.
 * (lru-cache is only a transitive dependency here; the hub does not rely on packages it does not declare.)
 */

export interface TtlCacheOptions {
  /** Most entries kept; the least recently used one is evicted beyond. @default 1000 */
  maxEntries?: number;
  /** Clock in milliseconds, replaceable in tests. @default Date.now */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: TtlCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 1000);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live value under `key`, or undefined (an expired entry is dropped on the way). */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    if (!(ttlMs > 0)) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * JSON with object keys sorted at every level, so that `{a:1,b:2}` and `{b:2,a:1}` give one key;
 * `undefined` members are left out as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

/** Cache key of a call: the operation and its input in canonical form. */
export const cacheKeyOf = (operation: string, input: unknown): string => `${operation}\u0000${canonicalJson(input)}`;
