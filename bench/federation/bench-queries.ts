/**
 * The benchmark's two queries: the reference `TestQuery` (all four subgraphs) and a single-subgraph
 * query whose floor is the accounts subgraph called directly. Also the never-seen variants the cold
 * planning probe sends: a unique operation name and one extra aliased field each time, so no
 * gateway can have its text, document or plan cached.
 */
import { TEST_QUERY } from './reference-subgraphs';

export interface BenchQuery {
  name: 'TestQuery' | 'Users';
  text: string;
  /** The subgraph that alone answers it (its URL is the floor); undefined: it needs a gateway. */
  singleSubgraph?: string;
}

export const BENCH_QUERIES: readonly BenchQuery[] = [
  { name: 'TestQuery', text: TEST_QUERY },
  { name: 'Users', text: 'query Users { users { id username name birthday } }', singleSubgraph: 'accounts' },
];

export const requestBody = (text: string, operationName?: string) => JSON.stringify({ query: text, operationName });

/** The extra alias a cold variant adds (dropped again when its answer is checked). */
export const COLD_ALIAS = 'coldProbe';

/** `query`, renamed to a never-seen operation with one extra field; `nonce` makes it unique. */
export function neverSeenVariant(query: BenchQuery, nonce: string): { text: string; operationName: string } {
  const operationName = `${query.name}_${nonce}`;
  const header = `query ${query.name} {`;
  if (!query.text.includes(header)) throw new Error(`${query.name}: no "${header}" to rename`);
  return { operationName, text: query.text.replace(header, `query ${operationName} { ${COLD_ALIAS}: users { id }`) };
}
