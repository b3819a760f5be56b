/**
 * The gateway's subscription fan-out over real graphql-ws: identical subscriptions share one
 * upstream (the real hub, events from real submissions), a slow client is dropped with
 * HubCloseCode.SlowConsumer while the others keep every event, and a peer that stops answering
 * pings is terminated by the heartbeat. The last two use a small real subgraph that emits on demand.
 */
import { EventEmitter, on, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createGatewayServer, type GatewayServerHandle } from '../../gateway/gateway-server';
import { HubCloseCode } from '../../gateway/subscriptions/close-codes';
import { eventually, gql, SubscriptionRecorder } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE } from '../support/journey';
import { startTestHub, type TestHub } from '../support/test-hub';

const DOSSIER_EVENTS = `subscription { dossierEvents { id toStatus dossier { code procedure { name } } } }`;

describe('identical subscriptions share one upstream (real hub)', () => {
  let t: TestHub;
  let gateway: GatewayServerHandle;
  let url: string;
  const recorders: SubscriptionRecorder[] = [];

  beforeAll(async () => {
    t = await startTestHub(false);
    const { urls } = t.hub;
    gateway = createGatewayServer({
      subgraphUrls: { procedures: urls.procedures!, dossiers: urls.dossiers!, citizens: urls.citizens!, payments: urls.payments! },
      devIssuer: t.devIssuer,
      internalSecret: t.config.INTERNAL_SECRET,
    });
    url = (await gateway.start()).url;
  });

  afterAll(async () => {
    for (const r of recorders) await r.close();
    await gateway?.stop();
    await t?.stop();
  });

  it('two officials of one agency share a stream, another agency gets its own, and the last to leave closes it', async () => {
    const procedure = await gql(url, `{ procedure(code: "${FEE_PROCEDURE}") { agency { code } eForm { fields { key type required binding options } } } }`);
    const agencyCode: string = procedure.data.procedure.agency.code;
    const official = (id: string, agency: string) => t.token({ id, role: 'OFFICIAL', agencyCode: agency });
    const first = new SubscriptionRecorder(url, await official('official:a', agencyCode)).start(DOSSIER_EVENTS);
    const second = new SubscriptionRecorder(url, await official('official:b', agencyCode)).start(DOSSIER_EVENTS);
    recorders.push(first, second);
    await eventually(async () => gateway.subscriptionStats().subscribers === 2);
    expect(gateway.subscriptionStats()).toMatchObject({ connections: 2, subscribers: 2, upstreamStreams: 1 });

    const other = new SubscriptionRecorder(url, await official('official:c', 'OTHER.AGENCY')).start(DOSSIER_EVENTS);
    recorders.push(other);
    await eventually(async () => gateway.subscriptionStats().subscribers === 3);
    expect(gateway.subscriptionStats()).toMatchObject({ subscribers: 3, upstreamStreams: 2 });

    // Submit until events flow: the upstream subscription reaches the subgraph asynchronously.
    const prefill = await gql(url, `{ prefillForm(procedureCode: "${FEE_PROCEDURE}", personalId: "${DEMO_CITIZEN_ID}") { fields { fieldKey value } } }`, {}, t.citizen);
    const formData = buildFormData(procedure.data.procedure.eForm.fields, prefill.data.prefillForm.fields);
    const submit = async (key: string) => {
      const res = await gql(url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: key } }, t.citizen);
      expect(res.errors).toBeUndefined();
    };
    for (let attempt = 0; first.results.length === 0 && attempt < 10; attempt++) {
      await submit(`shared-${attempt}`);
      await first.next(1, 2_000).catch(() => undefined);
    }
    await submit('shared-last'); // one more, now that events flow: each submission is one event (received, fee due)
    const fromFirst = await first.next(2, 20_000);
    expect(fromFirst[0].errors).toBeUndefined();
    expect(fromFirst[1].data.dossierEvents.dossier.procedure.name).toMatch(/lý lịch tư pháp/i); // resolved across subgraphs
    await eventually(async () => second.results.length === first.results.length && second.results.length >= 2);
    const ids = (r: SubscriptionRecorder) => r.results.map((e) => e.data.dossierEvents.id);
    expect(ids(second)).toEqual(ids(first));
    expect(new Set(ids(first)).size).toBe(first.results.length); // each event once
    expect(other.results).toEqual([]); // another agency's scope does not see them

    await first.close();
    await eventually(async () => gateway.subscriptionStats().subscribers === 2);
    expect(gateway.subscriptionStats().upstreamStreams).toBe(2);
    await second.close();
    await other.close();
    await eventually(async () => gateway.subscriptionStats().upstreamStreams === 0);
    expect(gateway.subscriptionStats()).toMatchObject({ subscribers: 0, upstreamConnections: 0 });
  });

  it('a stream that reads citizens’ national data runs per account: two officials, two streams; one account’s screens share', async () => {
    const agencyCode = (await gql(url, `{ procedure(code: "${FEE_PROCEDURE}") { agency { code } } }`)).data.procedure.agency.code;
    const withApplicant = `subscription { dossierEvents { id dossier { code applicant { fullName } } } }`;
    const a = await t.token({ id: 'official:a', role: 'OFFICIAL', agencyCode });
    const b = await t.token({ id: 'official:b', role: 'OFFICIAL', agencyCode });
    const screens = [a, a, b].map((token) => new SubscriptionRecorder(url, token).start(withApplicant));
    recorders.push(...screens);
    await eventually(async () => gateway.subscriptionStats().subscribers === 3);
    expect(gateway.subscriptionStats()).toMatchObject({ subscribers: 3, upstreamStreams: 2 });
    for (const screen of screens) await screen.close();
    await eventually(async () => gateway.subscriptionStats().upstreamStreams === 0);
  });
});

/** A real graphql-ws subgraph whose `ticks` subscription emits what the test tells it to. */
async function startTickSubgraph() {
  const emitter = new EventEmitter();
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { ready: Boolean }
    type Subscription { ticks: Tick! }
    type Tick { n: Int! payload: String! }
  `);
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: { ready: () => true },
      Subscription: {
        ticks: {
          subscribe: (_root: unknown, _args: unknown, _ctx: unknown) => on(emitter, 'tick'),
          resolve: ([tick]: [unknown]) => tick,
        },
      },
    } as never,
  });
  const server: Server = createServer();
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const disposable = useServer({ schema }, wsServer);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const composed = composeServices([{ name: 'ticks', url, typeDefs }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return {
    url,
    supergraphSdl: composed.supergraphSdl,
    emit: (n: number, size = 32 * 1024) => emitter.emit('tick', { n, payload: 'x'.repeat(size) }),
    async stop() {
      await disposable.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A bare graphql-ws client whose socket the test can pause or keep from answering pings. */
async function rawClient(url: string, options: { autoPong?: boolean; subscribe?: string } = {}) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: options.autoPong ?? true });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await once(ws, 'open');
  ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  const [ack] = await once(ws, 'message');
  expect(JSON.parse(String(ack)).type).toBe('connection_ack');
  if (options.subscribe) ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: options.subscribe } }));
  return { ws, closed };
}

describe('slow consumers and dead peers (tick subgraph)', () => {
  let ticks: Awaited<ReturnType<typeof startTickSubgraph>>;
  const gateways: GatewayServerHandle[] = [];
  const sockets: WebSocket[] = [];
  const recorders: SubscriptionRecorder[] = [];

  const startGateway = async (options: { heartbeatIntervalMs?: number; maxQueuedEvents?: number; maxBufferedBytes?: number }) => {
    const gateway = createGatewayServer({
      subgraphUrls: { ticks: ticks.url },
      supergraphSdl: ticks.supergraphSdl,
      internalSecret: 'test-internal-secret-of-at-least-32-chars',
      ...options,
    });
    gateways.push(gateway);
    return { gateway, url: (await gateway.start()).url };
  };

  beforeAll(async () => {
    ticks = await startTickSubgraph();
  });

  afterAll(async () => {
    for (const r of recorders) await r.close();
    for (const s of sockets) s.terminate();
    for (const g of gateways) await g.stop();
    await ticks?.stop();
  });

  it('closes a slow client with SlowConsumer while a normal client on the same stream keeps every event', async () => {
    const { gateway, url } = await startGateway({ maxQueuedEvents: 4, maxBufferedBytes: 64 * 1024 });
    const normal = new SubscriptionRecorder(url).start(`subscription { ticks { n payload } }`);
    recorders.push(normal);
    const slow = await rawClient(url, { subscribe: `subscription { ticks { n payload } }` });
    sockets.push(slow.ws);
    await eventually(async () => gateway.subscriptionStats().subscribers === 2);
    // The slow client stops reading: its kernel buffers fill, then its gateway queue.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    // Paced by the normal client, so only the paused one can fall behind (the first tick waits for the upstream).
    let n = 0;
    await eventually(async () => {
      ticks.emit(++n);
      return normal.results.length > 0;
    }, 20_000);
    const firstSeen = normal.results[0].data.ticks.n as number;
    while (gateway.subscriptionStats().slowConsumerDisconnects === 0 && n < 2_000) {
      ticks.emit(++n);
      await normal.next(n - firstSeen + 1, 20_000);
    }
    expect(gateway.subscriptionStats()).toMatchObject({ slowConsumerDisconnects: 1, subscribers: 1, upstreamStreams: 1 });

    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toBe(HubCloseCode.SlowConsumer);

    for (let i = 0; i < 3; i++) ticks.emit(++n);
    const all = await normal.next(n - firstSeen + 1, 20_000);
    expect(all.map((r) => r.data.ticks.n)).toEqual(Array.from({ length: n - firstSeen + 1 }, (_, i) => firstSeen + i));
    expect(all.every((r) => r.errors === undefined && r.data.ticks.payload.length === 32 * 1024)).toBe(true);
  });

  it('terminates a connection that stops answering pings within about two intervals; live ones stay', async () => {
    const intervalMs = 200;
    const { gateway, url } = await startGateway({ heartbeatIntervalMs: intervalMs });
    const alive = await rawClient(url, { subscribe: `subscription { ticks { n } }` });
    const dead = await rawClient(url, { autoPong: false, subscribe: `subscription { ticks { n } }` });
    sockets.push(alive.ws, dead.ws);
    await eventually(async () => gateway.subscriptionStats().subscribers === 2);

    const since = Date.now();
    expect(await dead.closed).toBe(1006); // terminated: no close frame
    const elapsed = Date.now() - since;
    expect(elapsed).toBeGreaterThanOrEqual(intervalMs); // not before it missed a ping
    await eventually(async () => gateway.subscriptionStats().connections === 1);
    expect(gateway.subscriptionStats()).toMatchObject({ heartbeatTimeouts: 1, subscribers: 1, upstreamStreams: 1 });

    // The answering client outlives several more intervals.
    await new Promise((resolve) => setTimeout(resolve, 4 * intervalMs));
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    expect(gateway.subscriptionStats().heartbeatTimeouts).toBe(1);
  });
});
