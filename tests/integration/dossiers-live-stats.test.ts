/**
 * Live dossier statistics (`dossierStatsLive`): the one-SQL figures per agency on crafted dossiers,
 * checked against dossierStatistics for the same data; the stream's coalescing and clean stop on a
 * fake outbox tail; and the subscription over graphql-ws on the dossiers subgraph: a first snapshot,
 * new ones with changed counts and a cursor as dossiers are submitted and moved, and who may see what.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { dossierStatistics, liveDossierStats, LiveStatsStream, type LiveStatsTail } from '../../subgraphs/dossiers/statistics';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import { signInternalToken } from '../../subgraphs/shared/auth/tokens';
import type { OutboxRecord } from '../../subgraphs/shared/outbox/outbox-tail';
import type { Database } from '../../subgraphs/shared/storage/database';
import { eventually } from '../support/gateway-client';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';
import { AGENCY, citizen, M, operator, reception, startWorkflowFixture, type WorkflowFixture } from '../support/workflow-fixture';

const A = '000.00.12.H26';
const B = '000.00.13.H26';
/** The instant the crafted figures are judged at: 17:00 in Vietnam on 11 Nov 2026. */
const AS_OF = new Date('2026-11-11T10:00:00Z');
/** The appointment deadline: 17:00 in Vietnam of the day. */
const due = (day: string) => `${day}T10:00:00Z`;

interface Crafted {
  agency: string;
  received: string;
  appointment: string;
  status: string;
  completed?: string;
  paused?: string;
}

const CRAFTED: Crafted[] = [
  /* 1 */ { agency: A, received: '2026-10-05T02:00:00Z', appointment: due('2026-10-12'), status: 'DONE', completed: '2026-10-09T03:00:00Z' }, // early
  /* 2 */ { agency: A, received: '2026-10-06T02:00:00Z', appointment: due('2026-10-13'), status: 'RETURNED', completed: '2026-10-13T09:59:00Z' }, // on time
  /* 3 */ { agency: A, received: '2026-10-07T02:00:00Z', appointment: due('2026-10-14'), status: 'DONE', completed: '2026-10-14T10:00:01Z' }, // late
  /* 4 */ { agency: A, received: '2026-10-08T02:00:00Z', appointment: due('2026-10-15'), status: 'DONE' }, // legacy: finished, not judged
  /* 5 */ { agency: A, received: '2026-11-02T02:00:00Z', appointment: due('2026-01-20'), status: 'PROCESSING' }, // overdue
  /* 6 */ { agency: A, received: '2026-11-03T02:00:00Z', appointment: due('2099-01-10'), status: 'ACCEPTED' },
  /* 7 */ { agency: A, received: '2026-11-04T02:00:00Z', appointment: due('2026-01-25'), status: 'SUPPLEMENT_REQUESTED', paused: '2026-01-20T03:00:00Z' }, // paused in time
  /* 8 */ { agency: A, received: '2026-11-05T02:00:00Z', appointment: due('2026-01-10'), status: 'SUPPLEMENT_REQUESTED', paused: '2026-01-12T03:00:00Z' }, // paused late: overdue
  /* 9 */ { agency: A, received: '2026-11-06T02:00:00Z', appointment: due('2026-11-13'), status: 'NOT_ACCEPTED' },
  /* 10 */ { agency: A, received: '2026-11-10T17:00:00Z', appointment: due('2099-01-01'), status: 'NEW' }, // 11 Nov 00:00 local: today
  /* 11 */ { agency: A, received: '2026-11-10T16:59:59Z', appointment: due('2026-11-11'), status: 'PAYMENT_DUE' }, // 10 Nov local; due exactly at AS_OF: not yet overdue
  /* 12 */ { agency: A, received: '2026-11-11T16:59:00Z', appointment: due('2026-11-18'), status: 'WITHDRAWN' }, // 11 Nov 23:59 local: today
  /* 13 */ { agency: B, received: '2026-11-01T02:00:00Z', appointment: due('2026-11-06'), status: 'DONE', completed: '2026-11-07T01:00:00Z' }, // late
  /* 14 */ { agency: B, received: '2026-11-11T03:00:00Z', appointment: due('2026-01-12'), status: 'PAYMENT_DUE' }, // today, overdue
];

const STATUSES = ['NEW', 'PAYMENT_DUE', 'ACCEPTED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'STOPPED', 'DONE', 'RETURNED'];
/** byStatus with every status, zeros but for those given. */
const byStatus = (counts: Record<string, number>) => STATUSES.map((status) => ({ status, count: counts[status] ?? 0 }));

async function insertCrafted(db: Database) {
  let n = 0;
  for (const d of CRAFTED) {
    await db.prisma.dossier.create({
      data: {
        id: randomUUID(),
        code: `${d.agency}-261101-${String(++n).padStart(4, '0')}`,
        procedureCode: '2.001417',
        agencyCode: d.agency,
        applicantPersonalId: '001090012345',
        applicantUserId: 'citizen:001090012345',
        channel: 'ONLINE',
        status: d.status,
        formData: {},
        feeVnd: 0,
        receivedAt: new Date(d.received),
        appointmentAt: new Date(d.appointment),
        completedAt: d.completed ? new Date(d.completed) : null,
        pausedAt: d.paused ? new Date(d.paused) : null,
      },
    });
  }
}

/** A dashboard's graphql-ws connection to the subgraph, as the gateway opens it (internal token). */
class LiveRecorder {
  readonly results: any[] = [];
  error: any;
  completed = false;
  private readonly client: Client;
  private dispose?: () => void;

  constructor(url: string, principal: Principal) {
    this.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: async () => ({ internalToken: await signInternalToken(principal, TEST_INTERNAL_SECRET) }),
      retryAttempts: 0,
    });
  }

  start(query: string, variables: Record<string, unknown> = {}): this {
    this.dispose = this.client.subscribe(
      { query, variables },
      {
        next: (r) => void this.results.push(r),
        error: (e) => void (this.error = e),
        complete: () => void (this.completed = true),
      },
    );
    return this;
  }

  /** The `count`-th snapshot (1-based), once it has arrived. */
  async snapshot(count: number): Promise<any> {
    await eventually(async () => this.results.length >= count || this.error, 20_000);
    if (this.error) throw new Error(JSON.stringify(this.error));
    const result = this.results[count - 1];
    expect(result.errors).toBeUndefined();
    return result.data.dossierStatsLive;
  }

  async refusal(): Promise<string | undefined> {
    await eventually(async () => this.error ?? this.results[0]?.errors, 20_000);
    return (this.error ?? this.results[0].errors)[0]?.extensions?.code;
  }

  async close(): Promise<void> {
    this.dispose?.();
    await this.client.dispose();
  }
}

const LIVE = `subscription($a: String) { dossierStatsLive(agencyCode: $a) {
  cursor asOf agencies { agencyCode received receivedToday processing overdue finished finishedOnTime onTimeRate byStatus { status count } } } }`;

describe('live dossier statistics', () => {
  let fixture: WorkflowFixture;
  const recorders: LiveRecorder[] = [];
  const open = (principal: Principal, variables: Record<string, unknown> = {}) => {
    const recorder = new LiveRecorder(fixture.url, principal).start(LIVE, variables);
    recorders.push(recorder);
    return recorder;
  };
  const newestCursor = async () => {
    const [row] = await fixture.db.prisma.$queryRaw<Array<{ top: bigint | null }>>`SELECT MAX(seq) AS top FROM outbox_event`;
    return row?.top == null ? null : row.top.toString();
  };

  beforeAll(async () => {
    fixture = await startWorkflowFixture();
    await insertCrafted(fixture.db);
  });

  afterAll(async () => {
    for (const r of recorders) await r.close();
    await fixture?.stop();
  });

  describe('the figures (one SQL statement)', () => {
    it('counts per agency: received, today, processing, overdue, finished, on time, by status', async () => {
      const stats = await liveDossierStats(fixture.db.prisma, null, AS_OF);
      const crafted = stats.filter((s) => s.agencyCode === A || s.agencyCode === B);
      expect(JSON.parse(JSON.stringify(crafted))).toEqual([
        {
          agencyCode: A,
          received: 12,
          receivedToday: 2,
          processing: 6,
          overdue: 2,
          finished: 4,
          finishedOnTime: 2,
          onTimeRate: 0.5,
          byStatus: byStatus({ NEW: 1, PAYMENT_DUE: 1, ACCEPTED: 1, PROCESSING: 1, SUPPLEMENT_REQUESTED: 2, NOT_ACCEPTED: 1, WITHDRAWN: 1, DONE: 3, RETURNED: 1 }),
        },
        { agencyCode: B, received: 2, receivedToday: 1, processing: 1, overdue: 1, finished: 1, finishedOnTime: 0, onTimeRate: 0, byStatus: byStatus({ PAYMENT_DUE: 1, DONE: 1 }) },
      ]);
      expect(stats.map((s) => s.agencyCode)).toEqual([...stats.map((s) => s.agencyCode)].sort());
    });

    it('agrees with dossierStatistics for the same data and instant', async () => {
      const live = await liveDossierStats(fixture.db.prisma, null, AS_OF);
      const query = { agencyCode: null, procedureCode: null, channel: null, receivedFrom: null, receivedBefore: null, groupBy: ['AGENCY' as never] };
      const report = await dossierStatistics(fixture.db.prisma, query, AS_OF);
      expect(live.length).toBeGreaterThanOrEqual(2);
      expect(live.map((s) => [s.agencyCode, s.received, s.processing, s.overdue, s.finished, s.finishedOnTime])).toEqual(
        report.map((r) => [r.agencyCode, r.received, r.inProgress, r.overdueInProgress, r.finished, r.finishedEarly + r.finishedOnTime]),
      );
    });

    it('judges "today" and "overdue" at the instant given', async () => {
      const [nextDay] = await liveDossierStats(fixture.db.prisma, A, new Date('2026-11-11T17:00:00Z')); // 12 Nov 00:00 local
      expect(nextDay).toMatchObject({ receivedToday: 0, overdue: 3 }); // no. 11 is now past its deadline
    });

    it('shows a scoped agency without dossiers as zeros', async () => {
      expect(JSON.parse(JSON.stringify(await liveDossierStats(fixture.db.prisma, '000.99.99.H26', AS_OF)))).toEqual([
        { agencyCode: '000.99.99.H26', received: 0, receivedToday: 0, processing: 0, overdue: 0, finished: 0, finishedOnTime: 0, onTimeRate: null, byStatus: byStatus({}) },
      ]);
    });
  });

  describe('the stream, on a fake outbox tail', () => {
    function fakeTail(startCursor: string | null) {
      const queue: OutboxRecord<unknown>[] = [];
      let waiter: ((r: IteratorResult<OutboxRecord<unknown>>) => void) | undefined;
      const state = { subscribedAfter: undefined as string | null | undefined, returned: false };
      const records: AsyncIterableIterator<OutboxRecord<unknown>> = {
        next: () => (queue.length > 0 ? Promise.resolve({ value: queue.shift()!, done: false }) : state.returned ? Promise.resolve({ value: undefined, done: true }) : new Promise((r) => (waiter = r))),
        return: async () => {
          state.returned = true;
          waiter?.({ value: undefined, done: true });
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      const tail: LiveStatsTail = {
        currentCursor: async () => startCursor,
        subscribe: ((o: { after?: string | null }) => {
          state.subscribedAfter = o.after;
          return records;
        }) as never,
      };
      const push = (cursor: string) => {
        const record = { cursor, topic: 'dossier.status', payload: {} };
        if (waiter) {
          const w = waiter;
          waiter = undefined;
          w({ value: record, done: false });
        } else queue.push(record);
      };
      return { tail, state, push };
    }

    it('emits a snapshot at once, then one per burst of records, with the last cursor', async () => {
      const { tail, state, push } = fakeTail('41');
      const queried: Array<string | null> = [];
      const stream = new LiveStatsStream({ tail, topics: ['dossier.status'], intervalMs: 1000, snapshot: async (c) => (queried.push(c), c) });
      expect(await stream.next()).toEqual({ value: '41', done: false });
      expect(state.subscribedAfter).toBe('41'); // resumes right after the snapshot's cursor: nothing falls in between
      for (let i = 42; i <= 51; i++) push(String(i));
      expect(await stream.next()).toEqual({ value: '51', done: false });
      expect(queried).toEqual(['41', '51']);
      const pending = stream.next();
      await stream.return();
      expect(await pending).toEqual({ value: undefined, done: true });
      expect(state.returned).toBe(true);
      expect(queried).toHaveLength(2);
    });

    it('replays from the start when the outbox was empty, and stops at once mid-interval', async () => {
      const { tail, state, push } = fakeTail(null);
      const stream = new LiveStatsStream({ tail, topics: ['dossier.status'], intervalMs: 60_000, snapshot: async (c) => c });
      expect((await stream.next()).value).toBeNull();
      expect(state.subscribedAfter).toBe('0');
      push('1');
      const waiting = stream.next(); // waits out the 60 s interval, unless stopped
      await stream.return();
      expect(await waiting).toEqual({ value: undefined, done: true });
    });
  });

  describe('the subscription over graphql-ws', () => {
    it('sends a snapshot at once, then a new one with changed counts and a cursor as dossiers move', async () => {
      const dashboard = open(operator, { a: AGENCY });
      const first = await dashboard.snapshot(1);
      expect(first.cursor).toBe(await newestCursor());
      expect(first.agencies).toEqual([expect.objectContaining({ agencyCode: AGENCY, received: 0, processing: 0 })]);

      const { code, version } = await fixture.submitBirth();
      const submitted = await eventually(async () => {
        const latest = dashboard.results.at(-1)?.data?.dossierStatsLive;
        return latest?.agencies[0].received === 1 && latest;
      }, 20_000);
      expect(submitted.agencies[0]).toMatchObject({ receivedToday: 1, processing: 1, finished: 0, onTimeRate: null });
      expect(submitted.cursor).not.toBeNull();
      expect(BigInt(submitted.cursor)).toBeGreaterThan(BigInt(first.cursor ?? '0'));

      const accepted = await fixture.call(M.accept, { c: code, v: version }, reception);
      const moved = await eventually(async () => {
        const latest = dashboard.results.at(-1)?.data?.dossierStatsLive;
        return latest?.agencies[0].byStatus.find((s: any) => s.status === accepted.status)?.count === 1 && latest;
      }, 20_000);
      expect(BigInt(moved.cursor)).toBeGreaterThan(BigInt(submitted.cursor));
      expect(moved.cursor).toBe(await newestCursor());
      // Coalesced: never more snapshots than the events that woke them, plus the first.
      const events = await fixture.db.prisma.outboxEvent.count({ where: { topic: 'dossier.status' } });
      expect(dashboard.results.length).toBeLessThanOrEqual(events + 1);
    });

    it('shows an official their own agency only', async () => {
      const own = open(reception);
      const snapshot = await own.snapshot(1);
      expect(snapshot.agencies.map((a: any) => a.agencyCode)).toEqual([AGENCY]);
      expect(snapshot.agencies[0].received).toBeGreaterThanOrEqual(1);

      const everything = await open(operator).snapshot(1);
      expect(everything.agencies.map((a: any) => a.agencyCode)).toEqual(expect.arrayContaining([A, B, AGENCY]));
    });

    it('refuses an official asking for another agency, a citizen and an anonymous caller', async () => {
      expect(await open(reception, { a: A }).refusal()).toBe('FORBIDDEN');
      expect(await open(citizen).refusal()).toBe('FORBIDDEN');
      expect(await open(ANONYMOUS).refusal()).toBe('UNAUTHENTICATED');
    });
  });
});
