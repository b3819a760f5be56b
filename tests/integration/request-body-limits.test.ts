/**
 * The GraphQL endpoints refuse oversize and malformed bodies with typed, GraphQL-shaped errors (not
 * Express's HTML pages), before anything runs; a body just under the limit still reaches GraphQL.
 */
import { createProceduresSubgraph } from '../../subgraphs/procedures';
import { MAX_REQUEST_BYTES } from '../../subgraphs/shared/federation/json-body';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET } from '../support/subgraph-client';

describe('request body limits', () => {
  let db: Database;
  let server: ServerHandle;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
    ({ url } = await server.start());
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers PAYLOAD_TOO_LARGE (413) for a body over the limit', async () => {
    const padding = 'x'.repeat(MAX_REQUEST_BYTES + 1);
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { padding } }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_REQUEST_BYTES });
  });

  it('answers BAD_USER_INPUT (400) for a body that is not JSON', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets a large body under the limit through to GraphQL (which then asks for the gateway token)', async () => {
    const padding = 'x'.repeat(12 * 1024 * 1024);
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { padding } }));
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
