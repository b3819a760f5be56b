/**
 * Starts the parts of the hub this process runs (config.SERVICE): everything in one process for the
 * embedded default (`npm start`, and the e2e tests with every port 0), or one part per process in a
 * deployment (docker-compose.yml). Each part's URL is known only once it listens, so parts start in
 * dependency order: storage and bus, simulators, subgraphs, then the gateway.
 */
import { createPaymentProviderSimulator, PaymentProviderClient } from '../../adapters/payment-provider';
import { AdapterMetrics } from '../../adapters/kit';
import { createPopulationDbClient, createPopulationDbSimulator } from '../../adapters/population-db';
import { createInsuranceDbClient, createInsuranceDbSimulator } from '../../adapters/insurance-db';
import { createBusinessRegistryClient, createBusinessRegistrySimulator } from '../../adapters/business-registry';
import { createCitizensSubgraph } from '../../subgraphs/citizens';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { createPaymentsSubgraph } from '../../subgraphs/payments';
import { createProceduresSubgraph, seedCatalogues } from '../../subgraphs/procedures';
import type { Config } from '../../subgraphs/shared/config';
import { createEventBus, type EventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import { openDatabase, type Database } from '../../subgraphs/shared/storage/database';
import { createGatewayServer } from '../gateway-server';

export interface HubUrls {
  gateway?: string;
  procedures?: string;
  dossiers?: string;
  citizens?: string;
  payments?: string;
  populationWsdl?: string;
  insuranceDb?: string;
  businessRegistryWsdl?: string;
  paymentProvider?: string;
}

export interface RunningHub {
  urls: HubUrls;
  db?: Database;
  bus?: EventBus;
  /** The simulators, when this process runs them (tests drive them: pay, make a source slow…). */
  simulators: {
    population?: ReturnType<typeof createPopulationDbSimulator>;
    insurance?: ReturnType<typeof createInsuranceDbSimulator>;
    businessRegistry?: ReturnType<typeof createBusinessRegistrySimulator>;
    paymentProvider?: ReturnType<typeof createPaymentProviderSimulator>;
  };
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
    for (const s of stops.reverse()) await s().catch((err) => console.error('[hub] stop failed:', err));
  };
  const startServer = async (handle: ServerHandle) => {
    const running = await handle.start();
    stops.push(() => handle.stop());
    return running;
  };

  try {
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

    const bus = await createEventBus(config.REDIS_URL);
    stops.push(() => bus.close());

    if (runs(config, 'population-sim')) {
      const sim = createPopulationDbSimulator({ port: config.POPULATION_SIM_PORT, host });
      const running = await sim.start();
      stops.push(() => sim.stop());
      simulators.population = sim;
      urls.populationWsdl = running.wsdlUrl;
    }
    if (runs(config, 'insurance-sim')) {
      const sim = createInsuranceDbSimulator({ port: config.INSURANCE_SIM_PORT, host });
      const running = await sim.start();
      stops.push(() => sim.stop());
      simulators.insurance = sim;
      urls.insuranceDb = running.baseUrl;
    }
    if (runs(config, 'business-sim')) {
      const sim = createBusinessRegistrySimulator({ port: config.BUSINESS_SIM_PORT, host });
      const running = await sim.start();
      stops.push(() => sim.stop());
      simulators.businessRegistry = sim;
      urls.businessRegistryWsdl = running.wsdlUrl;
    }
    if (runs(config, 'payment-sim')) {
      const sim = createPaymentProviderSimulator({
        port: config.PAYMENT_SIM_PORT,
        host,
        merchantCode: config.PAYMENT_MERCHANT_CODE,
        secret: config.PAYMENT_SECRET,
      });
      const running = await sim.start();
      stops.push(() => sim.stop());
      simulators.paymentProvider = sim;
      urls.paymentProvider = running.baseUrl;
    }

    const secret = config.INTERNAL_SECRET;
    if (runs(config, 'procedures')) {
      urls.procedures = (await startServer(createProceduresSubgraph({ db: db!, internalSecret: secret }, { port: config.PROCEDURES_PORT, host }))).url;
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
        { db: db!, internalSecret: secret, population, insurance, businessRegistry, adapterMetrics },
        { port: config.CITIZENS_PORT, host },
      );
      urls.citizens = (await startServer(handle)).url;
    }
    if (runs(config, 'dossiers')) {
      urls.dossiers = (await startServer(createDossiersSubgraph({ db: db!, bus, internalSecret: secret }, { port: config.DOSSIERS_PORT, host }))).url;
    }
    if (runs(config, 'payments')) {
      const provider = new PaymentProviderClient({
        baseUrl: urls.paymentProvider ?? config.urls.paymentProvider,
        merchantCode: config.PAYMENT_MERCHANT_CODE,
        secret: config.PAYMENT_SECRET,
      });
      const publicBaseUrl = config.SERVICE === 'all' ? undefined : config.urls.paymentsPublic;
      const handle = createPaymentsSubgraph({ db: db!, bus, internalSecret: secret, provider, publicBaseUrl }, { port: config.PAYMENTS_PORT, host });
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
        authSecret: config.AUTH_SECRET,
        internalSecret: secret,
        devTokens: config.DEV_TOKENS,
        port: config.PORT,
        host,
      });
      urls.gateway = (await startServer(gateway)).url;
    }
    return { urls, db, bus, simulators, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
