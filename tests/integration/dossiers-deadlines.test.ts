/**
 * The deadline scanner on a real database: due-soon, overdue and late-step events go out through the
 * outbox once each, even with several scanners racing, never for paused or finished dossiers, and
 * again only when the deadline moved.
 */
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { DeadlineScanner, DOSSIER_DEADLINE_TOPIC, type DossierDeadlineEvent } from '../../subgraphs/dossiers/deadlines';
import { calendarStoreFor, seedCatalogues } from '../../subgraphs/procedures';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually } from '../support/gateway-client';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';

/** A local (UTC+7) wall-clock time as an instant. */
const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);
const NOW = local('2026-11-27T15:00'); // a Friday afternoon

describe('deadline scanner', () => {
  let db: Database;
  let seq = 0;
  const kicks = { count: 0 };
  const scanner = (batchSize = 5) =>
    new DeadlineScanner({ prisma: db.prisma, calendars: calendarStoreFor(db.prisma), outbox: { kick: () => void (kicks.count += 1) } }, { batchSize });

  const dossier = (over: Record<string, unknown> = {}) =>
    db.prisma.dossier.create({
      data: {
        code: `000.00.12.H26-261120-${String((seq += 1)).padStart(4, '0')}`,
        procedureCode: '2.001417',
        agencyCode: '000.00.12.H26',
        applicantPersonalId: '001090012345',
        applicantUserId: 'citizen:001090012345',
        channel: 'ONLINE',
        status: 'PROCESSING',
        formData: {},
        feeVnd: 0,
        receivedAt: local('2026-11-20T09:00'),
        appointmentAt: local('2026-12-04T17:00'),
        ...over,
      },
    });
  const step = (dossierId: string, over: Record<string, unknown> = {}) =>
    db.prisma.dossierStep.create({
      data: {
        dossierId,
        stepKey: 'tham_dinh',
        stepName: 'Thẩm định hồ sơ',
        role: 'SPECIALIST',
        agencyCode: '000.00.12.H26',
        startedAt: local('2026-11-25T09:00'),
        dueAt: local('2026-11-27T11:00'),
        ...over,
      },
    });
  const deadlineEvents = async () =>
    (await db.prisma.outboxEvent.findMany({ where: { topic: DOSSIER_DEADLINE_TOPIC }, orderBy: { id: 'asc' } })).map(
      (e) => e.payload as unknown as DossierDeadlineEvent,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('emits each due-soon and overdue dossier and each late step exactly once, with four scanners racing', async () => {
    const overdue = [];
    for (let i = 0; i < 21; i += 1) overdue.push(await dossier({ appointmentAt: local('2026-11-26T17:00') }));
    const dueSoon = await dossier({ appointmentAt: local('2026-11-30T10:00') }); // within one working day of Friday 15:00
    const later = await dossier({ appointmentAt: local('2026-11-30T15:30') }); // just beyond it
    const done = await dossier({ status: 'DONE', appointmentAt: local('2026-11-26T17:00') });
    await dossier({ status: 'SUPPLEMENT_REQUESTED', appointmentAt: local('2026-11-26T17:00'), pausedAt: local('2026-11-24T10:00') });
    await dossier({ status: 'PROCESSING', appointmentAt: local('2026-11-26T17:00'), pausedAt: local('2026-11-24T10:00') });
    await dossier({ status: 'WITHDRAWN', appointmentAt: local('2026-11-26T17:00') });
    const lateStep = await step(later.id);
    await step(later.id, { completedAt: local('2026-11-27T14:00'), outcome: 'COMPLETED' }); // finished late: nothing to say
    await step(later.id, { outcome: 'PLANNED' }); // a transfer's planned step, not open yet
    await step(done.id); // the dossier's clock has stopped

    const results = await Promise.all([scanner().scanOnce(NOW), scanner().scanOnce(NOW), scanner().scanOnce(NOW), scanner().scanOnce(NOW)]);
    const total = results.reduce((a, r) => ({ dueSoon: a.dueSoon + r.dueSoon, overdue: a.overdue + r.overdue, stepOverdue: a.stepOverdue + r.stepOverdue }));
    expect(total).toEqual({ dueSoon: 1, overdue: 21, stepOverdue: 1 });

    const events = await deadlineEvents();
    expect(events).toHaveLength(23);
    const overdueCodes = events.filter((e) => e.kind === 'OVERDUE').map((e) => e.dossierCode);
    expect(new Set(overdueCodes)).toEqual(new Set(overdue.map((d) => d.code)));
    expect(events.find((e) => e.kind === 'DUE_SOON')).toMatchObject({
      dossierCode: dueSoon.code,
      agencyCode: '000.00.12.H26',
      appointmentAt: local('2026-11-30T10:00').toISOString(),
      detectedAt: NOW.toISOString(),
      step: null,
    });
    expect(events.find((e) => e.kind === 'STEP_OVERDUE')).toMatchObject({
      dossierCode: later.code,
      step: { id: lateStep.id.toString(), key: 'tham_dinh', role: 'SPECIALIST', dueAt: local('2026-11-27T11:00').toISOString() },
    });
    // Stamped in the same transactions as the events.
    expect(await db.prisma.dossier.count({ where: { overdueNotifiedAt: NOW } })).toBe(21);
    expect((await db.prisma.dossier.findUniqueOrThrow({ where: { id: dueSoon.id } })).dueSoonNotifiedAt).toEqual(NOW);
    expect(kicks.count).toBeGreaterThan(0);

    // A later pass finds nothing new.
    expect(await scanner().scanOnce(new Date(NOW.getTime() + 60_000))).toEqual({ dueSoon: 0, overdue: 0, stepOverdue: 0 });
    expect(await deadlineEvents()).toHaveLength(23);
  });

  it('arms the events again when the deadline moves (a supplement paused the clock)', async () => {
    const moved = await dossier({ appointmentAt: local('2026-11-26T17:00') });
    expect((await scanner().scanOnce(NOW)).overdue).toBe(1);
    // What submitting a supplement does: the appointment moves by the paused time, the stamps are cleared.
    await db.prisma.dossier.update({ where: { id: moved.id }, data: { appointmentAt: local('2026-11-30T09:00'), overdueNotifiedAt: null, dueSoonNotifiedAt: null } });
    const open = await step(moved.id, { dueAt: local('2026-11-27T10:00') });
    expect(await scanner().scanOnce(NOW)).toEqual({ dueSoon: 1, overdue: 0, stepOverdue: 1 });
    await db.prisma.dossierStep.update({ where: { id: open.id }, data: { dueAt: local('2026-11-27T14:00') } });
    expect(await scanner().scanOnce(NOW)).toEqual({ dueSoon: 0, overdue: 0, stepOverdue: 1 });
    expect(await scanner().scanOnce(NOW)).toEqual({ dueSoon: 0, overdue: 0, stepOverdue: 0 });
    const mine = (await deadlineEvents()).filter((e) => e.dossierCode === moved.code).map((e) => e.kind);
    expect(mine).toEqual(['OVERDUE', 'DUE_SOON', 'STEP_OVERDUE', 'STEP_OVERDUE']);
  });

  it('runs on its interval in the dossiers subgraph and reaches the bus through the relay', async () => {
    const late = await dossier({ appointmentAt: local('2026-11-27T08:00') });
    const bus = new InProcessEventBus();
    const received: Array<DossierDeadlineEvent & { outboxId: string }> = [];
    await bus.subscribe<DossierDeadlineEvent & { outboxId: string }>(DOSSIER_DEADLINE_TOPIC, (e) => void received.push(e));
    const server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, deadlines: { intervalMs: 50, now: () => NOW } });
    await server.start();
    try {
      await eventually(async () => received.some((e) => e.dossierCode === late.code));
      const event = received.find((e) => e.dossierCode === late.code)!;
      expect(event.kind).toBe('OVERDUE');
      expect(event.outboxId).toMatch(/^\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 200)); // several more passes
      expect(received.filter((e) => e.dossierCode === late.code)).toHaveLength(1);
    } finally {
      await server.stop();
      await bus.close();
    }
  });
});
