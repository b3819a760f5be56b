/**
 * Child processes of the benchmark, each pinned to one CPU with `taskset` (which execs, so the
 * child's PID is the program's own). Every child started here is remembered until it has exited, so
 * the orchestrator can stop them all from a `finally` or a signal handler and check none is left.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** CPU of the gateways under test. */
export const GATEWAY_CPU = 0;
/** CPU of the subgraphs and of the load generator (this process). */
export const LOAD_CPU = 1;

export interface PinnedProcess {
  readonly name: string;
  readonly pid: number;
  /** Everything it wrote to stdout/stderr so far (kept for error messages). */
  output(): string;
  /** The first stdout line that parses as JSON (children announce their URLs that way). */
  firstJsonLine<T>(timeoutMs?: number): Promise<T>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Pins this process, every thread of it, to `cpu`. */
export function pinSelf(cpu: number): void {
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

export function startPinned(name: string, cpu: number, command: string, args: string[], cwd?: string): PinnedProcess {
  // stdin stays open as a lifeline: our own children exit when it closes, even if we are SIGKILLed.
  const child = spawn('taskset', ['-c', String(cpu), command, ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
  live.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      output += `[${name} exited: ${signal ?? `code ${code}`}]\n`;
      live.delete(child);
      resolve();
    }),
  );
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout! });
  const jsonLines: unknown[] = [];
  const waiters: ((line: unknown) => void)[] = [];
  lines.on('line', (line) => {
    output += `${line}\n`;
    if (!line.startsWith('{')) return;
    try {
      const parsed: unknown = JSON.parse(line);
      const waiter = waiters.shift();
      if (waiter) waiter(parsed);
      else jsonLines.push(parsed);
    } catch {
      // a log line that merely starts with a brace
    }
  });
  return {
    name,
    pid: child.pid!,
    output: () => output,
    firstJsonLine: <T>(timeoutMs = 60_000) =>
      new Promise<T>((resolve, reject) => {
        if (jsonLines.length) return resolve(jsonLines.shift() as T);
        const timer = setTimeout(() => reject(new Error(`${name} did not get ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
        void exited.then(() => reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`)));
        waiters.push((line) => {
          clearTimeout(timer);
          resolve(line as T);
        });
      }),
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills every child still running (SIGKILL: used on failure and on signals, when waiting is no option). */
export function killAllPinned(): number[] {
  const pids: number[] = [];
  for (const child of live) {
    pids.push(child.pid!);
    child.kill('SIGKILL');
  }
  return pids;
}

/** Whether a process with this PID still exists (and is not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** `pid` and all its descendants, from /proc (a gateway may serve from forked workers). */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // it exited meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}
