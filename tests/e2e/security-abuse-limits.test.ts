/**
 * Abuse limits through the real gateway, over HTTP and graphql-ws: each limit answers its typed
 * error and HTTP status before anything runs (a refused mutation writes nothing), automatic
 * persisted queries round-trip, allow-list mode refuses unknown operations, the rate limit answers
 * 429 with Retry-After, and an unexpected error reaches the caller masked, its details in the log.
 * One hub supplies the subgraphs; each scenario runs its own gateway with the limits it needs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createGatewayServer, type GatewayServerHandle } from '../../gateway/gateway-server';
import { abuseLimitsFromConfig } from '../../gateway/plugins/abuse-limits';
import { maskedErrorLog, type MaskedErrorEntry } from '../../gateway/plugins/localize-errors-plugin';
import { sha256Hex } from '../../gateway/plugins/persisted-queries';
import type { AbuseLimitOptions } from '../../gateway/plugins/request-guard';
import { InMemoryTokenBucket } from '../../subgraphs/dossiers/public-status/rate-limiter';
import { loadConfig } from '../../subgraphs/shared/config';
import { gql } from '../support/gateway-client';
import { FEE_PROCEDURE, prefilledForm, tableCounts } from '../support/journey';
import { startTestHub, type TestHub } from '../support/test-hub';

jest.setTimeout(120_000);

const SMALL_QUERY = '{ procedures(first: 1) { totalCount } }';

/** One operation over graphql-ws: its results, or the errors it was refused with. */
async function overWs(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
  try {
    return await new Promise<{ results: any[]; errors?: any[] }>((resolve) => {
      const results: any[] = [];
      client.subscribe({ query, variables }, {
        next: (r) => results.push(r),
        error: (e) => resolve({ results, errors: Array.isArray(e) ? e : [e] }),
        complete: () => resolve({ results }),
      });
    });
  } finally {
    await client.dispose();
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, ...((await res.json()) as { data?: any; errors?: any[] }) };
}

describe('gateway abuse limits', () => {
  let testHub: TestHub;
  const gateways: GatewayServerHandle[] = [];
  const servers: Server[] = [];
  let manifestDir: string;

  async function gatewayWith(abuseLimits: AbuseLimitOptions, subgraphUrls: Record<string, string> = {}): Promise<string> {
    const urls = testHub.hub.urls;
    const gateway = createGatewayServer({
      subgraphUrls: { procedures: urls.procedures!, dossiers: urls.dossiers!, citizens: urls.citizens!, payments: urls.payments!, ...subgraphUrls },
      devIssuer: testHub.devIssuer,
      internalSecret: testHub.config.INTERNAL_SECRET,
      abuseLimits,
    });
    gateways.push(gateway);
    return (await gateway.start()).url;
  }

  beforeAll(async () => {
    testHub = await startTestHub(false);
    manifestDir = mkdtempSync(join(tmpdir(), 'lienthong-pq-'));
  });

  afterAll(async () => {
    for (const g of gateways) await g.stop();
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await testHub?.stop();
    rmSync(manifestDir, { recursive: true, force: true });
  });

  describe('static limits, over HTTP and graphql-ws', () => {
    let url: string;
    beforeAll(async () => {
      url = await gatewayWith({ maxDepth: 4, maxCost: 200, maxAliases: 3, maxOperationBytes: 2_000, maxVariablesBytes: 4_000 });
    });

    it.each([
      ['QUERY_TOO_DEEP', 400, '{ procedures(first: 1) { edges { node { agency { name } } } } }', {}],
      ['QUERY_TOO_COMPLEX', 400, '{ procedures(first: 500) { edges { node { code } } } }', {}],
      ['TOO_MANY_ALIASES', 400, '{ a: procedures(first: 1) { totalCount } b: procedures(first: 1) { totalCount } c: procedures(first: 1) { totalCount } d: procedures(first: 1) { totalCount } }', {}],
      ['QUERY_TOO_LARGE', 413, `${SMALL_QUERY} # ${'x'.repeat(3_000)}`, {}],
      ['VARIABLES_TOO_LARGE', 413, 'query($s: String) { procedures(first: 1, search: $s) { totalCount } }', { s: 'x'.repeat(5_000) }],
    ])('%s → %i, nothing executed', async (code, status, query, variables) => {
      const res = await gql(url, query, variables, undefined, { 'accept-language': 'en' });
      expect(res.status).toBe(status);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code });
      const ws = await overWs(url, undefined, query, variables);
      expect(ws.results).toHaveLength(0);
      expect(ws.errors?.[0]).toMatchObject({ extensions: { code } });
    });

    it('lets through what is within every limit', async () => {
      const res = await gql(url, SMALL_QUERY);
      expect(res.status).toBe(200);
      expect(res.data.procedures.totalCount).toBeGreaterThan(0);
    });

    it('refuses a batched body with BATCH_NOT_ALLOWED (400), running none of it', async () => {
      const res = await post(url, [{ query: SMALL_QUERY }, { query: SMALL_QUERY }]);
      expect(res.status).toBe(400);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BATCH_NOT_ALLOWED', maxOperations: 1 });
      expect(res.errors![0].message).toMatch(/nhiều thao tác/);
    });

    it('refuses a subscription over a limit at subscribe time', async () => {
      const deep = '{ dossierEvents { dossier { procedure { agency { name } } } } }';
      const ws = await overWs(url, testHub.citizen, `subscription ${deep}`);
      expect(ws.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_DEEP' } });
    });

    it('a mutation over a limit writes nothing, over HTTP and graphql-ws; the same one within the limits writes', async () => {
      const { formData } = await prefilledForm(url, FEE_PROCEDURE, testHub.citizen, DEMO_CITIZEN_ID);
      const submit = (alias: string, key: string) => `${alias}: submitDossier(input: { procedureCode: $code, idempotencyKey: "${key}", formData: $form }) { code }`;
      const fourAliases = `mutation($code: String!, $form: JSONObject!) { ${['a', 'b', 'c', 'd'].map((a) => submit(a, `abuse-${a}`)).join(' ')} }`;
      const db = testHub.hub.db!;
      const before = await tableCounts(db);
      const http = await gql(url, fourAliases, { code: FEE_PROCEDURE, form: formData }, testHub.citizen);
      expect(http.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES' });
      const ws = await overWs(url, testHub.citizen, fourAliases, { code: FEE_PROCEDURE, form: formData });
      expect(ws.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_ALIASES' } });
      expect(await tableCounts(db)).toEqual(before);

      const one = await gql(url, `mutation($code: String!, $form: JSONObject!) { ${submit('only', 'abuse-within-limits')} }`, { code: FEE_PROCEDURE, form: formData }, testHub.citizen);
      expect(one.errors).toBeUndefined();
      expect((await tableCounts(db)).dossiers).toBe(before.dossiers + 1);
    });
  });

  describe('automatic persisted queries, and masking of unexpected errors', () => {
    let url: string;
    const logged: MaskedErrorEntry[] = [];
    beforeAll(async () => {
      // A payments service that fails the way a bug would: no code, internals in the message.
      const broken = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: null, errors: [{ message: 'connect ECONNREFUSED db-primary:5432 password=hunter2' }] }));
      });
      servers.push(broken);
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      url = await gatewayWith({}, { payments: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/graphql` });
      jest.spyOn(maskedErrorLog, 'write').mockImplementation((entry) => void logged.push(entry));
    });
    afterAll(() => jest.restoreAllMocks());

    it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, keeps it once sent, then runs it by hash', async () => {
      const query = '{ procedures(first: 2) { totalCount } }';
      const persisted = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
      const miss = await post(url, { extensions: persisted });
      expect(miss.status).toBe(200);
      expect(miss.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
      const register = await post(url, { query, extensions: persisted });
      expect(register.data.procedures.totalCount).toBeGreaterThan(0);
      const hit = await post(url, { extensions: persisted });
      expect(hit.errors).toBeUndefined();
      expect(hit.data).toEqual(register.data);
      const wrongHash = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ other }') } } });
      expect(wrongHash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('does not keep an operation that was refused by a limit', async () => {
      const deep = `{ procedure(code: "x") { agency { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } } }`;
      const persisted = { persistedQuery: { version: 1, sha256Hash: sha256Hex(deep) } };
      await post(url, { query: deep, extensions: persisted });
      const again = await post(url, { extensions: persisted });
      expect(again.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    });

    it('masks an error without a catalogue code as INTERNAL_SERVER_ERROR with the request id; details only in the log', async () => {
      const res = await gql(url, '{ payment(id: "x") { status } }', {}, undefined, { 'x-request-id': 'req-abuse-1', 'accept-language': 'en' });
      expect(res.errors).toHaveLength(1);
      const error = res.errors![0];
      expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expect(JSON.stringify(res)).not.toMatch(/hunter2|ECONNREFUSED|db-primary/);
      const entry = logged.find((e) => e.requestId === error.extensions!.requestId);
      expect(entry?.message).toMatch(/hunter2/);
    });
  });

  describe('allow-list mode', () => {
    let url: string;
    beforeAll(async () => {
      const manifest = join(manifestDir, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256Hex(SMALL_QUERY), name: 'Count', type: 'query', body: SMALL_QUERY }] }));
      const config = loadConfig({ PERSISTED_QUERIES: 'allow-list', PERSISTED_QUERY_MANIFEST: manifest, RATE_LIMIT_PER_MINUTE: '0' });
      url = await gatewayWith(await abuseLimitsFromConfig(config));
    });

    it('runs the manifest’s operations by hash or by text, over HTTP and graphql-ws', async () => {
      const byHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(SMALL_QUERY) } } });
      expect(byHash.data.procedures.totalCount).toBeGreaterThan(0);
      const byText = await gql(url, SMALL_QUERY);
      expect(byText.data).toEqual(byHash.data);
      const ws = await overWs(url, undefined, SMALL_QUERY);
      expect(ws.errors).toBeUndefined();
      expect(ws.results[0].data).toEqual(byHash.data);
    });

    it('refuses any other operation with PERSISTED_QUERY_NOT_ALLOWED, even a valid one', async () => {
      const res = await gql(url, '{ procedures(first: 3) { totalCount } }', {}, undefined, { 'accept-language': 'vi' });
      expect(res.status).toBe(400);
      expect(res.errors![0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' }, message: expect.stringMatching(/danh sách được phép/) });
      const ws = await overWs(url, testHub.citizen, 'subscription { dossierEvents { cursor } }');
      expect(ws.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } });
    });
  });

  describe('rate limit per client', () => {
    let url: string;
    beforeAll(async () => {
      // Three operations, then one token a minute: the fourth is refused whatever the machine's speed.
      url = await gatewayWith({ rateLimiter: new InMemoryTokenBucket({ capacity: 3, refillPerSecond: 1 / 60 }) });
    });

    it('answers 429 RATE_LIMITED with Retry-After once a client has used its burst; another client is still served', async () => {
      for (let i = 0; i < 3; i++) expect((await gql(url, SMALL_QUERY)).status).toBe(200);
      const limited = await gql(url, SMALL_QUERY);
      expect(limited.status).toBe(429);
      expect(limited.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // The citizen is limited by account, not by the shared address.
      expect((await gql(url, SMALL_QUERY, {}, testHub.citizen)).status).toBe(200);
      // graphql-ws operations take from the same buckets.
      const ws = await overWs(url, undefined, SMALL_QUERY);
      expect(ws.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    });
  });
});
