/**
 * WebSocket-level heartbeats for the gateway's graphql-ws endpoint. One timer for all connections
 * (not one per connection: the benchmark holds 10,000): every interval each connection that has
 * not answered the previous ping is terminated, the others are pinged again. A dead peer is thus
 * gone within two intervals and stops holding queues and buffers. Browsers answer pings by
 * themselves; nothing is needed on the client.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import { HubCloseCode } from './close-codes';

export interface HeartbeatOptions {
  /** Time between pings; a connection silent for a whole interval is terminated. @default 15000 */
  intervalMs?: number;
  /** Told of each termination (log, metric). @default none */
  onTimeout?: (socket: WebSocket, code: HubCloseCode.HeartbeatTimeout) => void;
}

export interface Heartbeat {
  /** Connections terminated for not answering a ping since start. */
  readonly timeouts: number;
  stop(): void;
}

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000;

/** Sockets pinged and not heard from since; weak, so a socket closed otherwise is not held. */
const awaitingPong = new WeakSet<WebSocket>();

// One shared listener (`this` is the socket) rather than a closure per connection.
function heardFrom(this: WebSocket): void {
  awaitingPong.delete(this);
}

export function startHeartbeat(wsServer: WebSocketServer, options: HeartbeatOptions = {}): Heartbeat {
  const intervalMs = options.intervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  let timeouts = 0;
  const onConnection = (socket: WebSocket) => {
    socket.on('pong', heardFrom);
    // Any message proves the peer alive too (a busy client may answer pings late behind its data).
    socket.on('message', heardFrom);
  };
  wsServer.on('connection', onConnection);
  const timer = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        timeouts++;
        options.onTimeout?.(socket, HubCloseCode.HeartbeatTimeout);
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs);
  return {
    get timeouts() {
      return timeouts;
    },
    stop() {
      clearInterval(timer);
      wsServer.off('connection', onConnection);
    },
  };
}
