/**
 * Failed sign-in attempts, counted in memory over a sliding window, per account and per client
 * address. In memory is enough for the one-process deployments this app targets; several processes
 * behind a load balancer would each count on their own (so an attacker gets at most N × the limit),
 * and a restart forgets the counts. Only failures count, so a person who signs in successfully is
 * never slowed; a success clears that account's failures (not the address's).
 *
 * The per-account limit means someone who knows an address can keep that account locked out while
 * they keep guessing; the window is short (15 minutes) so it heals on its own once they stop.
 */

export interface SignInLimits {
  /** Failed attempts allowed for one account (email) within the window. */
  perAccount: number;
  /** Failed attempts allowed from one client address within the window, whatever the account. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/** Past this many tracked keys the oldest are dropped, so a flood of addresses cannot exhaust memory. */
const MAX_KEYS = 50_000;

export class SlidingWindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.hits.delete(key);
    else this.hits.set(key, times);
    return times;
  }

  /** Milliseconds until one more attempt is allowed; 0 when allowed now. */
  retryAfterMs(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit) return 0;
    return Math.max(1, times[times.length - this.limit] + this.windowMs - this.now());
  }

  record(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.hits.delete(key);
    this.hits.set(key, times.slice(-this.limit));
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
  }

  clear(key: string): void {
    this.hits.delete(key);
  }
}

export class SignInLimiter {
  private readonly accounts: SlidingWindowCounter;
  private readonly addresses: SlidingWindowCounter;

  constructor(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, now: () => number = Date.now) {
    this.accounts = new SlidingWindowCounter(limits.perAccount, limits.windowMs, now);
    this.addresses = new SlidingWindowCounter(limits.perAddress, limits.windowMs, now);
  }

  /** Milliseconds to wait before this email may be tried from this address; 0 when allowed. */
  retryAfterMs(email: string, address: string): number {
    return Math.max(this.accounts.retryAfterMs(email.toLowerCase()), this.addresses.retryAfterMs(address));
  }

  recordFailure(email: string, address: string): void {
    this.accounts.record(email.toLowerCase());
    this.addresses.record(address);
  }

  recordSuccess(email: string): void {
    this.accounts.clear(email.toLowerCase());
  }
}
