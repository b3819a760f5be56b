/**
 * Intake on the dossiers subgraph: receipt codes are unique and gap-free per agency and day under
 * concurrent submissions, and an idempotency key never yields a second dossier.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { appointmentFor, calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { FEE_PROCEDURE } from '../support/journey';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';
import { eventually } from '../support/gateway-client';

const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const formData = {
  hoTen: 'Nguyễn Văn An',
  gioiTinh: 'Nam',
  ngaySinh: '1990-03-15',
  queQuan: 'Xã Sóc Sơn, Thành phố Hà Nội',
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  soDinhDanh: DEMO_CITIZEN_ID,
  noiThuongTru: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  noiOHienTai: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  loaiPhieu: 'Phiếu số 1',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soLuongPhieu: 1,
  soDienThoai: '0912345678',
};
const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status } }`;

describe('dossier intake', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let server: ServerHandle;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    bus = new InProcessEventBus();
    server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET });
    url = (await server.start()).url;
  });

  afterAll(async () => {
    await server?.stop();
    await bus?.close();
    await db?.close();
  });

  const submit = (extra: Record<string, unknown> = {}) =>
    callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, formData, ...extra } }, citizen, TEST_INTERNAL_SECRET);

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
});
