/** Shared upstream streams with a fake upstream: one per key, fan-out, lifecycle, slow subscribers. */
import { parse } from 'graphql';
import { HubCloseCode } from '../../gateway/subscriptions/close-codes';
import { requestsReplay } from '../../gateway/subscriptions/federated-subscribe';
import { canonicalJson, SharedStreams, streamKey, visibilityScope, type UpstreamSink } from '../../gateway/subscriptions/shared-streams';

class FakeSocket {
  bufferedAmount = 0;
  closedWith: number | undefined;
  close(code?: number) {
    this.closedWith = code;
  }
}

/** An upstream the test drives; counts starts and stops. */
class FakeUpstream {
  sinks: UpstreamSink<string>[] = [];
  starts = 0;
  stops = 0;
  start = (sink: UpstreamSink<string>) => {
    this.starts++;
    this.sinks.push(sink);
    return () => {
      this.stops++;
    };
  };
  emit(value: string) {
    this.sinks.at(-1)!.next(value);
  }
}

async function take(iterator: AsyncIterator<string>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await iterator.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('SharedStreams', () => {
  it('runs one upstream per key; every subscriber gets every event; the last to leave stops it', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const a = streams.join('k', up.start, new FakeSocket(), 'vi');
    const b = streams.join('k', up.start, new FakeSocket(), 'en');
    expect(up.starts).toBe(1);
    expect(streams.stats()).toMatchObject({ subscribers: 2, upstreamStreams: 1 });
    up.emit('e1');
    up.emit('e2');
    expect(await take(a, 2)).toEqual(['e1', 'e2']);
    expect(await take(b, 2)).toEqual(['e1', 'e2']);

    await a.return();
    expect(up.stops).toBe(0);
    expect(streams.stats()).toMatchObject({ subscribers: 1, upstreamStreams: 1 });
    await b.return();
    expect(up.stops).toBe(1);
    expect(streams.stats()).toMatchObject({ subscribers: 0, upstreamStreams: 0 });
  });

  it('starts a second upstream for another key, and a fresh one after the first stopped', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const a = streams.join('agency-1', up.start, new FakeSocket(), 'vi');
    const b = streams.join('agency-2', up.start, new FakeSocket(), 'vi');
    expect(streams.stats().upstreamStreams).toBe(2);
    await a.return();
    await b.return();
    streams.join('agency-1', up.start, new FakeSocket(), 'vi');
    expect(up.starts).toBe(3);
  });

  it('a subscriber joining a running stream gets events from then on', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const early = streams.join('k', up.start, new FakeSocket(), 'vi');
    up.emit('before');
    const late = streams.join('k', up.start, new FakeSocket(), 'vi');
    up.emit('after');
    expect(await take(early, 2)).toEqual(['before', 'after']);
    expect(await take(late, 1)).toEqual(['after']);
  });

  it('a joiner of a running snapshot stream gets the latest snapshot at once, then the next ones', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const first = streams.join('stats', up.start, new FakeSocket(), 'vi', { snapshots: true });
    up.emit('snapshot-1');
    up.emit('snapshot-2');
    const late = streams.join('stats', up.start, new FakeSocket(), 'vi', { snapshots: true });
    up.emit('snapshot-3');
    expect(await take(first, 3)).toEqual(['snapshot-1', 'snapshot-2', 'snapshot-3']);
    expect(await take(late, 2)).toEqual(['snapshot-2', 'snapshot-3']);
    expect(up.starts).toBe(1);
  });

  it('when the upstream fails, every subscriber gets the error result and completes; the key is free again', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const a = streams.join('k', up.start, new FakeSocket(), 'vi');
    const b = streams.join('k', up.start, new FakeSocket(), 'vi');
    up.emit('e1');
    up.sinks[0].end('FORBIDDEN');
    expect(await take(a, 5)).toEqual(['e1', 'FORBIDDEN']);
    expect(await take(b, 5)).toEqual(['e1', 'FORBIDDEN']);
    expect(streams.stats()).toMatchObject({ subscribers: 0, upstreamStreams: 0 });
    expect(up.stops).toBe(1);
    expect(streams.has('k')).toBe(false);
  });

  it('drops only the slow subscriber; the stream and the others go on', async () => {
    const streams = new SharedStreams<string>({ limits: { maxQueuedEvents: 2 } });
    const up = new FakeUpstream();
    const slowSocket = new FakeSocket();
    const slow = streams.join('k', up.start, slowSocket, 'vi');
    const fast = streams.join('k', up.start, new FakeSocket(), 'vi');
    const received: string[] = [];
    for (let i = 1; i <= 5; i++) {
      up.emit(`e${i}`);
      received.push(...(await take(fast, 1)));
    }
    expect(received).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(slowSocket.closedWith).toBe(HubCloseCode.SlowConsumer);
    expect((await slow.next()).done).toBe(true);
    expect(streams.stats()).toEqual({ subscribers: 1, upstreamStreams: 1, slowConsumerDisconnects: 1 });
    expect(up.stops).toBe(0);
  });

  it('presents each result per locale through the shared present function', async () => {
    const streams = new SharedStreams<string>({ present: (r, locale) => `${r}/${locale}` });
    const up = new FakeUpstream();
    const vi = streams.join('k', up.start, new FakeSocket(), 'vi');
    const en = streams.join('k', up.start, new FakeSocket(), 'en');
    up.emit('x');
    expect(await take(vi, 1)).toEqual(['x/vi']);
    expect(await take(en, 1)).toEqual(['x/en']);
  });

  it('closeAll stops every upstream and completes every subscriber', async () => {
    const streams = new SharedStreams<string>();
    const up = new FakeUpstream();
    const a = streams.join('k1', up.start, new FakeSocket(), 'vi');
    streams.join('k2', up.start, new FakeSocket(), 'vi');
    streams.closeAll();
    expect(up.stops).toBe(2);
    expect((await a.next()).done).toBe(true);
    expect(streams.stats()).toMatchObject({ subscribers: 0, upstreamStreams: 0 });
  });
});

describe('stream keys', () => {
  const doc = parse('subscription($a: String) { dossierEvents(agencyCode: $a) { id } }');

  it('ignore variable key order and whitespace, but not values or scope', () => {
    const scope = visibilityScope({ id: 'x', role: 'OFFICIAL', agencyCode: 'G01', workflowRoles: ['LEADER', 'RECEPTION'] });
    const sameScope = visibilityScope({ id: 'y', role: 'OFFICIAL', agencyCode: 'G01', workflowRoles: ['RECEPTION', 'LEADER'], name: 'B' });
    expect(sameScope).toBe(scope);
    // Per account (streams reading national data, logged per account): another account, another scope.
    const perAccount = (id: string) => visibilityScope({ id, role: 'OFFICIAL', agencyCode: 'G01', workflowRoles: ['LEADER'] }, true);
    expect(perAccount('x')).not.toBe(perAccount('y'));
    expect(perAccount('x')).toBe(perAccount('x'));
    const spaced = parse('subscription ($a: String)   {  dossierEvents(agencyCode: $a) {   id } }');
    expect(streamKey(spaced, null, { a: 'G01', b: { y: 1, x: 2 } }, scope)).toBe(streamKey(doc, null, { b: { x: 2, y: 1 }, a: 'G01' }, sameScope));
    expect(streamKey(doc, null, { a: 'G02' }, scope)).not.toBe(streamKey(doc, null, { a: 'G01' }, scope));
    const otherAgency = visibilityScope({ id: 'x', role: 'OFFICIAL', agencyCode: 'G02' });
    expect(streamKey(doc, null, {}, otherAgency)).not.toBe(streamKey(doc, null, {}, scope));
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('recognise a replay request (after: a cursor), which never shares a stream', () => {
    const withVariable = parse('subscription($c: ID) { dossierEvents(after: $c) { id } }');
    expect(requestsReplay(withVariable, null, { c: '42' })).toBe(true);
    expect(requestsReplay(withVariable, null, { c: null })).toBe(false);
    expect(requestsReplay(withVariable, null, {})).toBe(false);
    expect(requestsReplay(parse('subscription { dossierEvents(after: "7") { id } }'), null, {})).toBe(true);
    expect(requestsReplay(parse('subscription($c: ID = "9") { dossierEvents(after: $c) { id } }'), null, {})).toBe(true);
    expect(requestsReplay(doc, null, { a: 'G01' })).toBe(false);
  });
});
