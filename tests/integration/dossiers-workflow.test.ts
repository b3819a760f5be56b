/**
 * Dossier processing on the dossiers subgraph over HTTP: the workflow's steps open and close with
 * the dossier's status, supplements pause the clock, applicants withdraw, reception refuses, and
 * every refused action (wrong person, stale version, wrong status, bad input) leaves the history,
 * the steps and the outbox exactly as they were. Transfers, the work queue and stored workflows are
 * in dossiers-workflow-routing.test.ts.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { requestSupplement, submitSupplement, type WorkflowServices } from '../../subgraphs/dossiers/workflow';
import { stepDueAt, workingMinutesBetween } from '../../subgraphs/dossiers/workflow/working-time';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from '../../subgraphs/payments';
import { calendarStoreFor, ProcedureCatalogue } from '../../subgraphs/procedures';
import { localDay, type WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { eventually } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE } from '../support/journey';
import { callSubgraph } from '../support/subgraph-client';
import {
  AGENCY, BIRTH, citizen, codeOf, elsewhere, leader, M, official, operator, police, reception, specialist, specialist2, startWorkflowFixture, stranger,
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

