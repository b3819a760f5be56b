/**
 * Contender child: the hub's own gateway, through `createGatewayServer`'s public options only, with
 * production defaults except the development issuer (so the benchmark can mint tokens it trusts) and
 * a cost budget wide enough for the reference TestQuery.
 * Usage: node hub-gateway.js <supergraph-file> <subgraph-urls-json>; prints `{"url": ...}` when it listens.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createDevIssuer } from '../../../gateway/auth/dev-issuer';
import { createGatewayServer } from '../../../gateway/gateway-server';
import { BENCH_TOKEN_SEED } from '../bench-tokens';
import { serveUntilStopped } from './child-lifecycle';

/** Signs the identity forwarded to the reference subgraphs (which ignore it). */
const BENCH_INTERNAL_SECRET = 'federation-benchmark-internal-secret-0123456789';

async function main(): Promise<void> {
  const gateway = createGatewayServer({
    subgraphUrls: JSON.parse(process.argv[3]) as Record<string, string>,
    supergraphSdl: readFileSync(process.argv[2], 'utf8'),
    internalSecret: BENCH_INTERNAL_SECRET,
    devIssuer: createDevIssuer({ seed: BENCH_TOKEN_SEED }),
    // TestQuery's static cost is over the default 5,000 budget (lists assumed 20 long, three levels deep).
    abuseLimits: { maxCost: 50_000 },
  });
  const { url } = await gateway.start();
  await serveUntilStopped(url, () => gateway.stop());
}

main().catch((err) => {
  console.error('[hub-gateway]', err);
  process.exit(1);
});
