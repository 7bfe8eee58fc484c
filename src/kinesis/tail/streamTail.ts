// Tails a whole stream (or chosen shards and their descendants): one ShardReader per shard being
// read, parents before children, new shards from ChildShards and periodic re-listing, batches to
// a callback or an async iterator, and one status for the lot.
import type { KinesisClient, Shard } from '@aws-sdk/client-kinesis';
import { listShardPages } from '../streams/shards';
import { setMaxListeners } from 'node:events';
import type { DecodeOptions, RecordExpander } from '../decode/types';
import { describeError, type DescribedError, type ErrorContext } from '../errors';
import { Backoff } from '../backoff';
import { BatchQueue } from './batchQueue';
import { CallSlots } from './callSlots';
import { systemClock, type Clock } from '../clock';
import { classifyFault } from './faults';
import { Lineage, shardNode } from './lineage';
import { checkPosition, type StartPosition } from './position';
import { checkReadEnd, ShardRangeEnd, type ReadEnd } from './rangeEnd';
import { ShardReader, type ShardEnd, type ShardReaderOptions } from './shardReader';
import { EfoShardReader, type EfoOptions } from './efoReader';
import { tailStatus } from './status';
import type { ReadLimits, ShardStatus, TailBatch, TailState, TailStatus } from './types';

export interface StreamTailOptions extends ReadLimits {
  /** A client built with maxAttempts 1 (ClientCache purpose 'tail'). */
  client: KinesisClient;
  streamName: string;
  streamARN?: string;
  position: StartPosition;
  /** Read only these shards and their descendants. Required (one shard) for sequence-number starts. */
  shardIds?: string[];
  /**
   * Per shard, the last sequence number already delivered in an earlier session (a tail restored
   * after a window reload): those shards resume right after it, whatever `position` says.
   */
  resumeAfter?: Record<string, string>;
  /**
   * Per shard that had shown nothing, the time its LATEST position was taken in an earlier
   * session (ShardStatus.latestAt): it re-reads from then instead of skipping to a new LATEST.
   */
  resumeAtLatest?: Record<string, number>;
  /** How often ListShards looks for new shards. Default 30,000 ms; 0 turns it off. */
  relistIntervalMs?: number;
  /** How often a status with fresh rates is emitted. Default 1,000 ms. */
  statusIntervalMs?: number;
  /** Batches the async iterator may hold before readers wait. Default 16. */
  maxQueuedBatches?: number;
  /** Calls of all shards in flight at once, below the HTTP agent's 64 sockets. Default 48. */
  maxConcurrentCalls?: number;
  /**
   * Receives every batch; calls are serialized (never two at once) and awaited, so a slow
   * consumer slows the readers instead of growing a buffer. Without it, use batches().
   */
  onBatch?: (batch: TailBatch) => void | Promise<void>;
  onStatus?: (status: TailStatus) => void;
  expand?: RecordExpander;
  decodeOptions?: DecodeOptions;
  clock?: Clock;
  random?: () => number;
  errorContext?: Omit<ErrorContext, 'action'>;
  /**
   * Read through enhanced fan-out (SubscribeToShard for this consumer) instead of polling;
   * `client` still lists the shards. The lineage, statuses and delivery are the same.
   */
  efo?: EfoOptions;
  /**
   * A bounded read: each shard stops at this end ('done'); children of a shard read after it,
   * only as far as the range; the tail ends by itself once no shard is left to read.
   */
  end?: ReadEnd;
}

const DEFAULT_RELIST_MS = 30_000;
const DEFAULT_STATUS_MS = 1_000;
const DEFAULT_QUEUED_BATCHES = 16;

export class StreamTail {
  private readonly opts: StreamTailOptions;
  private readonly clock: Clock;
  private readonly controller = new AbortController();
  private readonly lineage: Lineage;
  private readonly readers = new Map<string, ShardReader | EfoShardReader>();
  private readonly readerEnds = new Set<Promise<void>>();
  private readonly labels = new Map<string, string>();
  /**
   * Every listed shard's last status, in the order status() lists them. A shard's state change
   * replaces only its own entry, so a 500-shard tail does not rebuild 500 snapshots (and re-sort
   * the lineage) for each of the ~1,000 changes per second it sees while busy.
   */
  private readonly shardStatuses = new Map<string, ShardStatus>();
  private readonly queue?: BatchQueue<TailBatch>;
  /** Shared by every polling reader of this tail (EFO readers subscribe over HTTP/2 instead). */
  private readonly callSlots: CallSlots;
  private state: TailState = 'starting';
  private error?: DescribedError;
  private paused = false;
  private deliveries: Promise<unknown> = Promise.resolve();
  private started?: Promise<TailStatus>;
  /** When a bounded read started: "until now" means until this instant. */
  private readonly startedAt: number;
  private resolveDone!: (s: TailStatus) => void;
  /** Resolves with the final status once everything has wound down (after stop() or a tail-wide error). */
  readonly done: Promise<TailStatus> = new Promise((resolve) => (this.resolveDone = resolve));

  constructor(opts: StreamTailOptions) {
    checkPosition(opts.position);
    const seq = opts.position.type === 'AT_SEQUENCE_NUMBER' || opts.position.type === 'AFTER_SEQUENCE_NUMBER';
    if (seq && opts.shardIds?.length !== 1) throw new RangeError(`${opts.position.type} needs exactly one shard: a sequence number belongs to one shard.`);
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    if (opts.end) checkReadEnd(opts.end);
    this.startedAt = this.clock.now();
    const resume = new Map(Object.entries(opts.resumeAfter ?? {}));
    for (const seq of resume.values()) checkPosition({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: seq });
    const times = new Map(Object.entries(opts.resumeAtLatest ?? {}).filter(([, t]) => Number.isFinite(t) && t > 0));
    this.lineage = new Lineage(opts.position, opts.shardIds, resume, times);
    // Every shard reader listens to this signal; hundreds of shards are legitimate.
    setMaxListeners(0, this.controller.signal);
    this.callSlots = new CallSlots(opts.maxConcurrentCalls);
    if (!opts.onBatch) this.queue = new BatchQueue(opts.maxQueuedBatches ?? DEFAULT_QUEUED_BATCHES, () => void this.stop());
  }

  /** Starts the tail (once); returns `done`. */
  start(): Promise<TailStatus> {
    this.started ??= this.run().then((final) => {
      this.resolveDone(final);
      return final;
    });
    return this.done;
  }

  /** Aborts every call in flight and ends every loop; resolves when nothing is left running. */
  stop(): Promise<TailStatus> {
    this.controller.abort();
    this.queue?.close();
    if (!this.started) this.resolveDone(this.finalStatus());
    return this.done;
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    for (const r of this.readers.values()) r.pause();
    if (this.state === 'running') this.state = 'paused';
    this.emit();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const r of this.readers.values()) r.resume();
    if (this.state === 'paused') this.state = 'running';
    this.emit();
  }

  /** Batches in arrival order per shard; leaving the loop early stops the tail. Needs no onBatch. */
  batches(): AsyncIterableIterator<TailBatch> {
    if (!this.queue) throw new Error('This tail delivers to onBatch; create it without onBatch to iterate.');
    return this.queue;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TailBatch> {
    return this.batches();
  }

  /** Every shard's status taken afresh (rates included). */
  status(): TailStatus {
    this.shardStatuses.clear();
    for (const id of this.lineage.shardIds(['waiting', 'active', 'closed', 'failed', 'stopped', 'done'])) {
      this.shardStatuses.set(id, this.readers.get(id)?.snapshot() ?? this.waitingStatus(id));
    }
    return this.statusOfKnown();
  }

  private statusOfKnown(): TailStatus {
    return tailStatus(this.opts.streamName, this.state, [...this.shardStatuses.values()], this.error, this.opts.efo ? 'efo' : 'polling');
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  private async run(): Promise<TailStatus> {
    const shards = await this.initialListing();
    if (shards && !this.signal.aborted) {
      this.lineage.plan(shards.map(shardNode));
      const missing = (this.opts.shardIds ?? []).filter((id) => this.lineage.state(id) === undefined);
      if (missing.length > 0) this.fail(shardMissing(missing, this.opts.streamName));
      else {
        this.state = this.paused ? 'paused' : 'running';
        this.startReady();
        this.emit();
      }
    }
    const loops = [this.relistLoop(), this.statusLoop()];
    await new Promise<void>((resolve) => (this.signal.aborted ? resolve() : this.signal.addEventListener('abort', () => resolve(), { once: true })));
    this.queue?.close();
    await Promise.all([...loops, ...this.readerEnds]);
    await this.deliveries;
    const final = this.finalStatus();
    this.state = final.state;
    this.emit();
    return final;
  }

  private finalStatus(): TailStatus {
    if (this.state !== 'error') this.state = 'stopped';
    return this.status();
  }

  private fail(error: DescribedError): void {
    if (this.signal.aborted) return;
    this.error = error;
    this.state = 'error';
    this.controller.abort();
    this.queue?.close();
  }

  /** Starts a reader for every shard whose parents are done. */
  private startReady(): void {
    for (const id of this.lineage.ready()) {
      if (this.signal.aborted) return;
      this.lineage.setState(id, 'active');
      const readerOpts: ShardReaderOptions = {
        ...this.opts,
        onBatch: (b) => this.deliver(b),
        onStatus: (s) => this.onShardStatus(s),
        shardId: id,
        position: this.lineage.positionOf(id),
        latestAt: this.lineage.latestAtOf(id),
        parentShardIds: this.lineage.parentsOf(id),
        signal: this.signal,
        startPaused: this.paused,
        callSlots: this.callSlots,
        ...(this.opts.end ? { rangeEnd: new ShardRangeEnd(this.opts.end, this.startedAt) } : {}),
      };
      const efo = this.opts.efo;
      const reader = efo ? new EfoShardReader({ ...readerOpts, efo, shardClosed: () => this.lineage.isClosed(id) }) : new ShardReader(readerOpts);
      this.readers.set(id, reader);
      const end = reader.start().then((e) => this.onShardEnd(id, e));
      this.readerEnds.add(end);
    }
  }

  private onShardEnd(shardId: string, end: ShardEnd): void {
    if (end.reason === 'closed') {
      this.lineage.setState(shardId, 'closed');
      for (const child of end.childShards) this.lineage.discover({ shardId: child.shardId, parentShardIds: child.parentShardIds, closed: false });
      this.startReady();
      this.finishIfBoundedAndDone();
      this.emit();
      return;
    }
    if (end.reason === 'done') {
      this.lineage.setState(shardId, 'done');
      this.finishIfBoundedAndDone();
      this.emit();
      return;
    }
    if (end.reason === 'stopped') {
      this.lineage.setState(shardId, 'stopped');
      return;
    }
    this.lineage.setState(shardId, 'failed');
    // Credentials and a failing consumer concern every shard; so does having nothing left to read.
    const nothingLeft = this.lineage.shardIds(['active']).length === 0 && this.lineage.ready().length === 0;
    if (end.fault === 'credentials' || end.error.code === 'ConsumerError' || nothingLeft) this.fail(end.error);
    this.emit();
  }

  /**
   * A bounded read ends by itself once nothing is being read and nothing can start: children of
   * shards that reached the end are beyond the range, so they count as done too.
   */
  private finishIfBoundedAndDone(): void {
    if (!this.opts.end || this.signal.aborted) return;
    if (this.lineage.shardIds(['active']).length > 0 || this.lineage.ready().length > 0) return;
    for (const id of this.lineage.blocked()) {
      if (this.lineage.parentsOf(id).some((p) => this.lineage.state(p) === 'done')) this.lineage.setState(id, 'done');
    }
    this.controller.abort();
    this.queue?.close();
  }

  /** Serializes deliveries across shards; a consumer error ends the tail. */
  private deliver(batch: TailBatch): Promise<void> {
    const next = this.deliveries.then(async () => {
      if (this.signal.aborted) return;
      if (this.opts.onBatch) await this.opts.onBatch(batch);
      else await this.queue?.push(batch);
    });
    this.deliveries = next.catch(() => undefined);
    return next;
  }

  private async initialListing(): Promise<Shard[] | undefined> {
    const backoff = new Backoff({ baseMs: this.opts.backoffBaseMs, maxMs: this.opts.backoffMaxMs, random: this.opts.random });
    while (!this.signal.aborted) {
      try {
        return await this.listShards();
      } catch (err) {
        const kind = classifyFault(err, this.signal);
        if (kind === 'aborted') return undefined;
        const error = describeError(err, { ...this.opts.errorContext, action: 'kinesis:ListShards' });
        if (kind === 'credentials' || kind === 'fatal') {
          this.fail(error);
          return undefined;
        }
        this.error = error;
        this.emit();
        await this.clock.sleep(backoff.next(), this.signal);
      }
    }
    return undefined;
  }

  private async listShards(): Promise<Shard[]> {
    const shards = await listShardPages(this.opts.client, { streamName: this.opts.streamName, streamARN: this.opts.streamARN }, { signal: this.signal });
    this.error = undefined;
    return shards;
  }

  /** Catches shards that ChildShards did not announce (e.g. a reshard of a shard not read). */
  private async relistLoop(): Promise<void> {
    const interval = this.opts.relistIntervalMs ?? DEFAULT_RELIST_MS;
    if (interval <= 0) return;
    while (!this.signal.aborted) {
      await this.clock.sleep(interval, this.signal);
      if (this.signal.aborted || this.paused || this.state !== 'running') continue;
      try {
        const shards = await this.listShards();
        const fresh = shards.map(shardNode).filter((n) => this.lineage.discover(n));
        if (fresh.length > 0) {
          this.startReady();
          this.emit();
        }
      } catch (err) {
        const kind = classifyFault(err, this.signal);
        const error = describeError(err, { ...this.opts.errorContext, action: 'kinesis:ListShards' });
        if (kind === 'credentials' || error.code === 'ResourceNotFoundException') this.fail(error);
        // Without ListShards permission the tail still follows ChildShards; stop asking.
        if (error.code === 'AccessDeniedException') return;
      }
    }
  }

  private async statusLoop(): Promise<void> {
    const interval = this.opts.statusIntervalMs ?? DEFAULT_STATUS_MS;
    if (interval <= 0) return;
    while (!this.signal.aborted) {
      await this.clock.sleep(interval, this.signal);
      if (!this.signal.aborted) this.emit();
    }
  }

  /**
   * State changes go out at once, with that shard's fresh figures; the other shards' rates and
   * totals are refreshed with the periodic status (and every change of the lineage).
   */
  private onShardStatus(s: ShardStatus): void {
    if (this.labels.get(s.shardId) === s.label) return;
    this.labels.set(s.shardId, s.label);
    if (!this.shardStatuses.has(s.shardId)) return this.emit();
    this.shardStatuses.set(s.shardId, s);
    this.emitKnown();
  }

  private waitingStatus(shardId: string): ShardStatus {
    const node = this.lineage.state(shardId);
    const state = node === 'waiting' || node === 'done' ? node : 'stopped';
    return { shardId, state, label: state, attempt: 0, recordsPerSecond: 0, bytesPerSecond: 0, totalRecords: 0, totalBytes: 0, parentShardIds: this.lineage.parentsOf(shardId) };
  }

  private emit(): void {
    if (this.opts.onStatus) this.send(this.status());
  }

  private emitKnown(): void {
    if (this.opts.onStatus) this.send(this.statusOfKnown());
  }

  private send(status: TailStatus): void {
    try {
      this.opts.onStatus?.(status);
    } catch {
      // A status listener's failure must not break reading.
    }
  }
}

function shardMissing(ids: string[], stream: string): DescribedError {
  return { code: 'ResourceNotFoundException', message: `Shard ${ids.join(', ')} is not in stream ${stream}.`, nextStep: 'Refresh the explorer: the shard may have aged out of retention.', retryable: false };
}
