// Drain suite: reading a filled stream from TRIM_HORIZON to its end. StreamTail (decoding every
// record) against a bare SDK GetRecords loop that JSON-parses every record, on 2 and 8 shards,
// the same stream for both sides, interleaved and repeated; plus an AWS CLI loop as a user's
// point of comparison, and the engine's time to first batch and per-batch cost.
// Alone: node out/bench/drain.js [--long] [--records N] [--repeat N] [--shards N]
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { expandRecord } from '../src/kinesis/decode';
import type { RecordExpander } from '../src/kinesis/decode/types';
import { StreamTail } from '../src/kinesis/tail/streamTail';
import type { KinesisLocal } from '../test/harness/kinesisLocal';
import { awsCliDrain } from './awsCli';
import { numberArg, runAlone } from './runner';
import { fill, startLocal, tailClient } from './streams';
import type { BenchContext, BenchRow, BenchSuite } from './types';

interface Drain {
  seconds: number;
  records: number;
  batches: number;
  firstBatchMs: number;
  decodeMs: number;
}

async function shardIds(client: KinesisClient, streamName: string): Promise<string[]> {
  const out = await client.send(new ListShardsCommand({ StreamName: streamName }));
  return (out.Shards ?? []).map((s) => s.ShardId ?? '');
}

/** The bare loop a user would write: per shard, GetRecords with Limit 10,000 until empty and caught up. */
export async function bareDrain(client: KinesisClient, streamName: string, expected: number): Promise<Drain> {
  const started = performance.now();
  let records = 0;
  let batches = 0;
  let firstBatchMs = -1;
  await Promise.all(
    (await shardIds(client, streamName)).map(async (ShardId) => {
      let it = (await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      while (it && records < expected) {
        const out = await client.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10_000 }));
        for (const r of out.Records ?? []) JSON.parse(Buffer.from(r.Data ?? new Uint8Array(0)).toString());
        const n = out.Records?.length ?? 0;
        if (n > 0 && firstBatchMs < 0) firstBatchMs = performance.now() - started;
        records += n;
        batches += n > 0 ? 1 : 0;
        if (n === 0 && !out.MillisBehindLatest) break;
        it = out.NextShardIterator;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, records, batches, firstBatchMs, decodeMs: 0 };
}

/** StreamTail from TRIM_HORIZON, decoding every record, until `expected` records arrived. */
export async function tailDrain(client: KinesisClient, streamName: string, expected: number): Promise<Drain> {
  let decodeMs = 0;
  const timed: RecordExpander = (record, opts) => {
    const t = performance.now();
    const out = expandRecord(record, opts);
    decodeMs += performance.now() - t;
    return out;
  };
  const started = performance.now();
  let records = 0;
  let batches = 0;
  let firstBatchMs = -1;
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  const tail = new StreamTail({
    client, streamName, position: { type: 'TRIM_HORIZON' }, relistIntervalMs: 0, expand: timed,
    onBatch: (b) => {
      if (firstBatchMs < 0) firstBatchMs = performance.now() - started;
      records += b.records.length;
      batches++;
      if (records >= expected) finish();
    },
  });
  void tail.start();
  const guard = setTimeout(finish, 600_000);
  await all;
  clearTimeout(guard);
  const seconds = (performance.now() - started) / 1000;
  await tail.stop();
  return { seconds, records, batches, firstBatchMs, decodeMs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
}

async function drainRows(ctx: BenchContext, local: KinesisLocal, client: KinesisClient, shards: number, records: number, repeat: number): Promise<BenchRow[]> {
  const stream = `drain${shards}`;
  await fill(client, stream, records, ctx.log);
  const tails: Drain[] = [];
  const bares: Drain[] = [];
  for (let r = 0; r < repeat; r++) {
    // Alternate which side goes first, so a warming emulator favours neither.
    const order = r % 2 === 0 ? ['tail', 'bare'] : ['bare', 'tail'];
    for (const side of order) {
      const d = side === 'tail' ? await tailDrain(client, stream, records) : await bareDrain(client, stream, records);
      (side === 'tail' ? tails : bares).push(d);
      ctx.log(`drain ${shards} shards ${side}: ${d.records} records in ${d.seconds.toFixed(2)} s, ${d.batches} batches, first batch ${d.firstBatchMs.toFixed(0)} ms`);
    }
  }
  const tailS = median(tails.map((d) => d.seconds));
  const bareS = median(bares.map((d) => d.seconds));
  const rate = (s: number): number => records / s;
  const best = tails.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const perBatch = (ds: Drain[], s: number): number => (s * 1000) / Math.max(1, median(ds.map((d) => d.batches)));
  const rows: BenchRow[] = [
    {
      group: 'drain', measure: `StreamTail (decoding) vs bare GetRecords loop + JSON.parse, ${shards} shards, ${records.toLocaleString('en-US')} records`,
      value: rate(tailS), unit: 'records/s', baseline: { label: 'bare SDK loop', value: rate(bareS) }, ratio: bareS / tailS,
      target: '>= 0.95×', met: bareS / tailS >= 0.95,
      note: `median of ${repeat}, interleaved; engine honours 5 calls/s and 2 MiB/s per shard, the bare loop does not`,
    },
    {
      group: 'drain', measure: `engine profile, ${shards} shards`, value: median(tails.map((d) => d.firstBatchMs)), unit: 'ms to first batch',
      baseline: { label: 'bare loop, first batch', value: median(bares.map((d) => d.firstBatchMs)) },
      note: `wall time per batch: ${perBatch(tails, tailS).toFixed(0)} ms (bare loop ${perBatch(bares, bareS).toFixed(0)} ms); decoding ${(best.decodeMs / best.records * 1000).toFixed(1)} µs/record (${((best.decodeMs / 1000 / best.seconds) * 100).toFixed(0)}% of the drain)`,
    },
  ];
  // The CLI starts Python for every call: on 8 shards that is minutes, so only with --long.
  const cli = shards === 2 || ctx.long ? await awsCliDrain(local, stream, records, ctx.log) : undefined;
  if (cli === undefined) return rows;
  if (cli.ok) {
    rows.push({ group: 'drain', measure: `StreamTail vs AWS CLI get-records --limit 10000 loop, ${shards} shards`, value: rate(tailS), unit: 'records/s', baseline: { label: cli.version, value: rate(cli.seconds) }, ratio: cli.seconds / tailS, note: 'a reference, not a target: the CLI pays a Python start per call' });
  } else rows.push({ group: 'drain', measure: 'AWS CLI loop (reference)', value: Number.NaN, unit: '', note: `skipped: ${cli.reason}` });
  return rows;
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const records = numberArg(ctx.args, 'records', ctx.long ? 100_000 : 12_000);
  const repeat = numberArg(ctx.args, 'repeat', ctx.long ? 3 : 3);
  // --shards N: one stream only. kinesis-local's puts slow down as a stream fills (measured on
  // 2 shards: about 900 records/s at first, about 100 records/s past 30,000 records).
  const only = numberArg(ctx.args, 'shards', 0);
  const counts = only > 0 ? [only] : [2, 8];
  const local = await startLocal(Object.fromEntries(counts.map((n) => [`drain${n}`, n])));
  const client = tailClient(local);
  try {
    const rows: BenchRow[] = [];
    for (const n of counts) rows.push(...(await drainRows(ctx, local, client, n, records, repeat)));
    return rows;
  } finally {
    client.destroy();
    await local.stop();
  }
}

export const suite: BenchSuite = { name: 'drain', run };

if (require.main === module) runAlone(suite);
