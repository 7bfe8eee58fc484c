// Reads every record of a stream back (TRIM_HORIZON on each shard, closed ones included) so the
// put tests can compare what arrived, byte for byte, and on which shard.
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';

export interface ReadRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  data: Buffer;
}

export async function readAllRecords(client: KinesisClient, streamName: string): Promise<ReadRecord[]> {
  const shards = (await client.send(new ListShardsCommand({ StreamName: streamName }))).Shards ?? [];
  const out: ReadRecord[] = [];
  for (const shard of shards) {
    const shardId = shard.ShardId ?? '';
    const it = await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    let iterator = it.ShardIterator;
    // An open shard never ends: stop at the first empty page that is caught up.
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      for (const r of page.Records ?? []) out.push({ shardId, sequenceNumber: r.SequenceNumber ?? '', partitionKey: r.PartitionKey ?? '', data: Buffer.from(r.Data ?? new Uint8Array()) });
      if ((page.Records ?? []).length === 0 && (page.MillisBehindLatest ?? 0) === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return out;
}

/** Counts of each string: a multiset to compare "exactly once". */
export function multiset(values: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
