/**
 * Sync to the national public service portal, over HTTP against its simulator: dossier.status events
 * from the outbox become one RECORD then PROGRESS deliveries per dossier, sent in order, retried with
 * backoff until acknowledged, held behind an unacknowledged RECORD, FAILED after the last attempt and
 * retried by an operator. Passes run at chosen instants, so nothing depends on the machine's speed.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createNationalPortalClient, createNationalPortalSimulator, type NationalPortalClient, type NationalPortalSimulator } from '../../adapters/national-portal';
import { SubmissionChannel } from '../../subgraphs/dossiers/dossier/dossier-status';
import { transitionDossier } from '../../subgraphs/dossiers/dossier/dossier-transition';
import { submitDossier } from '../../subgraphs/dossiers/intake/submit-dossier';
import { ReturnMethod } from '../../subgraphs/dossiers/intake/return-method';
import { PortalSync, portalDeliveriesOf, retryPortalDelivery } from '../../subgraphs/dossiers/portal-sync';
import { calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { OutboxRelay } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { FEE_PROCEDURE, FEE_PROCEDURE_FORM } from '../support/journey';
import type { DossiersServices } from '../../subgraphs/dossiers/context';
import { DossierStatus } from '../../subgraphs/dossiers/dossier/dossier-status';

const AGENCY = '000.00.12.H26';
const official: Principal = { id: 'official:tu-phap-1', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['RECEPTION'] };
const formData = FEE_PROCEDURE_FORM;
const HOUR = 3_600_000;

describe('national public service portal sync', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let relay: OutboxRelay;
  let services: DossiersServices;
  let portalSim: NationalPortalSimulator;
  let portal: NationalPortalClient;
  let sync: PortalSync;
  /** The sync's clock: each pass runs an hour after the previous one, past any backoff. */
  let clock = Date.now();
  const later = (ms = HOUR) => new Date((clock += ms));

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    bus = new InProcessEventBus();
    relay = new OutboxRelay(db.prisma, bus);
    services = { prisma: db.prisma, bus, catalogue: new ProcedureCatalogue(db.prisma), calendars: calendarStoreFor(db.prisma), outbox: relay };
    portalSim = createNationalPortalSimulator({ token: 'test-portal-token', hangMs: 5000 });
    const { baseUrl } = await portalSim.start();
    portal = createNationalPortalClient({ baseUrl, token: 'test-portal-token', timeoutMs: 400, circuit: false });
    sync = new PortalSync(db.prisma, portal, { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 });
  }, 60_000);

  afterAll(async () => {
    await sync?.stop();
    portal?.close();
    await portalSim?.stop();
    await relay?.stop();
    await bus?.close();
    await db?.close();
  });

  /** A counter dossier, and its events numbered by the relay (as the running hub does after commit). */
  async function submit(key: string): Promise<string> {
    const dossier = await submitDossier(services, official, {
      procedureCode: FEE_PROCEDURE,
      formData,
      channel: SubmissionChannel.COUNTER,
      applicantPersonalId: DEMO_CITIZEN_ID,
      returnMethod: ReturnMethod.COUNTER,
      idempotencyKey: key,
    });
    await relay.flush();
    return dossier.code;
  }

  async function move(code: string, to: DossierStatus): Promise<void> {
    const outcome = await transitionDossier(services, { code, from: Object.values(DossierStatus), to, actor: official.id, note: `sang ${to}` });
    expect(outcome.applied).toBe(true);
    await relay.flush();
  }

  const messagesOf = (code: string) => portalSim.received().filter((m) => m.maHoSo === code);

  it('sends a RECORD then each PROGRESS once, in event order', async () => {
    const code = await submit('sync-order');
    await move(code, DossierStatus.PROCESSING);
    await move(code, DossierStatus.DONE);
    const pass = await sync.runOnce(later());
    expect(pass).toMatchObject({ planned: 3, acknowledged: 3, retrying: 0, failed: 0 });
    const messages = messagesOf(code);
    expect(messages.map((m) => m.kind)).toEqual(['RECORD', 'PROGRESS', 'PROGRESS']);
    expect(messages.map((m) => m.body.trangThai).slice(1)).toEqual(['4', '9']);
    expect(messages[0].body).toMatchObject({ maTTHC: FEE_PROCEDURE, maCoQuan: AGENCY, kenh: 'TRUC_TIEP', chuHoSo: { soDinhDanhAn: '001******345' } });
    // Nothing new: nothing is planned or sent again.
    expect(await sync.runOnce(later())).toMatchObject({ planned: 0, acknowledged: 0 });
    expect(messagesOf(code)).toHaveLength(3);
    expect(portalSim.calls.duplicates).toBe(0);
    const rows = await portalDeliveriesOf(db.prisma, code);
    expect(rows.map((r) => [r.kind, r.state])).toEqual([
      ['RECORD', 'ACKNOWLEDGED'],
      ['PROGRESS', 'ACKNOWLEDGED'],
      ['PROGRESS', 'ACKNOWLEDGED'],
    ]);
    expect(new Set(rows.map((r) => r.portalRef)).size).toBe(1);
  }, 60_000);

  it('retries with backoff until the portal acknowledges', async () => {
    const code = await submit('sync-retry');
    portalSim.failNext(1, 'HTTP_500');
    portalSim.failNext(1, 'ERROR_CODE');
    const first = later();
    expect(await sync.runOnce(first)).toMatchObject({ planned: 1, acknowledged: 0, retrying: 1 });
    let [row] = await portalDeliveriesOf(db.prisma, code);
    expect(row).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(row.lastError).toContain('HTTP 500');
    expect(row.nextAttemptAt.getTime()).toBe(first.getTime() + 1000);
    // Not due yet: the portal is not called.
    const calls = portalSim.calls.total;
    await sync.runOnce(new Date(first.getTime() + 500));
    expect(portalSim.calls.total).toBe(calls);
    expect(await sync.runOnce(new Date(first.getTime() + 1000))).toMatchObject({ retrying: 1 });
    [row] = await portalDeliveriesOf(db.prisma, code);
    expect(row).toMatchObject({ state: 'PENDING', attempts: 2 });
    expect(row.lastError).toContain('maLoi 99');
    expect(await sync.runOnce(later())).toMatchObject({ acknowledged: 1 });
    [row] = await portalDeliveriesOf(db.prisma, code);
    expect(row).toMatchObject({ state: 'ACKNOWLEDGED', attempts: 3 });
    expect(messagesOf(code)).toHaveLength(1);
  }, 60_000);

  it("holds a dossier's PROGRESS until its RECORD is acknowledged", async () => {
    const code = await submit('sync-hold');
    await move(code, DossierStatus.PROCESSING);
    portalSim.failNext(1, 'HTTP_500');
    const before = portalSim.calls.total;
    expect(await sync.runOnce(later())).toMatchObject({ planned: 2, acknowledged: 0, retrying: 1 });
    // One call only (the RECORD); the PROGRESS was not even tried.
    expect(portalSim.calls.total).toBe(before + 1);
    const [, progress] = await portalDeliveriesOf(db.prisma, code);
    expect(progress).toMatchObject({ kind: 'PROGRESS', state: 'PENDING', attempts: 0 });
    expect(await sync.runOnce(later())).toMatchObject({ acknowledged: 2 });
    expect(messagesOf(code).map((m) => m.kind)).toEqual(['RECORD', 'PROGRESS']);
  }, 60_000);

  it('gives up after the last attempt (FAILED, error kept) and sends again when an operator retries', async () => {
    const code = await submit('sync-give-up');
    await move(code, DossierStatus.PROCESSING);
    portalSim.failNext(3, 'TIMEOUT');
    await sync.runOnce(later());
    await sync.runOnce(later());
    expect(await sync.runOnce(later())).toMatchObject({ failed: 1 });
    const [record, progress] = await portalDeliveriesOf(db.prisma, code);
    expect(record).toMatchObject({ kind: 'RECORD', state: 'FAILED', attempts: 3 });
    expect(record.lastError).toMatch(/^TIMEOUT: .*within 400 ms/);
    // The FAILED record keeps holding the progress, however late it gets.
    await sync.runOnce(later(24 * HOUR));
    expect((await portalDeliveriesOf(db.prisma, code))[1]).toMatchObject({ state: 'PENDING', attempts: 0 });
    expect(messagesOf(code)).toHaveLength(0);
    expect(progress.kind).toBe('PROGRESS');

    await expect(retryPortalDelivery(db.prisma, progress.eventId)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(retryPortalDelivery(db.prisma, 999_999_999n)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const retried = await retryPortalDelivery(db.prisma, record.eventId, new Date(clock));
    expect(retried).toMatchObject({ state: 'PENDING', attempts: 0 });
    expect(await sync.runOnce(later())).toMatchObject({ acknowledged: 2 });
    expect(messagesOf(code).map((m) => m.kind)).toEqual(['RECORD', 'PROGRESS']);
  }, 60_000);
});
