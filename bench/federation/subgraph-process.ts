/**
 * Child-process entry: serves the named reference subgraphs (all four by default), each on its own
 * port, and prints `{"<name>": "<url>", ...}` as one JSON line once they listen. It exits on
 * SIGTERM/SIGINT and, with `--exit-with-stdin`, when its stdin closes (the orchestrator's lifeline:
 * a killed benchmark leaves no subgraphs behind; opt-in, as a shell's background job reads /dev/null).
 * Usage: node subgraph-process.js [--exit-with-stdin] [name ...]
 */
import { REFERENCE_SUBGRAPHS } from './reference-subgraphs';
import { startReferenceSubgraph, type ReferenceSubgraphServer } from './subgraph-server';

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const chosen = names.length ? REFERENCE_SUBGRAPHS.filter((s) => names.includes(s.name)) : REFERENCE_SUBGRAPHS;
  const urls: Record<string, string> = {};
  const servers: ReferenceSubgraphServer[] = [];
  for (const subgraph of chosen) {
    const server = await startReferenceSubgraph(subgraph);
    servers.push(server);
    urls[subgraph.name] = server.url;
  }
  const end = (why: string) => {
    process.stderr.write(`[subgraphs] stopping: ${why}\n`);
    void Promise.all(servers.map((s) => s.stop())).finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => end('SIGTERM'));
  process.on('SIGINT', () => end('SIGINT'));
  if (process.argv.includes('--exit-with-stdin')) {
    process.stdin.on('close', () => end('stdin closed'));
    process.stdin.resume();
  }
  process.stdout.write(`${JSON.stringify(urls)}\n`);
}

// Said on stderr, which the orchestrator shows when a run fails.
process.on('uncaughtException', (err) => {
  process.stderr.write(`[subgraphs] uncaught: ${err.stack ?? String(err)}\n`);
  process.exit(1);
});
void main();
