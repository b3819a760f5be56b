/**
 * Public status lookup (tra cứu hồ sơ): minimal data, no sign-in, rate-limited per caller; unknown
 * codes cost a token like known ones. Token buckets shared through Redis run against TEST_REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { createGatewayServer } from '../../gateway/gateway-server';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { InMemoryTokenBucket, RedisTokenBucket } from '../../subgraphs/dossiers/public-status';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { configureLogging, memoryLogDestination } from '../../subgraphs/shared/logging';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { gql } from '../support/gateway-client';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;
const APPLICANT = '001090012345';
const CODE = '000.00.12.H26-261201-0042';
const LOOKUP = `query($c: String!) { dossierStatus(code: $c) { code status procedureCode receivedAt appointmentDate procedure { code } } }`;
const citizen = (personalId: string): Principal => ({ id: `citizen:${personalId}`, role: 'CITIZEN', personalId });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('public dossier status lookup', () => {
  let db: Database;
  let bus: InProcessEventBus;
  const servers: ServerHandle[] = [];
  let url: string;

  const startSubgraph = async (limiter: InMemoryTokenBucket) => {
    const server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, publicStatusLimiter: limiter });
    servers.push(server);
    return (await server.start()).url;
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    bus = new InProcessEventBus();
    await db.prisma.dossier.create({
      data: {
        id: randomUUID(),
        code: CODE,
        procedureCode: '2.001417',
        agencyCode: '000.00.12.H26',
        applicantPersonalId: APPLICANT,
        applicantUserId: `citizen:${APPLICANT}`,
        channel: 'ONLINE',
        status: 'PROCESSING',
        formData: { hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678' },
        feeVnd: 200000,
        receivedAt: new Date('2026-12-01T02:15:00Z'),
        appointmentAt: new Date('2026-12-08T10:00:00Z'), // 17:00 on 8 December, Vietnam
      },
    });
    // 3 lookups in a burst, then one every 2 s.
    url = await startSubgraph(new InMemoryTokenBucket({ capacity: 3, refillPerSecond: 0.5 }));
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await bus?.close();
    await db?.close();
  });

  it('answers without sign-in with the status and dates only', async () => {
    const res = await callSubgraph(url, LOOKUP, { c: CODE });
    expect(res.errors).toBeUndefined();
    expect(res.data.dossierStatus).toEqual({
      code: CODE,
      status: 'PROCESSING',
      procedureCode: '2.001417',
      receivedAt: '2026-12-01T02:15:00.000Z',
      appointmentDate: '2026-12-08',
      procedure: { code: '2.001417' },
    });
    const type = await callSubgraph(url, `{ __type(name: "DossierPublicStatus") { fields { name } } }`, {}, citizen('079195001234'));
    expect(type.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      ['appointmentDate', 'code', 'procedure', 'procedureCode', 'receivedAt', 'status'].sort(),
    );
  });

  it('refuses a caller past its burst with RATE_LIMITED and retryAfterSeconds, counting unknown codes alike', async () => {
    const prober = citizen('079195000001');
    const unknown = await Promise.all(['A', 'B', 'C'].map((s) => callSubgraph(url, LOOKUP, { c: `000.00.12.H26-990101-000${s}` }, prober)));
    expect(unknown.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['DOSSIER_NOT_FOUND', 'DOSSIER_NOT_FOUND', 'DOSSIER_NOT_FOUND']);
    const limited = await callSubgraph(url, LOOKUP, { c: CODE }, prober); // a real code does not get through either
    expect(limited.data).toBeNull();
    expect(limited.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 }); // the gateway turns it into HTTP 429
    expect(limited.errors![0].extensions!.messages.vi).toContain('thử lại');

    // Another caller is not affected.
    expect((await callSubgraph(url, LOOKUP, { c: CODE }, citizen('079195000002'))).data.dossierStatus.status).toBe('PROCESSING');

    // After the advertised wait, the caller gets through again, once.
    await sleep(limited.errors![0].extensions!.retryAfterSeconds * 1000);
    expect((await callSubgraph(url, LOOKUP, { c: CODE }, prober)).data.dossierStatus.code).toBe(CODE);
  });

  it('takes the token before validating the code, so malformed codes are limited too', async () => {
    const prober = citizen('079195000003');
    const results = await Promise.all(Array.from({ length: 4 }, () => callSubgraph(url, LOOKUP, { c: 'x'.repeat(500) }, prober)));
    expect(results.map((r) => r.errors?.[0]?.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
  });

  it('reaches the portal through the gateway as HTTP 429 with Retry-After and retryAfterSeconds', async () => {
    const single = await startSubgraph(new InMemoryTokenBucket({ capacity: 1, refillPerSecond: 0.01 }));
    const gateway = createGatewayServer({ subgraphUrls: { dossiers: single }, internalSecret: TEST_INTERNAL_SECRET });
    servers.unshift(gateway);
    const gatewayUrl = (await gateway.start()).url;
    const query = `query($c: String!) { dossierStatus(code: $c) { status appointmentDate } }`;
    const first = await gql(gatewayUrl, query, { c: CODE });
    expect(first.status).toBe(200);
    expect(first.data.dossierStatus).toEqual({ status: 'PROCESSING', appointmentDate: '2026-12-08' });
    const second = await gql(gatewayUrl, query, { c: CODE }, undefined, { 'accept-language': 'en' });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('100');
    expect(second.errors![0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 100 } });
    expect(second.errors![0].message).toBe('Too many lookups; try again in 100 seconds.');
  });
});

describe('RedisTokenBucket', () => {
  it('decides in the process when Redis cannot be reached, still limiting', async () => {
    const limiter = new RedisTokenBucket('redis://127.0.0.1:1', { capacity: 2, refillPerSecond: 0.01, commandTimeoutMs: 100 });
    const logs = memoryLogDestination();
    configureLogging({ level: 'warn', destination: logs });
    try {
      const decisions = [await limiter.take('k'), await limiter.take('k'), await limiter.take('k')];
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
      expect(logs.entries.filter((e) => e.component === 'public-status')).toHaveLength(1);
    } finally {
      configureLogging({});
      await limiter.close();
    }
  });
});

(TEST_REDIS_URL ? describe : describe.skip)('RedisTokenBucket shared by two processes (TEST_REDIS_URL)', () => {
  const prefix = `lienthong-test:${randomUUID()}:`;
  let a: RedisTokenBucket;
  let b: RedisTokenBucket;

  beforeAll(async () => {
    a = await new RedisTokenBucket(TEST_REDIS_URL!, { prefix, capacity: 3, refillPerSecond: 1 }).connect();
    b = await new RedisTokenBucket(TEST_REDIS_URL!, { prefix, capacity: 3, refillPerSecond: 1 }).connect();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts one client across processes, and gives tokens back with time', async () => {
    const decisions = [await a.take('client'), await b.take('client'), await a.take('client'), await b.take('client')];
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3].retryAfterSeconds).toBe(1);
    expect((await a.take('other')).allowed).toBe(true);
    await sleep(1100);
    expect((await b.take('client')).allowed).toBe(true);
    expect((await a.take('client')).allowed).toBe(false);
  });
});
