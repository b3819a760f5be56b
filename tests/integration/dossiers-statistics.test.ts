/**
 * Dossier statistics on a crafted set of dossiers with known received, appointment, completion and
 * pause times: every figure per grouping, the period's bounds in Vietnamese days, and who may read.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startDossiersTestServer, type DossiersTestServer } from '../support/dossiers-server';
import { callSubgraph } from '../support/subgraph-client';

const A = '000.00.12.H26';
const B = '000.00.13.H26';
const P1 = '2.001417';
const P2 = '1.001193';
/** The appointment deadline: 17:00 in Vietnam of the day. */
const due = (day: string) => `${day}T10:00:00Z`;
const official: Principal = { id: 'official:an', role: 'OFFICIAL', agencyCode: A };
const operator: Principal = { id: 'operator:dung', role: 'OPERATOR' };
const citizen: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };

interface Crafted {
  agency: string;
  procedure: string;
  channel: string;
  received: string;
  appointment: string;
  status: string;
  completed?: string;
  paused?: string;
  score?: number;
}

// "Now" is the real clock: appointments of in-progress dossiers are far in the past or future of it.
const DOSSIERS: Crafted[] = [
  /* 1 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-10-05T02:00:00Z', appointment: due('2026-10-12'), status: 'DONE', completed: '2026-10-09T03:00:00Z', score: 5 }, // early
  /* 2 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-10-06T02:00:00Z', appointment: due('2026-10-13'), status: 'RETURNED', completed: '2026-10-13T09:59:00Z', score: 4 }, // on time, 16:59
  /* 3 */ { agency: A, procedure: P1, channel: 'COUNTER', received: '2026-10-07T02:00:00Z', appointment: due('2026-10-14'), status: 'DONE', completed: '2026-10-14T10:00:01Z', score: 2 }, // late by a second
  /* 4 */ { agency: A, procedure: P1, channel: 'COUNTER', received: '2026-10-31T17:30:00Z', appointment: due('2026-11-06'), status: 'DONE', completed: '2026-11-05T17:30:00Z' }, // received 1 Nov 00:30 local; on time: 00:30 on the appointment day (UTC says the day before)
  /* 5 */ { agency: A, procedure: P2, channel: 'ONLINE', received: '2026-11-02T02:00:00Z', appointment: due('2026-01-20'), status: 'PROCESSING' }, // overdue
  /* 6 */ { agency: A, procedure: P2, channel: 'ONLINE', received: '2026-11-03T02:00:00Z', appointment: due('2099-01-10'), status: 'ACCEPTED' }, // not yet due
  /* 7 */ { agency: A, procedure: P2, channel: 'POSTAL', received: '2026-11-04T02:00:00Z', appointment: due('2026-01-25'), status: 'SUPPLEMENT_REQUESTED', paused: '2026-01-20T03:00:00Z' }, // paused before the deadline
  /* 8 */ { agency: A, procedure: P2, channel: 'POSTAL', received: '2026-11-05T02:00:00Z', appointment: due('2026-01-10'), status: 'SUPPLEMENT_REQUESTED', paused: '2026-01-12T03:00:00Z' }, // paused when already overdue
  /* 9 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-11-06T02:00:00Z', appointment: due('2026-11-13'), status: 'NOT_ACCEPTED', score: 1 },
  /* 10 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-11-07T02:00:00Z', appointment: due('2026-11-14'), status: 'WITHDRAWN' },
  /* 11 */ { agency: A, procedure: P2, channel: 'COUNTER', received: '2026-11-08T02:00:00Z', appointment: due('2026-11-15'), status: 'STOPPED' },
  /* 12 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-11-09T02:00:00Z', appointment: due('2026-11-16'), status: 'DONE' }, // legacy: no completion time
  /* 13 */ { agency: B, procedure: P1, channel: 'ONLINE', received: '2026-11-10T02:00:00Z', appointment: due('2026-11-17'), status: 'DONE', completed: '2026-11-18T01:00:00Z', score: 5 }, // late
  /* 14 */ { agency: B, procedure: P2, channel: 'COUNTER', received: '2026-11-11T02:00:00Z', appointment: due('2026-01-12'), status: 'PAYMENT_DUE' }, // overdue
  /* 15 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-09-30T18:00:00Z', appointment: due('2099-01-01'), status: 'NEW' }, // 1 Oct 01:00 local
  /* 16 */ { agency: A, procedure: P1, channel: 'ONLINE', received: '2026-09-30T16:00:00Z', appointment: due('2026-10-07'), status: 'DONE', completed: '2026-10-01T02:00:00Z', score: 1 }, // 30 Sep 23:00 local: outside
];

const PERIOD = { from: '2026-10-01', to: '2026-11-30' };
const QUERY = `query($f: DossierStatisticsFilter, $g: [StatisticsDimension!]) {
  dossierStatistics(filter: $f, groupBy: $g) {
    asOf
    rows { agencyCode procedureCode channel month received inProgress overdueInProgress finished finishedEarly finishedOnTime
           finishedLate notAccepted withdrawn stopped ratingCount averageSatisfaction }
  }
}`;

/** A row with only the figures given; every other figure zero, groups null, no ratings. */
const row = (figures: Record<string, unknown>) => ({
  agencyCode: null,
  procedureCode: null,
  channel: null,
  month: null,
  received: 0,
  inProgress: 0,
  overdueInProgress: 0,
  finished: 0,
  finishedEarly: 0,
  finishedOnTime: 0,
  finishedLate: 0,
  notAccepted: 0,
  withdrawn: 0,
  stopped: 0,
  ratingCount: 0,
  averageSatisfaction: null,
  ...figures,
});

describe('dossier statistics', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let dossiers: DossiersTestServer;
  let url: string;

  const stats = async (filter: Record<string, unknown> | null, groupBy: string[] = [], principal = operator) => {
    const res = await callSubgraph(url, QUERY, { f: filter, g: groupBy }, principal);
    return res;
  };
  const rowsOf = async (filter: Record<string, unknown> | null, groupBy: string[] = [], principal = operator) => {
    const res = await stats(filter, groupBy, principal);
    expect(res.errors).toBeUndefined();
    return res.data.dossierStatistics.rows;
  };

  beforeAll(async () => {
    dossiers = await startDossiersTestServer({ seed: false, prepare: insertDossiers });
    ({ db, bus, url } = dossiers);
  });

  async function insertDossiers(db: Database) {
    let n = 0;
    for (const d of DOSSIERS) {
      const id = randomUUID();
      await db.prisma.dossier.create({
        data: {
          id,
          code: `${d.agency}-261101-${String(++n).padStart(4, '0')}`,
          procedureCode: d.procedure,
          agencyCode: d.agency,
          applicantPersonalId: '001090012345',
          applicantUserId: citizen.id,
          channel: d.channel,
          status: d.status,
          formData: {},
          feeVnd: 0,
          receivedAt: new Date(d.received),
          appointmentAt: new Date(d.appointment),
          completedAt: d.completed ? new Date(d.completed) : null,
          pausedAt: d.paused ? new Date(d.paused) : null,
        },
      });
      if (d.score) await db.prisma.dossierRating.create({ data: { dossierId: id, score: d.score, ratedBy: citizen.id } });
    }
  }

  afterAll(async () => {
    await dossiers?.stop();
  });

  it('counts the period as a whole', async () => {
    const before = Date.now();
    const res = await stats(PERIOD);
    expect(res.errors).toBeUndefined();
    expect(Date.parse(res.data.dossierStatistics.asOf)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.data.dossierStatistics.rows).toEqual([
      row({
        received: 15,
        inProgress: 6,
        overdueInProgress: 3,
        finished: 6,
        finishedEarly: 1,
        finishedOnTime: 2,
        finishedLate: 2,
        notAccepted: 1,
        withdrawn: 1,
        stopped: 1,
        ratingCount: 5,
        averageSatisfaction: 3.4,
      }),
    ]);
  });

  it('groups by agency', async () => {
    expect(await rowsOf(PERIOD, ['AGENCY'])).toEqual([
      row({ agencyCode: A, received: 13, inProgress: 5, overdueInProgress: 2, finished: 5, finishedEarly: 1, finishedOnTime: 2, finishedLate: 1, notAccepted: 1, withdrawn: 1, stopped: 1, ratingCount: 4, averageSatisfaction: 3 }),
      row({ agencyCode: B, received: 2, inProgress: 1, overdueInProgress: 1, finished: 1, finishedLate: 1, ratingCount: 1, averageSatisfaction: 5 }),
    ]);
  });

  it('groups by month of reception in Vietnam', async () => {
    const [october, november] = await rowsOf(PERIOD, ['MONTH']);
    expect(october).toEqual(row({ month: '2026-10', received: 4, inProgress: 1, finished: 3, finishedEarly: 1, finishedOnTime: 1, finishedLate: 1, ratingCount: 3, averageSatisfaction: 11 / 3 }));
    expect(november).toEqual(
      row({ month: '2026-11', received: 11, inProgress: 5, overdueInProgress: 3, finished: 3, finishedOnTime: 1, finishedLate: 1, notAccepted: 1, withdrawn: 1, stopped: 1, ratingCount: 2, averageSatisfaction: 3 }),
    );
  });

  it('groups by channel and by procedure', async () => {
    expect(await rowsOf(PERIOD, ['CHANNEL'])).toEqual([
      row({ channel: 'COUNTER', received: 4, inProgress: 1, overdueInProgress: 1, finished: 2, finishedOnTime: 1, finishedLate: 1, stopped: 1, ratingCount: 1, averageSatisfaction: 2 }),
      row({ channel: 'ONLINE', received: 9, inProgress: 3, overdueInProgress: 1, finished: 4, finishedEarly: 1, finishedOnTime: 1, finishedLate: 1, notAccepted: 1, withdrawn: 1, ratingCount: 4, averageSatisfaction: 3.75 }),
      row({ channel: 'POSTAL', received: 2, inProgress: 2, overdueInProgress: 1 }),
    ]);
    expect(await rowsOf(PERIOD, ['PROCEDURE'])).toEqual([
      row({ procedureCode: P2, received: 6, inProgress: 5, overdueInProgress: 3, stopped: 1 }),
      row({ procedureCode: P1, received: 9, inProgress: 1, finished: 6, finishedEarly: 1, finishedOnTime: 2, finishedLate: 2, notAccepted: 1, withdrawn: 1, ratingCount: 5, averageSatisfaction: 3.4 }),
    ]);
  });

  it('combines dimensions, in the order asked', async () => {
    const rows = await rowsOf(PERIOD, ['AGENCY', 'MONTH']);
    expect(rows.map((r: any) => [r.agencyCode, r.month, r.received])).toEqual([
      [A, '2026-10', 4],
      [A, '2026-11', 9],
      [B, '2026-11', 2],
    ]);
  });

  it('bounds the period by Vietnamese days and applies the filters', async () => {
    expect((await rowsOf({ from: '2026-10-01', to: '2026-10-31' }))[0].received).toBe(4); // not no. 4, received 1 Nov 00:30 local
    expect((await rowsOf({ from: '2026-11-01', to: '2026-11-01' }))[0].received).toBe(1);
    expect((await rowsOf(null))[0].received).toBe(16);
    expect((await rowsOf({ ...PERIOD, procedureCode: P2, channel: 'POSTAL' }))[0]).toEqual(row({ received: 2, inProgress: 2, overdueInProgress: 1 }));
    expect(await rowsOf({ from: '2030-01-01' })).toEqual([row({})]);
    expect(await rowsOf({ from: '2030-01-01' }, ['AGENCY'])).toEqual([]);
  });

  it("shows officials their own agency only, and refuses citizens", async () => {
    const own = await rowsOf(PERIOD, ['AGENCY'], official);
    expect(own.map((r: any) => [r.agencyCode, r.received])).toEqual([[A, 13]]);
    expect((await stats({ ...PERIOD, agencyCode: B }, [], official)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await stats(PERIOD, [], citizen)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await stats(PERIOD, [], ANONYMOUS)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await stats({ from: '2026-11-31' })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await rowsOf({ ...PERIOD, agencyCode: B }, ['AGENCY'])).map((r: any) => r.agencyCode)).toEqual([B]);
  });
});
