/**
 * The gateway's direct query path answers exactly as Apollo Server's path does: the same gateway is
 * started twice over the same subgraphs, with and without direct queries, and every request below
 * (answered directly or left to Apollo) gets the same status, headers and body from both, byte for
 * byte: partial data with entity errors, refusals of every kind, both languages, a subgraph down.
 */
import { parse } from 'graphql';
import { composeReferenceSupergraph, type ReferenceSubgraph } from '../../bench/federation/reference-subgraphs';
import { startReferenceSubgraph, type ReferenceSubgraphServer } from '../../bench/federation/subgraph-server';
import { createDevIssuer } from '../../gateway/auth/dev-issuer';
import { createGatewayServer, type GatewayServerHandle } from '../../gateway/gateway-server';
import { InMemoryTokenBucket } from '../../subgraphs/dossiers/public-status/rate-limiter';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const people: ReferenceSubgraph = {
  name: 'people',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { person(id: ID!): Person people(first: Int = 10): [Person!]! }
    type Person @key(fields: "id") { id: ID! name: String! }
  `),
  resolvers: {
    Query: {
      person: (_: unknown, { id }: { id: string }) => (id === '1' ? { id, name: 'Nguyễn Văn An' } : null),
      people: (_: unknown, { first }: { first: number }) => [{ id: '1', name: 'Nguyễn Văn An' }, { id: '9', name: 'Lê Văn Chín' }].slice(0, first),
    },
    Person: { __resolveReference: ({ id }: { id: string }) => ({ id, name: id === '1' ? 'Nguyễn Văn An' : 'Lê Văn Chín' }) },
  },
};

const dossiers: ReferenceSubgraph = {
  name: 'dossiers',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { dossiers: [Dossier!]! }
    type Dossier { code: String! applicant: Person! }
    type Person @key(fields: "id", resolvable: false) { id: ID! }
  `),
  resolvers: { Query: { dossiers: () => [{ code: 'HS-001', applicant: { id: '1' } }, { code: 'HS-002', applicant: { id: '9' } }] } },
};

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers that differ between any two answers (time, connection handling), left out of the comparison. */
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Exchange> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-direct-test-0001', ...headers }, body });
  const kept = [...response.headers].filter(([name]) => !VOLATILE.has(name));
  return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
}

describe('gateway direct queries', () => {
  const subgraphs: ReferenceSubgraphServer[] = [];
  const issuer = createDevIssuer();
  let direct: GatewayServerHandle;
  let viaApollo: GatewayServerHandle;
  let directUrl: string;
  let apolloUrl: string;
  let citizenToken: string;

  const start = async (directQueries: boolean) => {
    const urls = { people: subgraphs[0].url, dossiers: subgraphs[1].url };
    const gateway = createGatewayServer({
      subgraphUrls: urls,
      supergraphSdl: composeReferenceSupergraph([people, dossiers], urls),
      internalSecret: TEST_INTERNAL_SECRET,
      devIssuer: issuer,
      directQueries,
      // A stopped clock: both gateways' buckets run out alike, and Retry-After cannot differ by rounding.
      abuseLimits: { rateLimiter: new InMemoryTokenBucket({ capacity: 40, refillPerSecond: 0.001, now: () => 0 }) },
    });
    return { gateway, url: (await gateway.start()).url };
  };

  beforeAll(async () => {
    for (const s of [people, dossiers]) subgraphs.push(await startReferenceSubgraph(s));
    ({ gateway: direct, url: directUrl } = await start(true));
    ({ gateway: viaApollo, url: apolloUrl } = await start(false));
    citizenToken = await issuer.issue({ id: 'citizen:001090000001', role: 'CITIZEN', personalId: '001090000001' });
  });

  afterAll(async () => {
    await direct?.stop();
    await viaApollo?.stop();
    await Promise.all(subgraphs.map((s) => s.stop()));
  });

  /** Sends the same request to both gateways and expects the same answer; returns it. */
  async function same(body: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const [a, b] = [await post(directUrl, text, headers), await post(apolloUrl, text, headers)];
    expect(a).toEqual(b);
    return a;
  }

  const answeredDirectly = async (fn: () => Promise<unknown>) => {
    const before = direct.directlyAnswered();
    await fn();
    return direct.directlyAnswered() - before;
  };

  it('answers a federated query with an entity error the same way, in both languages, directly', async () => {
    const query = '{ dossiers { code applicant { id name } } }';
    const asked = await answeredDirectly(async () => {
      const first = await same({ query });
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body).data.dossiers).toHaveLength(2);
      await same({ query }, { 'accept-language': 'en' });
      await same({ query }, { authorization: `Bearer ${citizenToken}` });
    });
    expect(asked).toBe(3);
  });

  it('answers a named operation with variables, and defaults, directly', async () => {
    const query = 'query One($id: ID!) { person(id: $id) { name } } query Many { people { id } }';
    const asked = await answeredDirectly(async () => {
      const one = await same({ query, operationName: 'One', variables: { id: '1' } });
      expect(JSON.parse(one.body)).toEqual({ data: { person: { name: 'Nguyễn Văn An' } } });
      await same({ query, operationName: 'One', variables: { id: '2' } });
      await same({ query, operationName: 'Many' });
    });
    expect(asked).toBe(3);
  });

  it('negotiates the media type of the answer from Accept as Apollo does', async () => {
    const query = '{ people { id } }';
    const asked = await answeredDirectly(async () => {
      const modern = await same({ query }, { accept: 'application/graphql-response+json, application/json;q=0.9' });
      expect(modern.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
      expect((await same({ query }, { accept: 'application/json, text/plain, */*' })).headers['content-type']).toBe('application/json; charset=utf-8');
      await same({ query }, { accept: '*/*' });
    });
    expect(asked).toBe(3);
    // Neither JSON type acceptable: Apollo's 406.
    expect((await same({ query }, { accept: 'text/html' })).status).toBe(406);
  });

  it('leaves errors of every kind to Apollo, with the same answers', async () => {
    const asked = await answeredDirectly(async () => {
      expect((await same({ query: '{ nope }' })).status).toBe(400);
      expect((await same({ query: '{ people { id ' })).status).toBe(400);
      await same({ query: 'query One($id: ID!) { person(id: $id) { name } }', variables: { id: { not: 'an id' } } });
      await same({ query: 'query One($id: ID!) { person(id: $id) { name } }' });
      await same({ query: 'query A { people { id } } query B { people { name } }' });
      await same({ query: '{ __schema { queryType { name } } }' });
      await same({ query: '{ people { id } }' }, { authorization: 'Bearer not-a-token' });
      await same({ query: '{ people { id } }' }, { authorization: 'Basic abc' });
      await same({ query: '{ people { id } }', variables: 'not an object' });
      await same({ query: '{ people { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
      await same({});
    });
    expect(asked).toBe(0);
  });

  it('refuses bodies and batches the same way', async () => {
    expect((await same('{"query": ')).status).toBe(400);
    expect((await same('"just a string"')).status).toBe(400);
    expect((await same([{ query: '{ people { id } }' }, { query: '{ people { id } }' }])).status).toBe(400);
    expect((await same(JSON.stringify({ query: `{ people { id } }`, pad: 'x'.repeat(17 * 1024 * 1024) }))).status).toBe(413);
  });

  it('applies the abuse limits on the direct path as Apollo does', async () => {
    const costly = '{ people(first: 100000) { id name } }';
    // Twice: the second verdict comes from the prepared query (an operation without variables).
    for (let i = 0; i < 2; i += 1) expect(JSON.parse((await same({ query: costly })).body).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const paged = 'query P($n: Int) { people(first: $n) { id name } }';
    expect(JSON.parse((await same({ query: paged, variables: { n: 1 } })).body).data.people).toHaveLength(1);
    expect(JSON.parse((await same({ query: paged, variables: { n: 100000 } })).body).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('says the rate limit the same way once a caller runs out', async () => {
    const answers: Exchange[] = [];
    for (let i = 0; i < 45; i += 1) answers.push(await same({ query: '{ people { id } }' }, { authorization: `Bearer ${citizenToken}` }));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].headers['retry-after']).toBeDefined();
  });

  it('turns a subgraph that is down into the same typed error and partial data', async () => {
    await subgraphs[0].stop();
    const answer = await same({ query: '{ dossiers { code applicant { name } } }' });
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
