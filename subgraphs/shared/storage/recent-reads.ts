/**
 * One read for many readers of the same event. When an event reaches a thousand subscriptions, each
 * wants the same row (the dossier as it is now) or the same figures (an agency's statistics after it);
 * the first asks the database and the others await the same promise. Entries live briefly and are
 * keyed by the event's cursor, so a later event always reads afresh; a failed read is not kept.
 */
export interface RecentReadsOptions {
  /** How long a read serves later askers. @default 1000 */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. @default 5000 */
  maxEntries?: number;
}

export class RecentReads {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: RecentReadsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  /** The value read for `key` less than ttlMs ago, or `read()`'s, shared with whoever asks meanwhile. */
  get<V>(key: string, read: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<V>;
    const value = read();
    const entry = { at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Drops every entry (what they were read from has changed). */
  clear(): void {
    this.entries.clear();
  }

  /** Drops `key` (its read turned out not worth keeping, e.g. an answer with errors). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
