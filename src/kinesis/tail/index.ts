// The tail engine's public surface: positions and their parsers, the shard reader, the stream
// tail, and the status and record shapes the tail panel consumes.
export { parseTimestamp, type TimestampResult } from './timestamp';
export { validateSequenceNumber, describePosition, iteratorParams, MAX_SEQUENCE_DIGITS, type StartPosition } from './position';
export { ShardReader, type ShardReaderOptions, type ShardEnd, type ChildShardInfo } from './shardReader';
export { StreamTail, type StreamTailOptions } from './streamTail';
export { describeReadEnd, type ReadEnd } from './rangeEnd';
export { EfoShardReader, type EfoOptions, type EfoShardReaderOptions } from './efoReader';
export { systemClock, type Clock } from '../clock';
export type { ReadLimits, ShardState, ShardStatus, TailBatch, TailMode, TailRecord, TailState, TailStatus } from './types';
export { checkSequencePosition, notASequenceNumberOf, type SequenceCheckTarget } from './sequenceCheck';
