/**
 * The two forked parts of the hub-domain benchmark (started by `forkHubPart`, hub-domain/fork-part.ts),
 * each pinned to its own CPU from its first instruction:
 *   - `subgraphs` (CPU 1, beside the load generator): procedures, dossiers, citizens and payments over
 *     one embedded in-memory PGlite database (or the PostgreSQL database given), one in-process bus,
 *     and the population database and payment provider simulators they call;
 *   - `gateway` (CPU 0, alone): the hub's gateway with production defaults and a seeded development
 *     issuer, so the load generator can mint tokens the gateway accepts.
 * The gateway's CPU time and RSS are then its own alone.
 */
import 'reflect-metadata';
import { createPaymentProviderSimulator, PaymentProviderClient } from '../../adapters/payment-provider';
import { createPopulationDbSimulator } from '../../adapters/population-db';
import { createDevIssuer } from '../../gateway/auth/dev-issuer';
import { createGatewayServer } from '../../gateway/gateway-server';
import { createCitizensSubgraph, createPopulationDbClient } from '../../subgraphs/citizens';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { createPaymentsSubgraph } from '../../subgraphs/payments';
import { createProceduresSubgraph, seedCatalogues } from '../../subgraphs/procedures';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { openDatabase } from '../../subgraphs/shared/storage/database';
import { HUB_BENCH_AUTH_SEED, HUB_BENCH_INTERNAL_SECRET, type HubSubgraphUrls, type SubgraphsRequest } from './hub-domain/fork-part';

/** Payment provider settings shared by the payments subgraph and its simulator. */
const MERCHANT = { merchantCode: 'LIENTHONG_BENCH', secret: 'hub-bench-payment-secret-of-at-least-32-characters' };

/** @param databaseUrl PostgreSQL database to use; none: embedded in-memory PGlite (on this process's thread). */
async function serveSubgraphs(databaseUrl?: string): Promise<void> {
  const db = await openDatabase(databaseUrl ? { url: databaseUrl, poolSize: 8 } : { embeddedDataDir: 'memory' });
  await seedCatalogues(db.prisma);
  const bus = new InProcessEventBus();
  const population = createPopulationDbSimulator();
  const provider = createPaymentProviderSimulator(MERCHANT);
  const { wsdlUrl } = await population.start();
  const { baseUrl: providerUrl } = await provider.start();
  const secret = HUB_BENCH_INTERNAL_SECRET;
  // Background jobs off: only the benchmark's requests should cost CPU here.
  const parts = [
    createProceduresSubgraph({ db, internalSecret: secret }),
    createDossiersSubgraph({ db, bus, internalSecret: secret, deadlines: false, portalSync: false, legacySync: false }),
    createCitizensSubgraph({ db, bus, internalSecret: secret, population: createPopulationDbClient({ wsdlUrl, timeoutMs: 5000 }) }),
    createPaymentsSubgraph({
      db,
      bus,
      internalSecret: secret,
      provider: new PaymentProviderClient({ baseUrl: providerUrl, ...MERCHANT }),
      expiry: false,
      reconciliation: false,
    }),
  ];
  const [procedures, dossiers, citizens, payments] = await Promise.all(parts.map(async (p) => (await p.start()).url));
  process.send!({ procedures, dossiers, citizens, payments } satisfies HubSubgraphUrls);
  process.on('message', async (m: SubgraphsRequest | 'stop') => {
    if (m === 'stop') {
      for (const p of parts.reverse()) await p.stop();
      await Promise.all([population.stop(), provider.stop()]);
      await bus.close();
      await db.close();
      process.exit(0);
    } else if (m.type === 'complete-payment') {
      await provider.completePayment(m.providerRef, 'SUCCESS');
      process.send!({ done: true });
    } else if (m.type === 'population-calls') {
      process.send!({ calls: population.calls.total });
    }
  });
}

async function serveGateway(subgraphUrls: HubSubgraphUrls): Promise<void> {
  const gateway = createGatewayServer({
    subgraphUrls: { ...subgraphUrls },
    devIssuer: createDevIssuer({ seed: HUB_BENCH_AUTH_SEED }),
    internalSecret: HUB_BENCH_INTERNAL_SECRET,
  });
  const { url, baseUrl } = await gateway.start();
  process.send!({ url, baseUrl });
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    await gateway.stop();
    process.exit(0);
  });
}

const part = process.argv.indexOf('--part');
if (part > 0) {
  const role = process.argv[part + 1];
  const arg = process.argv[part + 2];
  (role === 'gateway' ? serveGateway(JSON.parse(arg) as HubSubgraphUrls) : serveSubgraphs(arg)).catch((err) => {
    console.error(`[hub bench ${role}]`, err);
    process.exit(1);
  });
}
