// Helpers for the tail engine's integration tests: writing known records to kinesis-local (in
// order per key, retrying partial failures) and reading payloads back. Waiting on conditions is
// test/support/eventually.ts.
import { ListShardsCommand, PutRecordsCommand, type KinesisClient, type Shard } from '@aws-sdk/client-kinesis';
import type { TailBatch, TailRecord, TailStatus } from '../../../../src/kinesis/tail';

export interface Put {
  data: string | Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

/**
 * PutRecords in chunks of `chunk`; failed entries are retried before the next chunk is sent,
 * so records sharing a key (used once per chunk) keep their order.
 */
export async function putAll(client: KinesisClient, stream: string, records: Put[], chunk = 500): Promise<{ shardId: string; sequenceNumber: string }[]> {
  const out: { shardId: string; sequenceNumber: string }[] = new Array(records.length);
  for (let i = 0; i < records.length; i += chunk) {
    let pending = records.slice(i, i + chunk).map((r, j) => ({ r, index: i + j }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 50) throw new Error('PutRecords keeps failing');
      if (attempt > 0) await sleep(100);
      let res;
      try {
        res = await client.send(new PutRecordsCommand({
          StreamName: stream,
          Records: pending.map(({ r }) => ({ Data: typeof r.data === 'string' ? Buffer.from(r.data) : r.data, PartitionKey: r.partitionKey, ExplicitHashKey: r.explicitHashKey })),
        }));
      } catch (e) {
        // A stream briefly UPDATING during a reshard may refuse the whole call; try again.
        if ((e as Error).name === 'ResourceInUseException' || (e as Error).name === 'ProvisionedThroughputExceededException') continue;
        throw e;
      }
      const failed: typeof pending = [];
      (res.Records ?? []).forEach((entry, k) => {
        const p = pending[k];
        if (!p) return;
        if (entry.ErrorCode || !entry.SequenceNumber) failed.push(p);
        else out[p.index] = { shardId: entry.ShardId ?? '', sequenceNumber: entry.SequenceNumber };
      });
      pending = failed;
    }
  }
  return out;
}

export async function listShards(client: KinesisClient, stream: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let token: string | undefined;
  do {
    const res = await client.send(new ListShardsCommand(token ? { NextToken: token } : { StreamName: stream }));
    shards.push(...(res.Shards ?? []));
    token = res.NextToken;
  } while (token);
  return shards;
}

/** A fixed pause: only for pacing, or a quiet window that is itself the thing under test (say which). */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function text(r: TailRecord): string {
  return Buffer.from(r.data).toString('utf8');
}

/** Collects batches and statuses from a tail or reader. */
export class Collector {
  readonly batches: TailBatch[] = [];
  readonly statuses: TailStatus[] = [];

  readonly onBatch = (b: TailBatch): void => {
    this.batches.push(b);
  };

  readonly onStatus = (s: TailStatus): void => {
    this.statuses.push(s);
  };

  get records(): TailRecord[] {
    return this.batches.flatMap((b) => b.records);
  }

  texts(): string[] {
    return this.records.map(text);
  }

  /** Every label a shard went through, e.g. ['starting', 'reading', 'throttled (1)', ...]. */
  labels(shardId: string): string[] {
    const seen: string[] = [];
    for (const s of this.statuses) {
      const label = s.shards.find((x) => x.shardId === shardId)?.label;
      if (label !== undefined && seen[seen.length - 1] !== label) seen.push(label);
    }
    return seen;
  }

  last(): TailStatus | undefined {
    return this.statuses[this.statuses.length - 1];
  }
}

/**
 * Counts the calls a client starts, by operation, at the moment `send` is called. A proxy counts a
 * request only once it has read it, which under load can be after the test looked; counting in
 * the client says exactly whether the code under test started a call after some point.
 */
export function countSends(client: KinesisClient): (operation?: string) => number {
  const started: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      started.push(String(context.commandName ?? '').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countSendsForTests' },
  );
  return (operation) => (operation === undefined ? started.length : started.filter((o) => o === operation).length);
}

