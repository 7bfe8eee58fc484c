// The extension host's longest block while it replays the host buffer to a (re)opened webview:
// the sliced replay (src/tail/host/replay.ts) against the synchronous replays it replaced, on the
// same buffer of ~300-byte JSON records. `post` serializes each message as VS Code's postMessage
// does in the extension host (JSON), so the figure includes that work.
// Alone: npm run compile-tests && node out/bench/hostReplay.js [--long]
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { decodePayload } from '../src/kinesis/decode';
import { HostBuffer } from '../src/tail/host/buffer';
import { Replay } from '../src/tail/host/replay';
import type { RecordRow, ReplayMessage } from '../src/tail/shared/protocol';
import { row300 } from './webviewCosts';
import type { BenchContext, BenchRow, BenchSuite } from './types';

/** Rows per message of the synchronous replay it replaced. */
const OLD_CHUNK = 5000;

let sink = 0;
const post = (m: ReplayMessage): void => void (sink += JSON.stringify(m).length);

function filled(n: number): HostBuffer {
  const buffer = new HostBuffer(n, (data) => decodePayload(data));
  const encoder = new TextEncoder();
  for (let id = 1; id <= n; id++) {
    const row = row300(id);
    buffer.push({ row, data: encoder.encode(row.body) });
  }
  return buffer;
}

/** The old replay: every row, then every message, in one macrotask; ms it blocked. */
function synchronous(rows: () => RecordRow[]): number {
  const t0 = performance.now();
  const all = rows();
  for (let i = 0; i < all.length; i += OLD_CHUNK) post({ type: 'replay', rows: all.slice(i, i + OLD_CHUNK), done: i + OLD_CHUNK >= all.length });
  return performance.now() - t0;
}

/** The sliced replay: its longest slice, the loop's longest delay meanwhile, and its total time. */
async function sliced(buffer: HostBuffer): Promise<{ p95SliceMs: number; longestSliceMs: number; loopMaxMs: number; totalMs: number; slices: number }> {
  const slices: number[] = [];
  const defer = (run: () => void): (() => void) => {
    const h = setImmediate(() => {
      const t = performance.now();
      run();
      slices.push(performance.now() - t);
    });
    return () => clearImmediate(h);
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  // A timer that keeps the loop turning, as the engine's polls and flushes do.
  const ticker = setInterval(() => undefined, 1);
  delay.enable();
  const t0 = performance.now();
  const replay = new Replay(buffer, { post, defer });
  const first = performance.now();
  const done = replay.start();
  slices.push(performance.now() - first);
  await done;
  const totalMs = performance.now() - t0;
  delay.disable();
  clearInterval(ticker);
  const sorted = [...slices].sort((a, b) => a - b);
  return { p95SliceMs: sorted[Math.floor(sorted.length * 0.95)], longestSliceMs: sorted[sorted.length - 1], loopMaxMs: delay.max / 1e6, totalMs, slices: slices.length };
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.long ? 1_000_000 : 100_000;
  const size = `${n.toLocaleString('en-US')} records`;
  ctx.log(`host replay: filling a buffer of ${size}`);
  const buffer = filled(n);
  // First, so that the baselines' garbage does not land in its collections.
  const s = await sliced(buffer);
  // Main before the columnar buffer kept a row object per record, so its replay only posted them.
  const kept = [...buffer.records()].map((r) => r.row);
  const keptMs = synchronous(() => kept);
  kept.length = 0;
  const rebuiltMs = synchronous(() => [...buffer.records()].map((r) => r.row));
  const load = `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
  ctx.log(`host replay: kept ${keptMs.toFixed(0)} ms, rebuilt ${rebuiltMs.toFixed(0)} ms, sliced longest ${s.longestSliceMs.toFixed(1)} ms, p95 ${s.p95SliceMs.toFixed(1)} ms (loop max ${s.loopMaxMs.toFixed(1)} ms), ${s.slices} slices in ${s.totalMs.toFixed(0)} ms; ${load} (${sink} bytes posted)`);
  const note = `${s.slices} slices (p95 ${s.p95SliceMs.toFixed(1)} ms), ${Math.round(s.totalMs)} ms in all; event-loop delay max ${s.loopMaxMs.toFixed(1)} ms; ${load}`;
  return [
    { group: 'host', measure: `replay to a reopened webview, ${size}: longest slice vs one synchronous replay of kept rows`, value: Number(s.longestSliceMs.toFixed(1)), unit: 'ms', baseline: { label: 'synchronous, rows kept (before the columnar buffer)', value: Math.round(keptMs) }, ratio: keptMs / s.longestSliceMs, target: 'max < 250 ms', met: s.loopMaxMs < 250, note },
    { group: 'host', measure: `replay to a reopened webview, ${size}: longest slice vs one synchronous replay of rebuilt rows`, value: Number(s.longestSliceMs.toFixed(1)), unit: 'ms', baseline: { label: 'synchronous, rows rebuilt from the columnar buffer', value: Math.round(rebuiltMs) }, ratio: rebuiltMs / s.longestSliceMs, note },
  ];
}

export const suite: BenchSuite = { name: 'hostReplay', run };

if (require.main === module) {
  void run({ long: process.argv.includes('--long'), log: (l) => console.error(l), args: process.argv.slice(2) }).then((out) => {
    for (const r of out) console.log(`${r.measure} ${r.value} ${r.unit}${r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(1)} (baseline ${r.baseline?.label}: ${r.baseline?.value} ${r.unit})`}`);
  });
}
