/**
 * The gateway's HTTP client to subgraphs: one keep-alive connection pool per subgraph origin
 * (undici), shared by queries, mutations and subscription entity fetches. The general-purpose
 * fetch stacks cost more CPU per call than a subgraph takes to answer (a TestQuery makes six to
 * eight calls), and with no pool each burst opened new connections.
 */
import { Pool } from 'undici';

export interface SubgraphHttpOptions {
  /** Connections kept per subgraph origin; calls beyond wait for a free one. @default 64 */
  connectionsPerOrigin?: number;
  /** How long an idle connection stays open. @default 30000 */
  keepAliveTimeoutMs?: number;
  /** Longest wait for a subgraph's answer headers, then for each body chunk. @default 30000 */
  timeoutMs?: number;
  /** Largest answer accepted from a subgraph, in bytes. @default 16777216 (16 MiB) */
  maxResponseBytes?: number;
}

/** A subgraph's HTTP answer: the status and the parsed JSON body (undefined when it is not JSON). */
export interface SubgraphHttpResponse {
  status: number;
  body: unknown;
}

/** The subgraph could not be reached, or its answer did not arrive whole. */
export class SubgraphUnreachableError extends Error {}

export class SubgraphHttp {
  private readonly pools = new Map<string, Pool>();
  private readonly connections: number;
  private readonly keepAliveTimeout: number;
  private readonly timeout: number;
  private readonly maxResponseBytes: number;
  private closed = false;

  constructor(options: SubgraphHttpOptions = {}) {
    this.connections = options.connectionsPerOrigin ?? 64;
    this.keepAliveTimeout = options.keepAliveTimeoutMs ?? 30_000;
    this.timeout = options.timeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
  }

  /** POSTs a JSON body (already serialised) and reads the JSON answer. */
  async postJson(url: string, body: string, headers: Record<string, string>): Promise<SubgraphHttpResponse> {
    const target = new URL(url);
    let text: string;
    let status: number;
    try {
      const response = await this.poolFor(target.origin).request({
        method: 'POST',
        path: target.pathname + target.search,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
        body,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (err) {
      throw new SubgraphUnreachableError(`${target.origin}: ${(err as Error).message}`, { cause: err });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status, body: parsed };
  }

  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      if (this.closed) throw new Error('The subgraph client is closed');
      pool = new Pool(origin, {
        connections: this.connections,
        keepAliveTimeout: this.keepAliveTimeout,
        headersTimeout: this.timeout,
        bodyTimeout: this.timeout,
        maxResponseSize: this.maxResponseBytes,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
