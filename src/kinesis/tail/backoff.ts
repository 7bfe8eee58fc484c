// Exponential backoff with jitter for throttling and transient faults: 0.5 s, 1 s, 2 s, ... up to
// 10 s, each stretched by a random factor in [1, 2) so that shards do not retry in lockstep.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Injectable for tests; returns a number in [0, 1). */
  random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_MAX_MS = 10_000;

export class Backoff {
  private readonly base: number;
  private readonly max: number;
  private readonly random: () => number;
  private failures = 0;

  constructor(opts: BackoffOptions = {}) {
    this.base = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
    this.max = opts.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
    this.random = opts.random ?? Math.random;
  }

  /** Consecutive failures so far (the n of "retrying (n)"). */
  get attempt(): number {
    return this.failures;
  }

  /** Counts one more failure and returns how long to wait before the next try. */
  next(): number {
    this.failures++;
    const exp = this.base * 2 ** Math.min(this.failures - 1, 30);
    const jittered = exp * (1 + this.random());
    return Math.min(this.max, Math.max(this.base, jittered));
  }

  /** A success ends the streak. */
  reset(): void {
    this.failures = 0;
  }
}
