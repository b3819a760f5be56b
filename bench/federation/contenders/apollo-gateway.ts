/**
 * Contender child: plain @apollo/gateway in @apollo/server's standalone server, configured as The
 * Guild's federation benchmark runs it (supergraph from a file, nothing else set).
 * Usage: node apollo-gateway.js <supergraph-file>; prints `{"url": ...}` when it listens.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { disableLibraryTelemetry } from '../../../subgraphs/shared/config';
import { serveUntilStopped } from './child-lifecycle';

async function main(): Promise<void> {
  // Before the gateway exists: Apollo's libraries read the switch when they load their reporting.
  disableLibraryTelemetry();
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(process.argv[2], 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  await serveUntilStopped(url, () => server.stop());
}

main().catch((err) => {
  console.error('[apollo-gateway]', err);
  process.exit(1);
});
