// The field filter's cost: a compiled CEL predicate (compileFieldFilter, as the panel and Find
// run it) against a hand-written JS predicate on the same rows, both parsing the row's JSON body.
// Also a short form's CEL rewrite against the same filter written in CEL, the one-off compile, and
// on ~300-byte rows a filter that reads top-level fields only (values parsed alone) against the
// same filter parsing the whole body.
// Alone: npm run compile-tests && node out/bench/filter.js [--long]
import { compileCelFilter } from '../src/tail/shared/celFilter';
import { BodyArena } from '../src/tail/shared/byteArena';
import { compileFieldFilter, type FilterSubject } from '../src/tail/shared/filter';
import { sampleJson } from '../test/ui/webview-fixtures/rows';
import type { BenchContext, BenchRow, BenchSuite } from './types';

function rows(n: number): FilterSubject[] {
  return Array.from({ length: n }, (_, i) => {
    const t = 18 + ((i * 7919) % 1000) / 100;
    const body = JSON.stringify({ device_id: `sensor-${i % 50}`, site: i % 3 === 0 ? 'north' : 'south', temperature: t, humidity: 40 + (i % 30), status: t > 25.5 ? 'WARN' : 'OK', ts: new Date(1795000000000 + i * 1000).toISOString() });
    return { shardId: `shardId-00000000000${i % 4}`, partitionKey: `sensor-${i % 50}`, kind: 'json', body, bodyTruncated: false, sequenceNumber: String(49650000000000000000n + BigInt(i)), arrival: 1795000000000 + i, size: body.length };
  });
}

/** ~300-byte JSON rows as the webview bench sends them (bench/webviewCosts.ts row300). */
function rows300(n: number): FilterSubject[] {
  return Array.from({ length: n }, (_, i) => {
    const body = JSON.stringify({ ...sampleJson(i + 1), message: `order ${i + 1} accepted by the payment gateway after fraud checks passed; routed to the eu-west-1 fulfilment queue` });
    return { shardId: `shardId-00000000000${i % 4}`, partitionKey: `device-${i % 97}`, kind: 'json', body, bodyTruncated: false };
  });
}

/** The same rows as the webview holds them: bodies as UTF-8 in an arena, decoded when read. */
function arenaRows(rows: FilterSubject[]): FilterSubject[] {
  const arena = new BodyArena();
  return rows.map((r) => {
    const { chunk, offset, length } = arena.put(r.body);
    return { ...r, get body() { return arena.get(chunk, offset, length); }, get bodyUtf8() { return arena.bytesAt(chunk, offset, length); } };
  });
}

/** The filter reading only the top-level fields it names, and the same filter parsing whole bodies. */
function fieldPick(source: string): Array<(row: FilterSubject) => boolean> {
  return (['auto', 'never'] as const).map((pick) => {
    const f = compileCelFilter(source, { pick });
    if (!f.ok) throw new Error(`${source}: ${f.error.message}`);
    return f.matches;
  });
}

/** What a developer would write by hand for `value.temperature > 25.0 && value.status == "WARN"`. */
function handWritten(row: FilterSubject): boolean {
  if (row.kind !== 'json' || row.bodyTruncated) return false;
  try {
    const v = JSON.parse(row.body) as { temperature?: unknown; status?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.temperature === 'number' && v.temperature > 25 && v.status === 'WARN';
  } catch {
    return false;
  }
}

function predicate(source: string): (row: FilterSubject) => boolean {
  const f = compileFieldFilter(source);
  if (!f.ok) throw new Error(`${source}: ${f.error.message}`);
  return f.matches;
}

/** Records per second of each predicate: interleaved rounds, best of each (a noisy machine slows all alike). */
function measure(data: FilterSubject[], preds: Array<(r: FilterSubject) => boolean>, rounds: number): { rates: number[]; matches: number[] } {
  const best = preds.map(() => 0);
  const matches = preds.map(() => 0);
  for (const p of preds) for (let i = 0; i < Math.min(20_000, data.length); i++) p(data[i]);
  for (let round = 0; round < rounds; round++) {
    preds.forEach((p, k) => {
      let m = 0;
      const t = process.hrtime.bigint();
      for (const r of data) if (p(r)) m++;
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      best[k] = Math.max(best[k], data.length / s);
      matches[k] = m;
    });
  }
  return { rates: best, matches };
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.long ? 1_000_000 : 200_000;
  const rounds = ctx.long ? 7 : 5;
  const data = rows(n);
  ctx.log(`filter: ${n.toLocaleString('en-US')} rows, ${rounds} interleaved rounds`);
  const cel = 'value.temperature > 25.0 && value.status == "WARN"';
  const short = 'temperature > 25 and status == "WARN"';
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) compileFieldFilter(`${cel} && value.humidity > ${i}`);
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6 / 200;
  const { rates, matches } = measure(data, [predicate(cel), handWritten, predicate(short)], rounds);
  const [celRate, jsRate, shortRate] = rates;
  if (matches[0] !== matches[1] || matches[2] !== matches[1]) throw new Error(`predicates disagree: ${matches.join(' / ')}`);
  const note = `${matches[0].toLocaleString('en-US')} of ${n.toLocaleString('en-US')} rows match; both parse each row's JSON`;
  const text300 = rows300(n);
  const arena300 = arenaRows(text300);
  const cases: Array<[string, string, FilterSubject[]]> = [
    ['temperature > 85', 'text bodies (host, Find)', text300],
    ['temperature > 85', 'arena bodies (webview)', arena300],
    ['value.level == "WARN" && value.location.line == 2', 'arena bodies (webview)', arena300],
  ];
  const picks = cases.map(([source, shape, data]) => {
    const m = measure(data, fieldPick(source), rounds);
    if (m.matches[0] !== m.matches[1]) throw new Error(`${source}: field pick and whole parse disagree: ${m.matches.join(' / ')}`);
    const row: BenchRow = {
      group: 'filter', measure: `field filter reading top-level fields alone vs whole body, ${n.toLocaleString('en-US')} ~300-byte rows, ${shape}`, value: Math.round(m.rates[0]), unit: 'records/s',
      baseline: { label: 'whole body parsed', value: Math.round(m.rates[1]) }, ratio: m.rates[0] / m.rates[1], note: `${source} (${m.matches[0].toLocaleString('en-US')} match)`,
    };
    return row;
  });
  return [
    { group: 'filter', measure: `CEL predicate vs hand-written JS, ${n.toLocaleString('en-US')} rows`, value: Math.round(celRate), unit: 'records/s', baseline: { label: 'hand-written JS predicate', value: Math.round(jsRate) }, ratio: celRate / jsRate, note },
    { group: 'filter', measure: 'short form rewritten to CEL vs the same filter in CEL', value: Math.round(shortRate), unit: 'records/s', baseline: { label: 'CEL', value: Math.round(celRate) }, ratio: shortRate / celRate, note: short },
    { group: 'filter', measure: 'compile a CEL filter (parse + type check), once per filter', value: Number(compileMs.toFixed(3)), unit: 'ms' },
    ...picks,
  ];
}

export const suite: BenchSuite = { name: 'filter', run };

if (require.main === module) {
  void run({ long: process.argv.includes('--long'), log: (l) => console.error(l), args: process.argv.slice(2) }).then((out) => {
    for (const r of out) console.log(`${r.measure.padEnd(64)} ${String(r.value).padStart(10)} ${r.unit}${r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(2)} (baseline ${r.baseline?.label}: ${r.baseline?.value})`}`);
  });
}
