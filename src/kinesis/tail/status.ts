// Per-shard status bookkeeping: state with its label, totals, and records/bytes per second over
// a short sliding window, plus the stream-wide roll-up the tail panel shows.
import type { DescribedError } from '../errors';
import type { Clock } from '../clock';
import type { ShardState, ShardStatus, TailMode, TailState, TailStatus } from './types';

/** Sums per one-second bucket over the last `windowSeconds`, for a steady rate display. */
export class RateMeter {
  private readonly buckets: { second: number; value: number }[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly windowSeconds = 5,
  ) {
    this.startedAt = clock.now();
  }

  add(value: number): void {
    const second = Math.floor(this.clock.now() / 1000);
    const last = this.buckets[this.buckets.length - 1];
    if (last && last.second === second) last.value += value;
    else this.buckets.push({ second, value });
    this.prune(second);
  }

  /** Average per second over the window, or over the time since start when shorter. */
  perSecond(): number {
    const now = this.clock.now();
    const second = Math.floor(now / 1000);
    this.prune(second);
    const sum = this.buckets.reduce((acc, b) => acc + b.value, 0);
    const span = Math.min(this.windowSeconds, Math.max(1, (now - this.startedAt) / 1000));
    return sum / span;
  }

  private prune(second: number): void {
    while (this.buckets.length && (this.buckets[0]?.second ?? 0) <= second - this.windowSeconds) this.buckets.shift();
  }
}

export function stateLabel(state: ShardState, attempt: number): string {
  return (state === 'retrying' || state === 'throttled') && attempt > 0 ? `${state} (${attempt})` : state;
}

/** Mutable status of one shard; `snapshot()` hands out a copy. */
export class ShardStatusTracker {
  private state: ShardState = 'starting';
  private attempt = 0;
  private error?: DescribedError;
  private millisBehindLatest?: number;
  private lastSequenceNumber?: string;
  private childShardIds?: string[];
  /** See ShardStatus.latestAt; the reader keeps it current. */
  latestAt?: number;
  private totalRecords = 0;
  private totalBytes = 0;
  private readonly records: RateMeter;
  private readonly bytes: RateMeter;

  constructor(
    readonly shardId: string,
    clock: Clock,
    private readonly parentShardIds?: string[],
  ) {
    this.records = new RateMeter(clock);
    this.bytes = new RateMeter(clock);
  }

  get current(): ShardState {
    return this.state;
  }

  /** Returns true when the visible state (or its attempt count) changed. */
  set(state: ShardState, attempt = 0, error?: DescribedError): boolean {
    const changed = state !== this.state || attempt !== this.attempt;
    this.state = state;
    this.attempt = attempt;
    this.error = error;
    return changed;
  }

  delivered(records: number, bytes: number, lastSequenceNumber: string | undefined, millisBehindLatest: number | undefined): void {
    this.totalRecords += records;
    this.totalBytes += bytes;
    this.records.add(records);
    this.bytes.add(bytes);
    if (lastSequenceNumber !== undefined) this.lastSequenceNumber = lastSequenceNumber;
    this.millisBehindLatest = millisBehindLatest;
  }

  closed(childShardIds: string[]): void {
    this.childShardIds = childShardIds;
  }

  snapshot(): ShardStatus {
    return {
      shardId: this.shardId,
      state: this.state,
      label: stateLabel(this.state, this.attempt),
      attempt: this.attempt,
      millisBehindLatest: this.millisBehindLatest,
      recordsPerSecond: this.records.perSecond(),
      bytesPerSecond: this.bytes.perSecond(),
      totalRecords: this.totalRecords,
      totalBytes: this.totalBytes,
      lastSequenceNumber: this.lastSequenceNumber,
      ...(this.latestAt === undefined ? {} : { latestAt: this.latestAt }),
      parentShardIds: this.parentShardIds ? [...this.parentShardIds] : undefined,
      childShardIds: this.childShardIds ? [...this.childShardIds] : undefined,
      error: this.error,
    };
  }
}

/** Rolls shard statuses up into the stream's status. */
export function tailStatus(streamName: string, state: TailState, shards: ShardStatus[], error?: DescribedError, mode: TailMode = 'polling'): TailStatus {
  const sum = (f: (s: ShardStatus) => number): number => shards.reduce((acc, s) => acc + f(s), 0);
  return {
    streamName,
    state,
    mode,
    shards,
    totalRecords: sum((s) => s.totalRecords),
    totalBytes: sum((s) => s.totalBytes),
    recordsPerSecond: sum((s) => s.recordsPerSecond),
    bytesPerSecond: sum((s) => s.bytesPerSecond),
    error,
  };
}
