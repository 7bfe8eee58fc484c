// Benchmark of the tail panel's front end in headless Chromium, beside a naive "append every row
// to the DOM" table in the same run: main-thread time per batch while the ring fills and once it
// is full (task wall time, and CPU time,
// which other processes on a loaded machine do not inflate), DOM size and JS heap every 20,000
// records, frame times while scrolling top to bottom, and the time to filter the whole ring to
// its complete result (the panel filters in slices: the sum of them, and wall time); plus the
// histogram's cost per batch and the host buffer's memory (webviewCosts.ts). A BenchSuite for
// `npm run bench` (`--long`: 1,000,000 rows), and runnable alone: node out/bench/webview.js
// [--long] [--records N] [--batch N] [--max N] [--steps N] [--naive-records N] [--scroll-budget-s N]
// [--full-batches N] [--json file]. Needs the built bundle (node esbuild.mjs); WEBVIEW_DIST points at another build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { RecordRow } from '../src/tail/shared/protocol';
import { launchChromium } from '../test/harness/browser';
import { initMessage, PanelPage } from '../test/ui/webview-fixtures/panelPage';
import { startPanelServer } from '../test/ui/webview-fixtures/server';
import type { BenchContext, BenchRow, BenchSuite } from './types';
import { FILTER_SLICE_MS } from '../webview/src/store';
import { hostBufferMB, histogramBatchMs, row300 } from './webviewCosts';
import { BENCH_SCRIPT, NAIVE_PAGE } from './webviewPageScripts';

interface Options {
  records: number;
  batch: number;
  max: number;
  /** Frames for the top-to-bottom scroll. */
  steps: number;
  /** Records fed to the naive table (0 skips it): past 100,000 rows each batch takes seconds. */
  naiveRecords: number;
  scrollBudgetS: number;
  /** Batches fed to the panel once its ring is full (each evicts as many rows as it adds): the steady state of a long tail. */
  fullBatches: number;
  json?: string;
}

/** Default: about 3 minutes on the 2-core machine. Long: the issue's million rows. */
const DEFAULTS: Options = { records: 100_000, batch: 1000, max: 100_000, steps: 400, naiveRecords: 20_000, scrollBudgetS: 60, fullBatches: 60 };
const LONG: Options = { records: 1_000_000, batch: 1000, max: 1_000_000, steps: 600, naiveRecords: 20_000, scrollBudgetS: 120, fullBatches: 100 };

interface Checkpoint { records: number; heapMB: number; rendererMB: number; domNodes: number; elements: number; rowElements: number }

interface Result {
  name: string;
  batchTaskMs: number[];
  /** Main-thread CPU per batch (CDP ThreadTime): unlike TaskDuration, not inflated while other processes hold the CPUs. */
  batchCpuMs: number[];
  batchWallMs: number[];
  /** The same per batch once the ring is full (records >= maxRecords): what a long-running tail costs. */
  fullTaskMs: number[];
  fullCpuMs: number[];
  checkpoints: Checkpoint[];
  frameWorkMs: number[];
  frameIntervalMs: number[];
  smoothWorkMs: number[];
  /** Renderer CPU per frame (all threads: main, compositor, raster) during the top-to-bottom scroll. */
  scrollCpuMsPerFrame: number;
  reachedBottom: boolean;
  /**
   * Main-thread ms to filter the whole ring and draw the complete result (the panel filters in
   * slices of a few ms, one task each: this sums them): a text filter, then a field filter.
   */
  filterTextMs: number;
  filterFieldMs: number;
  /** Wall-clock ms from typing to the complete result: the toolbar's debounce, the slices and the frames between them. */
  filterTextWallMs: number;
  filterFieldWallMs: number;
}

interface Bench {
  prepare(firstId: number, n: number): void;
  deliver(): Promise<{ handler: number; total: number }>;
  counts(rowSelector: string): { elements: number; rows: number };
  scroll(selector: string, mode: 'jump' | 'smooth', steps: number, budgetMs: number): Promise<{ work: number[]; intervals: number[]; bottom: boolean }>;
  setTemplate(rows: RecordRow[]): void;
}
/** For page.evaluate callbacks, which run in the page: no Node closures there. */
type W = { __bench: Bench };

function parseArgs(argv: readonly string[], long: boolean): Options {
  const o: Options = { ...(long ? LONG : DEFAULTS) };
  const numeric: Record<string, keyof Options> = {
    records: 'records', batch: 'batch', max: 'max', steps: 'steps', 'naive-records': 'naiveRecords', 'scroll-budget-s': 'scrollBudgetS', 'full-batches': 'fullBatches',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (key === 'json') o.json = value;
    else if (key in numeric && Number.isFinite(Number(value))) (o as unknown as Record<string, number>)[numeric[key]] = Number(value);
    else throw new Error(`Unknown option or value: ${argv[i]} ${value ?? ''}`);
  }
  o.naiveRecords = Math.min(o.naiveRecords, o.records);
  return o;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Resident memory of all renderer processes (Linux /proc), because the JS heap does not hold
 * the DOM: the naive table's cost is mostly there.
 */
async function rendererProcesses(browser: Browser): Promise<Array<{ type: string; id: number; cpuTime: number }>> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer');
}

/** CPU seconds used by all renderer processes: unlike wall time, not inflated by other load. */
async function rendererCpu(browser: Browser): Promise<number> {
  return (await rendererProcesses(browser)).reduce((a, p) => a + p.cpuTime, 0);
}

async function rendererMB(browser: Browser): Promise<number> {
  const processInfo = await rendererProcesses(browser);
  let kb = 0;
  for (const p of processInfo) {
    if (p.type !== 'renderer') continue;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended or /proc is not there (not Linux): count nothing.
    }
  }
  return kb / 1024;
}

/** Feeds the records batch by batch, measuring main-thread time per batch and memory every 20k. */
async function feed(name: string, browser: Browser, page: Page, o: Options, records: number, rowSelector: string, scrollSelector: string, log: (line: string) => void): Promise<Result> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(BENCH_SCRIPT);
  await page.evaluate((t) => (globalThis as unknown as W).__bench.setTemplate(t), Array.from({ length: 1000 }, (_, i) => row300(i + 1)));
  const r: Result = {
    name, batchTaskMs: [], batchCpuMs: [], batchWallMs: [], fullTaskMs: [], fullCpuMs: [], checkpoints: [], frameWorkMs: [], frameIntervalMs: [], smoothWorkMs: [], scrollCpuMsPerFrame: NaN, reachedBottom: false,
    filterTextMs: NaN, filterFieldMs: NaN, filterTextWallMs: NaN, filterFieldWallMs: NaN,
  };
  for (let sent = 0; sent < records; sent += o.batch) {
    await page.evaluate(([first, n]) => (globalThis as unknown as W).__bench.prepare(first, n), [sent + 1, Math.min(o.batch, records - sent)] as const);
    const before = await metrics(cdp);
    const { total } = await page.evaluate(() => (globalThis as unknown as W).__bench.deliver());
    const after = await metrics(cdp);
    r.batchTaskMs.push((after.TaskDuration - before.TaskDuration) * 1000);
    r.batchCpuMs.push((after.ThreadTime - before.ThreadTime) * 1000);
    r.batchWallMs.push(total);
    const done = sent + o.batch;
    if (done % 20_000 === 0 || done >= records) {
      await cdp.send('HeapProfiler.collectGarbage');
      const m = await metrics(cdp);
      const c = await page.evaluate((s) => (globalThis as unknown as W).__bench.counts(s), rowSelector);
      const rss = await rendererMB(browser);
      r.checkpoints.push({ records: Math.min(done, records), heapMB: m.JSHeapUsedSize / 2 ** 20, rendererMB: rss, domNodes: m.Nodes, elements: c.elements, rowElements: c.rows });
      log(`  ${name}: ${Math.min(done, records)} records, heap ${(m.JSHeapUsedSize / 2 ** 20).toFixed(1)} MB, renderers ${rss.toFixed(0)} MB, ${c.rows} row elements`);
    }
  }
  // The ring full: every batch now also evicts the oldest rows, as in a tail left running.
  if (name === 'panel' && records >= o.max) {
    for (let k = 0; k < o.fullBatches; k++) {
      await page.evaluate(([first, n]) => (globalThis as unknown as W).__bench.prepare(first, n), [records + k * o.batch + 1, o.batch] as const);
      const before = await metrics(cdp);
      await page.evaluate(() => (globalThis as unknown as W).__bench.deliver());
      const after = await metrics(cdp);
      r.fullTaskMs.push((after.TaskDuration - before.TaskDuration) * 1000);
      r.fullCpuMs.push((after.ThreadTime - before.ThreadTime) * 1000);
    }
    log(`  ${name}: ${o.fullBatches} more batches with the ring full at ${o.max} rows`);
  }
  const budget = o.scrollBudgetS * 1000;
  const cpuBefore = await rendererCpu(browser);
  const jump = await page.evaluate(([sel, steps, b]) => (globalThis as unknown as W).__bench.scroll(sel, 'jump', steps, b), [scrollSelector, o.steps, budget] as const);
  r.scrollCpuMsPerFrame = ((await rendererCpu(browser)) - cpuBefore) * 1000 / Math.max(1, jump.work.length + 1);
  r.frameWorkMs = jump.work;
  r.frameIntervalMs = jump.intervals;
  r.reachedBottom = jump.bottom;
  const smooth = await page.evaluate(([sel, b]) => (globalThis as unknown as W).__bench.scroll(sel, 'smooth', 300, b), [scrollSelector, budget] as const);
  r.smoothWorkMs = smooth.work;
  if (name === 'panel') {
    ({ mainMs: r.filterTextMs, wallMs: r.filterTextWallMs } = await filterCost(cdp, page, 'input[placeholder^="Filter payload"]', 'WARN'));
    await filterCost(cdp, page, 'input[placeholder^="Filter payload"]', '');
    ({ mainMs: r.filterFieldMs, wallMs: r.filterFieldWallMs } = await filterCost(cdp, page, 'input[placeholder^="Field filter"]', 'temperature > 85'));
  }
  await cdp.detach();
  return r;
}

/**
 * Main-thread time (CDP TaskDuration, so the filter's debounce does not count) from typing a
 * filter to the table drawn with its complete result (the stats no longer say "filtering"), and
 * the wall-clock time of the same.
 */
async function filterCost(cdp: CDPSession, page: Page, selector: string, value: string): Promise<{ mainMs: number; wallMs: number }> {
  const before = await metrics(cdp);
  const t0 = Date.now();
  await page.fill(selector, value);
  type Doc = { document: { querySelector(s: string): { textContent: string | null; value?: string } | null } };
  // A function, not a string: the panel's CSP has no 'unsafe-eval'.
  await page.waitForFunction(([sel, v]) => {
    const d = (globalThis as unknown as Doc).document;
    const stats = d.querySelector('.stats')?.textContent ?? '';
    return (v === '') !== stats.includes('shown') && !stats.includes('filtering') && d.querySelector(sel)?.value === v;
  }, [selector, value] as const, { polling: 'raf', timeout: 120_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
  const wallMs = Date.now() - t0;
  const after = await metrics(cdp);
  return { mainMs: (after.TaskDuration - before.TaskDuration) * 1000, wallMs };
}

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');

function summary(r: Result): Record<string, number> {
  const last = r.checkpoints.at(-1);
  return {
    batchMedianMs: quantile(r.batchTaskMs, 0.5),
    batchP95Ms: quantile(r.batchTaskMs, 0.95),
    batchCpuMedianMs: quantile(r.batchCpuMs, 0.5),
    batchCpuP95Ms: quantile(r.batchCpuMs, 0.95),
    batchWallMedianMs: quantile(r.batchWallMs, 0.5),
    fullP95Ms: quantile(r.fullTaskMs, 0.95),
    fullCpuP95Ms: quantile(r.fullCpuMs, 0.95),
    frameMedianMs: quantile(r.frameWorkMs, 0.5),
    frameP95Ms: quantile(r.frameWorkMs, 0.95),
    smoothP95Ms: quantile(r.smoothWorkMs, 0.95),
    scrollCpuMsPerFrame: r.scrollCpuMsPerFrame,
    frameMaxMs: Math.max(...r.frameWorkMs),
    intervalP95Ms: quantile(r.frameIntervalMs, 0.95),
    heapMB: last?.heapMB ?? NaN,
    rendererMB: last?.rendererMB ?? NaN,
    domNodes: last?.domNodes ?? NaN,
    rowElements: last?.rowElements ?? NaN,
  };
}

function report(panel: Result, naive: Result, o: Options, log: (line: string) => void): void {
  const p = summary(panel);
  const n = summary(naive);
  log(`Webview tail panel: ${o.records.toLocaleString('en-US')} records (naive: ${o.naiveRecords.toLocaleString('en-US')}) in batches of ${o.batch}, maxRecords ${o.max.toLocaleString('en-US')}`);
  log(`Top-to-bottom scroll: ${panel.frameWorkMs.length} frames (panel), ${naive.frameWorkMs.length} (naive). ${loadNote()}`);
  const cols = (c: Checkpoint | undefined): string =>
    c ? `${f1(c.heapMB).padStart(8)} ${f1(c.rendererMB).padStart(9)} ${String(c.domNodes).padStart(9)} ${String(c.rowElements).padStart(8)}` : ' '.repeat(37);
  log('         | panel: heap MB  rss MB  DOM nodes   rows | naive: heap MB  rss MB  DOM nodes   rows');
  for (let i = 0; i < panel.checkpoints.length; i++) {
    log(`${String(panel.checkpoints[i].records).padStart(8)} | ${cols(panel.checkpoints[i])}     | ${cols(naive.checkpoints[i])}`);
  }
  const rows: Array<[string, number, number]> = [
    ['batch main-thread time, median (ms)', p.batchMedianMs, n.batchMedianMs],
    ['batch main-thread time, p95 (ms)', p.batchP95Ms, n.batchP95Ms],
    ['batch main-thread CPU, median (ms)', p.batchCpuMedianMs, n.batchCpuMedianMs],
    ['batch main-thread CPU, p95 (ms)', p.batchCpuP95Ms, n.batchCpuP95Ms],
    ['ring full: batch main-thread time, p95 (ms)', p.fullP95Ms, NaN],
    ['ring full: batch main-thread CPU, p95 (ms)', p.fullCpuP95Ms, NaN],
    ['scroll top to bottom, frame work p95 (ms)', p.frameP95Ms, n.frameP95Ms],
    ['scroll top to bottom, renderer CPU per frame (ms)', p.scrollCpuMsPerFrame, n.scrollCpuMsPerFrame],
    ['wheel-like scroll (66 px/frame), frame p95 (ms)', p.smoothP95Ms, n.smoothP95Ms],
    ['JS heap at the end (MB)', p.heapMB, n.heapMB],
    ['renderer processes RSS at the end (MB)', p.rendererMB, n.rendererMB],
    ['row elements at the end', p.rowElements, n.rowElements],
  ];
  log(`${'figure'.padEnd(50)}${'panel'.padStart(10)}${'naive'.padStart(12)}`);
  for (const [label, a, b] of rows) log(`${label.padEnd(50)}${f1(a).padStart(10)}${f1(b).padStart(12)}`);
  log(`filter the whole ring to the complete result: text ${f1(panel.filterTextMs)} ms, field ${f1(panel.filterFieldMs)} ms (main thread, summed over slices); wall ${f1(panel.filterTextWallMs)} / ${f1(panel.filterFieldWallMs)} ms (with the debounce)`);
}

function loadNote(): string {
  return `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
}

/** The suite's rows: every figure beside the naive table measured in the same run. */
function benchRows(panel: Result, naive: Result, o: Options, host: { mb: number; perRecordBytes: number }, hist: { medianMs: number; p95Ms: number }): BenchRow[] {
  const p = summary(panel);
  const n = summary(naive);
  const size = `${o.records.toLocaleString('en-US')} rows, maxRecords ${o.max.toLocaleString('en-US')}`;
  const note = `${loadNote()}; naive table fed ${o.naiveRecords.toLocaleString('en-US')} rows`;
  const lowerIsBetter = (measure: string, value: number, base: number, unit: string, target?: string, met?: boolean): BenchRow => ({
    group: 'webview', measure, value, unit, baseline: { label: 'naive DOM table', value: base },
    ...(value > 0 && Number.isFinite(base) ? { ratio: base / value } : {}),
    ...(target ? { target, met } : {}), note,
  });
  return [
    lowerIsBetter(`scroll frame work p95, ${size}`, p.frameP95Ms, n.frameP95Ms, 'ms', 'p95 <= 16 ms', p.frameP95Ms <= 16),
    lowerIsBetter(`batch main-thread p95 (1000 rows) while the ring fills to ${size}`, p.batchP95Ms, n.batchP95Ms, 'ms', 'p95 <= 16 ms', p.batchP95Ms <= 16),
    lowerIsBetter(`batch main-thread CPU p95 (1000 rows; CPU time, not wall) while the ring fills to ${size}`, p.batchCpuP95Ms, n.batchCpuP95Ms, 'ms', 'p95 <= 16 ms', p.batchCpuP95Ms <= 16),
    ...(panel.fullTaskMs.length === 0 ? [] : [
      lowerIsBetter(`batch main-thread p95 (1000 rows) with the ring full at ${o.max.toLocaleString('en-US')} rows (${panel.fullTaskMs.length} batches, each evicting 1000)`, p.fullP95Ms, n.batchP95Ms, 'ms', 'p95 <= 16 ms', p.fullP95Ms <= 16),
      lowerIsBetter(`batch main-thread CPU p95 (1000 rows; CPU time, not wall) with the ring full at ${o.max.toLocaleString('en-US')} rows`, p.fullCpuP95Ms, n.batchCpuP95Ms, 'ms', 'p95 <= 16 ms', p.fullCpuP95Ms <= 16),
    ]),
    lowerIsBetter(`JS heap at the end, ${size}`, p.heapMB, n.heapMB, 'MB', '<= 300 MB at 1,000,000 rows', p.heapMB <= 300),
    lowerIsBetter(`renderer RSS at the end (payload text is off the JS heap), ${size}`, p.rendererMB, n.rendererMB, 'MB'),
    {
      group: 'webview', measure: `filter the whole ring to the complete result (main thread, in ${FILTER_SLICE_MS} ms slices), text filter, ${size}`, value: panel.filterTextMs, unit: 'ms',
      target: '< 1000 ms', met: panel.filterTextMs < 1000, note: `${note}; wall ${f1(panel.filterTextWallMs)} ms with the debounce`,
    },
    {
      group: 'webview', measure: `filter the whole ring to the complete result (main thread, in ${FILTER_SLICE_MS} ms slices), field filter, ${size}`, value: panel.filterFieldMs, unit: 'ms',
      target: '< 1000 ms', met: panel.filterFieldMs < 1000, note: `${note}; wall ${f1(panel.filterFieldWallMs)} ms with the debounce`,
    },
    { group: 'webview', measure: `histogram buckets per 1000-row batch (p95; median ${hist.medianMs.toFixed(3)} ms)`, value: hist.p95Ms, unit: 'ms', note: 'Node, incremental ArrivalBuckets.add' },
    {
      group: 'webview', measure: `host buffer memory at ${o.max.toLocaleString('en-US')} records of ~300-byte JSON`, value: host.mb, unit: 'MB',
      target: '<= 300 MB', met: host.mb <= 300, note: `${Math.round(host.perRecordBytes)} bytes per record (typed-array metadata, bytes and partition key in deflated 1 MiB chunks; rows rebuilt on demand)`,
    },
  ];
}

async function run(o: Options, log: (line: string) => void): Promise<BenchRow[]> {
  const server = await startPanelServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const panelPage = await PanelPage.open(browser, server, { width: 1280, height: 800 });
    await panelPage.send(initMessage({ maxRecords: o.max, autoScroll: true }));
    const panel = await feed('panel', browser, panelPage.page, o, o.records, '.rows > .row', '.viewport', log);
    assertClean(panelPage);
    await panelPage.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const naivePage = await context.newPage();
    await naivePage.setContent(NAIVE_PAGE);
    const naive = await feed('naive', browser, naivePage, o, o.naiveRecords, 'tr.row', '#scroller', log);
    await context.close();
    await browser.close();
    browser = undefined;

    const hist = histogramBatchMs(o.records, o.batch);
    const host = hostBufferMB(o.max, log);
    report(panel, naive, o, log);
    if (o.json) {
      mkdirSync(dirname(o.json), { recursive: true });
      writeFileSync(o.json, JSON.stringify({ options: o, panel: summary(panel), naive: summary(naive), host, hist, checkpoints: { panel: panel.checkpoints, naive: naive.checkpoints } }, null, 2));
    }
    return benchRows(panel, naive, o, host, hist);
  } finally {
    await browser?.close();
    await server.close();
  }
}

function assertClean(p: PanelPage): void {
  if (p.pageErrors.length > 0) throw new Error(`The panel threw: ${p.pageErrors.join('\n')}`);
}

export const suite: BenchSuite = {
  name: 'webview',
  run: (ctx: BenchContext) => run(parseArgs(ctx.args, ctx.long), ctx.log),
};

if (require.main === module) {
  const argv = process.argv.slice(2);
  const long = argv.includes('--long');
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  run(parseArgs(argv.filter((a) => a !== '--long'), long), log)
    .then((rows) => {
      for (const r of rows) console.log(`${r.measure}: ${r.value.toFixed(1)} ${r.unit}${r.baseline ? ` (naive ${r.baseline.value.toFixed(1)})` : ''}${r.target ? ` target ${r.target}: ${r.met ? 'met' : 'MISSED'}` : ''}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
