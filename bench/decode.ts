// Decode suite: the decoders against the bare calls a hand-written consumer would make, on the
// same bytes in the same run. JSON (with the exact-number check) vs JSON.parse(buf.toString()),
// CloudWatch Logs envelopes vs gunzipSync + JSON.parse, KPL aggregates vs aws-kinesis-agg's
// deaggregateSync + JSON.parse, and what a long digit run costs (the exact parser).
// Alone: node out/bench/decode.js [--long] [--mb N] [--rounds N]
import { gzipSync, gunzipSync } from 'node:zlib';
import { expandRecord } from '../src/kinesis/decode';
import { agg, aggregateWithProducer } from '../test/harness/kplAggregate';
import { numberArg, runAlone } from './runner';
import type { BenchContext, BenchRow, BenchSuite } from './types';

/** A typical ~250-byte event; `big` adds a 20-digit id (the exact path). */
export function jsonPayload(i: number, big = false): string {
  const text = JSON.stringify({
    orderId: `ORD-${i}`, customer: { id: 1000 + i, name: `Customer ${i}`, tier: i % 3 === 0 ? 'gold' : 'silver' },
    items: [{ sku: 'A-1', qty: 2, price: 12.5 }, { sku: 'B-7', qty: 1, price: 3.99 }],
    total: 28.99, currency: 'EUR', createdAt: '2026-11-30T00:00:00.000Z', ts: 1795000000000 + i,
    ...(big ? { traceId: 0 } : {}),
  });
  return big ? text.replace('"traceId":0', `"traceId":${12345678901234567890n + BigInt(i)}`) : text;
}

/** A CloudWatch Logs subscription envelope of `events` log events (half of them JSON messages), gzipped. */
function cloudWatchEnvelope(i: number, events: number): Buffer {
  const logEvents = Array.from({ length: events }, (_, k) => ({
    id: `${37000000000000000000000000000000000000000000000000000000n + BigInt(i * events + k)}`,
    timestamp: 1795000000000 + k,
    message: k % 2 === 0 ? `2026-11-30T00:00:00Z INFO request ${i}-${k} served in ${k % 97} ms` : JSON.stringify({ level: 'info', msg: 'served', req: `${i}-${k}`, ms: k % 97 }),
  }));
  return gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE', owner: '000000000000', logGroup: '/aws/lambda/orders', logStream: `2026/11/30/[$LATEST]${i}`, subscriptionFilters: ['all'], logEvents }));
}

type Case = { label: string; run: () => void };

/** Runs the cases interleaved, round after round; each one's best round (noise only slows). */
function bestOf(rounds: number, cases: Case[]): number[] {
  for (const c of cases) c.run(); // warm-up: JIT and caches, outside the figures
  const best = cases.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, k) => {
      const t = process.hrtime.bigint();
      c.run();
      best[k] = Math.min(best[k] ?? Number.POSITIVE_INFINITY, Number(process.hrtime.bigint() - t) / 1e9);
    });
  }
  return best;
}

function sum(bufs: readonly Uint8Array[]): number {
  return bufs.reduce((s, b) => s + b.byteLength, 0);
}

function repeatTo<T>(bytes: number, make: (i: number) => T, size: (t: T) => number): T[] {
  const out: T[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const t = make(i);
    out.push(t);
    total += size(t);
  }
  return out;
}

const MB = 1024 * 1024;

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const totalMB = numberArg(ctx.args, 'mb', ctx.long ? 100 : 12);
  const rounds = numberArg(ctx.args, 'rounds', ctx.long ? 5 : 5);
  // Mixed: half plain JSON, a quarter CloudWatch Logs (compressed bytes), a quarter KPL aggregates.
  const json = repeatTo(totalMB * MB * 0.5, (i) => Buffer.from(jsonPayload(i)), (b) => b.length);
  const big = json.slice(0, Math.ceil(json.length / 10)).map((_, i) => Buffer.from(jsonPayload(i, true)));
  const cwl = repeatTo(totalMB * MB * 0.25, (i) => cloudWatchEnvelope(i, 40), (b) => b.length);
  const kplUsers = repeatTo(totalMB * MB * 0.25, (i) => ({ partitionKey: `pk-${i % 64}`, data: Buffer.from(jsonPayload(i)) }), (r) => r.data.length);
  const kpl = (await aggregateWithProducer(kplUsers)).map((e) => e.data);
  const kplBase64 = kpl.map((b) => b.toString('base64'));
  ctx.log(`decode: ${json.length} JSON records, ${cwl.length} CloudWatch Logs envelopes (${(sum(cwl) / MB).toFixed(1)} MB gzipped), ${kpl.length} KPL aggregates of ${kplUsers.length} user records; best of ${rounds} interleaved rounds`);

  const expandAll = (bufs: readonly Buffer[]) => (): void => {
    for (const data of bufs) expandRecord({ data, partitionKey: 'pk' });
  };
  const [jsonSubject = 1, jsonBase = 1, bigSubject = 1, bigBase = 1] = bestOf(rounds, [
    { label: 'expandRecord JSON', run: expandAll(json) },
    { label: 'JSON.parse', run: () => json.forEach((b) => JSON.parse(b.toString())) },
    { label: 'expandRecord JSON, 20-digit integer', run: expandAll(big) },
    { label: 'JSON.parse, 20-digit integer (rounds it)', run: () => big.forEach((b) => JSON.parse(b.toString())) },
  ]);
  const [cwlSubject = 1, cwlBase = 1] = bestOf(rounds, [
    { label: 'expandRecord CloudWatch Logs', run: expandAll(cwl) },
    { label: 'gunzipSync + JSON.parse', run: () => cwl.forEach((b) => JSON.parse(gunzipSync(b).toString())) },
  ]);
  const [kplSubject = 1, kplBase = 1] = bestOf(rounds, [
    { label: 'expandRecord KPL', run: expandAll(kpl) },
    {
      label: 'deaggregateSync + JSON.parse',
      run: () => kplBase64.forEach((data, i) => agg.deaggregateSync({ data, partitionKey: 'pk', sequenceNumber: String(i) }, true, (err, users) => {
        if (err) throw err;
        for (const u of users ?? []) JSON.parse(Buffer.from(u.data, 'base64').toString());
      })),
    },
  ]);
  const mbps = (bytes: number, s: number): number => bytes / MB / s;
  const jsonMB = sum(json);
  const cwlMB = sum(cwl);
  const kplMB = sum(kpl);
  const bigMB = sum(big);
  return [
    {
      group: 'decode', measure: `JSON, ${json.length.toLocaleString('en-US')} records of ~${Math.round(jsonMB / json.length)} B (exact-number check included)`,
      value: mbps(jsonMB, jsonSubject), unit: 'MB/s', baseline: { label: 'JSON.parse(buf.toString())', value: mbps(jsonMB, jsonBase) },
      ratio: jsonBase / jsonSubject, target: '>= 0.9×', met: jsonBase / jsonSubject >= 0.9,
    },
    {
      group: 'decode', measure: `JSON with a 20-digit integer (exact parser), ${big.length.toLocaleString('en-US')} records`,
      value: mbps(bigMB, bigSubject), unit: 'MB/s', baseline: { label: 'JSON.parse, which rounds it', value: mbps(bigMB, bigBase) },
      ratio: bigBase / bigSubject, note: 'only payloads with 16+ characters of digits and dots pay for lossless-json',
    },
    {
      group: 'decode', measure: `CloudWatch Logs, ${cwl.length.toLocaleString('en-US')} gzipped envelopes of 40 events`,
      value: mbps(cwlMB, cwlSubject), unit: 'MB/s gz', baseline: { label: 'gunzipSync + JSON.parse', value: mbps(cwlMB, cwlBase) },
      ratio: cwlBase / cwlSubject, target: '>= 0.8×', met: cwlBase / cwlSubject >= 0.8,
      note: 'the subject also parses each JSON log message (messageJson); the baseline does not',
    },
    {
      group: 'decode', measure: `KPL de-aggregation + JSON, ${kpl.length} aggregates, ${kplUsers.length.toLocaleString('en-US')} user records`,
      value: mbps(kplMB, kplSubject), unit: 'MB/s', baseline: { label: 'aws-kinesis-agg deaggregateSync + JSON.parse', value: mbps(kplMB, kplBase) },
      ratio: kplBase / kplSubject,
    },
  ];
}

export const suite: BenchSuite = { name: 'decode', run };

if (require.main === module) runAlone(suite);
