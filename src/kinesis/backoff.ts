// The one exponential backoff of the layer, for throttling and transient faults. The tail waits
// 0.5 s, 1 s, 2 s, ... up to 10 s, each stretched by a random factor in [1, 2) so that shards do
// not retry in lockstep; put retries use "equal jitter" (half the capped step plus a random half).
// Callers wait on the injectable Clock (clock.ts).

export type Jitter = 'stretch' | 'equal';

export interface BackoffStep {
  baseMs: number;
  maxMs: number;
  /** [0, 1) source; tests pass a fixed one. */
  random: () => number;
  jitter: Jitter;
}

/** The delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(attempt: number, o: BackoffStep): number {
  const step = o.baseMs * 2 ** Math.min(Math.max(0, attempt - 1), 30);
  if (o.jitter === 'equal') {
    const cap = Math.min(o.maxMs, step);
    return Math.floor(cap / 2 + o.random() * (cap / 2));
  }
  return Math.min(o.maxMs, Math.max(o.baseMs, step * (1 + o.random())));
}

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
    return backoffDelay(this.failures, { baseMs: this.base, maxMs: this.max, random: this.random, jitter: 'stretch' });
  }

  /** A success ends the streak. */
  reset(): void {
    this.failures = 0;
  }
}
