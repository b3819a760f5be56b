/**
 * The accounts subgraph of The Guild's federation gateway benchmark (graphql-hive/graphql-gateways-benchmark):
 * same schema and the same six users, written here with @apollo/subgraph.
 */
import { parse } from 'graphql';
import type { ReferenceSubgraph } from './reference-subgraph';

interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

const USERS: readonly User[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: 1234567890 },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday: 1234567890 },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday: 1234567890 },
];

const byId = (id: string) => USERS.find((u) => u.id === id) ?? null;

export const accounts: ReferenceSubgraph = {
  name: 'accounts',
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }

    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String @shareable
      birthday: Int
    }
  `),
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => byId(id),
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => byId(id),
    },
  },
};
