/**
 * Sends each entity once per fetch. The query planner asks for every occurrence of an entity (in
 * TestQuery the same user is the author of every review, the same products recur under every user),
 * and @apollo/subgraph resolves each representation separately: the duplicates cost the subgraph
 * work, and the gateway bytes to write and parse. The answer is spread back to every position, with
 * an entity's errors repeated for each of its positions, so the gateway sees what it asked for.
 */
import type { GraphQLFormattedError } from 'graphql';

type JsonObject = Record<string, unknown>;

export interface DedupedRepresentations {
  /** The variables to send: `representations` holds each distinct entity once. */
  variables: JsonObject;
  /** How many representations were left out. */
  removed: number;
  /** Maps the subgraph's answer back to one entry per original representation. */
  expand<R extends { data?: JsonObject | null; errors?: readonly GraphQLFormattedError[] }>(result: R): R;
}

const unchanged = (variables: JsonObject): DedupedRepresentations => ({ variables, removed: 0, expand: (r) => r });

export function dedupeRepresentations(variables: JsonObject | undefined): DedupedRepresentations {
  const representations = variables?.representations;
  if (!variables || !Array.isArray(representations) || representations.length < 2) return unchanged(variables ?? {});
  const slotOf = new Map<string, number>();
  const unique: unknown[] = [];
  // For each original position, the index of its distinct representation.
  const positions = new Array<number>(representations.length);
  representations.forEach((representation, i) => {
    // The planner builds every representation of a fetch from one selection, so equal entities
    // serialise with their keys in the same order.
    const key = JSON.stringify(representation);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = unique.length;
      slotOf.set(key, slot);
      unique.push(representation);
    }
    positions[i] = slot;
  });
  if (unique.length === representations.length) return unchanged(variables);
  return {
    variables: { ...variables, representations: unique },
    removed: representations.length - unique.length,
    expand(result) {
      const entities = result.data?._entities;
      const data = Array.isArray(entities) ? { ...result.data, _entities: positions.map((slot) => entities[slot] ?? null) } : result.data;
      const errors = result.errors?.flatMap((error) => {
        const path = error.path;
        if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
        const slot = path[1];
        const rest = path.slice(2);
        const copies: GraphQLFormattedError[] = [];
        positions.forEach((s, i) => {
          if (s === slot) copies.push({ ...error, path: ['_entities', i, ...rest] });
        });
        return copies;
      });
      return { ...result, data, ...(errors ? { errors } : {}) };
    },
  };
}
