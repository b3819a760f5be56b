/**
 * Two hub instances (gateway and subgraphs each) on one PostgreSQL database and the real Redis: a
 * dashboard on gateway B follows dossiers submitted through gateway A, live; after a disconnect it
 * resumes from its last cursor and gets exactly what it missed, then live events again.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { openDatabase, type Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../support/database';
import { eventually, gql, SubscriptionRecorder } from '../support/gateway-client';
import { FEE_PROCEDURE, prefilledForm } from '../support/journey';
import { startTestHub, type TestHub } from '../support/test-hub';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;
const withServices = TEST_DATABASE_URL && TEST_REDIS_URL ? describe : describe.skip;

const EVENTS = `subscription($after: ID) { dossierEvents(after: $after) { cursor dossierCode toStatus dossier { code status } } }`;

withServices('two hub instances share events through Redis', () => {
  let dbA: Database & { url?: string };
  let dbB: Database;
  let a: TestHub;
  let b: TestHub;
  let operatorB: string;
  let formData: Record<string, unknown>;
  const crossed: string[] = [];

  beforeAll(async () => {
    dbA = await openTestDatabase();
    dbB = await openDatabase({ url: dbA.url!, poolSize: 4 });
    // A channel prefix of this run's own: other tests' hubs on the same Redis stay out of it.
    const settings = { REDIS_URL: TEST_REDIS_URL!, REDIS_PREFIX: `lienthong-test-${randomBytes(4).toString('hex')}:` };
    a = await startTestHub(true, { db: dbA, settings });
    b = await startTestHub(true, { db: dbB, settings });
    operatorB = await b.token({ id: 'operator:dashboard', role: 'OPERATOR' });
    ({ formData } = await prefilledForm(a.url, FEE_PROCEDURE, a.citizen, DEMO_CITIZEN_ID));
    await b.hub.bus!.subscribe<{ dossierCode: string }>('dossier.status', (e) => void crossed.push(e.dossierCode));
  });

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await dbB?.close();
    await dbA?.close();
  });

  const submitThroughA = async (key: string): Promise<string> => {
    const res = await gql(a.url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: key } }, a.citizen);
    expect(res.errors).toBeUndefined();
    return res.data.submitDossier.code;
  };

  it('runs two separate instances', () => {
    expect(a.url).not.toBe(b.url);
    expect(a.hub.urls.dossiers).not.toBe(b.hub.urls.dossiers);
  });

  it('a dashboard on gateway B sees a dossier submitted through gateway A, resolved across subgraphs', async () => {
    const dashboard = new SubscriptionRecorder(b.url, operatorB).start(EVENTS);
    try {
      await eventually(async () => b.hub.dossierEvents!.subscriberCount('dossier.status') > 0);
      const code = await submitThroughA('redis-1');
      const [event] = await dashboard.next(1, 20_000);
      expect(event.errors).toBeUndefined();
      expect(event.data.dossierEvents).toMatchObject({ dossierCode: code, toStatus: 'PAYMENT_DUE', dossier: { code, status: 'PAYMENT_DUE' } });
      // B's bus is Redis: the publication reached it there, whichever instance's relay sent it.
      await eventually(async () => crossed.includes(code));
    } finally {
      await dashboard.close();
    }
  });

  it('resumes from the last cursor on the other gateway: the missed events once each, in order, then live ones', async () => {
    // The last test's dashboard has gone: its upstream subscription is closed too.
    await eventually(async () => b.hub.dossierEvents!.subscriberCount('dossier.status') === 0);
    const first = new SubscriptionRecorder(b.url, operatorB).start(EVENTS);
    await eventually(async () => b.hub.dossierEvents!.subscriberCount('dossier.status') > 0);
    const seenCode = await submitThroughA('redis-2');
    const [seen] = await first.next(1, 20_000);
    expect(seen.data.dossierEvents.dossierCode).toBe(seenCode);
    await first.close();

    // Away: three dossiers are submitted meanwhile, through A.
    const missed = [await submitThroughA('redis-3'), await submitThroughA('redis-4'), await submitThroughA('redis-5')];

    // Back, on gateway A this time, with the cursor B gave.
    const resumed = new SubscriptionRecorder(a.url, await a.token({ id: 'operator:dashboard', role: 'OPERATOR' })).start(EVENTS, {
      after: seen.data.dossierEvents.cursor,
    });
    try {
      const replayed = (await resumed.next(3, 20_000)).map((r) => r.data.dossierEvents);
      expect(replayed.map((e) => e.dossierCode)).toEqual(missed);
      const live = await submitThroughA('redis-6');
      const [next] = (await resumed.next(4, 20_000)).slice(3);
      expect(next.data.dossierEvents.dossierCode).toBe(live);
      const cursors = [seen.data.dossierEvents, ...replayed, next.data.dossierEvents].map((e) => BigInt(e.cursor));
      expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
      // Nothing more than those: no duplicate arrived late.
      await new Promise((r) => setTimeout(r, 500));
      expect(resumed.results).toHaveLength(4);
    } finally {
      await resumed.close();
    }
  });
});
