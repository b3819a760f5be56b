/**
 * Which operations the gateway prepares for its direct path (gateway/http/direct-queries.ts), and
 * that its cache stays bounded by entries and by the operation text it holds.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { parse } from 'graphql';
import { composeReferenceSupergraph, type ReferenceSubgraph } from '../../bench/federation/reference-subgraphs';
import { DirectQueries } from '../../gateway/http/direct-queries';
import { compileSupergraph } from '../../gateway/supergraph/compiled-supergraph';

const people: ReferenceSubgraph = {
  name: 'people',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { person(id: ID!): Person people: [Person!]! }
    type Mutation { rename(id: ID!, name: String!): Person }
    type Person @key(fields: "id") { id: ID! name: String! }
  `),
  resolvers: {},
};

const supergraph = compileSupergraph(composeReferenceSupergraph([people], { people: 'http://127.0.0.1:1/graphql' }));
const unused: GraphQLDataSource = {
  process: async () => {
    throw new Error('not called in these tests');
  },
};

const direct = (options: { maxEntries?: number; maxCachedText?: number } = {}) => new DirectQueries({ supergraph, dataSourceFor: () => unused, ...options });

describe('DirectQueries.prepare', () => {
  it('prepares a valid query once, with its plan, and gives the same entry again', () => {
    const queries = direct();
    const first = queries.prepare('query P($id: ID!) { person(id: $id) { name } }', undefined);
    expect(first?.plan.node?.kind).toBe('Fetch');
    expect(first?.operationName).toBe('P');
    expect(queries.prepare('query P($id: ID!) { person(id: $id) { name } }', undefined)).toBe(first);
  });

  it('picks the named operation of a document with several', () => {
    const queries = direct();
    const text = 'query A { people { id } } query B { people { name } }';
    expect(queries.prepare(text, 'B')?.operationName).toBe('B');
    expect(queries.prepare(text, undefined)).toBeNull();
    expect(queries.prepare(text, 'C')).toBeNull();
  });

  it.each([
    ['a syntax error', '{ people { id '],
    ['an unknown field', '{ nobody { id } }'],
    ['a mutation', 'mutation { rename(id: "1", name: "Trần Văn Bảy") { name } }'],
    ['introspection', '{ __schema { queryType { name } } }'],
    ['introspection in a fragment', '{ ...F } fragment F on Query { __type(name: "Person") { name } }'],
  ])('leaves %s to Apollo', (_what, text) => {
    expect(direct().prepare(text, undefined)).toBeNull();
  });

  it('checks variables against the operation, as Apollo does before executing', () => {
    const queries = direct();
    const prepared = queries.prepare('query P($id: ID!) { person(id: $id) { name } }', undefined)!;
    expect(queries.variablesFit(prepared, { id: '1' })).toBe(true);
    expect(queries.variablesFit(prepared, {})).toBe(false);
    expect(queries.variablesFit(prepared, { id: { not: 'an id' } })).toBe(false);
  });

  it('drops the oldest entries past its entry count or its text budget', () => {
    const byCount = direct({ maxEntries: 3 });
    for (let i = 0; i < 10; i += 1) byCount.prepare(`query Q${i} { people { id } }`, undefined);
    expect(byCount.cacheSize.entries).toBe(3);

    const byText = direct({ maxCachedText: 1000 });
    const padded = (i: number) => `query Q${i} { people { id } } # ${'x'.repeat(300)}`;
    for (let i = 0; i < 10; i += 1) byText.prepare(padded(i), undefined);
    expect(byText.cacheSize.characters).toBeLessThanOrEqual(1000);
    expect(byText.cacheSize.entries).toBe(Math.floor(1000 / padded(0).length));
  });
});
