/** The inventory subgraph of The Guild's federation gateway benchmark: stock and a shipping estimate that requires price and weight. */
import { parse } from 'graphql';
import type { ReferenceSubgraph } from './reference-subgraph';

const IN_STOCK: Readonly<Record<string, boolean>> = { 1: true, 2: false, 3: false, 4: false, 5: true, 6: true, 7: true, 8: false, 9: true };

interface ProductReference {
  upc: string;
  price?: number | null;
  weight?: number | null;
}

export const inventory: ReferenceSubgraph = {
  name: 'inventory',
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `),
  resolvers: {
    Product: {
      __resolveReference: (ref: ProductReference) => (ref.upc in IN_STOCK ? { ...ref, inStock: IN_STOCK[ref.upc] } : null),
      // As the benchmark's own: free above 1000, else half the weight (integer division).
      shippingEstimate: ({ price, weight }: ProductReference) => {
        if (price == null) return null;
        if (price > 1000) return 0;
        return weight == null ? null : Math.trunc(weight / 2);
      },
    },
  },
};
