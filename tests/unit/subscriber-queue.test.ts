/** One subscriber's bounded queue: order, back-pressure limits, slow-consumer close, prompt return. */
import { HubCloseCode } from '../../gateway/subscriptions/close-codes';
import { SubscriberQueue, type QueueOwner } from '../../gateway/subscriptions/subscriber-queue';

class FakeSocket {
  bufferedAmount = 0;
  closedWith: number | undefined;
  close(code?: number) {
    this.closedWith = code;
  }
}

function owner(limits = { maxQueuedEvents: 3, maxBufferedBytes: 1000 }) {
  const left: SubscriberQueue<string>[] = [];
  let dropped = 0;
  const o: QueueOwner<string> = {
    limits,
    present: (r, locale) => `${r}@${locale}`,
    leave: (q) => left.push(q),
    droppedSlowConsumer: () => dropped++,
  };
  return { o, left, dropped: () => dropped };
}

describe('SubscriberQueue', () => {
  it('hands results over in order, presented in the subscriber\'s locale, to a waiting reader too', async () => {
    const { o } = owner();
    const q = new SubscriberQueue(o, new FakeSocket(), 'en');
    const waiting = q.next();
    q.push('a');
    q.push('b');
    q.push('c');
    expect(await waiting).toEqual({ done: false, value: 'a@en' });
    expect(await q.next()).toEqual({ done: false, value: 'b@en' });
    expect(await q.next()).toEqual({ done: false, value: 'c@en' });
    expect(q.queued).toBe(0);
  });

  it('drops a subscriber whose queue is full with SlowConsumer and leaves its stream', async () => {
    const { o, left, dropped } = owner();
    const socket = new FakeSocket();
    const q = new SubscriberQueue(o, socket, 'vi');
    expect([q.push('1'), q.push('2'), q.push('3')]).toEqual([true, true, true]);
    expect(socket.closedWith).toBeUndefined();
    expect(q.push('4')).toBe(false);
    expect(socket.closedWith).toBe(HubCloseCode.SlowConsumer);
    expect(left).toEqual([q]);
    expect(dropped()).toBe(1);
    // Nothing is held after the drop, and the send loop ends.
    expect(q.queued).toBe(0);
    expect(await q.next()).toEqual({ done: true, value: undefined });
    expect(q.push('5')).toBe(false);
  });

  it('drops a subscriber whose socket buffers too many bytes, even with an empty queue', () => {
    const { o } = owner();
    const socket = new FakeSocket();
    const q = new SubscriberQueue(o, socket, 'vi');
    expect(q.push('1')).toBe(true);
    socket.bufferedAmount = 1001;
    expect(q.push('2')).toBe(false);
    expect(socket.closedWith).toBe(HubCloseCode.SlowConsumer);
  });

  it('delivers what is queued and the final result, then completes, when the upstream ends', async () => {
    const { o, left } = owner();
    const q = new SubscriberQueue(o, new FakeSocket(), 'vi');
    q.push('a');
    q.end('error');
    expect(await q.next()).toEqual({ done: false, value: 'a@vi' });
    expect(await q.next()).toEqual({ done: false, value: 'error@vi' });
    expect(left).toEqual([q]);
    expect(await q.next()).toEqual({ done: true, value: undefined });
  });

  it('return() settles at once, also while a read is pending, and leaves the stream once', async () => {
    const { o, left } = owner();
    const q = new SubscriberQueue(o, new FakeSocket(), 'vi');
    const pending = q.next();
    await expect(q.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    await q.return();
    expect(left).toEqual([q]);
  });
});
