/**
 * Starts the parts of the hub this process runs (config.SERVICE): everything in one process for the
 * embedded default (`npm start`, and the e2e tests with every port 0), or one part per process in a
 * deployment (docker-compose.yml). Each part's URL is known only once it listens, so parts start in
 * dependency order: storage and bus, simulators, subgraphs, then the gateway.
 */
import { PaymentProviderClient } from '../../adapters/payment-provider';
import { AdapterMetrics } from '../../adapters/kit';
import { createSmsNotifier, createSmtpNotifier } from '../../adapters/notification';
import { createPopulationDbClient } from '../../adapters/population-db';
import { createPostalClient } from '../../adapters/postal';
import { createInsuranceDbClient } from '../../adapters/insurance-db';
import { createBusinessRegistryClient } from '../../adapters/business-registry';
import { createCitizensSubgraph } from '../../subgraphs/citizens';
import { createDossiersSubgraph, dossiersOutboxTail, RedisTokenBucket } from '../../subgraphs/dossiers';
import { POSTAL_WEBHOOK_PATH } from '../../subgraphs/dossiers/postal-webhook';
import { createNationalPortalClient } from '../../adapters/national-portal';
import { createLegacyOneStopClient } from '../../adapters/legacy-one-stop';
import type { OutboxTail } from '../../subgraphs/shared/outbox';
import { createPaymentsSubgraph } from '../../subgraphs/payments';
import { createProceduresSubgraph, seedCatalogues } from '../../subgraphs/procedures';
import type { Config } from '../../subgraphs/shared/config';
import { createEventBus, type EventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle, SubgraphListenOptions } from '../../subgraphs/shared/federation/subgraph-server';
import { databaseCheck, eventBusCheck } from '../../subgraphs/shared/federation/health';
import { logger } from '../../subgraphs/shared/logging';
import { openDatabase, type Database } from '../../subgraphs/shared/storage/database';
import { createGatewayServer, type GatewayServerHandle } from '../gateway-server';
import { abuseLimitsFromConfig } from '../plugins/abuse-limits';
import { configureXmlLimits } from '../../adapters/soap';
import { gatewayIdentityFromConfig } from '../auth/identity-config';
import { startSimulators, type HubSimulators, type SimulatorUrls } from './start-simulators';

export interface HubUrls extends SimulatorUrls {
  gateway?: string;
  procedures?: string;
  dossiers?: string;
  citizens?: string;
  payments?: string;
}

export interface RunningHub {
  urls: HubUrls;
  db?: Database;
  bus?: EventBus;
  /** What the dossiers subgraph's subscriptions read, when this process runs it (tests wait for a subscriber). */
  dossierEvents?: OutboxTail;
  /** What the payments subgraph's subscriptions read, when this process runs it. */
  paymentEvents?: OutboxTail;
  /** The gateway, when this process runs it (its subscription figures). */
  gateway?: GatewayServerHandle;
  /** The simulators, when this process runs them (tests drive them: pay, make a source slow…). */
  simulators: HubSimulators;
  stop(): Promise<void>;
}

export interface HubOverrides {
  /** An already open database (tests open a fresh one); closed by its owner, not by the hub. */
  db?: Database;
}

const runs = (config: Config, part: Config['SERVICE']) => config.SERVICE === 'all' || config.SERVICE === part;

export async function startHub(config: Config, overrides: HubOverrides = {}): Promise<RunningHub> {
  const stops: Array<() => Promise<void>> = [];
  const urls: HubUrls = {};
  const simulators: RunningHub['simulators'] = {};
  const host = config.HOST;
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => logger('hub').error({ err }, 'stop failed'));
  };
  const startServer = async (handle: ServerHandle) => {
    const running = await handle.start();
    stops.push(() => handle.stop());
    return running;
  };

  try {
    // Every XML answer from outside is read within these limits (adapters/soap/xml-limits.ts).
    configureXmlLimits({
      maxDepth: config.UPSTREAM_XML_MAX_DEPTH,
      maxAttributesPerElement: config.UPSTREAM_XML_MAX_ATTRIBUTES,
      maxTextLength: config.UPSTREAM_XML_MAX_TEXT_LENGTH,
      maxElements: config.UPSTREAM_XML_MAX_ELEMENTS,
    });
    const needsDb = ['all', 'procedures', 'dossiers', 'citizens', 'payments', 'migrate'].includes(config.SERVICE);
    let db = overrides.db;
    if (needsDb && !db) {
      if (config.SERVICE !== 'all' && !config.DATABASE_URL) throw new Error(`SERVICE=${config.SERVICE} needs DATABASE_URL`);
      const opened = await openDatabase({ url: config.DATABASE_URL, embeddedDataDir: config.EMBEDDED_DATA_DIR });
      stops.push(() => opened.close());
      db = opened;
    }
    if (db && runs(config, 'procedures')) await seedCatalogues(db.prisma);
    if (config.SERVICE === 'migrate') return { urls, db, simulators, stop };

    const bus = await createEventBus(config.REDIS_URL, config.REDIS_PREFIX);
    stops.push(() => bus.close());
    let dossierEvents: OutboxTail | undefined;
    let paymentEvents: OutboxTail | undefined;
    let gatewayHandle: GatewayServerHandle | undefined;

    // --- operations (issue 9D): probes, metrics and shutdown grace of every subgraph this process runs ---
    const serving: SubgraphListenOptions = {
      host,
      metricsEnabled: config.METRICS_ENABLED,
      shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
      readiness: {
        ...(db ? { database: databaseCheck(db) } : {}),
        ...(config.REDIS_URL ? { redis: eventBusCheck(bus) } : {}),
      },
    };
    // --- end operations ---

    const started = await startSimulators(config, stops);
    Object.assign(simulators, started.simulators);
    Object.assign(urls, started.urls);

    const secret = config.INTERNAL_SECRET;
    if (runs(config, 'procedures')) {
      urls.procedures = (await startServer(createProceduresSubgraph({ db: db!, internalSecret: secret }, { ...serving, port: config.PROCEDURES_PORT }))).url;
    }
    if (runs(config, 'citizens')) {
      // One registry for every source, so `adapterStatus` shows them side by side.
      const adapterMetrics = new AdapterMetrics();
      const population = createPopulationDbClient({
        wsdlUrl: urls.populationWsdl ?? config.urls.populationWsdl,
        timeoutMs: config.POPULATION_TIMEOUT_MS,
        policy: { metrics: adapterMetrics },
      });
      const insurance = createInsuranceDbClient({
        baseUrl: urls.insuranceDb ?? config.urls.insuranceDb,
        timeoutMs: config.POPULATION_TIMEOUT_MS,
        metrics: adapterMetrics,
      });
      stops.push(async () => insurance.close());
      const businessRegistry = createBusinessRegistryClient({
        wsdlUrl: urls.businessRegistryWsdl ?? config.urls.businessRegistryWsdl,
        timeoutMs: config.POPULATION_TIMEOUT_MS,
        policy: { metrics: adapterMetrics },
      });
      const handle = createCitizensSubgraph(
        { db: db!, bus, internalSecret: secret, population, insurance, businessRegistry, adapterMetrics },
        { ...serving, port: config.CITIZENS_PORT },
      );
      urls.citizens = (await startServer(handle)).url;
    }
    if (runs(config, 'dossiers')) {
      const postal = createPostalClient({ baseUrl: urls.postal ?? config.urls.postal, apiKey: config.POSTAL_API_KEY });
      const legacyOneStop = createLegacyOneStopClient({ baseUrl: urls.legacyOneStop ?? config.urls.legacyOneStop, apiKey: config.LEGACY_ONE_STOP_API_KEY });
      const nationalPortal = createNationalPortalClient({ baseUrl: urls.nationalPortal ?? config.urls.nationalPortal, token: config.NATIONAL_PORTAL_TOKEN });
      const notifiers = [
        createSmsNotifier({ baseUrl: urls.smsGateway ?? config.urls.smsGateway, apiKey: config.SMS_API_KEY, brandname: config.SMS_BRANDNAME }),
        createSmtpNotifier({ url: urls.smtp ?? config.urls.smtp, from: config.MAIL_FROM }),
      ];
      stops.push(async () => {
        postal.close();
        legacyOneStop.close();
        nationalPortal.close();
        await Promise.all(notifiers.map((n) => n.close?.()));
      });
      // Several dossiers processes share the public lookup's limits through Redis when there is one.
      const publicStatusLimiter = config.REDIS_URL
        ? await new RedisTokenBucket(config.REDIS_URL, { prefix: `${config.REDIS_PREFIX}ratelimit:public-status:` }).connect()
        : undefined;
      if (publicStatusLimiter) stops.push(() => publicStatusLimiter.close());
      dossierEvents = dossiersOutboxTail(db!, bus);
      const handle = createDossiersSubgraph(
        {
          db: db!,
          bus,
          internalSecret: secret,
          postal,
          notifiers,
          publicStatusLimiter,
          tail: dossierEvents,
          nationalPortal,
          portalSync: { intervalMs: config.PORTAL_SYNC_INTERVAL_MS },
          postalWebhook: { secret: config.POSTAL_WEBHOOK_SECRET },
          legacyOneStop,
          legacySync: config.LEGACY_SYNC_ENABLED ? { intervalMs: config.LEGACY_SYNC_INTERVAL_MS } : false,
        },
        { ...serving, port: config.DOSSIERS_PORT },
      );
      const running = await startServer(handle);
      urls.dossiers = running.url;
      // The carrier pushes tracking changes to the dossiers service (signed), when this process runs both.
      simulators.postal?.setWebhook(running.baseUrl + POSTAL_WEBHOOK_PATH, config.POSTAL_WEBHOOK_SECRET);
    }
    if (runs(config, 'payments')) {
      const provider = new PaymentProviderClient({
        baseUrl: urls.paymentProvider ?? config.urls.paymentProvider,
        merchantCode: config.PAYMENT_MERCHANT_CODE,
        secret: config.PAYMENT_SECRET,
      });
      const publicBaseUrl = config.SERVICE === 'all' ? undefined : config.urls.paymentsPublic;
      const handle = createPaymentsSubgraph({ db: db!, bus, internalSecret: secret, provider, publicBaseUrl }, { ...serving, port: config.PAYMENTS_PORT });
      paymentEvents = handle.tail;
      urls.payments = (await startServer(handle)).url;
    }
    if (runs(config, 'gateway')) {
      const gateway = createGatewayServer({
        subgraphUrls: {
          procedures: urls.procedures ?? config.urls.procedures,
          dossiers: urls.dossiers ?? config.urls.dossiers,
          citizens: urls.citizens ?? config.urls.citizens,
          payments: urls.payments ?? config.urls.payments,
        },
        ...gatewayIdentityFromConfig(config), // issue 9A: OIDC issuer or the development issuer
        abuseLimits: await abuseLimitsFromConfig(config),
        internalSecret: secret,
        devTokens: config.DEV_TOKENS,
        trustProxy: config.TRUST_PROXY,
        heartbeatIntervalMs: config.SUBSCRIPTION_HEARTBEAT_MS,
        maxQueuedEvents: config.SUBSCRIPTION_QUEUE_LIMIT,
        maxBufferedBytes: config.SUBSCRIPTION_BUFFER_BYTES,
        port: config.PORT,
        host,
        metricsEnabled: config.METRICS_ENABLED, // issue 9D
        shutdownGraceMs: config.SHUTDOWN_GRACE_MS, // issue 9D
        publicReadTtlMs: config.PUBLIC_READ_TTL_MS, // issue 10
        verifiedTokenCacheSize: config.VERIFIED_TOKEN_CACHE_SIZE,
        subgraphHttp: { connectionsPerOrigin: config.SUBGRAPH_CONNECTIONS },
        directQueries: config.DIRECT_QUERIES,
      });
      gatewayHandle = gateway;
      urls.gateway = (await startServer(gateway)).url;
    }
    return { urls, db, bus, dossierEvents, paymentEvents, gateway: gatewayHandle, simulators, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
