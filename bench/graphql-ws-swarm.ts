/**
 * Many graphql-ws subscribers in one process, as raw `ws` sockets speaking graphql-transport-ws:
 * a graphql-ws Client per subscriber would cost the benchmark process more than the sockets under
 * test. Each subscriber answers pings (so the server's heartbeat keeps it) and hands every `next`
 * payload to the caller.
 */
import WebSocket from 'ws';

export interface SubscriberSpec {
  /** GraphQL endpoint (http:// or ws://). */
  url: string;
  /** `connection_init` payload (the gateway: authorization; a subgraph: internalToken). */
  connectionParams: Record<string, unknown>;
  query: string;
  variables?: Record<string, unknown>;
}

export interface Swarm {
  /** Subscribers connected, acknowledged and subscribed. */
  readonly size: number;
  /** Sockets the server closed, by close code. */
  readonly closedByServer: Map<number, number>;
  /** `error` messages received (a refused subscription). */
  readonly errors: number;
  close(): Promise<void>;
}

export type OnResult = (payload: { data?: any; errors?: unknown[] }, receivedAt: number) => void;

/** One subscriber; resolves once the subscription is sent after the server's `connection_ack`. */
function connect(spec: SubscriberSpec, onResult: OnResult, swarm: SwarmState, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(spec.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('subscriber not acknowledged in time'));
    }, timeoutMs);
    let subscribed = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: spec.connectionParams })));
    socket.on('message', (raw) => {
      const receivedAt = performance.now();
      const message = JSON.parse(raw.toString());
      switch (message.type) {
        case 'connection_ack':
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: spec.query, variables: spec.variables ?? {} } }));
          subscribed = true;
          clearTimeout(timer);
          resolve(socket);
          break;
        case 'ping':
          socket.send('{"type":"pong"}');
          break;
        case 'next':
          onResult(message.payload, receivedAt);
          break;
        case 'error':
          swarm.errors++;
          break;
      }
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      if (!swarm.closing) swarm.closedByServer.set(code, (swarm.closedByServer.get(code) ?? 0) + 1);
      if (!subscribed) reject(new Error(`closed before acknowledgement (${code})`));
    });
    socket.on('error', () => undefined); // a 'close' follows
  });
}

interface SwarmState {
  closing: boolean;
  errors: number;
  closedByServer: Map<number, number>;
}

/**
 * Connects `count` subscribers, `spec(i)` describing the i-th, at most `concurrency` handshakes at a time.
 * @param concurrency handshakes in flight @default 200
 */
export async function startSwarm(count: number, spec: (i: number) => SubscriberSpec, onResult: OnResult, concurrency = 200): Promise<Swarm> {
  const state: SwarmState = { closing: false, errors: 0, closedByServer: new Map() };
  const sockets: WebSocket[] = [];
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (nextIndex < count) {
        const i = nextIndex++;
        sockets.push(await connect(spec(i), onResult, state, 30_000));
      }
    }),
  );
  return {
    get size() {
      return sockets.length;
    },
    closedByServer: state.closedByServer,
    get errors() {
      return state.errors;
    },
    async close() {
      state.closing = true;
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.readyState === WebSocket.CLOSED) return resolve();
              s.once('close', () => resolve());
              s.close(1000);
              setTimeout(() => (s.terminate(), resolve()), 5000).unref();
            }),
        ),
      );
    },
  };
}
