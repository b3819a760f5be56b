/**
 * Where a dossier goes on the dossiers subgraph over HTTP: to another agency and back (một cửa liên
 * thông), into officials' work queues, and through a procedure's own stored workflow.
 */
import { stepDueAt } from '../../subgraphs/dossiers/workflow/working-time';
import { saveWorkflow } from '../../subgraphs/procedures/workflow';
import type { WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { WorkflowServices } from '../../subgraphs/dossiers/workflow';
import type { Database } from '../../subgraphs/shared/storage/database';
import { callSubgraph } from '../support/subgraph-client';
import {
  AGENCY, BIRTH, codeOf, COORDINATOR, citizen, leader, M, official, police, policeChief, reception, specialist, startWorkflowFixture,
  type WorkflowFixture,
} from '../support/workflow-fixture';

let fx: WorkflowFixture;
let db: Database;
let bus: InProcessEventBus;
let url: string;
let calendar: WorkingDayCalendar;
let services: WorkflowServices;
let call: WorkflowFixture['call'];
let submitBirth: WorkflowFixture['submitBirth'];
let acceptedBirth: WorkflowFixture['acceptedBirth'];
let snapshot: WorkflowFixture['snapshot'];

beforeAll(async () => {
  fx = await startWorkflowFixture();
  ({ db, bus, url, calendar, services, call, submitBirth, acceptedBirth, snapshot } = fx);
});

afterAll(async () => {
  await fx?.stop();
});

describe('transfer to another agency (một cửa liên thông)', () => {
  it('refuses unknown agencies and the receiving agency itself, writing nothing', async () => {
    const a = await acceptedBirth();
    const before = await snapshot(a.code);
    expect(await codeOf(call(M.transfer, { c: a.code, v: a.version, a: '000.99.99.H26' }, specialist))).toBe('AGENCY_NOT_FOUND');
    expect(await codeOf(call(M.transfer, { c: a.code, v: a.version, a: AGENCY }, specialist))).toBe('BAD_USER_INPUT');
    expect(await codeOf(call(M.transfer, { c: a.code, v: a.version, a: COORDINATOR, s: [] }, specialist))).toBe('BAD_USER_INPUT');
    expect(await snapshot(a.code)).toBe(before);
  });

  it("runs the other agency's steps, then hands back at the step after the transfer", async () => {
    const a = await acceptedBirth();
    const steps = [
      { key: 'xac_minh', name: 'Xác minh thông tin cư trú', role: 'COORDINATING_AGENCY', durationWorkingHours: 8 },
      { key: 'duyet_ca', name: 'Lãnh đạo công an phường duyệt', role: 'LEADER', durationWorkingHours: 4 },
    ];
    const moved = await call(M.transfer, { c: a.code, v: a.version, a: COORDINATOR, s: steps }, specialist);
    expect(moved).toMatchObject({ status: 'PROCESSING', handlingAgencyCode: COORDINATOR, currentStep: { key: 'xac_minh', agencyCode: COORDINATOR } });
    expect(moved.steps.map((s: any) => [s.key, s.outcome, s.agencyCode])).toEqual([
      ['tiep_nhan', 'COMPLETED', AGENCY],
      ['tham_dinh', 'TRANSFERRED', AGENCY],
      ['xac_minh', null, COORDINATOR],
      ['duyet_ca', 'PLANNED', COORDINATOR],
    ]);
    expect(moved.history.at(-1).note).toMatch(/Công an phường Ba Đình/);

    expect((await call(M.dossier, { c: a.code }, police)).code).toBe(a.code); // the handling agency sees it
    const queue = await call(M.queue, { f: 100 }, police);
    expect(queue.edges.map((e: any) => e.node.dossier.code)).toContain(a.code);
    expect(await codeOf(call(M.complete, { c: a.code, v: moved.version }, specialist))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.transfer, { c: a.code, v: moved.version, a: '000.02.41.H26' }, police))).toBe('INVALID_TRANSITION');

    const second = await call(M.complete, { c: a.code, v: moved.version }, police);
    expect(second).toMatchObject({ handlingAgencyCode: COORDINATOR, currentStep: { key: 'duyet_ca', agencyCode: COORDINATOR } });
    expect(new Date(second.currentStep.dueAt)).toEqual(stepDueAt(calendar, new Date(second.currentStep.startedAt), 4));
    const back = await call(M.complete, { c: a.code, v: second.version }, policeChief);
    expect(back).toMatchObject({ status: 'PROCESSING', handlingAgencyCode: AGENCY, currentStep: { key: 'phe_duyet', role: 'LEADER', agencyCode: AGENCY } });
    expect(await codeOf(call(M.dossier, { c: a.code }, police))).toBe('DOSSIER_NOT_FOUND');
  });

  it('gives the other agency one coordinating step of three working days by default', async () => {
    const a = await acceptedBirth();
    const moved = await call(M.transfer, { c: a.code, v: a.version, a: COORDINATOR }, specialist);
    expect(moved.currentStep).toMatchObject({ key: 'phoi_hop', role: 'COORDINATING_AGENCY', agencyCode: COORDINATOR });
    expect(new Date(moved.currentStep.dueAt)).toEqual(stepDueAt(calendar, new Date(moved.currentStep.startedAt), 24));
  });
});

describe('work queue', () => {
  it("lists the open steps of the official's agency and roles, oldest due first, page by page", async () => {
    // Three dossiers waiting at reception, and one moved on to the specialist (not reception's work).
    for (let i = 0; i < 3; i += 1) await submitBirth();
    await acceptedBirth();
    const all = await call(M.queue, { f: 100 }, reception);
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const edges = all.edges.map((e: any) => e.node);
    expect(edges.every((n: any) => n.step.agencyCode === AGENCY && ['RECEPTION', 'RESULT_RETURN'].includes(n.step.role))).toBe(true);
    expect(edges.every((n: any) => ['NEW', 'ACCEPTED', 'PROCESSING', 'DONE'].includes(n.dossier.status))).toBe(true);
    const dues = edges.map((n: any) => new Date(n.step.dueAt).getTime());
    expect(dues).toEqual([...dues].sort((x, y) => x - y));

    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await call(M.queue, { f: 2, a: after }, reception);
      paged.push(...page.edges.map((e: any) => e.node.step.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(edges.map((n: any) => n.step.id));

    expect((await call(M.queue, {}, official('no-roles', []))).totalCount).toBe(0);
    expect(await codeOf(call(M.queue, {}, citizen))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.queue, { a: 'not-a-cursor' }, reception))).toBe('BAD_USER_INPUT');
    expect(await codeOf(call(M.queue, { f: 1000 }, reception))).toBe('BAD_USER_INPUT');
  });
});

describe("the procedure's stored workflow", () => {
  it('is kept by the dossier at intake; the official names the branch when several steps may follow', async () => {
    const step = (key: string, role: string, next: string[], kind = 'NORMAL') => ({ key, name: `Bước ${key}`, role, kind, durationWorkingHours: 2, next });
    const stored = await saveWorkflow(
      db.prisma,
      BIRTH,
      {
        start: 'nhan',
        steps: [
          step('nhan', 'RECEPTION', ['xu_ly']),
          step('xu_ly', 'SPECIALIST', ['duyet_phong', 'duyet_ubnd']),
          step('duyet_phong', 'LEADER', ['tra'], 'APPROVAL'),
          step('duyet_ubnd', 'AGENCY_LEADER', ['tra'], 'APPROVAL'),
          step('tra', 'RESULT_RETURN', [], 'RETURN_RESULT'),
        ],
      } as never,
      'test',
    );
    const a = await acceptedBirth();
    expect((await db.prisma.dossier.findUniqueOrThrow({ where: { code: a.code } })).workflowVersion).toBe(stored.version);
    expect(a.currentStep.key).toBe('xu_ly');
    const before = await snapshot(a.code);
    const unnamed = await callSubgraph(url, M.complete, { c: a.code, v: a.version }, specialist);
    expect(unnamed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nextStep', candidates: ['duyet_phong', 'duyet_ubnd'] });
    expect(await codeOf(call(M.complete, { c: a.code, v: a.version, n: 'tra' }, specialist))).toBe('BAD_USER_INPUT');
    expect(await snapshot(a.code)).toBe(before);
    const d = await call(M.complete, { c: a.code, v: a.version, n: 'duyet_ubnd' }, specialist);
    expect(d.currentStep).toMatchObject({ key: 'duyet_ubnd', role: 'AGENCY_LEADER' });
  });
});
