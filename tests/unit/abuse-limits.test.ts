/**
 * The gateway's abuse limits on parsed documents (depth, aliases, static cost), persisted queries
 * (automatic and allow-list) and the admission of raw operations (sizes, rate), without a server.
 */
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, getIntrospectionQuery, parse, print } from 'graphql';
import { refuseBatchedOperations } from '../../gateway/plugins/abuse-limits';
import { checkOperationLimits, measureOperation } from '../../gateway/plugins/operation-limits';
import { InMemoryPersistedQueryStore, PersistedQueries, PersistedQueryManifest, sha256Hex } from '../../gateway/plugins/persisted-queries';
import { OperationGuard } from '../../gateway/plugins/request-guard';
import { readCommittedSupergraph } from '../../gateway/supergraph/compose';
import { InMemoryTokenBucket } from '../../subgraphs/dossiers/public-status/rate-limiter';
import type { BaseContext } from '../../subgraphs/shared/federation/context';

const schema = buildSchema(`
  type Query { procedures(first: Int): ProcedureConnection!  tags: [String!]!  agency(code: String): Agency  agencies(limit: Int): [Agency!]! }
  type Mutation { submit(code: String): Agency }
  type ProcedureConnection { totalCount: Int!  edges: [ProcedureEdge!]! }
  type ProcedureEdge { cursor: String!  node: Procedure! }
  type Procedure { code: String!  agency: Agency  related: [Procedure!]! }
  type Agency { name: String!  parent: Agency  procedures(first: Int): ProcedureConnection! }
`);
const measure = (query: string, variables?: Record<string, unknown>) => measureOperation(schema, parse(query), undefined, variables);
const anonymous: BaseContext = { principal: { id: 'anonymous', role: 'ANONYMOUS' } as BaseContext['principal'], locale: 'en', requestId: 'r1', clientAddress: '203.0.113.9' };

describe('measureOperation', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(measure('{ agency { name } }').depth).toBe(2);
    expect(measure('{ agency { ...A } } fragment A on Agency { parent { ... on Agency { parent { name } } } }').depth).toBe(4);
  });

  it('counts aliases, once per place a fragment is spread', () => {
    expect(measure('{ a: agency { n: name } b: agency { name } }').aliases).toBe(3);
    expect(measure('{ x: agency { ...F } y: agency { ...F } } fragment F on Agency { n1: name n2: name }').aliases).toBe(6);
  });

  it('costs 1 per field and multiplies a connection by its `first`, not its edges again', () => {
    // procedures(1) + first 10 × (totalCount? no: edges(1) + node(1) + code(1))
    expect(measure('{ procedures(first: 10) { edges { node { code } } } }').cost).toBe(1 + 10 * 3);
    expect(measure('query($n: Int) { procedures(first: $n) { edges { node { code } } } }', { n: 50 }).cost).toBe(1 + 50 * 3);
  });

  it('multiplies a list without a paging argument by the assumed page size, and `limit` when given', () => {
    expect(measure('{ tags }').cost).toBe(1);
    expect(measure('{ agencies { name } }').cost).toBe(1 + 20 * 1);
    expect(measure('{ agencies(limit: 3) { name } }').cost).toBe(1 + 3 * 1);
    expect(measureOperation(schema, parse('{ agencies { name } }'), undefined, {}, 5).cost).toBe(1 + 5);
  });

  it('grows multiplicatively with nested lists', () => {
    const nested = measure('{ agencies(limit: 100) { procedures(first: 100) { edges { node { related { code } } } } } }');
    expect(nested.cost).toBeGreaterThan(100 * 100 * 20);
  });

  it('measures the operation named, or nothing when there is no such one', () => {
    const doc = parse('query A { agency { name } } query B { agency { parent { parent { name } } } }');
    expect(measureOperation(schema, doc, 'B').depth).toBe(4);
    expect(measureOperation(schema, doc, 'A').depth).toBe(2);
    expect(measureOperation(schema, doc, undefined)).toEqual({ depth: 0, introspectionDepth: 0, cost: 0, aliases: 0 });
  });
});

describe('checkOperationLimits', () => {
  const deep = `{ agency { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } }`;
  it('refuses each limit with its typed error and status', () => {
    const tooDeep = checkOperationLimits(schema, parse(deep), undefined, {});
    expect(tooDeep?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', http: { status: 400 }, depth: 14, maxDepth: 12 });
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: tags`).join(' ')} }`;
    expect(checkOperationLimits(schema, parse(aliases), undefined, {})?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', aliases: 31 });
    const costly = parse('{ procedures(first: 10000) { edges { node { code } } } }');
    expect(checkOperationLimits(schema, costly, undefined, {})?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 5000 });
  });

  it('lets through what is within every limit, and honours configured limits', () => {
    expect(checkOperationLimits(schema, parse('{ procedures(first: 50) { totalCount edges { node { code agency { name } } } } }'), undefined, {})).toBeUndefined();
    expect(checkOperationLimits(schema, parse('{ agency { parent { name } } }'), undefined, {}, { maxDepth: 2 })?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('keeps the hub’s own operations under the defaults: the README journey, the dashboard, introspection', () => {
    const api = Supergraph.build(readCommittedSupergraph()).apiSchema().toGraphQLJSSchema();
    const operations = [
      `query { procedures(search: "ly lich tu phap", first: 5) { totalCount edges { cursor node { code name onlineLevel feeVnd agency { name } } } pageInfo { hasNextPage endCursor } }
               procedure(code: "2.001417") { name processingDays feeVnd eForm { title fields { key label type required binding } } } }`,
      `subscription DashboardStats($agencyCode: String) { dossierStatsLive(agencyCode: $agencyCode) { cursor asOf agencies { agencyCode received receivedToday processing overdue finished finishedOnTime onTimeRate } } }`,
      `subscription DashboardEvents($agencyCode: String, $after: ID) { dossierEvents(agencyCode: $agencyCode, after: $after) { id cursor dossierCode agencyCode procedureCode fromStatus toStatus actor at dossier { procedure { name } } } }`,
      getIntrospectionQuery(),
    ];
    for (const op of operations) expect(checkOperationLimits(api, parse(op), undefined, {})).toBeUndefined();
  });

  it('bounds introspection nesting apart, so that `ofType { ofType { … } }` cannot go on forever', () => {
    const nested = `{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`;
    expect(measure(nested)).toMatchObject({ depth: 1, introspectionDepth: 25 });
    expect(checkOperationLimits(schema, parse(nested), undefined, {})?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', introspection: true });
  });
});

describe('persisted queries', () => {
  const text = '{ tags }';
  const hash = sha256Hex(text);
  const apq = (query: string | undefined, sha = hash) => ({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha } } });

  it('auto: a hash alone is PERSISTED_QUERY_NOT_FOUND until remembered, then resolves', async () => {
    const pq = new PersistedQueries('auto');
    expect(await pq.resolve(undefined, apq(undefined).extensions)).toMatchObject({ error: { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } } });
    const registered = await pq.resolve(text, apq(text).extensions);
    expect(registered).toEqual({ query: text, register: hash });
    await pq.remember(hash, text);
    expect(await pq.resolve(undefined, apq(undefined).extensions)).toEqual({ query: text });
  });

  it('refuses a hash that is not the text’s, and an unknown version', async () => {
    const pq = new PersistedQueries('auto');
    expect(await pq.resolve(text, apq(text, sha256Hex('other')).extensions)).toMatchObject({ error: { extensions: { code: 'BAD_USER_INPUT' } } });
    expect(await pq.resolve(text, { persistedQuery: { version: 2, sha256Hash: hash } })).toMatchObject({ error: { extensions: { code: 'BAD_USER_INPUT' } } });
  });

  it('off: plain text runs, a hash alone is PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const pq = new PersistedQueries('off');
    expect(await pq.resolve(text, undefined)).toEqual({ query: text, register: undefined });
    expect(await pq.resolve(undefined, apq(undefined).extensions)).toMatchObject({ error: { extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } } });
  });

  it('allow-list: only the manifest’s operations run, by hash, text or printed text', async () => {
    const manifest = new PersistedQueryManifest({ [hash]: text });
    const pq = new PersistedQueries('allow-list', undefined, manifest);
    expect(await pq.resolve(undefined, apq(undefined).extensions)).toEqual({ query: text });
    expect(await pq.resolve(text, undefined)).toEqual({ query: text });
    expect(await pq.resolve(print(parse(text)), undefined)).toEqual({ query: print(parse(text)) });
    expect(await pq.resolve('{ agencies { name } }', undefined)).toMatchObject({ error: { extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } } } });
    expect(await pq.resolve(undefined, apq(undefined, sha256Hex('{ x }')).extensions)).toMatchObject({ error: { extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } } });
  });

  it('refuses a manifest whose hash is not its text’s, and allow-list mode without a manifest', () => {
    expect(() => new PersistedQueryManifest({ [sha256Hex('{ a }')]: '{ b }' })).toThrow(/not the SHA-256/);
    expect(() => new PersistedQueries('allow-list')).toThrow(/PERSISTED_QUERY_MANIFEST/);
  });

  it('the in-memory store stays within its bounds, dropping the least recently used', async () => {
    const store = new InMemoryPersistedQueryStore({ maxEntries: 3, maxBytes: 1_000 });
    for (const k of ['a', 'b', 'c']) await store.set(k, `{ ${k} }`);
    await store.get('a');
    await store.set('d', '{ d }');
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('{ a }');
    await store.set('big', 'x'.repeat(996));
    expect(store.size).toBe(1);
  });
});

describe('OperationGuard.admit', () => {
  it('refuses oversize text and variables before anything else is looked at', async () => {
    const guard = new OperationGuard({ maxOperationBytes: 100, maxVariablesBytes: 50 });
    expect(await guard.admit({ query: `{ ${'tags '.repeat(30)}}` }, anonymous)).toMatchObject({ error: { extensions: { code: 'QUERY_TOO_LARGE', http: { status: 413 } } } });
    expect(await guard.admit({ query: '{ tags }', variables: { v: 'x'.repeat(60) } }, anonymous)).toMatchObject({
      error: { extensions: { code: 'VARIABLES_TOO_LARGE', http: { status: 413 }, maxBytes: 50 } },
    });
    expect(await guard.admit({ query: '{ tags }', variables: { v: 'x' } }, anonymous)).toEqual({ query: '{ tags }', register: undefined });
  });

  it('rate-limits per client: RATE_LIMITED with retryAfterSeconds, other clients unaffected', async () => {
    const now = 1_000_000;
    const guard = new OperationGuard({ rateLimiter: new InMemoryTokenBucket({ capacity: 2, refillPerSecond: 0.1, now: () => now }) });
    expect('query' in (await guard.admit({ query: '{ tags }' }, anonymous))).toBe(true);
    expect('query' in (await guard.admit({ query: '{ tags }' }, anonymous))).toBe(true);
    expect(await guard.admit({ query: '{ tags }' }, anonymous)).toMatchObject({ error: { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 10 } } });
    expect('query' in (await guard.admit({ query: '{ tags }' }, { ...anonymous, clientAddress: '198.51.100.1' }))).toBe(true);
  });
});

describe('refuseBatchedOperations', () => {
  const run = (max: number, body: unknown) => {
    let status = 0;
    let sent: any;
    let passed = false;
    const res = { status: (s: number) => ((status = s), res), json: (b: unknown) => (sent = b) } as any;
    refuseBatchedOperations(max)({ body, header: () => 'en' } as any, res, () => (passed = true));
    return { status, sent, passed };
  };

  it('refuses any array when batching is off, and arrays over the cap when it is on', () => {
    expect(run(1, [{ query: '{ a }' }])).toMatchObject({ status: 400, sent: { errors: [{ extensions: { code: 'BATCH_NOT_ALLOWED' } }] } });
    expect(run(1, { query: '{ a }' }).passed).toBe(true);
    expect(run(3, [{}, {}, {}]).passed).toBe(true);
    expect(run(3, [{}, {}, {}, {}]).status).toBe(400);
  });
});
