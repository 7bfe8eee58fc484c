// Reads one shard through enhanced fan-out: SubscribeToShard, then the pushed events in order.
// Each subscription is renewed before its 5-minute end from the ContinuationSequenceNumber, at
// most one subscribe per shard every 5 s; a closed shard ends with its ChildShards. Records at or
// before the last delivered one are dropped, so renewals and reconnects deliver each exactly once.
import { SubscribeToShardCommand, type KinesisClient, type SubscribeToShardEvent } from '@aws-sdk/client-kinesis';
import { expandRecord } from '../decode';
import { describeError, errorCode } from '../errors';
import { Backoff } from '../backoff';
import { classifyFault } from './faults';
import { checkPosition, reReadFromLatest, type StartPosition } from './position';
import { afterSequence, toBatch } from './records';
import { ReaderCore, STOPPED, type ShardEnd } from './readerCore';
import type { ShardReaderOptions } from './shardReader';

export interface EfoOptions {
  /** The registered, ACTIVE consumer every subscription is made for. */
  consumerARN: string;
  /** The client SubscribeToShard goes through (HTTP/2 for AWS, HTTP/1.1 for most custom endpoints). */
  client: KinesisClient;
  /** A subscription is renewed after this long. Default 285,000 ms (AWS ends it at 5 min). */
  sessionMs?: number;
  /** At most one SubscribeToShard per shard per this long. Default 5,000 ms (the service's limit). */
  minSubscribeIntervalMs?: number;
}

export type EfoShardReaderOptions = Omit<ShardReaderOptions, 'client'> & {
  efo: EfoOptions;
  /**
   * True once a listing shows this shard closed. AWS ends a closed shard's subscription with its
   * ChildShards; kinesis-local 0.6.2 never does (it keeps sending empty events), so a closed shard
   * whose subscription is caught up with nothing left is read to its end either way.
   */
  shardClosed?: () => boolean;
};

const DEFAULT_SESSION_MS = 285_000;
const DEFAULT_SUBSCRIBE_INTERVAL_MS = 5_000;

/** The SubscribeToShard starting position of a tail position. */
function startingPosition(p: StartPosition): { Type: StartPosition['type']; SequenceNumber?: string; Timestamp?: Date } {
  if (p.type === 'AT_SEQUENCE_NUMBER' || p.type === 'AFTER_SEQUENCE_NUMBER') return { Type: p.type, SequenceNumber: p.sequenceNumber };
  if (p.type === 'AT_TIMESTAMP') return { Type: p.type, Timestamp: p.timestamp };
  return { Type: p.type };
}

export class EfoShardReader extends ReaderCore {
  private readonly opts: EfoShardReaderOptions;
  private readonly backoff: Backoff;
  /** The newest ContinuationSequenceNumber whose records were all delivered. */
  private continuation?: string;
  private lastSubscribeAt = -Infinity;
  private notBefore = 0;
  /** Subscriptions made so far (renewals and reconnects included). */
  subscriptions = 0;

  constructor(opts: EfoShardReaderOptions) {
    checkPosition(opts.position);
    super(opts);
    this.opts = opts;
    this.backoff = new Backoff({ baseMs: opts.backoffBaseMs, maxMs: opts.backoffMaxMs, random: opts.random });
  }

  protected async loop(): Promise<ShardEnd> {
    for (;;) {
      await this.gate();
      const wait = Math.max(this.notBefore, this.lastSubscribeAt + (this.opts.efo.minSubscribeIntervalMs ?? DEFAULT_SUBSCRIBE_INTERVAL_MS)) - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, this.signal);
      if (this.signal.aborted) return STOPPED;
      const end = await this.subscription();
      if (end) return end;
    }
  }

  /** From the continuation, else the last delivered record, else a re-read from LATEST's time, else the start. */
  private resumePosition(): StartPosition {
    const after = this.continuation ?? this.lastSequenceNumber;
    if (after !== undefined) return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: after };
    if (this.latestAt !== undefined) return reReadFromLatest(this.latestAt);
    return this.opts.position;
  }

  /** One subscription, until it ends, is renewed, fails or the shard closes. */
  private async subscription(): Promise<ShardEnd | undefined> {
    const session = new AbortController();
    const onAbort = (): void => session.abort();
    this.signal.addEventListener('abort', onAbort, { once: true });
    let renewing = false;
    void this.clock.sleep(this.opts.efo.sessionMs ?? DEFAULT_SESSION_MS, session.signal).then(() => {
      if (session.signal.aborted) return;
      renewing = true;
      session.abort();
    });
    const position = this.resumePosition();
    const takenAt = this.clock.now();
    this.lastSubscribeAt = takenAt;
    this.subscriptions++;
    try {
      const cmd = new SubscribeToShardCommand({ ConsumerARN: this.opts.efo.consumerARN, ShardId: this.shardId, StartingPosition: startingPosition(position) });
      const out = await this.opts.efo.client.send(cmd, { abortSignal: session.signal });
      if (position.type === 'LATEST') this.latestAt = this.status.latestAt = takenAt;
      if (this.status.current === 'starting' || this.status.current === 'retrying' || this.status.current === 'throttled') this.setState('reading');
      for await (const event of out.EventStream ?? []) {
        if (!event.SubscribeToShardEvent) continue;
        const end = await this.onEvent(event.SubscribeToShardEvent, takenAt);
        if (end) return end;
      }
      // The service ended the subscription (its 5 minutes are up): renew from the continuation.
      return undefined;
    } catch (err) {
      if (renewing && !this.signal.aborted) return undefined;
      return this.fault(err, position);
    } finally {
      session.abort();
      this.signal.removeEventListener('abort', onAbort);
    }
  }

  private async onEvent(e: SubscribeToShardEvent, subscribedAt: number): Promise<ShardEnd | undefined> {
    this.backoff.reset();
    const records = afterSequence(e.Records ?? [], this.lastSequenceNumber);
    if (records.length > 0) {
      const end = await this.deliver(toBatch(this.shardId, records, this.opts.expand ?? expandRecord, this.opts.decodeOptions, e.MillisBehindLatest, this.clock.now()));
      if (end) return end;
    } else {
      await this.gate();
      this.status.delivered(0, 0, undefined, e.MillisBehindLatest);
      const caughtUp = !(e.MillisBehindLatest && e.MillisBehindLatest > 0) && (e.Records ?? []).length === 0;
      // As for polling: caught up with nothing delivered, a later session may re-read from here.
      if (caughtUp && this.lastSequenceNumber === undefined && this.latestAt === undefined) this.latestAt = this.status.latestAt = subscribedAt;
    }
    if (this.signal.aborted) return STOPPED;
    const childShards = (e.ChildShards ?? []).map((c) => ({ shardId: c.ShardId ?? '', parentShardIds: c.ParentShards ?? [this.shardId] })).filter((c) => c.shardId !== '');
    if (e.ContinuationSequenceNumber) this.continuation = e.ContinuationSequenceNumber;
    else if (childShards.length > 0) return { reason: 'closed', childShards };
    const empty = (e.Records ?? []).length === 0 && !((e.MillisBehindLatest ?? 0) > 0);
    if (empty && this.opts.shardClosed?.()) return { reason: 'closed', childShards };
    this.setState((e.MillisBehindLatest ?? 0) > 0 || records.length > 0 ? 'reading' : 'caught-up');
    return undefined;
  }

  private fault(err: unknown, position: StartPosition): ShardEnd | undefined {
    const seq = position.type === 'AFTER_SEQUENCE_NUMBER' || position.type === 'AT_SEQUENCE_NUMBER' ? { sequenceNumber: position.sequenceNumber, shardId: this.shardId } : {};
    const error = describeError(err, { ...this.opts.errorContext, ...seq, action: 'kinesis:SubscribeToShard' });
    // "Another active subscription exists": the previous one (ours, just renewed, or another
    // window's on the same consumer) is still open on the server; wait and try again.
    const kind = errorCode(err) === 'ResourceInUseException' ? 'throttled' : classifyFault(err, this.signal);
    switch (kind) {
      case 'aborted':
        return STOPPED;
      case 'throttled':
        this.notBefore = this.clock.now() + this.backoff.next();
        this.setState('throttled', this.backoff.attempt, error);
        return undefined;
      case 'transient':
      case 'expired-iterator':
        this.notBefore = this.clock.now() + this.backoff.next();
        this.setState('retrying', this.backoff.attempt, error);
        return undefined;
      default:
        return { reason: 'error', fault: kind, error };
    }
  }
}
