// Per-shard pacing of Kinesis read calls: at most 5 calls in any second, at least 200 ms apart,
// and no more than 2 MiB/s of record data, so that the tail never causes its own throttling.
// The "second" is stretched by a small guard so that network jitter cannot squeeze 6 calls
// into one second on the service's side.
import type { Clock } from '../clock';

export interface RateLimitOptions {
  /** Minimum time between two call starts. Default 200 ms. */
  minIntervalMs?: number;
  /** Calls allowed in any window of 1 s. Default 5 (the GetRecords quota per shard). */
  maxCallsPerSecond?: number;
  /** Record bytes per second the shard may hand out. Default 2 MiB. */
  maxBytesPerSecond?: number;
  /** Added to the 1 s window of maxCallsPerSecond. Default 50 ms. */
  windowGuardMs?: number;
}

export const DEFAULT_MIN_INTERVAL_MS = 200;
export const DEFAULT_MAX_CALLS_PER_SECOND = 5;
export const DEFAULT_MAX_BYTES_PER_SECOND = 2 * 1024 * 1024;
export const DEFAULT_WINDOW_GUARD_MS = 50;

export class ShardRateLimiter {
  private readonly minInterval: number;
  private readonly maxCalls: number;
  private readonly bytesPerMs: number;
  private readonly windowMs: number;
  /** Start times of the last `maxCalls` calls, oldest first. */
  private readonly starts: number[] = [];
  /** The byte budget is spent until this time (a large response pushes it forward). */
  private bytesFreeAt = 0;

  constructor(
    private readonly clock: Clock,
    opts: RateLimitOptions = {},
  ) {
    this.minInterval = opts.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.maxCalls = Math.max(1, opts.maxCallsPerSecond ?? DEFAULT_MAX_CALLS_PER_SECOND);
    this.bytesPerMs = (opts.maxBytesPerSecond ?? DEFAULT_MAX_BYTES_PER_SECOND) / 1000;
    this.windowMs = 1000 + (opts.windowGuardMs ?? DEFAULT_WINDOW_GUARD_MS);
  }

  /** Earliest time the next call may start (ignoring any caller-imposed idle delay). */
  nextAllowedAt(): number {
    const last = this.starts[this.starts.length - 1];
    let at = last === undefined ? 0 : last + this.minInterval;
    if (this.starts.length >= this.maxCalls) at = Math.max(at, (this.starts[0] ?? 0) + this.windowMs);
    return Math.max(at, this.bytesFreeAt);
  }

  /**
   * Waits until a call may start, then records the start. `notBefore` adds a caller's own delay
   * (the idle poll interval, a backoff). Returns false if aborted while waiting.
   */
  async acquire(signal?: AbortSignal, notBefore = 0): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const at = Math.max(this.nextAllowedAt(), notBefore);
      const wait = at - this.clock.now();
      if (wait <= 0) break;
      await this.clock.sleep(wait, signal);
    }
    this.starts.push(this.clock.now());
    if (this.starts.length > this.maxCalls) this.starts.shift();
    return true;
  }

  /**
   * Charges a response's record bytes: a shard serves 2 MiB/s, so after a 10 MiB response the
   * next call waits 5 s from the call's start, as Kinesis itself would demand.
   */
  consumed(bytes: number): void {
    if (bytes <= 0) return;
    const from = Math.max(this.bytesFreeAt, this.starts[this.starts.length - 1] ?? this.clock.now());
    this.bytesFreeAt = from + bytes / this.bytesPerMs;
  }
}
