/**
 * The benchmark's bearer tokens: minted here with the development issuer derived from
 * {@link BENCH_TOKEN_SEED}, which the hub's gateway child trusts too. Every request carries a token
 * never sent before to that gateway (distinct `sub`), so no per-token cache can answer for it;
 * the pool grows between runs, never while one is measured (ES256 signing costs CPU on the load side).
 */
import { createDevIssuer } from '../../gateway/auth/dev-issuer';

/** Shared by the orchestrator (which mints) and the hub's gateway child (which verifies). */
export const BENCH_TOKEN_SEED = 'lienthong-federation-benchmark-token-seed';

/** A 12-digit personal id, distinct per index (the prefix keeps it in the citizens' number range). */
const personalIdFor = (i: number) => `0010${String(i).padStart(8, '0')}`;

export class TokenPool {
  private readonly tokens: string[] = [];
  private readonly issuer = createDevIssuer({ seed: BENCH_TOKEN_SEED });

  get size(): number {
    return this.tokens.length;
  }

  /** Mints until the pool holds at least `count` tokens. */
  async ensure(count: number): Promise<void> {
    const batch: Promise<string>[] = [];
    for (let i = this.tokens.length; i < count; i++) {
      batch.push(this.issuer.issue({ id: `bench-${i}`, role: 'CITIZEN', personalId: personalIdFor(i % 1e8) }));
      if (batch.length === 1000) this.tokens.push(...(await Promise.all(batch.splice(0))));
    }
    this.tokens.push(...(await Promise.all(batch)));
  }

  /** A stream from the pool's first token: one contender's requests, in order. */
  stream(): TokenStream {
    return new TokenStream(this.tokens);
  }
}

/** Hands out the pool's tokens in order; past the end it wraps around and counts the reuse. */
export class TokenStream {
  private cursor = 0;
  /** Tokens handed out a second time (or more): 0 when the pool was large enough. */
  reused = 0;

  constructor(private readonly tokens: readonly string[]) {}

  /** Tokens handed out so far. */
  get used(): number {
    return this.cursor;
  }

  readonly next = (): string => {
    const i = this.cursor++;
    if (i >= this.tokens.length) this.reused += 1;
    return this.tokens[i % this.tokens.length];
  };
}
