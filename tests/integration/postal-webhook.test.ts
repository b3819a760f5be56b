/**
 * The carrier's signed tracking webhook, over HTTP: the postal simulator pushes each tracking change
 * of a pickup to the hub's receiver; the delivered one files the dossier (through the postal-intake
 * tracker's rules). A replay changes nothing; a forged, stale or unsigned push is 401 and a signed but
 * malformed one 400, each with a typed JSON error and nothing stored.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createPostalClient, createPostalSimulator, POSTAL_SIGNATURE_HEADER, signPostalWebhook, type PostalClient, type PostalSimulator } from '../../adapters/postal';
import type { DossiersServices } from '../../subgraphs/dossiers/context';
import { requestPostalPickup } from '../../subgraphs/dossiers/postal-intake';
import { mountPostalWebhook, PostalWebhookHandler, POSTAL_WEBHOOK_PATH } from '../../subgraphs/dossiers/postal-webhook';
import { calendarStoreFor, ProcedureCatalogue, seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { NO_RELAY } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { FEE_PROCEDURE, FEE_PROCEDURE_FORM } from '../support/journey';

const SECRET = 'test-webhook-secret';
const AGENCY = '000.00.12.H26';
const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const formData = FEE_PROCEDURE_FORM;

describe('postal tracking webhook', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let carrier: PostalSimulator;
  let postal: PostalClient;
  let services: DossiersServices & { postal: PostalClient };
  let receiver: Server;
  let webhookUrl: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    await db.prisma.agency.update({ where: { code: AGENCY }, data: { address: 'Số 221 đường Trần Phú, Phường Hà Đông, Thành phố Hà Nội', phone: '02433825555' } });
    bus = new InProcessEventBus();
    carrier = createPostalSimulator({ apiKey: 'test-postal-key', webhookRetryDelayMs: 50 });
    const { baseUrl } = await carrier.start();
    postal = createPostalClient({ baseUrl, apiKey: 'test-postal-key', timeoutMs: 2000, circuit: false });
    services = { prisma: db.prisma, bus, catalogue: new ProcedureCatalogue(db.prisma), calendars: calendarStoreFor(db.prisma), outbox: NO_RELAY, postal };
    const app = express();
    mountPostalWebhook(app, new PostalWebhookHandler(services, { secret: SECRET, logger: { warn: () => undefined, error: console.error } }));
    receiver = createServer(app);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${POSTAL_WEBHOOK_PATH}`;
    carrier.setWebhook(webhookUrl, SECRET);
  }, 60_000);

  afterAll(async () => {
    await carrier?.stop();
    postal?.close();
    receiver?.closeAllConnections();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    await bus?.close();
    await db?.close();
  });

  const post = (body: string, signature?: string) =>
    fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { [POSTAL_SIGNATURE_HEADER]: signature } : {}) }, body });
  const counts = async () => {
    const [events, dossiers, outbox, history] = await Promise.all([
      db.prisma.postalWebhookEvent.count(),
      db.prisma.dossier.count(),
      db.prisma.outboxEvent.count(),
      db.prisma.dossierStatusChange.count(),
    ]);
    return { events, dossiers, outbox, history };
  };

  let deliveredPayload: string;

  it('files the dossier when the carrier pushes "delivered", once', async () => {
    const pickup = await requestPostalPickup(services, citizen, {
      procedureCode: FEE_PROCEDURE,
      formData,
      pickupAddress: 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội',
      returnMethod: 'COUNTER' as never,
    });
    const code = pickup.trackingCode!;
    carrier.advance(code); // PICKED_UP
    carrier.advance(code); // IN_TRANSIT
    await carrier.flushWebhooks();
    expect((await db.prisma.postalIntake.findUniqueOrThrow({ where: { id: pickup.id } })).status).toBe('IN_TRANSIT');
    const before = await counts();
    carrier.advance(code, 'DELIVERED');
    await carrier.flushWebhooks();
    expect(carrier.webhooks).toMatchObject({ delivered: 4, abandoned: 0 }); // CREATED, PICKED_UP, IN_TRANSIT, DELIVERED
    const intake = await db.prisma.postalIntake.findUniqueOrThrow({ where: { id: pickup.id } });
    expect(intake.status).toBe('RECEIVED');
    const dossier = await db.prisma.dossier.findUniqueOrThrow({ where: { code: intake.dossierCode! } });
    expect(dossier.channel).toBe('POSTAL');
    const after = await counts();
    expect(after).toMatchObject({ events: before.events + 1, dossiers: before.dossiers + 1 });
    expect(await db.prisma.outboxEvent.count({ where: { topic: 'dossier.status', key: dossier.code } })).toBe(1);
    const stored = await db.prisma.postalWebhookEvent.findFirstOrThrow({ where: { trackingCode: code, status: 'DELIVERED' } });
    deliveredPayload = JSON.stringify(stored.payload);
  }, 60_000);

  it('acknowledges a replay and changes nothing', async () => {
    const before = await counts();
    const res = await post(deliveredPayload, signPostalWebhook(deliveredPayload, SECRET));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, duplicate: true });
    expect(await counts()).toEqual(before);
  });

  it('refuses a forged, unsigned or stale push with 401, and a signed malformed one with 400', async () => {
    const before = await counts();
    const fresh = deliveredPayload.replace(/"maSuKien":"[^"]+"/, '"maSuKien":"FORGED-1"');
    expect(fresh).not.toBe(deliveredPayload);
    const forged = await post(fresh, signPostalWebhook(fresh, 'not-the-secret'));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'MISMATCH' });
    // A genuine signature of another body: the body was changed on the way.
    const tampered = await post(fresh, signPostalWebhook(deliveredPayload, SECRET));
    expect(tampered.status).toBe(401);
    const unsigned = await post(fresh);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'MALFORMED' });
    const stale = await post(fresh, signPostalWebhook(fresh, SECRET, Math.floor(Date.now() / 1000) - 600));
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'STALE' });
    const garbage = '{"maSuKien":"X-1","loaiDon":"THU_GOM"}';
    const malformed = await post(garbage, signPostalWebhook(garbage, SECRET));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await counts()).toEqual(before);
    expect(await db.prisma.postalWebhookEvent.findUnique({ where: { id: 'FORGED-1' } })).toBeNull();
  });
});
