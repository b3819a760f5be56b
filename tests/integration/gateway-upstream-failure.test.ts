/**
 * A subgraph that is down must not take the graph down: the gateway answers with the data it has
 * and a typed error for the part it could not fetch.
 */
import { createServer } from 'node:net';
import { createGatewayServer } from '../../gateway/gateway-server';
import { createProceduresSubgraph, seedCatalogues } from '../../subgraphs/procedures';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { gql } from '../support/gateway-client';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';

/** A URL on which nothing listens: a port taken and released again. */
async function deadUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('gateway with a subgraph down', () => {
  let db: Database;
  let procedures: ServerHandle;
  let gateway: ServerHandle;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    procedures = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
    const dead = await deadUrl();
    const subgraphUrls = { procedures: (await procedures.start()).url, dossiers: dead, citizens: dead, payments: dead };
    gateway = createGatewayServer({ subgraphUrls, internalSecret: TEST_INTERNAL_SECRET });
    url = (await gateway.start()).url;
  });

  afterAll(async () => {
    await gateway?.stop();
    await procedures?.stop();
    await db?.close();
  });

  it('answers the reachable part and a typed UPSTREAM_UNAVAILABLE error for the rest', async () => {
    const res = await gql(url, `{ procedures(first: 1) { totalCount } payment(id: "x") { status } }`);
    expect(res.status).toBe(200);
    expect(res.data?.procedures.totalCount).toBeGreaterThan(0);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'payments' });
    expect(res.errors![0].message).toMatch(/không khả dụng/);
  });
});
