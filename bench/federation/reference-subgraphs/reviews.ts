/**
 * The reviews subgraph of The Guild's federation gateway benchmark: the same eleven reviews, and its
 * quirks kept so that answers (and their sizes) match: every review's author is user 1 "urigo", and
 * every user's reviews are the first two.
 */
import { parse } from 'graphql';
import type { ReferenceSubgraph } from './reference-subgraph';

interface Review {
  id: string;
  body: string;
  product: { upc: string };
}

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED_UT =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const SED_QUIA =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const UT_ENIM = 'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const AT_VERO =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

const REVIEWS: readonly Review[] = [
  [LOREM, '1'],
  [SED_UT, '1'],
  [SED_QUIA, '1'],
  [UT_ENIM, '1'],
  [LOREM, '2'],
  [SED_UT, '2'],
  [SED_QUIA, '2'],
  [UT_ENIM, '2'],
  [UT_ENIM, '3'],
  [UT_ENIM, '4'],
  [AT_VERO, '4'],
].map(([body, upc], i) => ({ id: String(i + 1), body, product: { upc } }));

const FIRST_TWO = REVIEWS.slice(0, 2);

export const reviews: ReferenceSubgraph = {
  name: 'reviews',
  typeDefs: parse(/* GraphQL */ `
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])

    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }

    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }

    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `),
  resolvers: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null,
      author: () => ({ id: '1', username: 'urigo' }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user' }),
      reviews: () => FIRST_TWO,
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.product.upc === upc),
    },
  },
};
