import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { RateLimitStore } from '../store/types';

/**
 * express-rate-limit's store over the wall's database: the hits of one key count together on every server of a
 * cluster (and survive a restart). Windows run on the machine's clock, as express-rate-limit's own stores do: a
 * limit is about real time, whatever the wall's clock shows.
 */
export class StoredRateLimit implements Store {
  /** The keys live in the database: express-rate-limit must not assume they are this process's alone. */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly store: RateLimitStore,
    /** Set apart from the keys of other limits in the same table. */
    readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetAt } = await this.store.hit(`${this.prefix}${key}`, this.windowMs, this.now());
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await this.store.unhit(`${this.prefix}${key}`);
  }

  async resetKey(key: string): Promise<void> {
    await this.store.reset(`${this.prefix}${key}`);
  }
}
