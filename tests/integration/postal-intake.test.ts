/**
 * Dossiers sent by post, through the dossiers subgraph and the carrier simulator over HTTP: a citizen
 * asks for a pickup, the tracker follows the item and files the dossier (channel POSTAL, received at
 * the delivery time) exactly once, even with two trackers; refused requests write nothing and never
 * reach the carrier; a carrier outage stores nothing on request and leaves pickups for the next pass.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createPostalClient, createPostalSimulator, type PostalClient, type PostalSimulator } from '../../adapters/postal';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { IntakeReferences } from '../../subgraphs/dossiers/intake/intake-references';
import { PostalIntakeTracker } from '../../subgraphs/dossiers/postal-intake';
import { appointmentFor, calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { localDay } from '../../subgraphs/shared/calendar';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import { NO_RELAY } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { FEE_PROCEDURE, FEE_PROCEDURE_FORM } from '../support/journey';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const AGENCY_ADDRESS = 'Số 221 đường Trần Phú, Phường Hà Đông, Thành phố Hà Nội';
const PICKUP = 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội';
const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const otherCitizen: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
const official: Principal = { id: 'official:tu-phap-1', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['RECEPTION'] };
const otherOfficial: Principal = { id: 'official:xay-dung-1', role: 'OFFICIAL', agencyCode: '000.00.13.H26', workflowRoles: ['RECEPTION'] };
const formData = FEE_PROCEDURE_FORM;
const FIELDS = `id procedureCode status pickupAddress carrierOrderId trackingCode dossierCode refusal { code messageVi messageEn refusedAt }`;
const REQUEST = `mutation($i: PostalPickupInput!) { requestPostalPickup(input: $i) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { postalIntake(id: $id) { ${FIELDS} dossier { code channel } } }`;
const MINE = `query { myPostalIntakes { id status dossierCode } }`;

describe('dossiers sent by post', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let server: ServerHandle;
  let url: string;
  let carrier: PostalSimulator;
  let postal: PostalClient;
  let tracker: PostalIntakeTracker;
  let secondTracker: PostalIntakeTracker;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    // The one-stop desk the carrier delivers to (seed agencies carry no address or phone).
    await db.prisma.agency.update({ where: { code: AGENCY }, data: { address: AGENCY_ADDRESS, phone: '02433825555' } });
    bus = new InProcessEventBus();
    carrier = createPostalSimulator({ apiKey: 'test-postal-key' });
    const { baseUrl } = await carrier.start();
    postal = createPostalClient({ baseUrl, apiKey: 'test-postal-key', timeoutMs: 1000, circuit: false, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, postal, deadlines: false, postalIntakes: false, intakeReferences: { ttlMs: 0 } });
    url = (await server.start()).url;
    // Two trackers, as two hub processes would run them, over the same database and carrier.
    const services = () => ({ prisma: db.prisma, bus, catalogue: new ProcedureCatalogue(db.prisma), calendars: calendarStoreFor(db.prisma), outbox: NO_RELAY, postal });
    tracker = new PostalIntakeTracker(services());
    secondTracker = new PostalIntakeTracker(services());
  });

  afterAll(async () => {
    await server?.stop();
    postal?.close();
    await carrier?.stop();
    await bus?.close();
    await db?.close();
  });

  const request = (input: Record<string, unknown> = {}, principal: Principal = citizen) =>
    callSubgraph(url, REQUEST, { i: { procedureCode: FEE_PROCEDURE, formData, pickupAddress: PICKUP, ...input } }, principal, TEST_INTERNAL_SECRET);
  async function requested(input: Record<string, unknown> = {}) {
    const res = await request(input);
    expect(res.errors).toBeUndefined();
    return res.data.requestPostalPickup as { id: string; trackingCode: string; carrierOrderId: string; status: string };
  }
  const deliver = (trackingCode: string) => carrier.advance(trackingCode, 'DELIVERED').lichSu.at(-1)!.thoiGian;
  const row = (id: string) => db.prisma.postalIntake.findUniqueOrThrow({ where: { id } });
  /** Everything a request or an intake writes, and the receipt numbers handed out. */
  const counts = async () => {
    const p = db.prisma;
    const [pickups, dossiers, history, outbox, sequences] = await Promise.all([
      p.postalIntake.count(),
      p.dossier.count(),
      p.dossierStatusChange.count(),
      p.outboxEvent.count(),
      p.receiptSequence.aggregate({ _sum: { lastNumber: true } }),
    ]);
    return { pickups, dossiers, history, outbox, receiptNumbers: sequences._sum.lastNumber ?? 0 };
  };

  it('has the carrier collect the papers, follows them and files the dossier received at the delivery time', async () => {
    const pickup = await requested({ returnMethod: 'POSTAL' });
    expect(pickup.status).toBe('REQUESTED');
    const [order] = carrier.orders().filter((o) => o.maThamChieu === pickup.id);
    expect(order).toMatchObject({ loaiDon: 'THU_GOM', maDonHang: pickup.carrierOrderId, maVanDon: pickup.trackingCode });
    expect(order.yeuCau.nguoiGui).toEqual({
      hoTen: 'Nguyễn Văn An',
      soDienThoai: '0912345678',
      diaChi: { chiTiet: 'Số 5 ngõ 12 phố Huế', phuongXa: 'Phường Hai Bà Trưng', tinhThanh: 'Thành phố Hà Nội' },
    });
    expect(order.yeuCau.nguoiNhan).toMatchObject({ hoTen: 'Bộ phận Một cửa - Sở Tư pháp Thành phố Hà Nội', soDienThoai: '02433825555' });
    expect(await db.prisma.dossier.count({ where: { channel: 'POSTAL' } })).toBe(0);

    carrier.advance(pickup.trackingCode); // PICKED_UP
    expect(await tracker.scanOnce()).toMatchObject({ checked: 1, moved: 1, received: 0 });
    expect((await row(pickup.id)).status).toBe('PICKED_UP');
    carrier.advance(pickup.trackingCode); // IN_TRANSIT
    await tracker.scanOnce();
    expect((await row(pickup.id)).status).toBe('IN_TRANSIT');

    const deliveredAt = new Date(deliver(pickup.trackingCode));
    // Scanned three days later: the dossier still counts from the delivery.
    const later = new Date(deliveredAt.getTime() + 3 * 86_400_000);
    expect(await tracker.scanOnce(later)).toMatchObject({ received: 1, failed: 0 });
    const done = await row(pickup.id);
    expect(done.status).toBe('RECEIVED');
    const dossier = await db.prisma.dossier.findUniqueOrThrow({ where: { code: done.dossierCode! } });
    expect(dossier).toMatchObject({
      channel: 'POSTAL',
      applicantPersonalId: DEMO_CITIZEN_ID,
      applicantUserId: citizen.id,
      procedureCode: FEE_PROCEDURE,
      returnMethod: 'POSTAL',
      postalAddress: PICKUP, // the pickup address is where a postal result goes back
      status: 'PAYMENT_DUE',
    });
    expect(dossier.receivedAt.toISOString()).toBe(deliveredAt.toISOString());
    expect(dossier.code).toContain(`${AGENCY}-${localDay(deliveredAt).day.slice(2).replaceAll('-', '')}-`);
    const references = new IntakeReferences(db.prisma, new ProcedureCatalogue(db.prisma), { ttlMs: 0 });
    const procedure = await references.procedure(FEE_PROCEDURE);
    const calendar = await calendarStoreFor(db.prisma).calendar();
    const expected = await appointmentFor({ prisma: db.prisma, calendar, agencyCutoffHour: references.agencyCutoffHour }, procedure, { receivedAt: deliveredAt });
    expect(dossier.appointmentAt.toISOString()).toBe(expected.dueAt.toISOString());
    const [history] = await db.prisma.dossierStatusChange.findMany({ where: { dossierId: dossier.id } });
    expect(history.note).toContain(pickup.trackingCode);
    expect(await db.prisma.outboxEvent.count({ where: { key: dossier.code, topic: 'dossier.status' } })).toBe(1);

    // Nothing more to do for it: a further pass neither asks the carrier nor files again.
    const calls = carrier.calls.total;
    expect(await tracker.scanOnce(later)).toMatchObject({ checked: 0, received: 0 });
    expect(carrier.calls.total).toBe(calls);

    // Who sees it: its citizen and the agency's officials.
    const mine = await callSubgraph(url, ONE, { id: pickup.id }, citizen);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.postalIntake).toMatchObject({ status: 'RECEIVED', dossierCode: dossier.code, refusal: null, dossier: { code: dossier.code, channel: 'POSTAL' } });
    expect((await callSubgraph(url, ONE, { id: pickup.id }, official)).data.postalIntake.dossierCode).toBe(dossier.code);
    expect((await callSubgraph(url, ONE, { id: pickup.id }, otherCitizen)).data.postalIntake).toBeNull();
    expect((await callSubgraph(url, ONE, { id: pickup.id }, otherOfficial)).data.postalIntake).toBeNull();
    expect((await callSubgraph(url, ONE, { id: pickup.id })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const list = await callSubgraph(url, MINE, {}, citizen);
    expect(list.data.myPostalIntakes).toContainEqual({ id: pickup.id, status: 'RECEIVED', dossierCode: dossier.code });
    expect((await callSubgraph(url, MINE, {}, otherCitizen)).data.myPostalIntakes).toEqual([]);
    expect((await callSubgraph(url, MINE, {}, official)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses what intake would refuse before calling the carrier, and writes nothing', async () => {
    const before = await counts();
    const calls = carrier.calls.total;
    const refused = async (input: Record<string, unknown>, code: string, field?: string, principal: Principal = citizen) => {
      const res = await request(input, principal);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(res.errors![0].extensions!.field).toBe(field);
      return res.errors![0];
    };
    // Chứng thực bản sao: at the counter only.
    const methods = await refused({ procedureCode: '2.000815', formData: {} }, 'BAD_USER_INPUT', 'channel');
    expect(methods.extensions!.methods).toEqual(['IN_PERSON']);
    await refused({ procedureCode: '9.999999' }, 'PROCEDURE_NOT_FOUND');
    await refused({ formData: { ...formData, hoTen: undefined } }, 'FORM_VALIDATION_FAILED');
    await refused({ caseCode: 'KHONG_CO' }, 'BAD_USER_INPUT', 'caseCode');
    await refused({ pickupAddress: 'Hà Nội' }, 'BAD_USER_INPUT', 'pickupAddress');
    await refused({ pickupPhone: '12345' }, 'BAD_USER_INPUT', 'pickupPhone');
    await refused({ idempotencyKey: 'k'.repeat(129) }, 'BAD_USER_INPUT', 'idempotencyKey');
    await refused({}, 'FORBIDDEN', undefined, official);
    expect((await request({}, { id: 'anonymous', role: 'ANONYMOUS' })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // An agency with no address on record cannot receive post.
    await db.prisma.agency.update({ where: { code: AGENCY }, data: { phone: null } });
    try {
      await refused({}, 'AGENCY_NOT_FOUND');
    } finally {
      await db.prisma.agency.update({ where: { code: AGENCY }, data: { phone: '02433825555' } });
    }
    expect(await counts()).toEqual(before);
    expect(carrier.calls.total).toBe(calls);
  });

  it('stores nothing when the carrier is down, and leaves pickups in carriage for the next pass', async () => {
    const pickup = await requested();
    carrier.advance(pickup.trackingCode);
    carrier.setAvailable(false);
    try {
      const before = await counts();
      const res = await request({ idempotencyKey: 'while-down' });
      expect(res.errors![0].extensions!.code).toMatch(/^UPSTREAM_/);
      expect(await counts()).toEqual(before);
      const pass = await tracker.scanOnce();
      expect(pass.failed).toBeGreaterThanOrEqual(1);
      expect((await row(pickup.id)).status).toBe('REQUESTED');
    } finally {
      carrier.setAvailable(true);
    }
    // The same key works once the carrier is back.
    expect((await request({ idempotencyKey: 'while-down' })).errors).toBeUndefined();
    await tracker.scanOnce();
    expect((await row(pickup.id)).status).toBe('PICKED_UP');
  });

  it('files one dossier per pickup with two trackers running at once, and once after a tracker died mid-intake', async () => {
    const pickups = await Promise.all(Array.from({ length: 4 }, () => requested()));
    for (const p of pickups) deliver(p.trackingCode);
    const before = await counts();
    const [a, b] = await Promise.all([tracker.scanOnce(), secondTracker.scanOnce()]);
    expect(a.received + b.received).toBe(4);
    expect(await counts()).toMatchObject({ dossiers: before.dossiers + 4, receiptNumbers: before.receiptNumbers + 4 });
    const rows = await Promise.all(pickups.map((p) => row(p.id)));
    expect(rows.every((r) => r.status === 'RECEIVED' && r.dossierCode)).toBe(true);
    expect(new Set(rows.map((r) => r.dossierCode)).size).toBe(4);

    // A tracker claimed a pickup, filed its dossier and died before marking it: the claim goes stale.
    const [first] = rows;
    await db.prisma.postalIntake.update({ where: { id: first.id }, data: { status: 'RECEIVING', dossierCode: null, updatedAt: new Date(Date.now() - 3_600_000) } });
    const afterCrash = await counts();
    expect(await tracker.scanOnce()).toMatchObject({ received: 1 });
    expect(await row(first.id)).toMatchObject({ status: 'RECEIVED', dossierCode: first.dossierCode });
    expect(await counts()).toEqual(afterCrash);
  });

  it('returns the same pickup for the same key, even when retries race, and scopes keys to the caller', async () => {
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 4 }, () => request({ idempotencyKey: 'post-1' })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data.requestPostalPickup.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(carrier.orders().filter((o) => o.maThamChieu === id)).toHaveLength(1);
    expect(await counts()).toEqual({ ...before, pickups: before.pickups + 1 });
    const theirs = await request(
      { idempotencyKey: 'post-1', formData: { ...formData, soDinhDanh: otherCitizen.personalId } },
      otherCitizen,
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.requestPostalPickup.id).not.toBe(id);
  });

  it('keeps the reason when intake refuses papers that arrive, and marks an item the carrier sent back', async () => {
    const refusedOnArrival = await requested();
    const sentBack = await requested();
    // Meanwhile the procedure stopped taking postal dossiers.
    const procedure = await db.prisma.procedure.findUniqueOrThrow({ where: { code: FEE_PROCEDURE } });
    const details = procedure.details as { methods: string[] };
    await db.prisma.procedure.update({ where: { code: FEE_PROCEDURE }, data: { details: { ...details, methods: ['IN_PERSON', 'ONLINE'] } } });
    try {
      deliver(refusedOnArrival.trackingCode);
      carrier.advance(sentBack.trackingCode, 'RETURNED');
      const before = await counts();
      expect(await tracker.scanOnce()).toMatchObject({ received: 0, notAccepted: 1, returned: 1 });
      expect(await counts()).toEqual(before);
    } finally {
      await db.prisma.procedure.update({ where: { code: FEE_PROCEDURE }, data: { details } });
    }
    const res = await callSubgraph(url, ONE, { id: refusedOnArrival.id }, citizen);
    expect(res.data.postalIntake).toMatchObject({ status: 'NOT_ACCEPTED', dossierCode: null, dossier: null, refusal: { code: 'BAD_USER_INPUT' } });
    expect(res.data.postalIntake.refusal.messageEn).toContain('does not accept POSTAL');
    expect((await row(sentBack.id)).status).toBe('RETURNED');
    // Both are settled: no later pass files them.
    expect(await tracker.scanOnce()).toMatchObject({ received: 0, notAccepted: 0, returned: 0 });
  });
});
