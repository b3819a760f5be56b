/**
 * Distinct access tokens minted before a run, handed out one per request: the same principal with a
 * different `name` claim in each, so no token repeats and no per-token cache can answer. Signing
 * (ES256) happens between runs, never on the load generator's timed path.
 */
import type { DevIssuer } from '../../../gateway/auth/dev-issuer';
import type { Principal } from '../../../subgraphs/shared/auth/principal';

/** How many tokens are signed concurrently while filling the pool. */
const SIGNING_BATCH = 256;

export class TokenPool {
  private readonly tokens: string[] = [];
  private next = 0;
  private minted = 0;
  /** Tokens handed out a second time because the pool ran dry (a run that reuses any is not valid). */
  reused = 0;

  constructor(
    private readonly issuer: DevIssuer,
    private readonly principal: Principal,
    /** Prefix of the `name` claim; each token's name is `<prefix>-<n>`. */
    private readonly label: string,
  ) {}

  /** Tokens not handed out yet. */
  get spare(): number {
    return this.tokens.length - this.next;
  }

  /** Mints until at least `count` tokens are spare. */
  async ensure(count: number): Promise<void> {
    while (this.spare < count) {
      const batch = Math.min(SIGNING_BATCH, count - this.spare);
      const signed = await Promise.all(
        Array.from({ length: batch }, () => this.issuer.issue({ ...this.principal, name: `${this.label}-${this.minted++}` })),
      );
      this.tokens.push(...signed);
    }
  }

  /** The next unused token (wraps around, counting reuse, when the pool is exhausted). */
  take = (): string => {
    if (this.next >= this.tokens.length) {
      if (this.tokens.length === 0) throw new Error(`token pool ${this.label} is empty: call ensure() before a run`);
      this.reused += 1;
      return this.tokens[this.reused % this.tokens.length];
    }
    return this.tokens[this.next++];
  };

  /** Forgets tokens already used, so the pool's memory stays bounded over a long benchmark. */
  compact(): void {
    this.tokens.splice(0, this.next);
    this.next = 0;
  }
}
