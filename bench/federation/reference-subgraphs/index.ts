import { accounts } from './accounts';
import { inventory } from './inventory';
import { products } from './products';
import { reviews } from './reviews';
import type { ReferenceSubgraph } from './reference-subgraph';

export { composeReferenceSupergraph, TEST_QUERY, type ReferenceSubgraph } from './reference-subgraph';

export const REFERENCE_SUBGRAPHS: readonly ReferenceSubgraph[] = [accounts, inventory, products, reviews];
