// Turns one GetRecords response into a TailBatch: each Kinesis record expanded (KPL) and decoded
// through the injected expander, and tagged with its shard, sequence numbers and arrival time.
import type { _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import type { DecodeOptions, RecordExpander, UserRecord } from '../decode/types';
import type { TailBatch, TailRecord } from './types';

export function recordBytes(records: readonly KinesisRecord[]): number {
  return records.reduce((sum, r) => sum + (r.Data?.byteLength ?? 0), 0);
}

/**
 * The records after `last` (none given: all of them). Sequence numbers are compared as integers:
 * they are up to 128 digits, beyond what a number holds, and their string order is not numeric.
 */
export function afterSequence(records: readonly KinesisRecord[], last: string | undefined): readonly KinesisRecord[] {
  if (last === undefined || records.length === 0) return records;
  const floor = BigInt(last);
  return records.filter((r) => /^\d+$/.test(r.SequenceNumber ?? '') && BigInt(r.SequenceNumber ?? '0') > floor);
}

export function toBatch(
  shardId: string,
  records: readonly KinesisRecord[],
  expand: RecordExpander,
  decodeOptions: DecodeOptions | undefined,
  millisBehindLatest: number | undefined,
  receivedAt: number,
): TailBatch {
  const out: TailRecord[] = [];
  for (const r of records) {
    const sequenceNumber = r.SequenceNumber ?? '';
    const approximateArrival = r.ApproximateArrivalTimestamp?.getTime() ?? receivedAt;
    for (const user of safeExpand(expand, r, decodeOptions)) {
      const rec: TailRecord = {
        shardId,
        sequenceNumber,
        partitionKey: user.partitionKey,
        approximateArrival,
        size: user.data.byteLength,
        data: user.data,
        decoded: user.decoded,
      };
      if (user.subSequenceNumber !== undefined) rec.subSequenceNumber = user.subSequenceNumber;
      if (user.explicitHashKey !== undefined) rec.explicitHashKey = user.explicitHashKey;
      if (user.log !== undefined) rec.log = user.log;
      out.push(rec);
    }
  }
  return { shardId, records: out, kinesisRecords: records.length, bytes: recordBytes(records), millisBehindLatest, receivedAt };
}

/** Expanders promise never to throw; an injected one might, and a record must not be lost for it. */
function safeExpand(expand: RecordExpander, r: KinesisRecord, opts: DecodeOptions | undefined): UserRecord[] {
  const data = r.Data ?? new Uint8Array(0);
  const partitionKey = r.PartitionKey ?? '';
  try {
    const users = expand({ data, partitionKey }, opts);
    if (Array.isArray(users) && users.length > 0) return users;
    return [rawUser(data, partitionKey, 'decoder returned no records')];
  } catch (e) {
    return [rawUser(data, partitionKey, `decoder failed: ${e instanceof Error ? e.message : String(e)}`)];
  }
}

function rawUser(data: Uint8Array, partitionKey: string, warning: string): UserRecord {
  return { data, partitionKey, decoded: { kind: 'binary', layers: ['binary'], size: data.byteLength, warnings: [warning] } };
}
