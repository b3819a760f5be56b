/**
 * The reference workload of the gateway benchmark: the four subgraphs of The Guild's federation
 * gateway benchmark, their composed supergraph and its deep `TestQuery`.
 */
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

export interface ReferenceSubgraph {
  name: string;
  typeDefs: DocumentNode;
  // Resolver maps as @apollo/subgraph takes them.
  resolvers: Record<string, Record<string, unknown>>;
}

/** The benchmark's query: every user with their reviews' products, and the top products with their reviews' authors. */
export const TEST_QUERY = /* GraphQL */ `
  fragment User on User {
    id
    username
    name
  }

  fragment Review on Review {
    id
    body
  }

  fragment Product on Product {
    inStock
    name
    price
    shippingEstimate
    upc
    weight
  }

  query TestQuery {
    users {
      ...User
      reviews {
        ...Review
        product {
          ...Product
        }
      }
    }
    topProducts {
      ...Product
      reviews {
        ...Review
        author {
          ...User
        }
      }
    }
  }
`;

/** Composes the supergraph of the given subgraphs served at the given URLs. */
export function composeReferenceSupergraph(subgraphs: readonly ReferenceSubgraph[], urls: Record<string, string>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: urls[s.name] })));
  if (result.errors) throw new Error(`The reference subgraphs do not compose: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}
