// Find in Stream's throughput and memory against a bare SDK GetRecords loop, in the same run on
// the same kinesis-local: the stream is pre-filled with user records as KPL aggregates of 100;
// Find (StreamTail with an end + TailSession + FindScan, a field filter matching 0.1%) scans it
// all; the baseline reads the same shards and only de-aggregates and JSON-parses. The baseline
// obeys the same per-shard quotas (5 calls/s, 2 MiB/s) a real consumer must; an unpaced loop is
// reported beside it for context. RSS is sampled over the find's scan.
// Run alone: node out/bench/find.js [--long] [--records N] [--shards N]
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordsCommand, waitUntilStreamExists, type KinesisClient } from '@aws-sdk/client-kinesis';
import { loadavg } from 'node:os';
import { createKinesisClient } from '../src/kinesis/client';
import { decodePayload } from '../src/kinesis/decode';
import { parseKplAggregate } from '../src/kinesis/decode/kpl';
import { StreamTail } from '../src/kinesis/tail';
import { listShardPages } from '../src/kinesis/streams/shards';
import { FIND_GET_RECORDS_LIMIT, FindScan } from '../src/tail/host/findScan';
import { TailSession } from '../src/tail/host/session';
import { aggregateWithProducer } from '../test/harness/kplAggregate';
import { startKinesisLocal, type KinesisLocal } from '../test/harness/kinesisLocal';
import type { BenchContext, BenchRow, BenchSuite } from './types';
import { fullGc } from './runner';

const PER_AGGREGATE = 100;
const FILTER = '$.status == "ERROR"';
const MIB = 1024 * 1024;

interface Scan {
  records: number;
  bytes: number;
  ms: number;
  matches: number;
  /** This process's CPU time (user + system, ms) over the scan: kinesis-local runs in its own. */
  cpuMs: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function arg(args: readonly string[], name: string): number | undefined {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined;
}

function userRecord(i: number): string {
  // 0.1% match: one in a thousand is an ERROR.
  return JSON.stringify({ n: i, device: `d${i % 97}`, status: i % 1000 === 7 ? 'ERROR' : i % 3 === 0 ? 'WARN' : 'OK', temperature: 20 + (i % 15), note: 'sensor reading from the bench fill' });
}

async function fill(client: KinesisClient, stream: string, total: number, log: (l: string) => void): Promise<number> {
  let bytes = 0;
  const aggregates = Math.ceil(total / PER_AGGREGATE);
  const perCall = 40;
  for (let a = 0; a < aggregates; a += perCall) {
    const entries = [];
    for (let k = a; k < Math.min(aggregates, a + perCall); k++) {
      const users = Array.from({ length: Math.min(PER_AGGREGATE, total - k * PER_AGGREGATE) }, (_, j) => ({ partitionKey: `pk-${k}`, data: Buffer.from(userRecord(k * PER_AGGREGATE + j)) }));
      const [encoded] = await aggregateWithProducer(users);
      if (!encoded) throw new Error('the producer returned no aggregate');
      bytes += encoded.data.length;
      entries.push({ Data: encoded.data, PartitionKey: encoded.partitionKey });
    }
    let pending = entries;
    while (pending.length > 0) {
      const res = await client.send(new PutRecordsCommand({ StreamName: stream, Records: pending }));
      pending = pending.filter((_, i) => res.Records?.[i]?.ErrorCode !== undefined);
    }
    if ((a / perCall) % 50 === 0) log(`find bench: filled ${Math.min(total, (a + perCall) * PER_AGGREGATE).toLocaleString('en-US')} / ${total.toLocaleString('en-US')} user records`);
  }
  return bytes;
}

/** The baseline: per shard, GetRecords until caught up; de-aggregate and JSON.parse each user record. */
async function bareLoop(client: KinesisClient, stream: string, shardIds: string[], paced: boolean): Promise<Scan> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  let records = 0;
  let bytes = 0;
  let matches = 0;
  await Promise.all(shardIds.map(async (ShardId) => {
    let it = (await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    let nextAt = 0;
    while (it) {
      if (paced) await new Promise((r) => setTimeout(r, Math.max(0, nextAt - Date.now())));
      const calledAt = Date.now();
      const out = await client.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10_000 }));
      let got = 0;
      for (const r of out.Records ?? []) {
        const data = r.Data ?? new Uint8Array(0);
        got += data.byteLength;
        const kpl = parseKplAggregate(data);
        for (const u of kpl.ok ? kpl.records : [{ data }]) {
          const v = JSON.parse(Buffer.from(u.data).toString('utf8')) as { status?: string };
          records++;
          if (v.status === 'ERROR') matches++;
        }
      }
      bytes += got;
      // The same quotas the engine keeps: 5 calls/s and 2 MiB/s per shard.
      nextAt = calledAt + Math.max(200, (got / (2 * MIB)) * 1000);
      if ((out.Records ?? []).length === 0 && out.MillisBehindLatest === 0) break;
      it = out.NextShardIterator;
    }
  }));
  return { records, bytes, matches, ms: Date.now() - started, cpuMs: cpuMs(cpu) };
}

/** The subject: Find over the whole stream to "now", through the panel's session. */
async function find(client: KinesisClient, stream: string, rss: number[]): Promise<Scan> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const scan = new FindScan({ text: '', field: FILTER, matchCap: 10_000, untilMs: started, label: 'Find TRIM_HORIZON → now' });
  const session = new TailSession({
    target: { connection: 'bench', region: 'us-east-1', stream, shardIds: [], startPosition: 'Find TRIM_HORIZON → now' },
    streamTail: true,
    settings: { maxRecords: 100_000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
    createTail: (h) => new StreamTail({ client, streamName: stream, position: { type: 'TRIM_HORIZON' }, end: { type: 'NOW' }, limit: FIND_GET_RECORDS_LIMIT, onBatch: h.onBatch, onStatus: h.onStatus }),
    decode: (data) => decodePayload(data),
    post: () => undefined,
    actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
    find: scan,
  });
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
  try {
    session.start();
    await session.done;
  } finally {
    clearInterval(sampler);
    await session.dispose();
  }
  const p = scan.progress();
  if (p.stop?.kind !== 'range-done') throw new Error(`the find ended with ${JSON.stringify(p.stop)}`);
  return { records: p.scannedRecords, bytes: p.scannedBytes, matches: p.matches, ms: Date.now() - started, cpuMs: cpuMs(cpu) };
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const total = arg(ctx.args, '--records') ?? (ctx.long ? 1_000_000 : 60_000);
  const shards = arg(ctx.args, '--shards') ?? 4;
  let local: KinesisLocal | undefined;
  try {
    local = await startKinesisLocal();
    const client = createKinesisClient({ region: local.region, endpoint: local.endpoint, credentials: local.credentials, maxAttempts: 1 });
    const writer = createKinesisClient({ region: local.region, endpoint: local.endpoint, credentials: local.credentials, maxAttempts: 5 });
    const stream = `bench_find_${Date.now()}`;
    await writer.send(new CreateStreamCommand({ StreamName: stream, ShardCount: shards }));
    await waitUntilStreamExists({ client: writer, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
    const fillStart = Date.now();
    const filled = await fill(writer, stream, total, ctx.log);
    ctx.log(`find bench: ${total.toLocaleString('en-US')} user records (${(filled / MIB).toFixed(1)} MiB of aggregates) in ${((Date.now() - fillStart) / 1000).toFixed(1)} s`);
    const shardIds = (await listShardPages(writer, { streamName: stream })).map((s) => s.ShardId ?? '');

    const bare = await bareLoop(client, stream, shardIds, true);
    ctx.log(`find bench: bare loop (paced) ${bare.records} records in ${bare.ms} ms`);
    fullGc();
    const rss: number[] = [process.memoryUsage().rss];
    const heapStart = process.memoryUsage().heapUsed;
    const found = await find(client, stream, rss);
    // After a full GC: what the scan still holds (RSS above includes garbage V8 had not collected).
    fullGc();
    const after = process.memoryUsage();
    ctx.log(`find bench: find ${found.records} records, ${found.matches} matches in ${found.ms} ms`);
    const unpaced = await bareLoop(client, stream, shardIds, false);
    ctx.log(`find bench: bare loop (unpaced) ${unpaced.records} records in ${unpaced.ms} ms`);
    client.destroy();
    writer.destroy();

    if (found.records !== total || bare.records !== total) throw new Error(`scanned ${found.records} (find) and ${bare.records} (bare) of ${total}`);
    if (found.matches !== bare.matches) throw new Error(`find kept ${found.matches} matches, the bare loop counted ${bare.matches}`);
    const perS = (s: Scan): number => s.records / (s.ms / 1000);
    const mbPerS = (s: Scan): number => s.bytes / MIB / (s.ms / 1000);
    const rssGrowthMB = (Math.max(...rss) - (rss[0] ?? 0)) / MIB;
    const size = `${shards} shards, ${total.toLocaleString('en-US')} user records in KPL aggregates of ${PER_AGGREGATE}, ${FILTER} (${found.matches} matches)`;
    const load = `load ${loadavg()[0]?.toFixed(1)}`;
    const ratio = perS(found) / perS(bare);
    return [
      { group: 'find', measure: `Find vs bare GetRecords loop (same quotas), ${size}`, value: Math.round(perS(found)), unit: 'records/s', baseline: { label: 'bare loop', value: Math.round(perS(bare)) }, ratio, target: '>= 0.9x', met: ratio >= 0.9, note: `${mbPerS(found).toFixed(1)} MiB/s vs ${mbPerS(bare).toFixed(1)} MiB/s; ${load}` },
      { group: 'find', measure: `Find vs unpaced bare loop (ignores the 2 MiB/s quota), ${size}`, value: Math.round(perS(found)), unit: 'records/s', baseline: { label: 'unpaced loop', value: Math.round(perS(unpaced)) }, ratio: perS(found) / perS(unpaced), note: `context only: a consumer on AWS must keep the quota; ${mbPerS(unpaced).toFixed(1)} MiB/s` },
      { group: 'find', measure: `CPU per user record in this process (lower is better), ${size}`, value: Math.round((found.cpuMs * 1000) / found.records * 10) / 10, unit: 'µs/record', baseline: { label: 'bare loop', value: Math.round((bare.cpuMs * 1000) / bare.records * 10) / 10 }, ratio: bare.cpuMs / found.cpuMs, note: 'what the find costs on top of reading when kinesis-local, not the client, limits the rate' },
      { group: 'find', measure: `RSS growth over the scan (${rss.length} samples), ${size}`, value: Math.round(rssGrowthMB * 10) / 10, unit: 'MB', target: '<= 50 MB', met: rssGrowthMB <= 50, note: `RSS ${(rss[0] ?? 0) / MIB | 0} MB at start, ${Math.max(...rss) / MIB | 0} MB peak, ${(rss[rss.length - 1] ?? 0) / MIB | 0} MB at end; after a full GC: RSS ${after.rss / MIB | 0} MB, JS heap ${heapStart / MIB | 0} → ${after.heapUsed / MIB | 0} MB` },
    ];
  } finally {
    await local?.stop();
  }
}

export const suite: BenchSuite = { name: 'find', run };

if (require.main === module) {
  const args = process.argv.slice(2);
  run({ long: args.includes('--long'), args, log: (l) => process.stderr.write(`${l}\n`) }).then(
    (rows) => {
      for (const r of rows) console.log(`${r.measure}: ${r.value} ${r.unit}${r.baseline ? ` vs ${r.baseline.label} ${r.baseline.value}` : ''}${r.ratio === undefined ? '' : ` (ratio ${r.ratio.toFixed(2)})`}${r.target ? ` target ${r.target}: ${r.met ? 'met' : 'MISSED'}` : ''} — ${r.note ?? ''}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
