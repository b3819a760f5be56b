/**
 * graphql-ws connections from the gateway to subgraphs, pooled per (subgraph, visibility scope):
 * the streams of one scope multiplex on one socket, authenticated once in that scope's name. A
 * connection closes when its last stream stops. Subgraphs check the internal token again on each
 * subscription and the token is short-lived, so a connection takes new streams only while young
 * (`maxReuseMs`); later streams open a fresh one and the old one closes with its last stream.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LeasedConnection {
  readonly client: Client;
  /** The stream stopped; the last one to release a connection closes it. */
  release(): void;
}

interface PooledConnection {
  client: Client;
  streams: number;
  openedAt: number;
}

/** Below the internal token's 5 minutes, with room for a subscribe in flight. @default 4 minutes */
export const DEFAULT_CONNECTION_REUSE_MS = 4 * 60_000;

export class UpstreamConnections {
  private readonly pool = new Map<string, PooledConnection>();
  /** Connections too old for new streams, still carrying some. */
  private readonly retiring = new Set<PooledConnection>();

  constructor(
    /** How long a connection takes new streams. @default DEFAULT_CONNECTION_REUSE_MS */
    private readonly maxReuseMs = DEFAULT_CONNECTION_REUSE_MS,
  ) {}

  /** Open connections (each may carry several streams). */
  get size(): number {
    return this.pool.size + this.retiring.size;
  }

  /**
   * A connection to `url` for the scope `poolKey`. `connectionParams` is called when the socket
   * opens, so the token in it is fresh.
   */
  lease(poolKey: string, url: string, connectionParams: () => Promise<Record<string, unknown>>): LeasedConnection {
    let pooled = this.pool.get(poolKey);
    if (pooled && Date.now() - pooled.openedAt > this.maxReuseMs) {
      this.pool.delete(poolKey);
      this.retiring.add(pooled);
      pooled = undefined;
    }
    if (!pooled) {
      pooled = {
        client: createClient({
          url: url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams,
          // Connects with its first stream; closed by the pool when its last stream stops.
          lazy: true,
          // A lost connection ends its streams with an error: subscribers resume from their cursor.
          retryAttempts: 0,
        }),
        streams: 0,
        openedAt: Date.now(),
      };
      this.pool.set(poolKey, pooled);
    }
    const entry = pooled;
    entry.streams++;
    let released = false;
    return {
      client: entry.client,
      release: () => {
        if (released) return;
        released = true;
        if (--entry.streams > 0) return;
        if (this.pool.get(poolKey) === entry) this.pool.delete(poolKey);
        this.retiring.delete(entry);
        void entry.client.dispose();
      },
    };
  }

  closeAll(): void {
    for (const entry of [...this.pool.values(), ...this.retiring]) void entry.client.dispose();
    this.pool.clear();
    this.retiring.clear();
  }
}
