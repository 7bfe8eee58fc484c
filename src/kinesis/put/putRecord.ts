// Puts one record with PutRecord: retries throttling with backoff, never resends a request
// whose outcome is unknown, and returns what the result notification shows.
import { PutRecordCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { describeError, errorCode, type DescribedError } from '../errors';
import { shardForHashKey } from './hashKey';
import type { PreparedRecord } from './prepare';
import { classifyPutFailure, DEFAULT_PUT_BACKOFF, putBackoffDelay, requireSingleAttemptClient, type BackoffSettings } from './retry';
import { sleepUnlessAborted, type Clock } from '../clock';
import type { PutTarget } from './target';

export interface PutOneResult {
  /** 'unknown': the connection failed mid-request; the record may be in the stream. Not resent. */
  status: 'sent' | 'failed' | 'unknown' | 'cancelled';
  streamName: string;
  line: number;
  /** Decimal hash key the record lands by (explicit, or MD5 of its partition key). */
  hashKey: string;
  partitionKey: string;
  attempts: number;
  shardId?: string;
  sequenceNumber?: string;
  /** The open shard the hash key maps to, computed before the put (absent for AUTO placement). */
  expectedShardId?: string;
  error?: DescribedError;
  /** One sentence for the notification. */
  message: string;
}

export interface PutOneOptions {
  /** Stops waiting to retry; a request in flight is never aborted. */
  signal?: AbortSignal;
  /** Time for the retry waits; tests pass a fake one. */
  clock?: Clock;
  maxAttempts?: number;
  backoff?: Partial<BackoffSettings>;
}

export async function putRecord(client: KinesisClient, target: Pick<PutTarget, 'streamName' | 'openShards' | 'distribution'>, record: PreparedRecord, opts: PutOneOptions = {}): Promise<PutOneResult> {
  await requireSingleAttemptClient(client);
  const backoff = { ...DEFAULT_PUT_BACKOFF, ...opts.backoff };
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 8);
  const base = baseResult(target, record);
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await client.send(new PutRecordCommand({ StreamName: target.streamName, Data: record.data, PartitionKey: record.partitionKey, ...(record.explicitHashKey !== undefined ? { ExplicitHashKey: record.explicitHashKey } : {}) }));
      const result: PutOneResult = { ...base, status: 'sent', attempts: attempt, shardId: out.ShardId ?? '', sequenceNumber: out.SequenceNumber ?? '', message: '' };
      result.message = `Put line ${record.line} to ${target.streamName}: ${result.shardId}, sequence number ${result.sequenceNumber}.`;
      return result;
    } catch (err) {
      const kind = classifyPutFailure(err);
      const error = describeError(err, { action: 'kinesis:PutRecord' });
      if (kind === 'unknown') return { ...base, status: 'unknown', attempts: attempt, error, message: `The connection failed while putting line ${record.line} (${error.code}): the record may or may not be in ${target.streamName}, so it was not resent.` };
      if (kind === 'fatal' || attempt >= maxAttempts) return { ...base, status: 'failed', attempts: attempt, error, message: `Could not put line ${record.line} to ${target.streamName}: ${errorCode(err)}${attempt > 1 ? ` after ${attempt} attempts` : ''}.` };
      if (!(await sleepUnlessAborted(putBackoffDelay(attempt, backoff), opts.signal, opts.clock))) {
        return { ...base, status: 'cancelled', attempts: attempt, error, message: `Cancelled: line ${record.line} was not written to ${target.streamName} (last attempt: ${error.code}).` };
      }
    }
  }
}

function baseResult(target: Pick<PutTarget, 'streamName' | 'openShards' | 'distribution'>, record: PreparedRecord): Pick<PutOneResult, 'streamName' | 'line' | 'hashKey' | 'partitionKey' | 'expectedShardId'> {
  const base: Pick<PutOneResult, 'streamName' | 'line' | 'hashKey' | 'partitionKey' | 'expectedShardId'> = { streamName: target.streamName, line: record.line, hashKey: record.hashKey.toString(), partitionKey: record.partitionKey };
  const expected = target.distribution === 'AUTO' ? undefined : shardForHashKey(target.openShards, record.hashKey)?.id;
  if (expected) base.expectedShardId = expected;
  return base;
}
