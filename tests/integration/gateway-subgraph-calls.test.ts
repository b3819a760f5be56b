/**
 * How the gateway calls subgraphs: each distinct entity once per fetch, answers and entity errors
 * spread back to every position exactly as plain @apollo/gateway answers, calls reusing keep-alive
 * connections, and a subgraph answering something other than GraphQL turned into a typed error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError, parse } from 'graphql';
import { composeReferenceSupergraph, type ReferenceSubgraph } from '../../bench/federation/reference-subgraphs';
import { startReferenceSubgraph, type ReferenceSubgraphServer } from '../../bench/federation/subgraph-server';
import { createGatewayServer } from '../../gateway/gateway-server';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import { disableLibraryTelemetry } from '../../subgraphs/shared/config';
import { gql } from '../support/gateway-client';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';

// Seven posts by three people; person 9's record is withheld (an entity error) and appears twice.
const POSTS = [
  ['p1', '1'],
  ['p2', '2'],
  ['p3', '1'],
  ['p4', '9'],
  ['p5', '1'],
  ['p6', '9'],
  ['p7', '2'],
].map(([id, author]) => ({ id, author: { id: author } }));
const NAMES: Record<string, string> = { 1: 'Nguyễn Văn An', 2: 'Trần Thị Bình' };

let representationsReceived = 0;

const posts: ReferenceSubgraph = {
  name: 'posts',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { posts: [Post!]! }
    type Post @key(fields: "id") { id: ID! author: Person }
    type Person @key(fields: "id", resolvable: false) { id: ID! }
  `),
  resolvers: { Query: { posts: () => POSTS } },
};

const people: ReferenceSubgraph = {
  name: 'people',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Person @key(fields: "id") { id: ID! name: String }
  `),
  resolvers: {
    Person: {
      // Async, as a subgraph reading a database is: one entity's failure leaves the others resolved.
      __resolveReference: async ({ id }: { id: string }) => {
        representationsReceived += 1;
        if (!NAMES[id]) throw new GraphQLError('Hồ sơ công dân này không được cung cấp', { extensions: { code: 'FORBIDDEN' } });
        return { id, name: NAMES[id] };
      },
    },
  },
};

const QUERY = `{ posts { id author { id name } } }`;

describe('gateway calls to subgraphs', () => {
  const subgraphs: ReferenceSubgraphServer[] = [];
  let hub: ServerHandle;
  let hubUrl: string;
  let apollo: ApolloServer;
  let apolloUrl: string;
  let junk: Server;
  let junkUrl: string;

  beforeAll(async () => {
    for (const s of [posts, people]) subgraphs.push(await startReferenceSubgraph(s));
    const urls = { posts: subgraphs[0].url, people: subgraphs[1].url };
    const supergraphSdl = composeReferenceSupergraph([posts, people], urls);
    hub = createGatewayServer({ subgraphUrls: urls, supergraphSdl, internalSecret: TEST_INTERNAL_SECRET });
    hubUrl = (await hub.start()).url;
    disableLibraryTelemetry();
    apollo = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
    apolloUrl = (await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } })).url;
    junk = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>'));
    await new Promise<void>((resolve) => junk.listen(0, '127.0.0.1', resolve));
    junkUrl = `http://127.0.0.1:${(junk.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await hub?.stop();
    await apollo?.stop();
    await Promise.all(subgraphs.map((s) => s.stop()));
    await new Promise<void>((resolve) => junk.close(() => resolve()));
  });

  it('sends each person once, and answers exactly as plain @apollo/gateway does, entity errors included', async () => {
    representationsReceived = 0;
    const viaHub = await gql(hubUrl, QUERY);
    expect(representationsReceived).toBe(3);
    representationsReceived = 0;
    const viaApollo = await gql(apolloUrl, QUERY);
    expect(representationsReceived).toBe(7);

    expect(viaHub.data).toEqual(viaApollo.data);
    expect(viaHub.data?.posts.map((p: { author: { name: string | null } }) => p.author.name)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Nguyễn Văn An',
      null,
      'Nguyễn Văn An',
      null,
      'Trần Thị Bình',
    ]);
    // One error per position of the withheld person, at that position.
    const paths = (r: typeof viaHub) => r.errors!.map((e) => e.path);
    expect(paths(viaHub)).toEqual([
      ['posts', 3, 'author'],
      ['posts', 5, 'author'],
    ]);
    expect(paths(viaHub)).toEqual(paths(viaApollo));
  });

  it('reuses its connections to a subgraph across requests', async () => {
    // A counting relay in front of the people subgraph: how many connections the gateway opens to it.
    let connections = 0;
    const relay = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await fetch(subgraphs[1].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
    relay.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const urls = { posts: subgraphs[0].url, people: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql` };
    const gateway = createGatewayServer({ subgraphUrls: urls, supergraphSdl: composeReferenceSupergraph([posts, people], urls), internalSecret: TEST_INTERNAL_SECRET });
    const { url } = await gateway.start();
    try {
      for (let i = 0; i < 10; i += 1) expect((await gql(url, QUERY)).data?.posts).toHaveLength(7);
      expect(connections).toBe(1);
      const burst = await Promise.all(Array.from({ length: 10 }, () => gql(url, QUERY)));
      expect(burst.every((r) => r.data?.posts.length === 7)).toBe(true);
      expect(connections).toBeLessThanOrEqual(10);
      const afterBurst = connections;
      for (let i = 0; i < 10; i += 1) await gql(url, QUERY);
      expect(connections).toBe(afterBurst);
    } finally {
      await gateway.stop();
      relay.closeAllConnections();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });

  it('turns a subgraph answering HTML into a typed UPSTREAM_BAD_RESPONSE naming it and its status', async () => {
    const urls = { posts: subgraphs[0].url, people: junkUrl };
    const gateway = createGatewayServer({
      subgraphUrls: urls,
      supergraphSdl: composeReferenceSupergraph([posts, people], urls),
      internalSecret: TEST_INTERNAL_SECRET,
    });
    const { url } = await gateway.start();
    try {
      const res = await gql(url, QUERY);
      expect(res.data?.posts).toHaveLength(7);
      expect(res.data?.posts[0].author).toEqual({ id: '1', name: null });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'people', upstreamStatus: 502 });
    } finally {
      await gateway.stop();
    }
  });
});

describe('shared answers of the public catalogue', () => {
  const names: Record<string, string> = { '1.000001': 'Đăng ký khai sinh' };
  let calls = 0;
  const procedures: ReferenceSubgraph = {
    name: 'procedures',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { procedure(code: String!): Procedure }
      type Mutation { rename(code: String!, name: String!): Procedure }
      type Procedure @key(fields: "code") { code: String! name: String }
    `),
    resolvers: {
      Query: {
        procedure: (_: unknown, { code }: { code: string }) => {
          calls += 1;
          if (!names[code]) throw new GraphQLError('Không tìm thấy thủ tục', { extensions: { code: 'NOT_FOUND' } });
          return { code, name: names[code] };
        },
      },
      Mutation: {
        rename: (_: unknown, { code, name }: { code: string; name: string }) => {
          names[code] = name;
          return { code, name };
        },
      },
    },
  };
  let subgraph: ReferenceSubgraphServer;
  let gateway: ServerHandle;
  let url: string;
  const read = (code = '1.000001', headers: Record<string, string> = {}) =>
    gql(url, `query P($code: String!) { procedure(code: $code) { code name } }`, { code }, undefined, headers);

  beforeAll(async () => {
    subgraph = await startReferenceSubgraph(procedures);
    const urls = { procedures: subgraph.url };
    gateway = createGatewayServer({ subgraphUrls: urls, supergraphSdl: composeReferenceSupergraph([procedures], urls), internalSecret: TEST_INTERNAL_SECRET });
    url = (await gateway.start()).url;
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('serves every caller one answer until a mutation through the gateway changes the catalogue', async () => {
    calls = 0;
    const answers = await Promise.all([read(), read(), read()]);
    expect(answers.map((a) => a.data?.procedure.name)).toEqual(['Đăng ký khai sinh', 'Đăng ký khai sinh', 'Đăng ký khai sinh']);
    expect(calls).toBe(1);
    expect((await read()).data?.procedure.name).toBe('Đăng ký khai sinh');
    expect(calls).toBe(1);

    const renamed = await gql(url, `mutation { rename(code: "1.000001", name: "Đăng ký khai sinh (liên thông)") { name } }`);
    expect(renamed.errors).toBeUndefined();
    expect((await read()).data?.procedure.name).toBe('Đăng ký khai sinh (liên thông)');
    expect(calls).toBe(2);
  });

  it('keeps answers apart by language, and never keeps an answer with errors', async () => {
    calls = 0;
    // The Vietnamese answer is already shared (the test above); the English one is read on its own.
    await read('1.000001', { 'accept-language': 'vi' });
    expect(calls).toBe(0);
    await read('1.000001', { 'accept-language': 'en' });
    expect(calls).toBe(1);
    const missing = await read('9.999999');
    expect(missing.errors).toHaveLength(1);
    await read('9.999999');
    expect(calls).toBe(3);
  });
});
