// What a put needs to know about its stream before sending: the record size limit, the open
// shards (to name each record's shard up front) and whether partition keys decide placement.
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { describeSummary } from '../streams/streams';
import { DEFAULT_MAX_RECORD_BYTES } from './prepare';
import { listShards, type ShardModel } from '../streams/shards';
import { callKinesis } from '../call';

export interface PutTarget {
  streamName: string;
  streamArn?: string;
  status?: string;
  /** Data + partition key bytes per record: the stream's MaxRecordSizeInKiB, else 1 MiB. */
  maxRecordBytes: number;
  maxRecordBytesSource: 'stream' | 'default';
  /**
   * 'AUTO' (on-demand streams may use it) ignores partition and hash keys, so the shard a
   * record lands on cannot be predicted.
   */
  distribution: 'USER_PARTITION_KEY' | 'AUTO';
  openShards: ShardModel[];
}

/** DescribeStreamSummary + ListShards (all pages). Throws KinesisCallError naming the IAM action. */
export async function getPutTarget(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<PutTarget> {
  const summary = await callKinesis('kinesis:DescribeStreamSummary', () => describeSummary(client, streamName, signal));
  const kib = summary?.MaxRecordSizeInKiB;
  const shards = await callKinesis('kinesis:ListShards', () => listShards(client, streamName, { signal }));
  const target: PutTarget = {
    streamName,
    maxRecordBytes: kib !== undefined && kib > 0 ? kib * 1024 : DEFAULT_MAX_RECORD_BYTES,
    maxRecordBytesSource: kib !== undefined && kib > 0 ? 'stream' : 'default',
    distribution: summary?.RecordDistributionStrategy === 'AUTO' ? 'AUTO' : 'USER_PARTITION_KEY',
    openShards: shards.filter((s) => !s.closed),
  };
  if (summary?.StreamARN) target.streamArn = summary.StreamARN;
  if (summary?.StreamStatus) target.status = summary.StreamStatus;
  return target;
}
