/**
 * The sync with a legacy one-stop system (VNPT-iGate style), against its simulator over HTTP: the
 * first pull files the seed dossiers under their own codes with no receipt number used, a second pass
 * changes nothing, a status change in the legacy system becomes a hub transition with history, a hub
 * transition is pushed back once with the legacy code (even when its event comes twice) and never
 * echoed, a failing legacy system gets the update after retries (or FAILED after the last attempt),
 * and an unknown legacy status stops the pull with a typed error and the cursor before it.
 */
import {
  createLegacyOneStopClient,
  createLegacyOneStopSimulator,
  criminalRecordForm,
  SAMPLE_APPLICANT,
  SEED_DOSSIERS,
  type LegacyOneStopClient,
  type LegacyOneStopSimulator,
} from '../../adapters/legacy-one-stop';
import { DossierStatus } from '../../subgraphs/dossiers/dossier/dossier-status';
import type { DossierStatusEvent } from '../../subgraphs/dossiers/events/dossier-status-event';
import { transitionDossier } from '../../subgraphs/dossiers/dossier/dossier-transition';
import { createLegacyOneStopSync, type LegacyOneStopSync } from '../../subgraphs/dossiers/legacy-sync';
import { calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { OutboxRelay } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';

const SYSTEM = 'VNPT_IGATE';
const OFFICIAL = 'official:tu-phap-1';
const MINUTE = 60_000;

describe('legacy one-stop system (VNPT-iGate style)', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let relay: OutboxRelay;
  let legacy: LegacyOneStopSimulator;
  let client: LegacyOneStopClient;
  let sync: LegacyOneStopSync;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    bus = new InProcessEventBus();
    // Not started: tests publish with flush(), so each step sees exactly the events it caused.
    relay = new OutboxRelay(db.prisma, bus);
    legacy = createLegacyOneStopSimulator({ apiKey: 'test-legacy-key' });
    const { baseUrl } = await legacy.start();
    client = createLegacyOneStopClient({ baseUrl, apiKey: 'test-legacy-key', timeoutMs: 2000, circuit: false, retry: { attempts: 1 } });
    const services = { prisma: db.prisma, bus, catalogue: new ProcedureCatalogue(db.prisma), calendars: calendarStoreFor(db.prisma), outbox: relay };
    sync = createLegacyOneStopSync(services, client, { pageSize: 2, maxAttempts: 3, baseDelayMs: 1000, pushOnEvent: false });
    await sync.pushOnce(); // takes the outbox position, as start() does
  });

  afterAll(async () => {
    await sync?.stop();
    await relay?.stop();
    client?.close();
    await legacy?.stop();
    await bus?.close();
    await db?.close();
  });

  const counts = async () => {
    const p = db.prisma;
    const [dossiers, history, outbox, pushes, sequences] = await Promise.all([
      p.dossier.count(),
      p.dossierStatusChange.count(),
      p.outboxEvent.count(),
      p.legacyStatusPush.count(),
      p.receiptSequence.aggregate({ _sum: { lastNumber: true } }),
    ]);
    return { dossiers, history, outbox, pushes, receiptNumbers: sequences._sum.lastNumber ?? 0 };
  };
  const dossier = (code: string) => db.prisma.dossier.findUniqueOrThrow({ where: { code } });
  const history = async (code: string) =>
    db.prisma.dossierStatusChange.findMany({ where: { dossier: { code } }, orderBy: { id: 'asc' } });
  const storedCursor = async () => (await db.prisma.legacySyncCursor.findUnique({ where: { system: SYSTEM } }))?.cursor;
  /** A hub official's transition, published as the relay would. */
  async function officialMoves(code: string, from: DossierStatus, to: DossierStatus) {
    const outcome = await transitionDossier({ prisma: db.prisma, outbox: relay }, { code, from: [from], to, actor: OFFICIAL, note: 'Cán bộ xử lý trên hub' });
    expect(outcome.applied).toBe(true);
    await relay.flush();
    const event = await db.prisma.outboxEvent.findFirstOrThrow({ where: { key: code }, orderBy: { id: 'desc' } });
    return event;
  }
  const seedCode = (i: number) => legacy.dossiers().find((d) => d.chuHoSo.soDinhDanh === SEED_DOSSIERS[i].chuHoSo.soDinhDanh && d.maThuTuc === SEED_DOSSIERS[i].maThuTuc)!.maHoSo;

  it('files the seed dossiers under their legacy codes, in the legacy status, using no receipt number', async () => {
    const result = await sync.pullOnce();
    expect(result).toMatchObject({ imported: SEED_DOSSIERS.length, updated: 0, unchanged: 0 });
    expect(result.stoppedAt).toBeUndefined();
    expect(result.pages).toBeGreaterThan(1); // page size 2: the cursor moved page by page
    const rows = await db.prisma.dossier.findMany({ orderBy: { code: 'asc' } });
    expect(rows.map((r) => r.code).sort()).toEqual(legacy.dossiers().map((d) => d.maHoSo).sort());
    expect(rows.every((r) => r.legacySystem === SYSTEM)).toBe(true);
    expect(rows.map((r) => r.code)).toContainEqual(expect.stringMatching(/^G22\.26-\d{6}-0001\d\d$/));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const expected = ['PROCESSING', 'NEW', 'DONE', 'RETURNED', 'SUPPLEMENT_REQUESTED'];
    SEED_DOSSIERS.forEach((seed, i) => {
      const row = byCode.get(seedCode(i))!;
      expect({ status: row.status, procedure: row.procedureCode, applicant: row.applicantPersonalId }).toEqual({
        status: expected[i],
        procedure: seed.maThuTuc,
        applicant: seed.chuHoSo.soDinhDanh,
      });
    });
    const receivedAt = new Date(legacy.dossier(seedCode(0))!.ngayTiepNhan);
    expect(byCode.get(seedCode(0))!.receivedAt.toISOString()).toBe(receivedAt.toISOString());
    expect((await history(seedCode(2))).map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'PAYMENT_DUE'],
      ['PAYMENT_DUE', 'DONE'],
    ]);
    expect((await counts()).receiptNumbers).toBe(0);
    expect(await storedCursor()).toBe(legacy.dossiers().at(-1)!.conTro);
  });

  it('imports nothing on a second pass, and pushes none of its own changes back', async () => {
    await relay.flush();
    const before = await counts();
    const result = await sync.runOnce();
    expect(result.pull).toMatchObject({ imported: 0, updated: 0 });
    expect(result.recorded).toBe(0);
    expect(await counts()).toEqual(before);
    expect(legacy.pushes()).toEqual([]);
  });

  it('turns a status change in the legacy system into a hub transition with history and event', async () => {
    const code = seedCode(0); // Đang xử lý
    const before = await counts();
    legacy.updateDossier(code, { trangThai: '4' }); // Đã có kết quả
    const result = await sync.pullOnce();
    expect(result).toMatchObject({ imported: 0, updated: 1 });
    expect((await dossier(code)).status).toBe('DONE');
    const last = (await history(code)).at(-1)!;
    expect(last).toMatchObject({ fromStatus: 'PROCESSING', toStatus: 'DONE', actor: sync.actor });
    expect(last.note).toContain('Đã có kết quả');
    expect(await counts()).toMatchObject({ history: before.history + 1, outbox: before.outbox + 1 });
    await relay.flush();
    expect((await sync.pushOnce()).recorded).toBe(0); // it came from the legacy system: no echo
  });

  it('pushes a hub transition back once with the legacy code, even when its event comes twice', async () => {
    const code = seedCode(1); // Mới tiếp nhận
    const event = await officialMoves(code, DossierStatus.NEW, DossierStatus.ACCEPTED);
    const first = await sync.pushOnce();
    expect(first).toMatchObject({ recorded: 1, push: { acknowledged: 1 } });
    const payload = event.payload as unknown as DossierStatusEvent;
    expect(await sync.recordStatusEvent({ ...payload, outboxId: event.id.toString() })).toBe(false);
    await bus.publish('dossier.status', { ...payload, outboxId: event.id.toString() });
    await sync.pushOnce();
    const pushed = legacy.pushes().filter((p) => p.maHoSo === code);
    expect(pushed).toEqual([expect.objectContaining({ trangThai: '2', maSuKien: event.id.toString() })]);
    expect(legacy.dossier(code)!.trangThai).toBe('2');
    expect(await db.prisma.legacyStatusPush.findUnique({ where: { eventId: event.id } })).toMatchObject({ state: 'ACKNOWLEDGED', legacyStatus: '2', attempts: 1 });
    // The legacy record changed with the push; reading it back agrees with the hub (no ACCEPTED → PROCESSING flip).
    const before = await counts();
    expect(await sync.pullOnce()).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it('retries with backoff while the legacy system fails, then gets the update through', async () => {
    const code = seedCode(0); // DONE since the legacy change above
    legacy.failNext(2);
    const event = await officialMoves(code, DossierStatus.DONE, DossierStatus.RETURNED);
    const t0 = new Date();
    expect((await sync.pushOnce(t0)).push).toEqual({ acknowledged: 0, retrying: 1, failed: 0 });
    const row = () => db.prisma.legacyStatusPush.findUniqueOrThrow({ where: { eventId: event.id } });
    const afterFirst = await row();
    expect(afterFirst).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(afterFirst.nextAttemptAt.getTime() - t0.getTime()).toBe(1000);
    expect((await sync.pushOnce(t0)).push.acknowledged).toBe(0); // not due yet: not sent
    expect(legacy.calls.failed).toBe(1);
    await sync.pushOnce(new Date(t0.getTime() + MINUTE));
    const afterSecond = await row();
    expect(afterSecond).toMatchObject({ state: 'PENDING', attempts: 2 });
    expect(afterSecond.nextAttemptAt.getTime() - (t0.getTime() + MINUTE)).toBe(2000); // doubled
    expect((await sync.pushOnce(new Date(t0.getTime() + 2 * MINUTE))).push.acknowledged).toBe(1);
    expect(await row()).toMatchObject({ state: 'ACKNOWLEDGED', attempts: 3 });
    expect(legacy.pushes().filter((p) => p.maHoSo === code)).toEqual([expect.objectContaining({ trangThai: '5' })]);
  });

  it('gives up after the last attempt and marks the push FAILED', async () => {
    const code = seedCode(4); // Chờ bổ sung
    legacy.failNext(3);
    const event = await officialMoves(code, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.WITHDRAWN);
    const t0 = Date.now();
    for (let i = 0; i < 3; i += 1) await sync.pushOnce(new Date(t0 + i * 10 * MINUTE));
    expect(await db.prisma.legacyStatusPush.findUniqueOrThrow({ where: { eventId: event.id } })).toMatchObject({ state: 'FAILED', attempts: 3, legacyStatus: '7' });
    expect(legacy.pushes().filter((p) => p.maHoSo === code)).toEqual([]);
  });

  it('stops at a legacy status the table does not know, with a typed error and the cursor before it', async () => {
    const add = (trangThai: string, purpose: string) =>
      legacy.addDossier({
        maCoQuan: '000.00.12.H26',
        maThuTuc: '2.001417',
        kenhNop: '1',
        chuHoSo: { hoTen: SAMPLE_APPLICANT.hoTen, soDinhDanh: SAMPLE_APPLICANT.soDinhDanh, diaChi: SAMPLE_APPLICANT.diaChi, soDienThoai: SAMPLE_APPLICANT.soDienThoai },
        duLieuToKhai: criminalRecordForm(SAMPLE_APPLICANT, purpose),
        trangThai,
        receivedDaysAgo: 2,
      });
    const good = add('1', 'Bổ sung hồ sơ du học');
    const odd = add('9', 'Bổ sung hồ sơ thi tuyển công chức');
    const after = add('2', 'Xin học bổng');
    const result = await sync.pullOnce();
    expect(result.imported).toBe(1);
    expect(result.stoppedAt?.legacyCode).toBe(odd.maHoSo);
    expect(result.stoppedAt?.error.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', legacyStatus: '9', field: 'trangThai', system: SYSTEM });
    expect(result.stoppedAt?.error.message).toContain('"9"');
    expect(await storedCursor()).toBe(good.conTro);
    expect(await db.prisma.dossier.count({ where: { code: { in: [odd.maHoSo, after.maHoSo] } } })).toBe(0);
    // Pulling again stops at the same place: nothing is skipped, nothing guessed.
    expect((await sync.pullOnce()).stoppedAt?.legacyCode).toBe(odd.maHoSo);
    // Once the legacy desk corrects it, both come in.
    legacy.updateDossier(odd.maHoSo, { trangThai: '2' });
    const fixed = await sync.pullOnce();
    expect(fixed).toMatchObject({ imported: 2 });
    expect(fixed.stoppedAt).toBeUndefined();
    expect((await dossier(odd.maHoSo)).status).toBe('PROCESSING');
    expect((await counts()).receiptNumbers).toBe(0);
  });
});
