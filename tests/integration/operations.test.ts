/**
 * Operations (issue 9D): /metrics on the gateway and subgraphs, /livez and /readyz, request ids and
 * dossier codes in the logs from gateway to subgraphs to adapters, and graceful shutdown (a request
 * in flight completes, subscribers are completed and their sockets closed with 1001).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { exchangeHttp } from '../../adapters/kit/http-exchange';
import { createGatewayServer } from '../../gateway/gateway-server';
import { createProceduresSubgraph } from '../../subgraphs/procedures';
import { databaseCheck } from '../../subgraphs/shared/federation/health';
import { configureLogging, memoryLogDestination, withLogContext, type MemoryLogDestination } from '../../subgraphs/shared/logging';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually, gql } from '../support/gateway-client';
import { startTestHub, type TestHub } from '../support/test-hub';

jest.setTimeout(120_000);

const baseOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');
const text = async (url: string) => (await fetch(url)).text();

/** A sample's value in Prometheus text, whatever the order of its labels; undefined when absent. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

let logs: MemoryLogDestination;

beforeAll(() => {
  logs = memoryLogDestination();
  configureLogging({ level: 'info', destination: logs });
});

afterAll(() => {
  configureLogging({});
});

describe('a running hub', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(false);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('serves Prometheus figures on the gateway and on every subgraph, adapters merged into the citizens one', async () => {
    const answered = await gql(hub.url, '{ procedures(first: 1) { totalCount } }');
    expect(answered.errors).toBeUndefined();

    const gateway = await text(baseOf(hub.url) + '/metrics');
    expect(sample(gateway, 'lienthong_process_cpu_user_seconds_total', { service: 'gateway' })).toBeGreaterThan(0);
    expect(sample(gateway, 'lienthong_graphql_operations_total', { service: 'gateway', operation_type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'lienthong_subgraph_fetch_duration_seconds_count', { service: 'gateway', subgraph: 'procedures', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'lienthong_subscriptions', { service: 'gateway', kind: 'connections' })).toBe(0);
    expect(sample(gateway, 'lienthong_http_requests_total', { service: 'gateway', method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);

    const procedures = await text(baseOf(hub.hub.urls.procedures!) + '/metrics');
    expect(sample(procedures, 'lienthong_graphql_operations_total', { service: 'procedures', operation_type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);

    const dossiers = await text(baseOf(hub.hub.urls.dossiers!) + '/metrics');
    expect(sample(dossiers, 'lienthong_outbox_backlog', { service: 'dossiers' })).toBeGreaterThanOrEqual(0);
    expect(sample(dossiers, 'lienthong_outbox_relay_lag_seconds', { service: 'dossiers' })).toBeGreaterThanOrEqual(0);

    const citizens = await text(baseOf(hub.hub.urls.citizens!) + '/metrics');
    expect(citizens).toContain('# TYPE lienthong_adapter_calls_total counter');
    expect(sample(citizens, 'lienthong_process_resident_memory_bytes', { service: 'citizens' })).toBeGreaterThan(0);
  });

  it('answers liveness and readiness on every process, with the checks in JSON', async () => {
    for (const url of [hub.url, hub.hub.urls.procedures!, hub.hub.urls.dossiers!, hub.hub.urls.citizens!, hub.hub.urls.payments!]) {
      for (const path of ['/livez', '/healthz']) {
        const res = await fetch(baseOf(url) + path);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'ok' });
      }
    }
    const gateway = await fetch(baseOf(hub.url) + '/readyz');
    expect(gateway.status).toBe(200);
    const body = (await gateway.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['subgraph:citizens', 'subgraph:dossiers', 'subgraph:payments', 'subgraph:procedures']);
    const dossiers = (await (await fetch(baseOf(hub.hub.urls.dossiers!) + '/readyz')).json()) as { checks: Record<string, { status: string }> };
    expect(dossiers.checks.database).toMatchObject({ status: 'ok' });
  });

  it('carries the caller’s request id from the gateway to the subgraph, with the dossier code, and echoes it', async () => {
    const requestId = 'ops-test-request-0001';
    const code = '000.00.12.H26-990101-0042';
    const res = await gql(hub.url, 'query Lookup($code: String!) { dossierStatus(code: $code) { status } }', { code }, undefined, { 'x-request-id': requestId });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const lines = await eventually(async () => {
      const mine = logs.entries.filter((e) => e.requestId === requestId && e.msg === 'operation');
      return mine.length >= 2 ? mine : undefined;
    });
    expect(lines.map((l) => l.component).sort()).toEqual(['dossiers', 'gateway']);
    for (const line of lines) expect(line).toMatchObject({ dossierCode: code, operationType: 'query' });
  });

  it('replaces a malformed request id (no forged log lines) with a generated one', async () => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id"}\\n{"level":"error' },
      body: JSON.stringify({ query: '{ procedures(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('adapters', () => {
  let upstream: Server;
  let seen: IncomingHttpHeaders | undefined;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen = req.headers;
      res.end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('send the request id of the hub request they serve upstream', async () => {
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`;
    const exchange = () => exchangeHttp({ system: 'test', url, method: 'GET', timeoutMs: 5000, maxResponseBytes: 1024 });
    await withLogContext({ requestId: 'ops-test-upstream-01' }, exchange);
    expect(seen?.['x-request-id']).toBe('ops-test-upstream-01');
    await exchange();
    expect(seen?.['x-request-id']).toBeUndefined();
  });
});

describe('readiness', () => {
  it('turns 503 on a subgraph whose database is closed, and on the gateway when a subgraph is down', async () => {
    const db: Database = await openTestDatabase();
    const subgraph = createProceduresSubgraph({ db, internalSecret: 'ops-test-secret' }, { readiness: { database: databaseCheck(db) } });
    const running = await subgraph.start();
    const gateway = createGatewayServer({ subgraphUrls: { procedures: running.url, dossiers: 'http://127.0.0.1:1/graphql', citizens: running.url, payments: running.url }, internalSecret: 'ops-test-secret' });
    const gatewayUrl = (await gateway.start()).baseUrl;
    try {
      expect((await fetch(running.baseUrl + '/readyz')).status).toBe(200);
      await db.close();
      const closed = await fetch(running.baseUrl + '/readyz');
      expect(closed.status).toBe(503);
      expect(((await closed.json()) as { checks: Record<string, { status: string }> }).checks.database.status).toBe('failed');
      expect((await fetch(running.baseUrl + '/livez')).status).toBe(200);

      const notReady = await fetch(gatewayUrl + '/readyz');
      expect(notReady.status).toBe(503);
      const checks = ((await notReady.json()) as { checks: Record<string, { status: string }> }).checks;
      expect(checks['subgraph:dossiers'].status).toBe('failed');
      expect(checks['subgraph:procedures'].status).toBe('failed');
    } finally {
      await gateway.stop();
      await subgraph.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish, completes subscriptions and closes their sockets with 1001', async () => {
    const hub = await startTestHub(false);
    let stopped = false;
    try {
      const official = await hub.token({ id: 'official:ops-1', role: 'OFFICIAL', agencyCode: '000.00.12.H26' });
      let closeCode: number | undefined;
      let completed = false;
      const client = createClient({
        url: hub.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${official}` },
        retryAttempts: 0,
        // Not lazy: a lazy client closes the socket itself (1000) once its last subscription completes.
        lazy: false,
        // The 1001 close is expected here; it is asserted below, not printed.
        onNonLazyError: () => undefined,
        on: { closed: (event) => (closeCode = (event as { code: number }).code) },
      });
      client.subscribe(
        { query: 'subscription { dossierEvents(agencyCode: "000.00.12.H26") { cursor } }' },
        { next: () => undefined, error: () => undefined, complete: () => (completed = true) },
      );
      await eventually(async () => hub.hub.gateway!.subscriptionStats().subscribers >= 1);

      // A prefill that waits on a slow population database is in flight when the hub is told to stop.
      const population = hub.hub.simulators.population!;
      population.setLatency(1500);
      const callsBefore = population.calls.total;
      const inFlight = gql(
        hub.url,
        'query { prefillForm(procedureCode: "2.001417", personalId: "001090012345") { fields { fieldKey value } } }',
        {},
        hub.citizen,
      );
      await eventually(async () => population.calls.total > callsBefore);
      const stopping = hub.stop();
      stopped = true;

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.prefillForm.fields.length).toBeGreaterThan(0);
      await stopping;
      expect(completed).toBe(true);
      expect(closeCode).toBe(1001);
      await client.dispose();
      // Nothing listens any more.
      await expect(fetch(baseOf(hub.url) + '/livez')).rejects.toThrow();
    } finally {
      if (!stopped) await hub.stop();
    }
  });
});
