/**
 * Parsed and validated operations, by their text. Dashboards send the same few subscriptions from
 * thousands of screens; without this each subscriber would hold its own copy of the syntax tree for
 * as long as it stays subscribed (tens of kilobytes each), and pay for parsing and validation again.
 */
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

export type CachedDocument = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

export interface DocumentCacheOptions {
  /** Distinct operation texts kept; the oldest is dropped past it. @default 1000 */
  maxEntries?: number;
  /** Longest operation text accepted, in characters. @default 100000 */
  maxQueryLength?: number;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  private readonly maxEntries: number;
  private readonly maxQueryLength: number;

  constructor(
    private readonly schema: GraphQLSchema,
    options: DocumentCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxQueryLength = options.maxQueryLength ?? 100_000;
  }

  get(query: string): CachedDocument {
    const hit = this.entries.get(query);
    if (hit) return hit;
    const entry = this.compile(query);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(query, entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  private compile(query: string): CachedDocument {
    if (typeof query !== 'string' || query.length > this.maxQueryLength) {
      return { errors: [new GraphQLError('The operation text is missing or too long', { extensions: { code: 'BAD_USER_INPUT' } })] };
    }
    let document: DocumentNode;
    try {
      // No locations: they double the tree's size and only serve error positions of valid documents.
      document = parse(query, { noLocation: true });
    } catch (err) {
      return { errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
    }
    const errors = validate(this.schema, document);
    return errors.length > 0 ? { errors } : { document };
  }
}
