/**
 * Token buckets, one per key (a tab): what a page may ask of the background in a burst, and how
 * fast that allowance comes back. A page is not trusted, and every message it makes the service
 * worker act on costs the reader's machine.
 */

export interface RateLimit {
  /** The most a key can spend at once. */
  readonly burst: number;
  /** How much allowance comes back per second. */
  readonly perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string | number, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  /**
   * Spends `cost` of `key`'s allowance at time `now` (ms). False, spending nothing, when the
   * allowance does not cover it; a cost above the burst is never allowed.
   */
  take(key: string | number, now: number, cost = 1): boolean {
    const { burst, perSecond } = this.limit;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (cost > bucket.tokens) return false;
    bucket.tokens -= cost;
    return true;
  }

  /** Forgets a key (its tab closed). */
  forget(key: string | number): void {
    this.buckets.delete(key);
  }
}
