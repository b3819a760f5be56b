/**
 * Intake on the dossiers subgraph: receipt codes are unique and gap-free per agency and day under
 * concurrent submissions, and an idempotency key never yields a second dossier. Channels (online,
 * counter, post), subjects, cases, return methods and legacy codes are recorded as given or refused
 * with a typed error that writes nothing.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { appointmentFor, calendarStoreFor, ProcedureCatalogue } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startDossiersTestServer, type DossiersTestServer } from '../support/dossiers-server';
import { FEE_PROCEDURE, FEE_PROCEDURE_FORM } from '../support/journey';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';
import { eventually } from '../support/gateway-client';

const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const formData = FEE_PROCEDURE_FORM;
const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status } }`;
const SUBMIT_DETAILED = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) {
  code status channel caseCode subjectTaxCode returnMethod postalAddress legacySystem feeVnd receivedAt appointmentAt
  history { note actor } } }`;
/** Cấp chứng chỉ năng lực hoạt động xây dựng: for organisations only (a tax code is required). */
const ORGANISATION_PROCEDURE = '1.009982';
const justiceOfficial: Principal = { id: 'official:tu-phap-1', role: 'OFFICIAL', agencyCode: '000.00.12.H26', workflowRoles: ['RECEPTION'] };
const constructionOfficial: Principal = { id: 'official:xay-dung-1', role: 'OFFICIAL', agencyCode: '000.00.13.H26', workflowRoles: ['RECEPTION'] };
const operator: Principal = { id: 'operator:1', role: 'OPERATOR' };
const organisationForm = {
  ...{ hoTen: 'Trần Thị Bình', soDinhDanh: DEMO_CITIZEN_ID, soDienThoai: '0987654321', email: 'songhong@example.vn' },
  ...{ tenToChuc: 'Công ty Cổ phần Xây dựng Sông Hồng', maSoDoanhNghiep: '0100109106', hangChungChi: 'Hạng II' },
  ...{ diaChiTruSo: 'Số 8 phố Tràng Thi, Phường Hoàn Kiếm, Thành phố Hà Nội', linhVucHoatDong: 'Thi công xây dựng công trình dân dụng' },
};

describe('dossier intake', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let dossiers: DossiersTestServer;
  let url: string;

  beforeAll(async () => {
    dossiers = await startDossiersTestServer();
    ({ db, bus, url } = dossiers);
  });

  afterAll(async () => {
    await dossiers?.stop();
  });

  const submit = (extra: Record<string, unknown> = {}) =>
    callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, formData, ...extra } }, citizen, TEST_INTERNAL_SECRET);
  const submitAs = (principal: Principal, input: Record<string, unknown>) =>
    callSubgraph(url, SUBMIT_DETAILED, { i: { procedureCode: FEE_PROCEDURE, formData, ...input } }, principal, TEST_INTERNAL_SECRET);

  /** Every table intake writes, and the receipt numbers handed out so far. */
  const counts = async () => {
    const p = db.prisma;
    const [dossiers, attachments, history, outbox, sequences] = await Promise.all([
      p.dossier.count(),
      p.dossierAttachment.count(),
      p.dossierStatusChange.count(),
      p.outboxEvent.count(),
      p.receiptSequence.aggregate({ _sum: { lastNumber: true } }),
    ]);
    return { dossiers, attachments, history, outbox, receiptNumbers: sequences._sum.lastNumber ?? 0 };
  };

  /** Submits, expects the typed error, and checks that nothing at all was written. */
  async function expectRefused(principal: Principal, input: Record<string, unknown>, code: string, field?: string) {
    const before = await counts();
    const res = await submitAs(principal, input);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
    return res.errors![0];
  }

  it('gives 12 concurrent submissions 12 consecutive receipt numbers of the same day, each with its history and event', async () => {
    const events: unknown[] = [];
    const unsubscribe = await bus.subscribe('dossier.status', (e) => void events.push(e));
    const results = await Promise.all(Array.from({ length: 12 }, () => submit()));

    for (const r of results) expect(r.errors).toBeUndefined();
    const codes = results.map((r) => r.data.submitDossier.code as string);
    const prefixes = new Set(codes.map((c) => c.slice(0, c.lastIndexOf('-'))));
    expect(prefixes.size).toBe(1); // one agency, one local day
    const numbers = codes.map((c) => Number(c.slice(c.lastIndexOf('-') + 1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numbers[0] + i));
    expect(await db.prisma.dossierStatusChange.count()).toBe(12);
    // Each committed with its outbox event; the relay publishes them after commit, each once.
    expect(await db.prisma.outboxEvent.count({ where: { topic: 'dossier.status' } })).toBe(12);
    await eventually(async () => events.length >= 12);
    await unsubscribe();
    expect(new Set(events.map((e) => (e as { outboxId: string }).outboxId)).size).toBe(12);
  });

  it('returns the same dossier for the same idempotency key, even when retries race', async () => {
    const before = await db.prisma.dossier.count();
    const results = await Promise.all(Array.from({ length: 5 }, () => submit({ idempotencyKey: 'race-1' })));
    const codes = new Set(results.map((r) => r.data?.submitDossier.code));
    expect(codes.size).toBe(1);
    expect(await db.prisma.dossier.count()).toBe(before + 1);
  });

  it('scopes idempotency keys to the caller', async () => {
    const other: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
    const mine = await submit({ idempotencyKey: 'shared-key' });
    const theirs = await callSubgraph(
      url,
      SUBMIT,
      { i: { procedureCode: FEE_PROCEDURE, formData: { ...formData, soDinhDanh: '079195001234' }, idempotencyKey: 'shared-key' } },
      other,
      TEST_INTERNAL_SECRET,
    );
    expect(theirs.data.submitDossier.code).not.toBe(mine.data.submitDossier.code);
  });

  it('files the dossier under the procedure version in force, due when the appointmentDate query says', async () => {
    const res = await submit();
    const row = await db.prisma.dossier.findUniqueOrThrow({ where: { code: res.data.submitDossier.code } });
    expect(row.procedureVersion).toBe(1);
    const procedure = await new ProcedureCatalogue(db.prisma).require(FEE_PROCEDURE);
    const expected = await appointmentFor({ prisma: db.prisma, calendar: await calendarStoreFor(db.prisma).calendar() }, procedure, {
      receivedAt: row.receivedAt,
    });
    expect(row.appointmentAt.toISOString()).toBe(expected.dueAt.toISOString());
  });

  it('moves the appointment when an operator adds a day off on the due date', async () => {
    const first = await submit();
    const before = await db.prisma.dossier.findUniqueOrThrow({ where: { code: first.data.submitDossier.code } });
    const dueDay = new Date(before.appointmentAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    await db.prisma.calendarDay.create({
      data: { day: new Date(`${dueDay}T00:00:00Z`), kind: 'EXTRA_DAY_OFF', name: 'Nghỉ bù (test)', legalBasis: 'Thông báo thử nghiệm', updatedBy: 'test' },
    });
    await calendarStoreFor(db.prisma).reload();
    try {
      const second = await submit();
      const after = await db.prisma.dossier.findUniqueOrThrow({ where: { code: second.data.submitDossier.code } });
      expect(after.appointmentAt.getTime()).toBeGreaterThan(before.appointmentAt.getTime());
    } finally {
      await db.prisma.calendarDay.delete({ where: { day: new Date(`${dueDay}T00:00:00Z`) } });
      await calendarStoreFor(db.prisma).reload();
    }
  });

  it('refuses anonymous callers and citizens submitting for someone else', async () => {
    const anonymous = await callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, formData } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const forOther = await submit({ applicantPersonalId: '079195001234' });
    expect(forOther.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets an official enter a counter dossier for a validated applicant', async () => {
    const official: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
    const bad = await callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, formData, channel: 'COUNTER', applicantPersonalId: '12345' } }, official, TEST_INTERNAL_SECRET);
    expect(bad.errors![0].extensions!.code).toBe('INVALID_PERSONAL_ID');
    const ok = await callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, formData, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID } }, official, TEST_INTERNAL_SECRET);
    expect(ok.errors).toBeUndefined();
  });

  describe('channels', () => {
    it('records a counter dossier entered by an official of the agency, with its case, fee and return method', async () => {
      const res = await submitAs(justiceOfficial, { channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID, caseCode: 'CAN_XAC_MINH' });
      expect(res.errors).toBeUndefined();
      const dossier = res.data.submitDossier;
      expect(dossier).toMatchObject({ channel: 'COUNTER', caseCode: 'CAN_XAC_MINH', returnMethod: 'COUNTER', postalAddress: null, legacySystem: null });
      expect(dossier.history).toEqual([{ note: null, actor: justiceOfficial.id }]);
      // The case's own processing time: 15 working days instead of 10.
      const procedure = await new ProcedureCatalogue(db.prisma).require(FEE_PROCEDURE);
      const calendar = await calendarStoreFor(db.prisma).calendar();
      const expected = await appointmentFor({ prisma: db.prisma, calendar }, procedure, { caseCode: 'CAN_XAC_MINH', receivedAt: new Date(dossier.receivedAt) });
      expect(dossier.appointmentAt).toBe(expected.dueAt.toISOString());
    });

    it("charges a fee-only case's fee with the default processing time", async () => {
      const res = await submitAs(citizen, { caseCode: 'GIAM_PHI' });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitDossier).toMatchObject({ caseCode: 'GIAM_PHI', feeVnd: 100_000, status: 'PAYMENT_DUE' });
      const free = await submitAs(citizen, { caseCode: 'MIEN_PHI' });
      expect(free.data.submitDossier).toMatchObject({ feeVnd: 0, status: 'NEW' });
    });

    it('records a postal dossier with its consignment and the sender as the return address', async () => {
      const res = await submitAs(justiceOfficial, {
        channel: 'POSTAL',
        applicantPersonalId: DEMO_CITIZEN_ID,
        returnMethod: 'POSTAL',
        postalIntake: { trackingCode: 'el123456789vn', senderAddress: 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitDossier).toMatchObject({
        channel: 'POSTAL',
        returnMethod: 'POSTAL',
        postalAddress: 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội',
      });
      expect(res.data.submitDossier.history[0].note).toBe(
        'Tiếp nhận qua dịch vụ bưu chính: bưu gửi EL123456789VN, người gửi: Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội',
      );
    });

    it("records an organisation's normalised tax code", async () => {
      const res = await submitAs(constructionOfficial, {
        procedureCode: ORGANISATION_PROCEDURE,
        formData: organisationForm,
        channel: 'COUNTER',
        applicantPersonalId: DEMO_CITIZEN_ID,
        subjectTaxCode: ' 0100109106 ',
        returnMethod: 'ONLINE',
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitDossier).toMatchObject({ subjectTaxCode: '0100109106', returnMethod: 'ONLINE' });
    });

    it('refuses wrong channels, callers and subjects with typed errors and writes nothing', async () => {
      const counter = { channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID };
      await expectRefused(citizen, { channel: 'COUNTER' }, 'BAD_USER_INPUT', 'channel');
      await expectRefused(justiceOfficial, { applicantPersonalId: DEMO_CITIZEN_ID }, 'BAD_USER_INPUT', 'channel'); // officials do not file ONLINE
      await expectRefused(constructionOfficial, counter, 'FORBIDDEN'); // another agency's procedure
      await expectRefused(operator, counter, 'FORBIDDEN');
      await expectRefused(justiceOfficial, { ...counter, channel: 'POSTAL' }, 'BAD_USER_INPUT', 'postalIntake.trackingCode');
      await expectRefused(
        justiceOfficial,
        { ...counter, channel: 'POSTAL', postalIntake: { trackingCode: 'EL123456789VN', senderAddress: '  ' } },
        'BAD_USER_INPUT',
        'postalIntake.senderAddress',
      );
      await expectRefused(justiceOfficial, { ...counter, postalIntake: { trackingCode: 'EL123456789VN', senderAddress: 'Hà Nội' } }, 'BAD_USER_INPUT', 'postalIntake');
      await expectRefused(justiceOfficial, { ...counter, returnMethod: 'POSTAL' }, 'BAD_USER_INPUT', 'postalAddress');
      await expectRefused(citizen, { returnMethod: 'POSTAL', postalAddress: 'x'.repeat(501) }, 'BAD_USER_INPUT', 'postalAddress');
      await expectRefused(citizen, { caseCode: 'KHONG_CO' }, 'BAD_USER_INPUT', 'caseCode');
      await expectRefused(citizen, { subjectTaxCode: '0100109106' }, 'BAD_USER_INPUT', 'subjectTaxCode'); // individuals only
      const organisation = { procedureCode: ORGANISATION_PROCEDURE, formData: organisationForm, ...counter };
      await expectRefused(constructionOfficial, organisation, 'BAD_USER_INPUT', 'subjectTaxCode');
      await expectRefused(constructionOfficial, { ...organisation, subjectTaxCode: '0100109107' }, 'INVALID_TAX_CODE');
      await expectRefused(citizen, { procedureCode: '9.999999' }, 'PROCEDURE_NOT_FOUND');
    });

    it('refuses a channel the procedure does not offer', async () => {
      // Chứng thực bản sao từ bản chính is done in person only.
      const certification = await new ProcedureCatalogue(db.prisma).require('2.000815');
      expect(certification.details.methods).toEqual(['IN_PERSON']);
      const official: Principal = { id: 'official:tp', role: 'OFFICIAL', agencyCode: certification.agencyCode };
      const postal = { channel: 'POSTAL', applicantPersonalId: DEMO_CITIZEN_ID, postalIntake: { trackingCode: 'EL1234567', senderAddress: 'Hà Nội' } };
      const error = await expectRefused(official, { procedureCode: '2.000815', formData: {}, ...postal }, 'BAD_USER_INPUT', 'channel');
      expect(error.extensions!.methods).toEqual(['IN_PERSON']);
    });
  });

  describe('legacy codes', () => {
    const legacy = { channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID, legacyCode: 'H26.12-230512-0042', legacySystem: 'vnpt_igate' };

    it('keeps the code of the system that received the dossier and takes no receipt number', async () => {
      const before = await counts();
      const receivedAt = new Date('2026-03-02T02:00:00Z'); // 09:00, a Monday
      const res = await submitAs(operator, { ...legacy, legacyReceivedAt: receivedAt.toISOString() });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitDossier).toMatchObject({ code: 'H26.12-230512-0042', legacySystem: 'VNPT_IGATE', receivedAt: receivedAt.toISOString() });
      expect(res.data.submitDossier.history[0].note).toBe('Hồ sơ tiếp nhận từ hệ thống VNPT_IGATE, giữ nguyên mã H26.12-230512-0042');
      const after = await counts();
      expect(after.receiptNumbers).toBe(before.receiptNumbers);
      expect(after.dossiers).toBe(before.dossiers + 1);
      // Due by the calendar from when the other system received it.
      const procedure = await new ProcedureCatalogue(db.prisma).require(FEE_PROCEDURE);
      const expected = await appointmentFor({ prisma: db.prisma, calendar: await calendarStoreFor(db.prisma).calendar() }, procedure, { receivedAt });
      expect(res.data.submitDossier.appointmentAt).toBe(expected.dueAt.toISOString());
    });

    it('lets an official of the agency register one too, and refuses a taken code, citizens and codes this hub will issue', async () => {
      const ok = await submitAs(justiceOfficial, { ...legacy, legacyCode: 'IGATE/2024/000123' });
      expect(ok.errors).toBeUndefined();
      await expectRefused(operator, legacy, 'CONFLICT', 'legacyCode');
      await expectRefused(citizen, { legacyCode: 'H26.12-230512-0043', legacySystem: 'VNPT_IGATE' }, 'FORBIDDEN');
      await expectRefused(operator, { ...legacy, legacySystem: null }, 'BAD_USER_INPUT', 'legacySystem');
      await expectRefused(operator, { ...legacy, legacyCode: 'a b' }, 'BAD_USER_INPUT', 'legacyCode');
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '');
      await expectRefused(operator, { ...legacy, legacyCode: `000.00.12.H26-${today}-9000` }, 'BAD_USER_INPUT', 'legacyCode');
      // Another system's code of the same shape, received today, cannot collide: its prefix is no agency code.
      expect((await submitAs(operator, { ...legacy, legacyCode: `G22.26-${today}-000123` })).errors).toBeUndefined();
      await expectRefused(operator, { ...legacy, legacyCode: 'H26.12-230512-0044', legacyReceivedAt: new Date(Date.now() + 3600_000).toISOString() }, 'BAD_USER_INPUT', 'legacyReceivedAt');
    });

    it('answers CONFLICT, not a second dossier, when two registrations of one code race', async () => {
      const before = await counts();
      const results = await Promise.all(Array.from({ length: 4 }, () => submitAs(operator, { ...legacy, legacyCode: 'RACE-0001' })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      for (const r of results.filter((r) => r.errors)) expect(r.errors![0].extensions!.code).toBe('CONFLICT');
      const after = await counts();
      expect(after.dossiers).toBe(before.dossiers + 1);
      expect(after.receiptNumbers).toBe(before.receiptNumbers);
    });
  });
});
