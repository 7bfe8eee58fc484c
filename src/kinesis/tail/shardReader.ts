// Reads one shard: GetShardIterator, then a paced GetRecords loop that delivers batches in order,
// survives throttling, expired iterators and network faults without losing or repeating a record,
// and ends when the shard closes, on a fatal error, or at once on stop().
import { GetRecordsCommand, GetShardIteratorCommand, type GetRecordsCommandOutput, type KinesisClient } from '@aws-sdk/client-kinesis';
import { expandRecord } from '../decode';
import type { DecodeOptions, RecordExpander } from '../decode/types';
import { describeError, type ErrorContext } from '../errors';
import { Backoff } from '../backoff';
import type { Clock } from '../clock';
import type { CallSlots } from './callSlots';
import { classifyFault } from './faults';
import { IdlePolling } from './idlePolling';
import { checkPosition, iteratorParams, reReadFromLatest, type StartPosition } from './position';
import { afterSequence, recordBytes, toBatch } from './records';
import type { ShardRangeEnd } from './rangeEnd';
import { ShardRateLimiter } from './scheduler';
import { ReaderCore, STOPPED, type ShardEnd } from './readerCore';
import type { ReadLimits, ShardStatus, TailBatch } from './types';

export type { ChildShardInfo, ShardEnd } from './readerCore';

export interface ShardReaderOptions extends ReadLimits {
  /** A client built with maxAttempts 1, so that throttling reaches this reader's backoff. */
  client: KinesisClient;
  streamName: string;
  /** When given, calls name the stream by ARN (cross-account access). */
  streamARN?: string;
  shardId: string;
  position: StartPosition;
  parentShardIds?: string[];
  /** KPL expansion and decoding; defaults to the decoders' expandRecord. */
  expand?: RecordExpander;
  decodeOptions?: DecodeOptions;
  clock?: Clock;
  /** Jitter source for backoff, in [0, 1). */
  random?: () => number;
  /** Receives each non-empty batch, in order; the reader waits for it (backpressure). */
  onBatch: (batch: TailBatch) => void | Promise<void>;
  onStatus?: (status: ShardStatus) => void;
  /** Aborting it stops the reader, like stop(). */
  signal?: AbortSignal;
  /** Profile and endpoint named in error hints. */
  errorContext?: Omit<ErrorContext, 'action'>;
  startPaused?: boolean;
  /** Shared by a stream tail's readers: bounds the calls in flight (callSlots.ts). */
  callSlots?: CallSlots;
  /**
   * When this shard's LATEST position was first taken (a restored tail): `position` is then the
   * AT_TIMESTAMP re-read from it, and the time is reported again until a record is delivered.
   */
  latestAt?: number;
  /** A bounded read: where this shard stops (it then ends with reason 'done'). */
  rangeEnd?: ShardRangeEnd;
}

const MAX_LIMIT = 10_000;
const DEFAULT_ITERATOR_MAX_AGE_MS = 270_000;

export class ShardReader extends ReaderCore {
  private readonly opts: ShardReaderOptions;
  private readonly limiter: ShardRateLimiter;
  private readonly backoff: Backoff;
  private readonly idle: IdlePolling;
  private readonly expand: RecordExpander;
  private iterator?: string;
  private iteratorAt = 0;
  /** Earliest start of the next call: the idle interval or a backoff. */
  private notBefore = 0;

  constructor(opts: ShardReaderOptions) {
    checkPosition(opts.position);
    super(opts);
    this.opts = opts;
    this.expand = opts.expand ?? expandRecord;
    this.limiter = new ShardRateLimiter(this.clock, { minIntervalMs: opts.minCallIntervalMs, maxBytesPerSecond: opts.maxBytesPerSecond });
    this.backoff = new Backoff({ baseMs: opts.backoffBaseMs, maxMs: opts.backoffMaxMs, random: opts.random });
    this.idle = new IdlePolling(opts);
  }

  protected async loop(): Promise<ShardEnd> {
    for (;;) {
      await this.gate();
      if (this.signal.aborted) return STOPPED;
      const end = this.needsIterator() ? await this.renewIterator() : await this.poll();
      if (end) return end;
    }
  }

  /**
   * A missing iterator must be fetched. An old one is renewed before use only when a delivered
   * record gives an exact resume point; otherwise it is tried first (it may still be valid), as
   * re-reading a LATEST start could skip records.
   */
  private needsIterator(): boolean {
    if (this.iterator === undefined) return true;
    const maxAge = this.opts.iteratorMaxAgeMs ?? DEFAULT_ITERATOR_MAX_AGE_MS;
    return this.lastSequenceNumber !== undefined && this.clock.now() - this.iteratorAt > maxAge;
  }

  /** GetRecords accepts 1..10,000. */
  private limit(): number {
    return Math.min(MAX_LIMIT, Math.max(1, Math.floor(this.opts.limit ?? MAX_LIMIT)));
  }

  /**
   * The last delivered record when there is one; else, once a LATEST position was taken, a
   * re-read from that time (a new LATEST would skip what arrived meanwhile); else the start.
   */
  private resumePosition(): StartPosition {
    if (this.lastSequenceNumber !== undefined) return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: this.lastSequenceNumber };
    if (this.latestAt !== undefined) return reReadFromLatest(this.latestAt);
    return this.opts.position;
  }

  private streamRef(): { StreamName?: string; StreamARN?: string } {
    return this.opts.streamARN ? { StreamARN: this.opts.streamARN } : { StreamName: this.opts.streamName };
  }

  private async renewIterator(): Promise<ShardEnd | undefined> {
    if (!(await this.limiter.acquire(this.signal, this.notBefore))) return STOPPED;
    if (this.paused) return undefined;
    const position = this.resumePosition();
    const cmd = new GetShardIteratorCommand({ ...this.streamRef(), ShardId: this.shardId, ...iteratorParams(position) });
    // Taken before the call: LATEST then points at or after this instant on the server.
    const takenAt = this.clock.now();
    try {
      const out = await this.send(() => this.opts.client.send(cmd, { abortSignal: this.signal }));
      if (!out.ShardIterator) return { reason: 'closed', childShards: [] };
      if (position.type === 'LATEST') this.latestAt = this.status.latestAt = takenAt;
      this.iterator = out.ShardIterator;
      this.iteratorAt = this.clock.now();
      if (this.status.current === 'starting') this.setState('reading');
      return undefined;
    } catch (err) {
      const seq = position.type === 'AT_SEQUENCE_NUMBER' || position.type === 'AFTER_SEQUENCE_NUMBER' ? { sequenceNumber: position.sequenceNumber, shardId: this.shardId } : {};
      return this.fault(err, 'kinesis:GetShardIterator', seq);
    }
  }

  private async poll(): Promise<ShardEnd | undefined> {
    if (!(await this.limiter.acquire(this.signal, this.notBefore))) return STOPPED;
    if (this.paused) return undefined;
    const calledAt = this.clock.now();
    let out: GetRecordsCommandOutput;
    try {
      const cmd = new GetRecordsCommand({ ShardIterator: this.iterator, Limit: this.limit(), ...(this.opts.streamARN ? { StreamARN: this.opts.streamARN } : {}) });
      out = await this.send(() => this.opts.client.send(cmd, { abortSignal: this.signal }));
    } catch (err) {
      return this.fault(err, 'kinesis:GetRecords');
    }
    this.backoff.reset();
    const received = out.Records ?? [];
    this.limiter.consumed(recordBytes(received));
    // A re-read (AT_TIMESTAMP after LATEST, or any overlap) may return what was delivered already.
    const records = afterSequence(received, this.lastSequenceNumber);
    if (records.length > 0) {
      const full = toBatch(this.shardId, records, this.expand, this.opts.decodeOptions, out.MillisBehindLatest, this.clock.now());
      const { batch, done } = this.opts.rangeEnd?.cut(full) ?? { batch: full };
      const delivered = batch.records.length > 0 ? await this.deliver(batch) : undefined;
      if (delivered) return delivered;
      if (done) return { reason: 'done', why: done };
    } else {
      this.status.delivered(0, 0, undefined, out.MillisBehindLatest);
      // Caught up with nothing ever delivered: everything before this call has been read, so a
      // later session may re-read from here instead of skipping to a new LATEST.
      if (this.lastSequenceNumber === undefined && this.latestAt === undefined && received.length === 0 && !(out.MillisBehindLatest && out.MillisBehindLatest > 0)) this.latestAt = this.status.latestAt = calledAt;
    }
    if (!out.NextShardIterator) {
      const childShards = (out.ChildShards ?? []).map((c) => ({ shardId: c.ShardId ?? '', parentShardIds: c.ParentShards ?? [this.shardId] })).filter((c) => c.shardId !== '');
      return { reason: 'closed', childShards };
    }
    if (received.length === 0 && this.opts.rangeEnd?.caughtUp(out.MillisBehindLatest, calledAt)) return { reason: 'done', why: 'caught-up' };
    this.iterator = out.NextShardIterator;
    this.iteratorAt = this.clock.now();
    const behind = (out.MillisBehindLatest ?? 0) > 0;
    // Records keep coming, or the shard says we lag: call again as soon as the pacing allows.
    // Caught up: wait a step longer after each empty call (idlePolling.ts).
    this.notBefore = received.length > 0 || behind ? this.idle.active() : calledAt + this.idle.idle();
    this.setState(received.length > 0 || behind ? 'reading' : 'caught-up');
    return undefined;
  }

  private send<T>(call: () => Promise<T>): Promise<T> {
    return this.opts.callSlots ? this.opts.callSlots.run(call, this.signal) : call();
  }

  private fault(err: unknown, action: string, about: Pick<ErrorContext, 'sequenceNumber' | 'shardId'> = {}): ShardEnd | undefined {
    const kind = classifyFault(err, this.signal);
    const error = describeError(err, { ...this.opts.errorContext, ...about, action });
    switch (kind) {
      case 'aborted':
        return STOPPED;
      case 'expired-iterator':
        // No backoff: a fresh iterator from the last delivered record is all it takes.
        this.iterator = undefined;
        return undefined;
      case 'throttled':
        this.notBefore = this.clock.now() + this.backoff.next();
        this.setState('throttled', this.backoff.attempt, error);
        return undefined;
      case 'transient':
        this.notBefore = this.clock.now() + this.backoff.next();
        // The first retry reuses the iterator (iterators are reusable); after that, start over
        // from the last delivered record in case the iterator itself is what fails.
        if (this.backoff.attempt >= 2) this.iterator = undefined;
        this.setState('retrying', this.backoff.attempt, error);
        return undefined;
      default:
        return { reason: 'error', fault: kind, error };
    }
  }
}
