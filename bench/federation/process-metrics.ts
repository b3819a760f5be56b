/**
 * CPU time and resident memory of another process, read from /proc (Linux): what a gateway spends
 * per request is its CPU time over a run divided by the requests it answered.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ProcessSample {
  /** User + system CPU time so far, milliseconds (10 ms resolution). */
  cpuMs: number;
  /** Resident set size, bytes. */
  rssBytes: number;
}

export function sampleProcess(pid: number): ProcessSample {
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}
