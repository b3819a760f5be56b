/**
 * Trả kết quả qua bưu chính through the dossiers subgraph and the carrier simulator over HTTP: the
 * delivery order is stored on the result and the return step completes in one go; every refusal and
 * a carrier outage leave the dossier exactly as it was, and a retry after a lost answer gets the
 * carrier's same order, never a second parcel.
 */
import { createPostalClient, createPostalSimulator, isValidTrackingCode, type PostalClient, type PostalSimulator } from '../../adapters/postal';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const returner: Principal = { id: 'official:tra-kq-1', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['RESULT_RETURN'], name: 'Lê Thị Hoa' };
const specialist: Principal = { id: 'official:cv-1', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['SPECIALIST'] };
const RETURN_BY_POST = `mutation($c: String!, $v: Int!) { returnResultByPost(code: $c, expectedVersion: $v) { code status version } }`;
const DELIVERY = `query($c: String!) { dossier(code: $c) { status postalDelivery { orderId trackingCode status events { status location } } } }`;

describe('return of the result by post', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let server: ServerHandle;
  let url: string;
  let carrier: PostalSimulator;
  let postal: PostalClient;
  let seq = 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    bus = new InProcessEventBus();
    carrier = createPostalSimulator({ apiKey: 'test-postal-key' });
    const { baseUrl } = await carrier.start();
    postal = createPostalClient({ baseUrl, apiKey: 'test-postal-key', timeoutMs: 1000, circuit: false, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    server = createDossiersSubgraph({ db, bus, internalSecret: TEST_INTERNAL_SECRET, postal, deadlines: false });
    url = (await server.start()).url;
  });

  afterAll(async () => {
    await server?.stop();
    postal?.close();
    await carrier?.stop();
    await bus?.close();
    await db?.close();
  });

  /** A dossier as the workflow leaves it at the result stage: DONE, a result issued, the return step open. */
  async function doneDossier(over: Record<string, unknown> = {}) {
    const code = `${AGENCY}-261120-${String((seq += 1)).padStart(4, '0')}`;
    const dossier = await db.prisma.dossier.create({
      data: {
        code,
        procedureCode: '2.001417',
        agencyCode: AGENCY,
        applicantPersonalId: '001090012345',
        applicantUserId: 'citizen:001090012345',
        channel: 'ONLINE',
        status: 'DONE',
        formData: { hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678' },
        feeVnd: 200_000,
        receivedAt: new Date('2026-11-20T02:00:00Z'),
        appointmentAt: new Date('2026-12-04T10:00:00Z'),
        completedAt: new Date('2026-11-27T03:00:00Z'),
        currentStep: 'tra_ket_qua',
        returnMethod: 'POSTAL',
        postalAddress: 'Số 45 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh',
        version: 7,
        ...over,
      },
    });
    await db.prisma.dossierResult.create({
      data: {
        dossierId: dossier.id,
        documentNumber: '1234/LLTP-STP',
        title: 'Phiếu lý lịch tư pháp số 1',
        fileName: 'phieu-lltp.pdf',
        contentType: 'application/pdf',
        sizeBytes: 9,
        sha256: 'a'.repeat(64),
        content: new Uint8Array(Buffer.from('%PDF-1.7\n')),
        issuedBy: 'official:lanh-dao-1',
        issuedAt: new Date('2026-11-27T03:00:00Z'),
      },
    });
    await db.prisma.dossierStep.create({
      data: {
        dossierId: dossier.id,
        stepKey: 'tra_ket_qua',
        stepName: 'Trả kết quả cho công dân',
        role: 'RESULT_RETURN',
        agencyCode: AGENCY,
        startedAt: new Date('2026-11-27T03:00:00Z'),
        dueAt: new Date('2026-11-30T03:00:00Z'),
      },
    });
    return dossier;
  }

  /** Everything a return writes. */
  const snapshot = async (code: string) => {
    const dossier = await db.prisma.dossier.findUniqueOrThrow({ where: { code }, include: { result: true, steps: true } });
    const [history, outbox] = await Promise.all([db.prisma.dossierStatusChange.count({ where: { dossierId: dossier.id } }), db.prisma.outboxEvent.count({ where: { key: code } })]);
    const { updatedAt: _u, ...rest } = dossier;
    return { ...rest, history, outbox };
  };
  const ordersFor = (code: string) => carrier.orders().filter((o) => o.maThamChieu === code);

  it('creates the delivery order, stores it on the result and completes the return step', async () => {
    const dossier = await doneDossier();
    const res = await callSubgraph(url, RETURN_BY_POST, { c: dossier.code, v: 7 }, returner);
    expect(res.errors).toBeUndefined();
    expect(res.data.returnResultByPost).toEqual({ code: dossier.code, status: 'RETURNED', version: 8 });

    const [order] = ordersFor(dossier.code);
    expect(order.loaiDon).toBe('CHUYEN_PHAT');
    expect(order.yeuCau.nguoiNhan).toEqual({
      hoTen: 'Nguyễn Văn An',
      soDienThoai: '0912345678',
      diaChi: { chiTiet: 'Số 45 đường Lê Lợi', phuongXa: 'Phường Bến Thành', tinhThanh: 'Thành phố Hồ Chí Minh' },
    });
    expect(order.yeuCau.nguoiGui).toMatchObject({ hoTen: 'Bộ phận Một cửa - Sở Tư pháp Thành phố Hà Nội', diaChi: { tinhThanh: 'Thành phố Hà Nội' } });
    expect(order.yeuCau.noiDung).toBe('Kết quả giải quyết TTHC: Phiếu lý lịch tư pháp số 1 (số 1234/LLTP-STP)');

    const after = await snapshot(dossier.code);
    expect(after.result).toMatchObject({ postalOrderId: order.maDonHang, postalTracking: order.maVanDon });
    expect(isValidTrackingCode(after.result!.postalTracking!)).toBe(true);
    expect(after.steps[0]).toMatchObject({ outcome: 'COMPLETED', completedBy: returner.id });
    expect(after.currentStep).toBeNull();
    const last = await db.prisma.dossierStatusChange.findFirstOrThrow({ where: { dossierId: dossier.id }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ fromStatus: 'DONE', toStatus: 'RETURNED', actor: returner.id, stepKey: 'tra_ket_qua' });
    expect(last.note).toContain(order.maVanDon);
    expect(await db.prisma.outboxEvent.count({ where: { key: dossier.code, topic: 'dossier.status' } })).toBe(1);

    // The parcel can be followed live, by the applicant too.
    carrier.advance(order.maVanDon);
    carrier.advance(order.maVanDon);
    const applicant: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
    const tracked = await callSubgraph(url, DELIVERY, { c: dossier.code }, applicant);
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data.dossier.postalDelivery).toMatchObject({ orderId: order.maDonHang, trackingCode: order.maVanDon, status: 'IN_TRANSIT' });
    expect(tracked.data.dossier.postalDelivery.events.map((e: { status: string }) => e.status)).toEqual(['CREATED', 'PICKED_UP', 'IN_TRANSIT']);
  });

  it('answers UPSTREAM_UNAVAILABLE with nothing changed when the carrier is down', async () => {
    const dossier = await doneDossier();
    const before = await snapshot(dossier.code);
    carrier.setAvailable(false);
    try {
      const res = await callSubgraph(url, RETURN_BY_POST, { c: dossier.code, v: 7 }, returner);
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'BUU_CHINH_VNPOST', reason: 'UNAVAILABLE' });
    } finally {
      carrier.setAvailable(true);
    }
    expect(await snapshot(dossier.code)).toEqual(before);
    expect(ordersFor(dossier.code)).toHaveLength(0);
  });

  it('gets the same order back when retried after a lost answer', async () => {
    const dossier = await doneDossier();
    const before = await snapshot(dossier.code);
    carrier.setLatency(1800); // the carrier creates the order, but answers after the client gave up
    try {
      const lost = await callSubgraph(url, RETURN_BY_POST, { c: dossier.code, v: 7 }, returner);
      expect(lost.errors![0].extensions!.code).toBe('UPSTREAM_TIMEOUT');
    } finally {
      carrier.setLatency(0);
    }
    expect(await snapshot(dossier.code)).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(ordersFor(dossier.code)).toHaveLength(1);
    const retried = await callSubgraph(url, RETURN_BY_POST, { c: dossier.code, v: 7 }, returner);
    expect(retried.errors).toBeUndefined();
    expect(ordersFor(dossier.code)).toHaveLength(1);
    expect((await snapshot(dossier.code)).result!.postalOrderId).toBe(ordersFor(dossier.code)[0].maDonHang);
  });

  it('refuses, before calling the carrier, whoever may not return it and whatever cannot be returned by post', async () => {
    const cases: Array<{ over?: Record<string, unknown>; principal?: Principal; version?: number; code: string }> = [
      { principal: specialist, code: 'FORBIDDEN' },
      { principal: { ...returner, agencyCode: '000.00.13.H26' }, code: 'DOSSIER_NOT_FOUND' },
      { principal: { id: 'operator:1', role: 'OPERATOR' }, code: 'FORBIDDEN' },
      { version: 6, code: 'STALE_VERSION' },
      { over: { status: 'PROCESSING' }, code: 'INVALID_TRANSITION' },
      { over: { returnMethod: 'COUNTER' }, code: 'INVALID_TRANSITION' },
      { over: { postalAddress: 'Số 45 đường Lê Lợi, Quận 1, TP. Hồ Chí Minh' }, code: 'BAD_USER_INPUT' },
      { over: { formData: { hoTen: 'Nguyễn Văn An' } }, code: 'BAD_USER_INPUT' },
    ];
    for (const c of cases) {
      const dossier = await doneDossier(c.over);
      const before = await snapshot(dossier.code);
      const res = await callSubgraph(url, RETURN_BY_POST, { c: dossier.code, v: c.version ?? 7 }, c.principal ?? returner);
      expect(res.errors?.[0].extensions?.code).toBe(c.code);
      expect(await snapshot(dossier.code)).toEqual(before);
      expect(ordersFor(dossier.code)).toHaveLength(0);
    }
  });
});
