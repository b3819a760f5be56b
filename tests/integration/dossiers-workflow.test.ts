/**
 * Dossier processing on the dossiers subgraph over HTTP: the workflow's steps open and close with
 * the dossier's status, supplements pause the clock, applicants withdraw, reception refuses, another
 * agency takes its share and hands back, and every refused action (wrong person, stale version,
 * wrong status, bad input) leaves the history, the steps and the outbox exactly as they were.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { requestSupplement, submitSupplement, type WorkflowServices } from '../../subgraphs/dossiers/workflow';
import { stepDueAt, workingMinutesBetween } from '../../subgraphs/dossiers/workflow/working-time';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from '../../subgraphs/payments';
import { calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import { saveWorkflow } from '../../subgraphs/procedures/workflow';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { localDay, type WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { NO_RELAY } from '../../subgraphs/shared/outbox';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE } from '../support/journey';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const BIRTH = '1.001193'; // Đăng ký khai sinh: free, UBND phường Ba Đình, default workflow
const AGENCY = '000.01.41.H26';
const COORDINATOR = '000.01.42.H26'; // Công an phường Ba Đình
const official = (name: string, roles: string[], agencyCode = AGENCY): Principal => ({
  id: `official:${name}`,
  role: 'OFFICIAL',
  agencyCode,
  workflowRoles: roles,
  name,
});
const reception = official('reception', ['RECEPTION', 'RESULT_RETURN']);
const specialist = official('specialist', ['SPECIALIST']);
const specialist2 = official('specialist-2', ['SPECIALIST']);
const leader = official('leader', ['LEADER']);
const police = official('police', ['COORDINATING_AGENCY'], COORDINATOR);
const policeChief = official('police-chief', ['LEADER'], COORDINATOR);
const elsewhere = official('elsewhere', ['RECEPTION', 'SPECIALIST'], '000.02.41.H26');
const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const stranger: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
const operator: Principal = { id: 'operator:1', role: 'OPERATOR' };

const DOSSIER = `code status version appointmentAt handlingAgencyCode paused formData
  currentStep { key role agencyCode startedAt dueAt } steps { key outcome agencyCode completedBy startedAt dueAt }
  history { fromStatus toStatus actor note }`;
const V = '$c: String!, $v: Int!';
const M = {
  accept: `mutation(${V}, $n: String) { acceptDossier(code: $c, expectedVersion: $v, nextStep: $n) { ${DOSSIER} } }`,
  complete: `mutation(${V}, $n: String) { completeStep(code: $c, expectedVersion: $v, nextStep: $n) { ${DOSSIER} } }`,
  reject: `mutation(${V}, $r: String!) { rejectDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  stop: `mutation(${V}, $r: String!) { stopDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  withdraw: `mutation(${V}, $r: String!) { withdrawDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  ret: `mutation(${V}) { returnResult(code: $c, expectedVersion: $v) { ${DOSSIER} } }`,
  transfer: `mutation(${V}, $a: String!, $s: [TransferStepInput!]) { transferDossier(code: $c, expectedVersion: $v, toAgencyCode: $a, steps: $s) { ${DOSSIER} } }`,
  queue: `query($f: Int, $a: String) { myWorkQueue(first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { step { id key role agencyCode dueAt } dossier { code status } } } } }`,
  dossier: `query($c: String!) { dossier(code: $c) { ${DOSSIER} } }`,
};

let db: Database;
let bus: InProcessEventBus;
let server: ServerHandle;
let url: string;
let calendar: WorkingDayCalendar;
let services: WorkflowServices;
let birthForm: Record<string, unknown>;

beforeAll(async () => {
  db = await openTestDatabase();
  await seedCatalogues(db.prisma);
  bus = new InProcessEventBus();
  // No deadline scanner: its events would change the outbox under the snapshots; workflows read afresh.
  server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, deadlines: false, intakeReferences: { ttlMs: 0 } });
  url = (await server.start()).url;
  const catalogue = new ProcedureCatalogue(db.prisma);
  calendar = await calendarStoreFor(db.prisma).calendar();
  services = { prisma: db.prisma, outbox: NO_RELAY, catalogue, calendars: calendarStoreFor(db.prisma) };
  birthForm = buildFormData((await catalogue.require(BIRTH)).eForm.fields as never, []);
});

afterAll(async () => {
  await server?.stop();
  await bus?.close();
  await db?.close();
});

/** Runs a mutation or query; returns the first field's data or throws the first error. */
async function call(query: string, vars: Record<string, unknown>, who: Principal): Promise<any> {
  const res = await callSubgraph(url, query, vars, who);
  if (res.errors) throw Object.assign(new Error(res.errors[0].message), { extensions: res.errors[0].extensions });
  return Object.values(res.data!)[0];
}
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e) => e.extensions?.code as string);

async function submitBirth(): Promise<{ code: string; version: number }> {
  const input = { procedureCode: BIRTH, formData: birthForm, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID };
  return call(`mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code version } }`, { i: input }, reception);
}

/** Everything a refused action must leave untouched. */
async function snapshot(code: string) {
  const p = db.prisma;
  const [dossier, history, steps, outbox] = await Promise.all([
    p.dossier.findUniqueOrThrow({ where: { code } }),
    p.dossierStatusChange.count(),
    p.dossierStep.findMany({ orderBy: { id: 'asc' } }),
    p.outboxEvent.count(),
  ]);
  return JSON.stringify({ dossier, history, steps, outbox }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A dossier accepted at reception: tham_dinh open for the specialist. */
async function acceptedBirth() {
  const { code, version } = await submitBirth();
  return call(M.accept, { c: code, v: version }, reception);
}

describe('the default workflow', () => {
  it('opens the reception step with the dossier, due in its working hours', async () => {
    const { code } = await submitBirth();
    const d = await call(M.dossier, { c: code }, reception);
    const row = await db.prisma.dossier.findUniqueOrThrow({ where: { code } });
    expect(row.workflowVersion).toBeNull();
    expect(d).toMatchObject({ status: 'NEW', handlingAgencyCode: AGENCY, paused: false, currentStep: { key: 'tiep_nhan', role: 'RECEPTION', agencyCode: AGENCY } });
    // Default split of one working day: reception gets a tenth, to the quarter hour.
    expect(new Date(d.currentStep.dueAt)).toEqual(stepDueAt(calendar, row.receivedAt, 0.75));
  });

  it('moves step by step, with history rows and outbox events, and refuses the result stage without a result', async () => {
    const accepted = await acceptedBirth();
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 2, currentStep: { key: 'tham_dinh', role: 'SPECIALIST' } });
    expect(accepted.steps.map((s: any) => [s.key, s.outcome, s.completedBy])).toEqual([
      ['tiep_nhan', 'COMPLETED', 'official:reception'],
      ['tham_dinh', null, null],
    ]);
    const processing = await call(M.complete, { c: accepted.code, v: 2 }, specialist);
    expect(processing).toMatchObject({ status: 'PROCESSING', version: 3, currentStep: { key: 'phe_duyet', role: 'LEADER' } });
    const before = await snapshot(accepted.code);
    const refused = call(M.complete, { c: accepted.code, v: 3 }, leader);
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION', status: 'PROCESSING' } });
    expect(await snapshot(accepted.code)).toBe(before);
    const history = await db.prisma.dossierStatusChange.findMany({ where: { dossier: { code: accepted.code } }, orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.toStatus, h.stepKey])).toEqual([['NEW', 'tiep_nhan'], ['ACCEPTED', 'tiep_nhan'], ['PROCESSING', 'tham_dinh']]);
    expect(await db.prisma.outboxEvent.count({ where: { key: accepted.code } })).toBe(3);
  });

  it('turns a paid fee into NEW: reception still has to accept it', async () => {
    const fee = official('fee-desk', ['RECEPTION'], '000.00.12.H26');
    const form = buildFormData((await new ProcedureCatalogue(db.prisma).require(FEE_PROCEDURE)).eForm.fields as never, []);
    const input = { procedureCode: FEE_PROCEDURE, formData: form, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID };
    const { code } = await call(`mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: input }, fee);
    const paid: PaymentPaidEvent = { paymentId: 'p1', dossierCode: code, amountVnd: 200000, receiptNumber: 'BL2026-000001', paidAt: new Date().toISOString() };
    await bus.publish(PAYMENT_PAID_TOPIC, paid);
    await bus.publish(PAYMENT_PAID_TOPIC, paid); // a replay changes nothing
    const d = await eventually(async () => {
      const found = await call(M.dossier, { c: code }, fee);
      return found.status === 'NEW' ? found : undefined;
    });
    expect(d.history.map((h: any) => h.toStatus)).toEqual(['PAYMENT_DUE', 'NEW']);
    expect((await call(M.accept, { c: code, v: d.version }, fee)).status).toBe('ACCEPTED');
  });
});

describe('who may act', () => {
  it('refuses the wrong people and writes nothing', async () => {
    const { code, version } = await submitBirth();
    const before = await snapshot(code);
    expect(await codeOf(call(M.accept, { c: code, v: version }, citizen))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.accept, { c: code, v: version }, operator))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.accept, { c: code, v: version }, specialist))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.accept, { c: code, v: version }, elsewhere))).toBe('DOSSIER_NOT_FOUND');
    expect(await codeOf(call(M.accept, { c: code, v: version }, police))).toBe('DOSSIER_NOT_FOUND');
    expect(await codeOf(call(M.withdraw, { c: code, v: version, r: 'x' }, reception))).toBe('FORBIDDEN');
    expect(await codeOf(call(M.withdraw, { c: code, v: version, r: 'x' }, stranger))).toBe('DOSSIER_NOT_FOUND');
    expect(await codeOf(call(M.accept, { c: code, v: version }, { id: 'anonymous', role: 'ANONYMOUS' }))).toBe('UNAUTHENTICATED');
    const wrongRole = await callSubgraph(url, M.accept, { c: code, v: version }, specialist);
    expect(wrongRole.errors![0].extensions).toMatchObject({ requiredRole: 'RECEPTION', stepKey: 'tiep_nhan' });
    expect(await snapshot(code)).toBe(before);
  });
});

describe('versions and transitions', () => {
  it('answers STALE_VERSION and INVALID_TRANSITION with what is current, writing nothing', async () => {
    const { code, version } = await submitBirth();
    const before = await snapshot(code);
    const stale = await callSubgraph(url, M.accept, { c: code, v: version + 5 }, reception);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'STALE_VERSION', currentVersion: version, expectedVersion: version + 5 });
    const invalid = await callSubgraph(url, M.ret, { c: code, v: version }, reception);
    expect(invalid.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'NEW', allowedActions: expect.arrayContaining(['ACCEPT', 'REJECT']) });
    expect(await codeOf(call(M.reject, { c: code, v: version, r: '   ' }, reception))).toBe('BAD_USER_INPUT');
    expect(await snapshot(code)).toBe(before);
  });

  it('lets exactly one of several concurrent completions win', async () => {
    const d = await acceptedBirth();
    const historyBefore = await db.prisma.dossierStatusChange.count();
    const stepsBefore = await db.prisma.dossierStep.count();
    const who = [specialist, specialist2, specialist, specialist2];
    const outcomes = await Promise.all(who.map((p) => codeOf(call(M.complete, { c: d.code, v: d.version }, p))));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'STALE_VERSION')).toHaveLength(3);
    expect(await db.prisma.dossierStatusChange.count()).toBe(historyBefore + 1);
    expect(await db.prisma.dossierStep.count()).toBe(stepsBefore + 1);
    const steps = await db.prisma.dossierStep.findMany({ where: { dossier: { code: d.code } }, orderBy: { id: 'asc' } });
    expect(steps.map((s) => [s.stepKey, s.outcome])).toEqual([['tiep_nhan', 'COMPLETED'], ['tham_dinh', 'COMPLETED'], ['phe_duyet', null]]);
  });
});

describe('ending early', () => {
  it('reception refuses with a reason: NOT_ACCEPTED, step REJECTED, nothing more allowed', async () => {
    const { code, version } = await submitBirth();
    const d = await call(M.reject, { c: code, v: version, r: 'Thiếu Giấy chứng sinh' }, reception);
    expect(d).toMatchObject({ status: 'NOT_ACCEPTED', currentStep: null, steps: [{ key: 'tiep_nhan', outcome: 'REJECTED' }] });
    expect(d.history.at(-1)).toMatchObject({ toStatus: 'NOT_ACCEPTED', note: 'Thiếu Giấy chứng sinh' });
    expect((await db.prisma.dossier.findUniqueOrThrow({ where: { code } })).completedAt).not.toBeNull();
    expect(await codeOf(call(M.withdraw, { c: code, v: d.version, r: 'x' }, citizen))).toBe('INVALID_TRANSITION');
  });

  it('the applicant withdraws while it is processed: the open step is cancelled', async () => {
    const a = await acceptedBirth();
    const d = await call(M.withdraw, { c: a.code, v: a.version, r: 'Không còn nhu cầu' }, citizen);
    expect(d).toMatchObject({ status: 'WITHDRAWN', currentStep: null });
    expect(d.steps.map((s: any) => s.outcome)).toEqual(['COMPLETED', 'CANCELLED']);
    expect(await codeOf(call(M.complete, { c: a.code, v: d.version }, specialist))).toBe('INVALID_TRANSITION');
  });

  it('the official on the step stops processing with a reason', async () => {
    const a = await acceptedBirth();
    expect(await codeOf(call(M.stop, { c: a.code, v: a.version, r: 'x' }, leader))).toBe('FORBIDDEN');
    const d = await call(M.stop, { c: a.code, v: a.version, r: 'Người được khai sinh đã được đăng ký ở nơi khác' }, specialist);
    expect(d).toMatchObject({ status: 'STOPPED', steps: [{ outcome: 'COMPLETED' }, { key: 'tham_dinh', outcome: 'REJECTED' }] });
  });
});

describe('supplements', () => {
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

  it('pauses the clock; the appointment and the open step move later by the working time paused', async () => {
    const a = await acceptedBirth();
    const row = await db.prisma.dossier.findUniqueOrThrow({ where: { code: a.code } });
    const stepDue = new Date(a.currentStep.dueAt);
    const items = ['Giấy chứng sinh (bản chính)', 'Tờ khai có chữ ký'];
    const paused = await requestSupplement(services, specialist, { code: a.code, expectedVersion: a.version, reason: 'Hồ sơ thiếu giấy tờ', items }, at('2026-12-07', '09:00'));
    expect(paused).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', pausedAt: at('2026-12-07', '09:00') });
    const seen = await call(M.dossier, { c: a.code }, citizen);
    expect(seen).toMatchObject({ paused: true, currentStep: { key: 'tham_dinh' } });
    expect(seen.history.at(-1).note).toContain('- Giấy chứng sinh (bản chính)');
    expect(await codeOf(call(M.complete, { c: a.code, v: paused.version }, specialist))).toBe('INVALID_TRANSITION');

    const before = await snapshot(a.code);
    const bad = submitSupplement(services, citizen, { code: a.code, expectedVersion: paused.version, formData: { soDienThoai: 'không có' } });
    await expect(bad).rejects.toMatchObject({ code: 'FORM_VALIDATION_FAILED' });
    await expect(submitSupplement(services, specialist, { code: a.code, expectedVersion: paused.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot(a.code)).toBe(before);

    // Mon 09:00 → Wed 09:00: two working days of 8 hours stood still.
    const resumed = await submitSupplement(services, citizen, { code: a.code, expectedVersion: paused.version, formData: { soDienThoai: '0987654321' } }, at('2026-12-09', '09:00'));
    expect(resumed).toMatchObject({ status: 'ACCEPTED', pausedAt: null });
    // Same time of day, two working days later (8 working hours a day).
    const was = localDay(row.appointmentAt);
    expect(localDay(resumed.appointmentAt)).toEqual({ ...was, day: calendar.addWorkingDays(was.day, 2) });
    const step = await db.prisma.dossierStep.findFirstOrThrow({ where: { dossierId: row.id, stepKey: 'tham_dinh' } });
    expect(step.dueAt.getTime()).toBeGreaterThan(stepDue.getTime());
    expect(workingMinutesBetween(calendar, stepDue, step.dueAt)).toBe(16 * 60);
    expect(resumed.formData).toEqual({ ...(row.formData as object), soDienThoai: '0987654321' });
  });
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
