// What the polling reader and the enhanced fan-out reader share: start once, stop at once (aborting
// calls in flight), pause and resume through one gate, hand batches over before moving the resume
// point, and report the shard's state. Each reader only implements loop().
import { describeError, type DescribedError } from '../errors';
import { systemClock, type Clock } from '../clock';
import type { RangeEndReason } from './rangeEnd';
import { ShardStatusTracker } from './status';
import type { ShardState, ShardStatus, TailBatch } from './types';

export interface ChildShardInfo {
  shardId: string;
  parentShardIds: string[];
}

export type ShardEnd =
  | { reason: 'closed'; childShards: ChildShardInfo[] }
  | { reason: 'stopped' }
  /** A bounded read reached the end of its range on this shard. */
  | { reason: 'done'; why: RangeEndReason }
  | { reason: 'error'; fault: 'fatal' | 'credentials'; error: DescribedError };

export const STOPPED: ShardEnd = { reason: 'stopped' };

export interface ReaderCoreOptions {
  shardId: string;
  parentShardIds?: string[];
  clock?: Clock;
  /** Receives each non-empty batch, in order; the reader waits for it (backpressure). */
  onBatch: (batch: TailBatch) => void | Promise<void>;
  onStatus?: (status: ShardStatus) => void;
  /** Aborting it stops the reader, like stop(). */
  signal?: AbortSignal;
  startPaused?: boolean;
  /**
   * When this shard's LATEST position was first taken (a restored tail): the reader re-reads from
   * it, and the time is reported again until a record is delivered.
   */
  latestAt?: number;
}

export abstract class ReaderCore {
  readonly shardId: string;
  protected readonly clock: Clock;
  protected readonly status: ShardStatusTracker;
  private readonly controller = new AbortController();
  protected lastSequenceNumber?: string;
  /** When the LATEST position was taken, while nothing is delivered: the exact way back to it. */
  protected latestAt?: number;
  protected paused: boolean;
  private wake?: () => void;
  private started?: Promise<ShardEnd>;

  protected constructor(private readonly core: ReaderCoreOptions) {
    this.shardId = core.shardId;
    this.clock = core.clock ?? systemClock;
    this.paused = core.startPaused ?? false;
    this.status = new ShardStatusTracker(core.shardId, this.clock, core.parentShardIds);
    this.latestAt = this.status.latestAt = core.latestAt;
  }

  /** Reads until the shard ends, the reader fails or it is stopped. */
  protected abstract loop(): Promise<ShardEnd>;

  /** Starts reading (once); the promise settles when the reader has wound down. Never rejects. */
  start(): Promise<ShardEnd> {
    this.started ??= this.run();
    return this.started;
  }

  /** Ends the loop at once, aborting any call in flight; resolves when it has wound down. */
  stop(): Promise<ShardEnd> {
    this.controller.abort();
    this.wake?.();
    return this.started ?? Promise.resolve(STOPPED);
  }

  /** Stops reading; the position is kept and nothing is dropped. */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    if (!this.isFinal()) this.setState('paused');
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (!this.isFinal()) this.setState('reading');
    this.wake?.();
  }

  snapshot(): ShardStatus {
    return this.status.snapshot();
  }

  protected get signal(): AbortSignal {
    return this.controller.signal;
  }

  private async run(): Promise<ShardEnd> {
    const parent = this.core.signal;
    const onParentAbort = (): void => void this.stop();
    parent?.addEventListener('abort', onParentAbort, { once: true });
    if (parent?.aborted) this.controller.abort();
    let end: ShardEnd;
    try {
      if (this.paused) this.setState('paused');
      end = await this.loop();
    } catch (e) {
      end = { reason: 'error', fault: 'fatal', error: describeError(e) };
    } finally {
      parent?.removeEventListener('abort', onParentAbort);
    }
    this.finish(end);
    return end;
  }

  /** Hands a batch over (held while paused) and only then moves the resume point past it. */
  protected async deliver(batch: TailBatch): Promise<ShardEnd | undefined> {
    await this.gate();
    if (this.signal.aborted) return STOPPED;
    try {
      await this.core.onBatch(batch);
    } catch (e) {
      const error = describeError(e);
      return { reason: 'error', fault: 'fatal', error: { ...error, code: 'ConsumerError', nextStep: 'The consumer of the records failed; see the log.' } };
    }
    const last = batch.records[batch.records.length - 1]?.sequenceNumber;
    if (last !== undefined) {
      this.lastSequenceNumber = last;
      this.latestAt = this.status.latestAt = undefined;
    }
    this.status.delivered(batch.records.length, batch.bytes, last, batch.millisBehindLatest);
    this.emit();
    return this.signal.aborted ? STOPPED : undefined;
  }

  /** Waits while paused; returns at once when stopped. */
  protected async gate(): Promise<void> {
    while (this.paused && !this.signal.aborted) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  private isFinal(): boolean {
    const s = this.status.current;
    return s === 'closed' || s === 'error' || s === 'stopped' || s === 'done';
  }

  protected setState(state: ShardState, attempt = 0, error?: DescribedError): void {
    if (this.isFinal()) return;
    // A call that was in flight when pause() came must not make the shard look active.
    const final = state === 'closed' || state === 'error' || state === 'stopped' || state === 'done';
    const changed = this.paused && !final ? this.status.set('paused') : this.status.set(state, attempt, error);
    if (changed) this.emit();
  }

  private finish(end: ShardEnd): void {
    if (end.reason === 'closed') {
      this.status.closed(end.childShards.map((c) => c.shardId));
      this.setState('closed');
    } else if (end.reason === 'done') {
      this.setState('done');
    } else if (end.reason === 'error') {
      this.setState('error', 0, end.error);
    } else {
      this.setState('stopped');
    }
  }

  private emit(): void {
    this.core.onStatus?.(this.status.snapshot());
  }
}
