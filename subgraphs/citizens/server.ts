import { AdapterMetrics } from '../../adapters/kit';
/** Serves the citizens subgraph over HTTP behind the gateway's internal token. */
import type { PopulationDbClient } from '../../adapters/population-db';
import { buildSubgraphServer, type ServerHandle, type SubgraphListenOptions } from '../shared/federation/subgraph-server';
import { registerOutboxMetrics } from '../shared/federation/metrics';
import type { Database } from '../shared/storage/database';
import { CitizenAccessLog } from './access/access-log';
import type { InsuranceDbClient } from '../../adapters/insurance-db';
import type { BusinessRegistryClient } from '../../adapters/business-registry';
import { createCitizenSources } from './access/citizen-sources';
import { createCitizensContext } from './context';
import { buildCitizensSchema } from './schema';
import type { EventBus } from '../shared/events/bus';
import { OutboxRelay } from '../shared/outbox';
import { createAdapterRegistry, type AdapterCompiler } from './registry';
import { compileAgainstUnifiedSchema } from './registry/registry-compiler';

export interface CitizensDeps {
  db: Database;
  /** Secret the gateway signs internal tokens with. */
  internalSecret: string;
  /** Client of CSDLQG về dân cư (see `createPopulationDbClient` in adapters/population-db). */
  population: PopulationDbClient;
  /**
   * Clients of further sources of the same data, in order of preference after the population
   * database: CSDL quốc gia về bảo hiểm (see `createInsuranceDbClient` in adapters/insurance-db).
   * @default [] (population database only)
   */
  insurance?: InsuranceDbClient | readonly InsuranceDbClient[];
  /**
   * Client of CSDL quốc gia về đăng ký doanh nghiệp (see `createBusinessRegistryClient` in
   * adapters/business-registry). @default none: `organization` reads fail as UPSTREAM_UNAVAILABLE
   */
  businessRegistry?: BusinessRegistryClient;
  /** Metrics the clients above report into, served by `adapterStatus`. @default none */
  adapterMetrics?: AdapterMetrics;
  /**
   * The bus: adapter lifecycle events of every process reach this one's AdapterRuntime, and a relay
   * here publishes the registry's outbox events. @default none: only this process's registry changes apply
   */
  bus?: EventBus;
  /** Validates and compiles registered adapters. @default compileAdapter against the committed supergraph's API schema */
  adapterCompiler?: AdapterCompiler;
}

/** Port, interface, readiness checks, metrics and shutdown grace (see SubgraphListenOptions). */
export type CitizensServerOptions = SubgraphListenOptions;

/** A handle whose `start()` builds the schema and listens. */
/** The subgraph's server, and the adapter registry for tests that drive it directly. */
export interface CitizensSubgraph extends ServerHandle {
  registry: ReturnType<typeof createAdapterRegistry>;
}

export function createCitizensSubgraph(deps: CitizensDeps, options: CitizensServerOptions = {}): CitizensSubgraph {
  const insurance = deps.insurance === undefined ? [] : Array.isArray(deps.insurance) ? deps.insurance : [deps.insurance as InsuranceDbClient];
  const accessLog = new CitizenAccessLog(deps.db.prisma);
  const relay = deps.bus ? new OutboxRelay(deps.db.prisma, deps.bus, { singleConnection: deps.db.embedded }) : undefined;
  const registry = createAdapterRegistry({
    prisma: deps.db.prisma,
    compile: deps.adapterCompiler ?? compileAgainstUnifiedSchema,
    accessLog,
    bus: deps.bus,
    outbox: relay,
    // Registered adapters count in `adapterStatus` beside the national sources.
    metrics: deps.adapterMetrics ?? new AdapterMetrics(),
  });
  const services = {
    population: deps.population,
    accessLog,
    prisma: deps.db.prisma,
    ...createCitizenSources(deps.population, insurance),
    businessRegistry: deps.businessRegistry,
    adapterMetrics: deps.adapterMetrics,
    registry,
  };
  const server = buildSubgraphServer({
    name: 'citizens',
    buildSchema: buildCitizensSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createCitizensContext(base, services),
    // One /metrics per process: the adapters' figures join the server's registry.
    metrics: (metrics) => {
      metrics.merge(registry.prometheus.registry);
      registerOutboxMetrics(metrics, deps.db.prisma);
    },
    onStarted: async () => {
      await registry.runtime.start();
      relay?.start();
    },
    onStopping: async () => {
      await relay?.stop();
      await registry.runtime.stop();
    },
    ...options,
  });
  return { ...server, registry };
}
