/**
 * A forked part of a benchmark (a gateway, the subgraphs) spoken to over IPC: its first message is
 * its ready payload, `request` sends one message and awaits the next one, `stop` asks it to stop and
 * kills it if it has not after 15 s.
 */
import type { ChildProcess } from 'node:child_process';

export interface BenchChild<R, M = string> {
  ready: R;
  pid: number;
  request<T>(message: M): Promise<T>;
  stop(): Promise<void>;
}

/** Waits for `child`'s ready message; rejects if it exits first. @param role named in that error */
export async function benchChild<R, M = string>(child: ChildProcess, role: string): Promise<BenchChild<R, M>> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<R>((resolve, reject) => {
    child.once('message', (m) => resolve(m as R));
    child.once('exit', (code) => reject(new Error(`${role} exited (${code}) before it was ready`)));
  });
  return {
    ready,
    pid: child.pid!,
    request: <T>(message: M) =>
      new Promise<T>((resolve) => {
        child.once('message', (m) => resolve(m as T));
        child.send(message as object);
      }),
    async stop() {
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
