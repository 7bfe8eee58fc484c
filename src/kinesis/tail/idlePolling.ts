// Adaptive idle polling: how long a caught-up shard waits before its next GetRecords. Each empty,
// caught-up call doubles the wait, from idleIntervalMs up to idleMaxIntervalMs (defaults 1 s → 2 s
// → 4 s → 5 s); a call that returns records, or MillisBehindLatest > 0, puts the shard back on fast
// polling at once. An idle 500-shard tail then costs about 100 calls/s instead of 500, and a record
// on an idle shard is still read within idleMaxIntervalMs.

export const DEFAULT_IDLE_MS = 1_000;
export const DEFAULT_IDLE_MAX_MS = 5_000;
/** Each further empty call multiplies the wait by this, up to the bound. */
export const IDLE_GROWTH = 2;

export interface IdlePollingOptions {
  /** The first wait once caught up. Default 1,000 ms. */
  idleIntervalMs?: number;
  /** The bound the wait grows to; at or below idleIntervalMs the wait stays fixed. Default 5,000 ms. */
  idleMaxIntervalMs?: number;
}

export class IdlePolling {
  private readonly firstMs: number;
  private readonly maxMs: number;
  private emptyCalls = 0;

  constructor(opts: IdlePollingOptions = {}) {
    this.firstMs = Math.max(0, opts.idleIntervalMs ?? DEFAULT_IDLE_MS);
    this.maxMs = Math.max(this.firstMs, opts.idleMaxIntervalMs ?? DEFAULT_IDLE_MAX_MS);
  }

  /** After a call with records or lag: the next call may start at once (pacing still applies). */
  active(): number {
    this.emptyCalls = 0;
    return 0;
  }

  /** After an empty, caught-up call: the wait before the next one, one step longer each time. */
  idle(): number {
    const ms = Math.min(this.maxMs, this.firstMs * IDLE_GROWTH ** this.emptyCalls);
    if (ms < this.maxMs) this.emptyCalls++;
    return ms;
  }
}
