// Shapes shared by the tail engine and its consumers (the tail panel, exports): records as
// delivered, batches, per-shard and per-stream status, and the engine's tunable limits.
import type { DescribedError } from '../errors';
import type { Decoded, LogEventMeta } from '../decode/types';

/** One user record as delivered: a plain Kinesis record, one record of a KPL aggregate, or one CloudWatch Logs event. */
export interface TailRecord {
  shardId: string;
  /** Kinesis sequence number of the (possibly aggregated) record this came from. */
  sequenceNumber: string;
  /** Index inside a KPL aggregate; absent for plain records. */
  subSequenceNumber?: number;
  /** Set when this is one event of a CloudWatch Logs envelope (see expandRecord). */
  log?: LogEventMeta;
  partitionKey: string;
  explicitHashKey?: string;
  /** ApproximateArrivalTimestamp, ms since the epoch. */
  approximateArrival: number;
  /** Bytes of this user record's data (for a KPL sub-record, its own payload). */
  size: number;
  data: Uint8Array;
  decoded: Decoded;
}

/**
 * What one GetRecords call produced for one shard. A KPL aggregate is never split across
 * batches, so "the last delivered Kinesis sequence number" is always a safe resume point.
 */
export interface TailBatch {
  shardId: string;
  records: TailRecord[];
  /** Kinesis records in the response, before KPL expansion. */
  kinesisRecords: number;
  /** Sum of the Kinesis records' data sizes (what counts against 2 MiB/s). */
  bytes: number;
  millisBehindLatest?: number;
  /** Clock time when the response arrived. */
  receivedAt: number;
}

/**
 * A shard's state. `waiting`: a child held back until its parents are read to their end.
 * `paused`: polling suspended by pause(), position kept.
 */
export type ShardState =
  | 'waiting'
  | 'starting'
  | 'reading'
  | 'caught-up'
  | 'throttled'
  | 'retrying'
  | 'paused'
  | 'closed'
  | 'error'
  | 'stopped'
  /** A bounded read reached the end of its range on this shard. */
  | 'done';

export interface ShardStatus {
  shardId: string;
  state: ShardState;
  /** "retrying (3)", "throttled (2)", "caught-up", ...: ready to show as is. */
  label: string;
  /** Consecutive failed attempts while throttled/retrying; 0 otherwise. */
  attempt: number;
  millisBehindLatest?: number;
  recordsPerSecond: number;
  bytesPerSecond: number;
  totalRecords: number;
  totalBytes: number;
  /** Kinesis sequence number of the last delivered record. */
  lastSequenceNumber?: string;
  /**
   * Client-clock time (ms) at which this shard's LATEST position was taken, kept until a record is
   * delivered: with it a restored tail re-reads from there instead of skipping to a new LATEST.
   */
  latestAt?: number;
  parentShardIds?: string[];
  /** For closed shards: the shards that continue its hash key range. */
  childShardIds?: string[];
  /** Set in states error, throttled and retrying: what went wrong and what to do. */
  error?: DescribedError;
}

export type TailState = 'starting' | 'running' | 'paused' | 'stopped' | 'error';

/** How the records are read: GetRecords polling, or enhanced fan-out (SubscribeToShard), shown as "EFO". */
export type TailMode = 'polling' | 'efo';

export interface TailStatus {
  streamName: string;
  state: TailState;
  /** Absent in statuses saved by earlier versions: polling. */
  mode?: TailMode;
  shards: ShardStatus[];
  totalRecords: number;
  totalBytes: number;
  recordsPerSecond: number;
  bytesPerSecond: number;
  /** Set when the whole tail ended on an error (credentials, deleted stream, ...). */
  error?: DescribedError;
}

/** Per-shard limits and pacing; every field has a default that respects Kinesis quotas. */
export interface ReadLimits {
  /** GetRecords Limit (1..10,000). Default 10,000. */
  limit?: number;
  /** Poll interval once caught up. Default 1,000 ms. */
  idleIntervalMs?: number;
  /**
   * Bound of adaptive idle polling: each empty call doubles the interval up to this. Default
   * 5,000 ms; at or below idleIntervalMs the interval stays fixed.
   */
  idleMaxIntervalMs?: number;
  /** Minimum time between calls on one shard. Default 200 ms (5 calls/s). */
  minCallIntervalMs?: number;
  /** Read throughput budget per shard. Default 2 MiB/s. */
  maxBytesPerSecond?: number;
  /** Backoff for throttling and transient faults. Defaults 500 ms and 10,000 ms. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * An iterator older than this is replaced before use (Kinesis expires them after 5 min).
   * Default 270,000 ms (4.5 min).
   */
  iteratorMaxAgeMs?: number;
}
