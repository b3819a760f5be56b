/**
 * The contenders of the gateway benchmark, each started alone in its own process pinned to the
 * gateway CPU, against the same subgraphs. `direct` is the floor: no gateway, the subgraph's own URL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHiveGateway } from './hive-gateway';
import { GATEWAY_CPU, startPinned, type PinnedProcess } from './pinned-process';

export const CONTENDER_NAMES = ['direct', 'apollo', 'hive', 'hub'] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

export const CONTENDER_LABELS: Record<ContenderName, string> = {
  direct: 'direct subgraph (floor)',
  apollo: '@apollo/gateway',
  hive: '@graphql-hive/gateway',
  hub: 'hub gateway',
};

export interface RunningContender {
  name: ContenderName;
  /** Its GraphQL endpoint; for `direct`, undefined (each query names its subgraph). */
  url?: string;
  /** The gateway's process, if it has one (CPU and RSS are read from it and its descendants). */
  process?: PinnedProcess;
  stop(): Promise<void>;
}

export interface ContenderInputs {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
}

async function startNodeChild(name: string, entry: string, args: string[]): Promise<{ url: string; process: PinnedProcess }> {
  const child = startPinned(name, GATEWAY_CPU, process.execPath, [join(__dirname, entry), ...args]);
  try {
    const { url } = await child.firstJsonLine<{ url: string }>();
    return { url, process: child };
  } catch (err) {
    await child.stop();
    throw err;
  }
}

export async function startContender(name: ContenderName, inputs: ContenderInputs): Promise<RunningContender> {
  if (name === 'direct') return { name, stop: async () => undefined };
  // The CLI takes the supergraph as a path; the others get the same file for symmetry.
  const workDir = mkdtempSync(join(tmpdir(), `lienthong-bench-${name}-`));
  const supergraphFile = join(workDir, 'supergraph.graphql');
  writeFileSync(supergraphFile, inputs.supergraphSdl);
  const cleanup = () => {
    rmSync(workDir, { recursive: true, force: true });
    process.off('exit', cleanup);
  };
  // Also when the orchestrator exits on a signal, before stop() could run.
  process.on('exit', cleanup);
  try {
    const started =
      name === 'hive'
        ? await startHiveGateway(supergraphFile, workDir)
        : name === 'apollo'
          ? await startNodeChild('apollo-gateway', 'apollo-gateway.js', [supergraphFile])
          : await startNodeChild('hub-gateway', 'hub-gateway.js', [supergraphFile, JSON.stringify(inputs.subgraphUrls)]);
    return {
      name,
      url: started.url,
      process: started.process,
      async stop() {
        await started.process.stop();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}
