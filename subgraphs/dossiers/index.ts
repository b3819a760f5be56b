/** The dossiers subgraph (hồ sơ): intake, status history and live dossier events. */
import type { CalendarStore } from '../shared/calendar';
import type { EventBus } from '../shared/events/bus';
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { buildSubgraphServer, type ServerHandle, type SubgraphListenOptions } from '../shared/federation/subgraph-server';
import { registerOutboxMetrics } from '../shared/federation/metrics';
import type { Database } from '../shared/storage/database';
import { RecentReads } from '../shared/storage/recent-reads';
import { OutboxRelay, OutboxTail, type OutboxRelayOptions, type OutboxTailOptions } from '../shared/outbox';
import { IntakeReferences, type IntakeReferencesOptions } from './intake/intake-references';
import { IntakeBatcher } from './intake/intake-batcher';
import { calendarStoreFor, ProcedureCatalogue } from '../procedures';
import { createDossiersContext, type DossiersEventServices, type DossiersServices } from './context';
import { DossierResolver } from './dossier/dossier.resolver';
import { DossierPersonalFieldsResolver } from './dossier/dossier-personal-fields.resolver';
import { resolveDossierReference } from './dossier/dossier.reference';
import { DossierEventsResolver } from './events/dossier-events.resolver';
import { consumePaymentPaid } from './events/payment-paid.consumer';
import { FEEDBACK_RESOLVERS } from './feedback';
import { FILE_RESOLVERS } from './files';
import { NOTIFICATION_RESOLVERS, NotificationDispatcher, type NotificationDispatcherOptions } from './notifications';
import { DeadlineScanner, type DeadlineScannerOptions } from './deadlines';
import { DOSSIER_DEADLINE_TOPIC } from './deadlines/deadline-event';
import { DOSSIER_STATUS_TOPIC } from './events/dossier-status-event';
import type { PostalServices } from './postal';
import { POSTAL_INTAKE_RESOLVERS, PostalIntakeTracker, type PostalIntakeTrackerOptions } from './postal-intake';
import type { Notifier } from '../../adapters/notification';
import type { PostalClient } from '../../adapters/postal';
import { InMemoryTokenBucket, PUBLIC_STATUS_RESOLVERS, type PublicStatusServices, type RateLimiter } from './public-status';
import { STATISTICS_RESOLVERS } from './statistics';
import { PORTAL_SYNC_RESOLVERS, PortalSync, type PortalSyncOptions } from './portal-sync';
import { mountPostalWebhook, PostalWebhookHandler, type PostalWebhookOptions } from './postal-webhook';
import type { NationalPortalClient } from '../../adapters/national-portal';
import type { LegacyOneStopClient } from '../../adapters/legacy-one-stop';
import { createLegacyOneStopSync, type LegacyOneStopSyncOptions } from './legacy-sync';
import { WORKFLOW_RESOLVERS } from './workflow';

export { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from './events/dossier-status-event';
export { RedisTokenBucket } from './public-status/redis-rate-limiter';

export function buildDossiersSchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      DossierResolver,
      DossierPersonalFieldsResolver,
      DossierEventsResolver,
      ...WORKFLOW_RESOLVERS,
      ...FILE_RESOLVERS,
      ...NOTIFICATION_RESOLVERS,
      ...FEEDBACK_RESOLVERS,
      ...PUBLIC_STATUS_RESOLVERS,
      ...STATISTICS_RESOLVERS,
      ...POSTAL_INTAKE_RESOLVERS,
      ...PORTAL_SYNC_RESOLVERS,
    ],
    references: { Dossier: resolveDossierReference },
  });
}

export interface DossiersDeps {
  db: Database;
  bus: EventBus;
  internalSecret: string;
  /** Working-day calendar for appointment dates. @default the process's store over `db` */
  calendars?: CalendarStore;
  /** How long intake keeps procedures, cut-offs and workflows. @default IntakeReferences' defaults (5 s) */
  intakeReferences?: IntakeReferencesOptions;
  /** Outbox relay tuning. @default OutboxRelay's defaults */
  outbox?: OutboxRelayOptions;
  /**
   * What subscriptions read (dossier status and deadline events, resumable by cursor); started and
   * stopped with the subgraph. Pass one to watch its subscribers. @default a tail over `db` and `bus`
   */
  tail?: OutboxTail;
  /**
   * Buckets of the public status lookup (`dossierStatus`); pass a RedisTokenBucket to share them
   * between processes. @default per-process buckets of 10 lookups, refilled at 0.5 per second
   */
  publicStatusLimiter?: RateLimiter;
  /** Postal carrier for returns by post and pickups. @default none (returnResultByPost, requestPostalPickup answer UPSTREAM_UNAVAILABLE) */
  postal?: PostalClient;
  /** Where applicants are told about their dossiers (SMS, e-mail). @default none (nobody is notified) */
  notifiers?: Notifier[];
  /** Retries of a failing notification provider. @default 3 attempts, 1 s then 2 s apart */
  notificationRetry?: NotificationDispatcherOptions;
  /** Due-soon / overdue scanner, or false for none in this process. @default a pass every 60 s, due soon 8 working hours ahead */
  deadlines?: DeadlineScannerOptions | false;
  /** Tracker of dossiers sent by post, or false for none in this process. @default a pass every 60 s when `postal` is given */
  postalIntakes?: PostalIntakeTrackerOptions | false;
  /** National public service portal (Cổng DVCQG); records and progress are synced only with it. @default none */
  nationalPortal?: NationalPortalClient;
  /** Portal sync tuning, or false for none in this process. @default a pass every 5 s, 8 attempts */
  portalSync?: PortalSyncOptions | false;
  /** The carrier's signed tracking webhook; mounted only with `postal` and a secret. @default none */
  postalWebhook?: PostalWebhookOptions;
  /** Legacy one-stop system (VNPT-iGate style) to sync with. @default none */
  legacyOneStop?: LegacyOneStopClient;
  /** Its sync, or false for none in this process. @default a pass every 60 s when `legacyOneStop` is given */
  legacySync?: LegacyOneStopSyncOptions | false;
}

/** The outbox tail of the dossiers subgraph's subscriptions. */
export function dossiersOutboxTail(db: Database, bus: EventBus, options: Omit<OutboxTailOptions, 'topics'> = {}): OutboxTail {
  return new OutboxTail(db.prisma, bus, { ...options, topics: [DOSSIER_STATUS_TOPIC, DOSSIER_DEADLINE_TOPIC] });
}

export function createDossiersSubgraph(deps: DossiersDeps, options: SubgraphListenOptions = {}): ServerHandle {
  const relay = new OutboxRelay(deps.db.prisma, deps.bus, { singleConnection: deps.db.embedded, ...deps.outbox });
  const tail = deps.tail ?? dossiersOutboxTail(deps.db, deps.bus);
  const catalogue = new ProcedureCatalogue(deps.db.prisma);
  const services: DossiersServices & DossiersEventServices & PublicStatusServices & PostalServices = {
    prisma: deps.db.prisma,
    bus: deps.bus,
    catalogue,
    calendars: deps.calendars ?? calendarStoreFor(deps.db.prisma),
    outbox: relay,
    tail,
    eventReads: new RecentReads(),
    intakeReferences: new IntakeReferences(deps.db.prisma, catalogue, deps.intakeReferences),
    intakeBatcher: new IntakeBatcher(deps.db.prisma),
    publicStatusLimiter: deps.publicStatusLimiter ?? new InMemoryTokenBucket(),
    postal: deps.postal,
  };
  const deadlines = deps.deadlines === false ? undefined : new DeadlineScanner(services, deps.deadlines);
  const postalIntakes = deps.postal && deps.postalIntakes !== false ? new PostalIntakeTracker({ ...services, postal: deps.postal }, deps.postalIntakes) : undefined;
  const notifications = deps.notifiers?.length ? new NotificationDispatcher({ ...services, notifiers: deps.notifiers }, deps.notificationRetry) : undefined;
  const portalSync = deps.nationalPortal && deps.portalSync !== false ? new PortalSync(deps.db.prisma, deps.nationalPortal, deps.portalSync || {}) : undefined;
  const legacySync = deps.legacyOneStop && deps.legacySync !== false ? createLegacyOneStopSync(services, deps.legacyOneStop, deps.legacySync || undefined) : undefined;
  let stopNotifications: (() => Promise<void>) | undefined;
  let stopConsumer: (() => Promise<void>) | undefined;
  return buildSubgraphServer({
    name: 'dossiers',
    buildSchema: buildDossiersSchema,
    metrics: (metrics) => registerOutboxMetrics(metrics, deps.db.prisma),
    internalSecret: deps.internalSecret,
    context: (base) => createDossiersContext(base, services),
    routes: (app) => {
      if (deps.postal && deps.postalWebhook) mountPostalWebhook(app, new PostalWebhookHandler({ ...services, postal: deps.postal }, deps.postalWebhook));
    },
    onStarted: async () => {
      // Subscribed before the relay starts, so events pending from before a restart are notified too.
      stopNotifications = await notifications?.subscribe(services.bus);
      await tail.start();
      relay.start();
      await legacySync?.start();
      deadlines?.start();
      postalIntakes?.start();
      portalSync?.start();
      stopConsumer = await consumePaymentPaid(services, services.bus);
    },
    onStopping: async () => {
      await deadlines?.stop();
      await postalIntakes?.stop();
      await portalSync?.stop();
      await legacySync?.stop();
      await stopNotifications?.();
      await stopConsumer?.();
      await relay.stop();
      await tail.stop();
    },
    ...options,
  });
}
