/**
 * A lean HTTP server for one reference subgraph: @apollo/subgraph's schema executed by graphql-js,
 * with parsed and validated documents kept by text, as a production subgraph would. It counts the
 * requests it serves (GET /stats), so the benchmark can report subgraph requests per operation.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ReferenceSubgraph } from './reference-subgraphs';

export interface ReferenceSubgraphServer {
  url: string;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function documentCache(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode | Error>();
  return (query: string): DocumentNode | Error => {
    let hit = documents.get(query);
    if (!hit) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        hit = errors.length ? new Error(errors.map((e) => e.message).join('; ')) : document;
      } catch (err) {
        hit = err as Error;
      }
      documents.set(query, hit);
    }
    return hit;
  };
}

export async function startReferenceSubgraph(subgraph: ReferenceSubgraph, port = 0): Promise<ReferenceSubgraphServer> {
  const schema = buildSubgraphSchema({ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers as never });
  const documentFor = documentCache(schema);
  let requests = 0;
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests }));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    requests += 1;
    // A failed request must not take the subgraph down for every contender measured after it.
    try {
      const { query, variables, operationName } = JSON.parse(await readBody(req)) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const document = documentFor(query);
      const result =
        document instanceof Error
          ? { errors: [{ message: document.message }] }
          : await execute({ schema, document, variableValues: variables, operationName, contextValue: {} });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (err) {
      process.stderr.write(`[subgraph ${subgraph.name}] ${(err as Error).stack ?? String(err)}\n`);
      if (!res.headersSent && !res.destroyed) res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (err as Error).message }] }));
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
