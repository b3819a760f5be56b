/**
 * Fixed-rate load with evenly spaced arrivals (open loop). autocannon's `overallRate` sends each
 * connection's quota for the second back-to-back when the second starts (lib/httpClient.js resets
 * a per-second counter), so its percentiles at a "fixed rate" measure the queue of those bursts, not
 * the gateway at that rate. Here request k is due at start + k/rate, whatever came back before, and
 * its latency counts from when it was due: a gateway that falls behind shows it in p99 (no
 * coordinated omission), and in an answered rate under the target.
 */
import { Agent, request } from 'node:http';
import { summarize, type LoadResult } from './load';

export interface PacedLoadOptions {
  url: string;
  /** The request body (a JSON GraphQL request). */
  body: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  /** Seconds during which requests are started. */
  durationSeconds: number;
  /** Most connections open at once; requests due while all are busy wait (and their wait counts). */
  connections: number;
  /** The next bearer token; called once per request. */
  nextToken: () => string;
  /** Whether an answer is right. */
  verify: (body: string) => boolean;
  /** Seconds before a request counts as timed out. @default 10 */
  timeoutSeconds?: number;
}

export function runPacedLoad(options: PacedLoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const payload = Buffer.from(options.body);
  const latencies: number[] = [];
  const breakdown = { connection: 0, timeouts: 0, non2xx: 0, mismatches: 0 };
  const total = Math.round(options.rate * options.durationSeconds);
  let sent = 0;
  let settled = 0;
  const started = performance.now();

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      const durationSeconds = (performance.now() - started) / 1000;
      const errors = breakdown.connection + breakdown.timeouts + breakdown.non2xx + breakdown.mismatches;
      // The answered rate over the scheduled window: late answers make it fall short of the target.
      resolve({ requests: latencies.length, rps: latencies.length / durationSeconds, errors, errorBreakdown: breakdown, latency: summarize(latencies), durationSeconds });
    };
    const settle = () => {
      settled += 1;
      if (settled === total) finish();
    };
    const send = (dueAt: number) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          timeout: (options.timeoutSeconds ?? 10) * 1000,
          headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${options.nextToken()}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - dueAt;
            if (res.statusCode! < 200 || res.statusCode! >= 300) breakdown.non2xx += 1;
            else if (!options.verify(Buffer.concat(chunks).toString('utf8'))) breakdown.mismatches += 1;
            else latencies.push(ms);
            settle();
          });
        },
      );
      req.on('timeout', () => {
        breakdown.timeouts += 1;
        req.destroy(new Error('timeout'));
      });
      req.on('error', (err) => {
        if (err.message !== 'timeout') breakdown.connection += 1;
        settle();
      });
      req.end(payload);
    };
    const tick = () => {
      const elapsed = performance.now() - started;
      const due = Math.min(total, Math.floor((elapsed / 1000) * options.rate) + 1);
      while (sent < due) {
        send(started + (sent * 1000) / options.rate);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    if (total === 0) finish();
    else tick();
  });
}
