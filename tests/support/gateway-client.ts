/** A portal's view of the hub: GraphQL over HTTP and graphql-ws against the gateway. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './subgraph-client';

export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as GraphQLResponse<T>) };
}

/** Collects a subscription's results; `next(n)` waits until n results have arrived. */
export class SubscriptionRecorder<T = any> {
  readonly results: GraphQLResponse<T>[] = [];
  private readonly client: Client;
  private readonly waiters: Array<() => void> = [];
  private dispose?: () => void;
  error?: unknown;

  constructor(url: string, token?: string) {
    this.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
  }

  /** Resolves once the gateway has acknowledged the subscription upstream (first ping round-trip). */
  start(query: string, variables: Record<string, unknown> = {}): this {
    this.dispose = this.client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          this.results.push(r as GraphQLResponse<T>);
          this.waiters.splice(0).forEach((w) => w());
        },
        error: (e) => {
          this.error = e;
          this.waiters.splice(0).forEach((w) => w());
        },
        complete: () => undefined,
      },
    );
    return this;
  }

  async next(count: number, timeoutMs = 10_000): Promise<GraphQLResponse<T>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count && !this.error) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Only ${this.results.length} of ${count} subscription results arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (this.error) throw this.error instanceof Error ? this.error : new Error(JSON.stringify(this.error));
    return this.results.slice(0, count);
  }

  async close(): Promise<void> {
    this.dispose?.();
    await this.client.dispose();
  }
}

/** Polls `probe` until it returns a truthy value. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
