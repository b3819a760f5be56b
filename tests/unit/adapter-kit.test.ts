/**
 * The adapter kit's policy around a real HTTP upstream (port 0, scripted answers): retries only for
 * idempotent reads and retryable codes within the deadline, the circuit breaker's cycle, the TTL cache
 * and the metrics.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdapterMetrics, TtlCache, backoffDelay, canonicalJson, createUpstream, DEFAULT_RETRY, type UpstreamPolicyOptions } from '../../adapters/kit';
import { createRestJsonClient, createRestUpstream } from '../../adapters/rest';
import { AdapterError, toLienthongError } from '../../adapters/soap';
import { ErrorCode } from '../../subgraphs/shared/errors';

interface Scripted {
  status: number;
  body?: string;
  delayMs?: number;
}

let server: Server;
let baseUrl: string;
let script: Scripted[] = [];
let fallback: Scripted = { status: 200, body: '{"ok":true}' };
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const answer = script.shift() ?? fallback;
    const timer = setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body ?? `{"n":${requests.length}}`);
    }, answer.delayMs ?? 0);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  script = [];
  requests = [];
  fallback = { status: 200, body: '{"ok":true}' };
});

const opened: Array<{ close(): void }> = [];
afterEach(() => opened.splice(0).forEach((u) => u.close()));

function upstream(policy: UpstreamPolicyOptions = {}) {
  const u = createRestUpstream({
    format: 'json',
    rest: {
      system: 'TEST_SYSTEM',
      baseUrl,
      operations: { read: { method: 'GET', path: '/items/{id}' }, write: { method: 'POST', path: '/items' } },
    },
    // Generous: a loaded CI machine must not turn a retried read into a timeout.
    timeoutMs: 3000,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...policy,
  });
  opened.push(u);
  return u;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err as AdapterError,
  );

describe('retries', () => {
  it('retries an idempotent read after UNAVAILABLE and returns the later answer', async () => {
    script = [{ status: 503 }, { status: 502 }, { status: 200, body: '{"id":"7"}' }];
    const u = upstream();
    const result = await u.callUpstream('read', { id: '7' }, { idempotent: true });
    expect(result.body).toEqual({ id: '7' });
    expect(requests).toHaveLength(3);
    const stats = u.metrics.snapshot().TEST_SYSTEM;
    expect(stats).toMatchObject({ calls: 1, attempts: 3, retries: 2, successes: 1, errors: {} });
  });

  it('never retries a non-idempotent call', async () => {
    script = [{ status: 503 }, { status: 200 }];
    const err = await failure(upstream().callUpstream('write', { a: 1 }, { idempotent: false }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['NOT_FOUND', 404],
    ['FAULT', 400],
  ])('never retries %s', async (code, status) => {
    script = [{ status }, { status: 200 }];
    const err = await failure(upstream().callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(err.code).toBe(code);
    expect(requests).toHaveLength(1);
  });

  it('never retries BAD_RESPONSE', async () => {
    script = [{ status: 200, body: '{"broken":' }, { status: 200 }];
    const err = await failure(upstream().callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(requests).toHaveLength(1);
  });

  it('gives up after the configured attempts with the last error', async () => {
    fallback = { status: 503 };
    const err = await failure(upstream({ retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 } }).callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(requests).toHaveLength(4);
  });

  it('bounds the whole call by the deadline, not each attempt (timeouts are not multiplied)', async () => {
    fallback = { status: 200, delayMs: 3000 };
    const u = upstream({ timeoutMs: 150, deadlineMs: 250, retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 1 } });
    const started = Date.now();
    const err = await failure(u.callUpstream('read', { id: '1' }, { idempotent: true }));
    const elapsed = Date.now() - started;
    expect(err.code).toBe('TIMEOUT');
    // First attempt 150 ms, second gets only the ~100 ms left; the attempt count is the real proof,
    // the upper bound only says the call did not wait for the 3 s answer (loose for loaded CI machines).
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(2000);
    expect(requests).toHaveLength(2);
  });

  it('does not sleep past the deadline: a backoff that cannot finish in time ends the call with the real error', async () => {
    fallback = { status: 503 };
    // A 9.9 s backoff against a 1 s deadline: sleeping it would show as ≥ 9.9 s, far above the bound,
    // which stays loose because a loaded CI machine can take a few hundred ms for the first call.
    const u = upstream({ deadlineMs: 1000, retry: { attempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 }, random: () => 0.99 });
    const started = Date.now();
    const err = await failure(u.callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(requests).toHaveLength(1);
  });

  it('computes exponential backoff with full jitter, capped', () => {
    const max = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, DEFAULT_RETRY, max))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0)).toBe(0);
    expect(backoffDelay(2, DEFAULT_RETRY, () => 0.5)).toBe(100);
    expect(DEFAULT_RETRY).toEqual({ attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 });
  });
});

describe('circuit breaker', () => {
  it('opens after N failures, fails fast with CIRCUIT_OPEN, half-opens after the reset time and closes on a good probe', async () => {
    fallback = { status: 503 };
    const u = upstream({ retry: { attempts: 1 }, circuit: { failureThreshold: 3, windowMs: 10_000, resetTimeoutMs: 150 } });
    for (let i = 0; i < 3; i += 1) expect((await failure(u.callUpstream('read', { id: String(i) }, { idempotent: true }))).code).toBe('UNAVAILABLE');
    expect(u.circuitState).toBe('OPEN');

    const rejected = await failure(u.callUpstream('read', { id: 'x' }, { idempotent: true }));
    expect(rejected).toBeInstanceOf(AdapterError);
    expect(rejected).toMatchObject({ code: 'CIRCUIT_OPEN', retryable: false, system: 'TEST_SYSTEM' });
    expect(requests).toHaveLength(3); // the open circuit did not call the upstream
    expect(toLienthongError(rejected).extensions.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);

    await new Promise((r) => setTimeout(r, 200));
    expect(u.circuitState).toBe('HALF_OPEN');
    fallback = { status: 200, body: '{"ok":true}', delayMs: 50 };
    // One probe goes through; a call arriving during the probe is still refused.
    const probe = u.callUpstream('read', { id: 'p' }, { idempotent: true });
    const during = await failure(u.callUpstream('read', { id: 'q' }, { idempotent: true }));
    expect(during.code).toBe('CIRCUIT_OPEN');
    await expect(probe).resolves.toMatchObject({ body: { ok: true } });
    expect(u.circuitState).toBe('CLOSED');
    expect(requests).toHaveLength(4);

    // Closed again with a fresh count: one new failure does not reopen it.
    fallback = { status: 503 };
    await failure(u.callUpstream('read', { id: 'z' }, { idempotent: true }));
    expect(u.circuitState).toBe('CLOSED');
    const stats = u.metrics.snapshot().TEST_SYSTEM;
    expect(stats.circuit).toEqual({ state: 'CLOSED', timesOpened: 1 });
    expect(stats.errors).toEqual({ UNAVAILABLE: 4, CIRCUIT_OPEN: 2 });
  });

  it('reopens when the half-open probe fails', async () => {
    fallback = { status: 503 };
    const u = upstream({ retry: { attempts: 1 }, circuit: { failureThreshold: 2, resetTimeoutMs: 100 } });
    await failure(u.callUpstream('read', { id: '1' }, { idempotent: true }));
    await failure(u.callUpstream('read', { id: '2' }, { idempotent: true }));
    expect(u.circuitState).toBe('OPEN');
    await new Promise((r) => setTimeout(r, 150));
    expect((await failure(u.callUpstream('read', { id: '3' }, { idempotent: true }))).code).toBe('UNAVAILABLE');
    expect(u.circuitState).toBe('OPEN');
    expect(u.metrics.snapshot().TEST_SYSTEM.circuit.timesOpened).toBe(2);
  });

  it('counts only unhealthy answers: NOT_FOUND and business faults keep it closed', async () => {
    fallback = { status: 404 };
    const u = upstream({ circuit: { failureThreshold: 2 } });
    for (let i = 0; i < 4; i += 1) expect((await failure(u.callUpstream('read', { id: String(i) }, { idempotent: true }))).code).toBe('NOT_FOUND');
    expect(u.circuitState).toBe('CLOSED');
  });

  it('stops retrying once the circuit opens mid-call', async () => {
    fallback = { status: 503 };
    const u = upstream({ retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 1 }, circuit: { failureThreshold: 2 } });
    const err = await failure(u.callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(err.code).toBe('CIRCUIT_OPEN');
    expect(requests).toHaveLength(2);
  });

  it('keeps one circuit per upstream', async () => {
    fallback = { status: 503 };
    const a = upstream({ retry: { attempts: 1 }, circuit: { failureThreshold: 1 } });
    const b = createUpstream({ transport: createRestJsonClient({ system: 'OTHER', baseUrl, operations: { read: { method: 'GET', path: '/x' } } }), circuit: { failureThreshold: 1 } });
    opened.push(b);
    await failure(a.callUpstream('read', { id: '1' }, { idempotent: true }));
    expect(a.circuitState).toBe('OPEN');
    expect(b.circuitState).toBe('CLOSED');
  });
});

describe('cache', () => {
  it('serves a cached idempotent read within its TTL, keyed by operation and canonical input', async () => {
    const u = upstream({ cache: { ttlMs: { read: 10_000 } } });
    const first = await u.callUpstream('read', { id: '1', extra: { b: 2, a: 1 } }, { idempotent: true });
    const second = await u.callUpstream('read', { extra: { a: 1, b: 2 }, id: '1' }, { idempotent: true });
    expect(second).toBe(first);
    expect(requests).toHaveLength(1);
    await u.callUpstream('read', { id: '2' }, { idempotent: true });
    expect(requests).toHaveLength(2);
    expect(u.metrics.snapshot().TEST_SYSTEM.cache).toEqual({ hits: 1, misses: 2 });
  });

  it('expires entries after their TTL', async () => {
    let now = 1_000_000;
    const u = upstream({ cache: { ttlMs: { read: 1000 } }, now: () => now });
    await u.callUpstream('read', { id: '1' }, { idempotent: true });
    now += 999;
    await u.callUpstream('read', { id: '1' }, { idempotent: true });
    expect(requests).toHaveLength(1);
    now += 1;
    await u.callUpstream('read', { id: '1' }, { idempotent: true });
    expect(requests).toHaveLength(2);
  });

  it('caches nothing by default, nothing for non-idempotent calls and no errors', async () => {
    const plain = upstream();
    await plain.callUpstream('read', { id: '1' }, { idempotent: true });
    await plain.callUpstream('read', { id: '1' }, { idempotent: true });
    expect(requests).toHaveLength(2);

    const cached = upstream({ cache: { ttlMs: { read: 10_000, write: 10_000 } }, retry: { attempts: 1 } });
    await cached.callUpstream('write', { a: 1 }, { idempotent: false });
    await cached.callUpstream('write', { a: 1 }, { idempotent: false });
    expect(requests).toHaveLength(4);

    script = [{ status: 503 }];
    await failure(cached.callUpstream('read', { id: '9' }, { idempotent: true }));
    await expect(cached.callUpstream('read', { id: '9' }, { idempotent: true })).resolves.toMatchObject({ body: { ok: true } });
    expect(requests).toHaveLength(6);
  });

  it('is bounded: the least recently used entry goes first', () => {
    const cache = new TtlCache<number>({ maxEntries: 2 });
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3, 1000);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: 'v', u: undefined })).toBe('{"a":"v","b":[{"x":2,"y":1}]}');
  });
});

describe('metrics', () => {
  it('counts calls, errors by code, latency and keeps adapters apart in one registry', async () => {
    const metrics = new AdapterMetrics();
    const u = upstream({ metrics, retry: { attempts: 1 } });
    script = [{ status: 200, delayMs: 30 }, { status: 404 }, { status: 503 }, { status: 200 }];
    await u.callUpstream('read', { id: '1' }, { idempotent: true });
    await failure(u.callUpstream('read', { id: '2' }, { idempotent: true }));
    await failure(u.callUpstream('read', { id: '3' }, { idempotent: true }));
    await u.callUpstream('read', { id: '4' }, { idempotent: true });
    const other = createUpstream({ transport: createRestJsonClient({ system: 'SECOND', baseUrl, operations: { read: { method: 'GET', path: '/x' } } }), metrics });
    opened.push(other);
    await other.callUpstream('read', {}, { idempotent: true });

    const snapshot = metrics.snapshot();
    expect(Object.keys(snapshot).sort()).toEqual(['SECOND', 'TEST_SYSTEM']);
    const stats = snapshot.TEST_SYSTEM;
    expect(stats).toMatchObject({ calls: 4, attempts: 4, retries: 0, successes: 2, errors: { NOT_FOUND: 1, UNAVAILABLE: 1 } });
    expect(stats.latencyMs.count).toBe(4);
    expect(stats.latencyMs.max).toBeGreaterThanOrEqual(30);
    expect(stats.latencyMs.p95).toBe(stats.latencyMs.max);
    expect(stats.latencyMs.p50).toBeLessThanOrEqual(stats.latencyMs.p95);
    expect(stats.latencyMs.buckets.at(-1)).toEqual({ le: null, count: 4 });
    expect(stats.circuit.state).toBe('CLOSED');
    expect(snapshot.SECOND).toMatchObject({ calls: 1, successes: 1 });
  });

  it('reports DISABLED when an upstream has no circuit', () => {
    const u = upstream({ circuit: false });
    expect(u.circuitState).toBe('DISABLED');
    expect(u.metrics.snapshot().TEST_SYSTEM.circuit.state).toBe('DISABLED');
  });
});
