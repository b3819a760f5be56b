/**
 * Contender: the real @graphql-hive/gateway CLI, `supergraph <file> --fork 1`. With one fork the CLI
 * serves in its own process (it forks cluster workers only for more than one), so the spawned PID is
 * the serving one. It reports usage or traces only when given Hive or OpenTelemetry options, and none
 * is given. Its own readiness endpoint says when the supergraph is loaded.
 */
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { GATEWAY_CPU, startPinned, type PinnedProcess } from './pinned-process';

/** The CLI's entry, run with this Node (not through the .bin shim, so the PID is the server's). */
function hiveGatewayEntry(): string {
  return join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist', 'bin.js');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function untilReady(base: string, child: PinnedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/readiness`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`hive-gateway not ready after ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** @param workDir a directory without a gateway config file (the CLI looks for one in its cwd) */
export async function startHiveGateway(supergraphFile: string, workDir: string): Promise<{ url: string; process: PinnedProcess }> {
  const port = await freePort();
  const args = [hiveGatewayEntry(), 'supergraph', supergraphFile, '--port', String(port), '--host', '127.0.0.1', '--fork', '1'];
  const child = startPinned('hive-gateway', GATEWAY_CPU, process.execPath, args, workDir);
  const base = `http://127.0.0.1:${port}`;
  try {
    await untilReady(base, child, 60_000);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { url: `${base}/graphql`, process: child };
}
