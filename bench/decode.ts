// Decode suite: the decoders against the bare calls a hand-written consumer would make, on the
// same bytes in the same run. JSON (with the exact-number check) vs JSON.parse(buf.toString()),
// CloudWatch Logs envelopes vs gunzipSync + JSON.parse (and vs one that parses the JSON messages
// too), KPL aggregates vs aws-kinesis-agg's deaggregateSync + JSON.parse, and what a long digit
// run costs (the exact parser). Ratios are medians of interleaved rounds in CPU time.
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

/** CPU time of this process in seconds: time spent descheduled on a loaded machine is left out. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Runs a subject and its baseline round after round, back to back, the order swapped every round
 * (so neither always runs on a warmer cache), each timed in CPU time. The ratio is the median of
 * the rounds' baseline/subject ratios: both halves of a round see the same machine. The seconds
 * are each side's best round (noise only slows), for the MB/s figures.
 */
function pairRounds(rounds: number, subject: Case, baseline: Case): { subject: number; baseline: number; ratio: number } {
  subject.run(); // warm-up: JIT and caches, outside the figures
  baseline.run();
  const ratios: number[] = [];
  let best = { subject: Number.POSITIVE_INFINITY, baseline: Number.POSITIVE_INFINITY };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [subject, baseline] : [baseline, subject];
    const took = order.map((c) => {
      const t = cpuSeconds();
      c.run();
      return Math.max(cpuSeconds() - t, 1e-6);
    });
    const [s = 1, b = 1] = r % 2 === 0 ? took : [took[1], took[0]];
    ratios.push(b / s);
    best = { subject: Math.min(best.subject, s), baseline: Math.min(best.baseline, b) };
  }
  ratios.sort((x, y) => x - y);
  const mid = ratios.length >> 1;
  const ratio = ratios.length % 2 === 1 ? (ratios[mid] ?? 1) : ((ratios[mid - 1] ?? 1) + (ratios[mid] ?? 1)) / 2;
  return { ...best, ratio };
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
  const rounds = numberArg(ctx.args, 'rounds', 7);
  // Mixed: half plain JSON, a quarter CloudWatch Logs (compressed bytes), a quarter KPL aggregates.
  const json = repeatTo(totalMB * MB * 0.5, (i) => Buffer.from(jsonPayload(i)), (b) => b.length);
  const big = json.slice(0, Math.ceil(json.length / 10)).map((_, i) => Buffer.from(jsonPayload(i, true)));
  const cwl = repeatTo(totalMB * MB * 0.25, (i) => cloudWatchEnvelope(i, 40), (b) => b.length);
  const kplUsers = repeatTo(totalMB * MB * 0.25, (i) => ({ partitionKey: `pk-${i % 64}`, data: Buffer.from(jsonPayload(i)) }), (r) => r.data.length);
  const kpl = (await aggregateWithProducer(kplUsers)).map((e) => e.data);
  const kplBase64 = kpl.map((b) => b.toString('base64'));
  ctx.log(`decode: ${json.length} JSON records, ${cwl.length} CloudWatch Logs envelopes (${(sum(cwl) / MB).toFixed(1)} MB gzipped), ${kpl.length} KPL aggregates of ${kplUsers.length} user records; median of ${rounds} interleaved rounds in CPU time`);

  const expandAll = (bufs: readonly Buffer[]) => (): void => {
    for (const data of bufs) expandRecord({ data, partitionKey: 'pk' });
  };
  const parseAll = (bufs: readonly Buffer[]) => (): void => {
    for (const b of bufs) JSON.parse(b.toString());
  };
  const jsonRun = pairRounds(rounds, { label: 'expandRecord JSON', run: expandAll(json) }, { label: 'JSON.parse', run: parseAll(json) });
  const bigRun = pairRounds(rounds, { label: 'expandRecord JSON, 20-digit integer', run: expandAll(big) }, { label: 'JSON.parse (rounds it)', run: parseAll(big) });
  const cwlSubject: Case = { label: 'expandRecord CloudWatch Logs', run: expandAll(cwl) };
  const cwlRun = pairRounds(rounds, cwlSubject, { label: 'gunzipSync + JSON.parse', run: () => cwl.forEach((b) => JSON.parse(gunzipSync(b).toString())) });
  const cwlSameWork = pairRounds(rounds, cwlSubject, {
    label: 'gunzipSync + JSON.parse + JSON.parse of each JSON message',
    run: () => cwl.forEach((b) => {
      const envelope = JSON.parse(gunzipSync(b).toString()) as { logEvents: Array<{ message: string }> };
      for (const e of envelope.logEvents) if (e.message.startsWith('{')) JSON.parse(e.message);
    }),
  });
  const kplRun = pairRounds(rounds, { label: 'expandRecord KPL', run: expandAll(kpl) }, {
    label: 'deaggregateSync + JSON.parse',
    run: () => kplBase64.forEach((data, i) => agg.deaggregateSync({ data, partitionKey: 'pk', sequenceNumber: String(i) }, true, (err, users) => {
      if (err) throw err;
      for (const u of users ?? []) JSON.parse(Buffer.from(u.data, 'base64').toString());
    })),
  });
  const mbps = (bytes: number, s: number): number => bytes / MB / s;
  const jsonMB = sum(json);
  const cwlMB = sum(cwl);
  const kplMB = sum(kpl);
  const bigMB = sum(big);
  const how = `CPU time, median of ${rounds} interleaved rounds`;
  // A decoder that did nothing but the envelope parse and the message parses would score this.
  const messageCeiling = cwlRun.baseline / cwlSameWork.baseline;
  return [
    {
      group: 'decode', measure: `JSON, ${json.length.toLocaleString('en-US')} records of ~${Math.round(jsonMB / json.length)} B (exact-number check included)`,
      value: mbps(jsonMB, jsonRun.subject), unit: 'MB/s', baseline: { label: 'JSON.parse(buf.toString())', value: mbps(jsonMB, jsonRun.baseline) },
      ratio: jsonRun.ratio, target: '>= 0.9×', met: jsonRun.ratio >= 0.9,
      note: `beyond the baseline: strict UTF-8 (binary detection), the exact-number scan, layer detection, the record and decoded objects; ${how}`,
    },
    {
      group: 'decode', measure: `JSON with a 20-digit integer (exact parser), ${big.length.toLocaleString('en-US')} records`,
      value: mbps(bigMB, bigRun.subject), unit: 'MB/s', baseline: { label: 'JSON.parse, which rounds it', value: mbps(bigMB, bigRun.baseline) },
      ratio: bigRun.ratio, note: 'only payloads with a 16-character run of digits and dots where a number starts pay for lossless-json',
    },
    {
      group: 'decode', measure: `CloudWatch Logs, ${cwl.length.toLocaleString('en-US')} gzipped envelopes of 40 events (half JSON messages) into rows`,
      value: mbps(cwlMB, cwlRun.subject), unit: 'MB/s gz', baseline: { label: 'gunzipSync + JSON.parse', value: mbps(cwlMB, cwlRun.baseline) },
      ratio: cwlRun.ratio, target: '>= 0.8×', met: cwlRun.ratio >= 0.8,
      note: `beyond the baseline: one row per event (40 records and decoded values per envelope), each JSON message parsed (every row's kind, preview and body come from it, and filters and Find read it), exact-number scans; parsing the messages alone caps any decoder at ${messageCeiling.toFixed(2)}× (the two baselines' best rounds); ${how}`,
    },
    {
      group: 'decode', measure: 'CloudWatch Logs, the same, against a baseline that also parses the JSON messages',
      value: mbps(cwlMB, cwlSameWork.subject), unit: 'MB/s gz', baseline: { label: 'gunzipSync + JSON.parse + JSON.parse of each JSON message', value: mbps(cwlMB, cwlSameWork.baseline) },
      ratio: cwlSameWork.ratio, note: 'beyond the baseline: the rows (event metadata, Lambda level, size), strict UTF-8, exact-number scans',
    },
    {
      group: 'decode', measure: `KPL de-aggregation + JSON, ${kpl.length} aggregates, ${kplUsers.length.toLocaleString('en-US')} user records`,
      value: mbps(kplMB, kplRun.subject), unit: 'MB/s', baseline: { label: 'aws-kinesis-agg deaggregateSync + JSON.parse', value: mbps(kplMB, kplRun.baseline) },
      ratio: kplRun.ratio, note: 'beyond the baseline: the JSON work above (both verify the MD5); the baseline also decodes base64, which its API takes',
    },
  ];
}

export const suite: BenchSuite = { name: 'decode', run };

if (require.main === module) runAlone(suite);
