// Scale: a 500-shard stream tailed in the REAL panel (code-server with the packaged .vsix, headless
// Chromium), on kinesis-local behind the counting proxy, with a producer writing to every shard.
// The extension host reports its own figures through the diagnostics hook
// (KINESIS_EXPLORER_DIAGNOSTICS, src/tail/host/diagnostics.ts): event-loop delay, RSS, messages to
// the webview. Baselines from the same run: the host with no tail open, and a 16-shard tail.
// Run alone: npm run build && npm run compile-tests && node out/bench/scale.js [--shards N] [--phase-s N]
import { CreateStreamCommand, PutRecordsCommand, waitUntilStreamExists, ListShardsCommand, type KinesisClient, type Shard } from '@aws-sdk/client-kinesis';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createKinesisClient } from '../src/kinesis/client';
import { DIAGNOSTICS_ENV, type HostFigures } from '../src/tail/host/diagnostics';
import { launchChromium } from '../test/harness/browser';
import { startCodeServer } from '../test/harness/codeServer';
import { FaultProxy } from '../test/harness/faultProxy';
import { startKinesisLocal } from '../test/harness/kinesisLocal';
import { eventually } from '../test/support/eventually';
import { readWith } from '../test/ui/journeySteps';
import { contextMenu, expand, openKinesisView } from '../test/ui/tree';
import { packageExtension, resultsDir, runCommand } from '../test/ui/workbench';
import type { BenchContext, BenchRow, BenchSuite } from './types';

const CONNECTION = 'scale-local';
/** The SDK agent's socket cap (src/kinesis/client.ts). */
const AGENT_MAX_SOCKETS = 64;

interface Window {
  host: HostFigures;
  seconds: number;
  getRecords: number;
  /** Highest GetRecords rate of any one shard, calls/s. */
  perShardMax: number;
  sockets: number;
  produced: number;
}

function arg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function shardsOf(client: KinesisClient, stream: string): Promise<Shard[]> {
  const out: Shard[] = [];
  let token: string | undefined;
  do {
    const res = await client.send(new ListShardsCommand(token ? { NextToken: token } : { StreamName: stream }));
    out.push(...(res.Shards ?? []));
    token = res.NextToken;
  } while (token);
  return out;
}

/** One record per shard per `everyMs` (ExplicitHashKey = the shard's first hash key) until stopped. */
function producer(client: KinesisClient, stream: string, shards: Shard[], everyMs = 1000): { stop(): Promise<number> } {
  let running = true;
  let produced = 0;
  const keys = shards.map((s) => s.HashKeyRange?.StartingHashKey ?? '0');
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const started = Date.now();
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500);
        const res = await client.send(new PutRecordsCommand({
          StreamName: stream,
          Records: part.map((k, j) => ({ PartitionKey: `p${j}`, ExplicitHashKey: k, Data: Buffer.from(JSON.stringify({ n, shard: i + j, at: Date.now(), note: 'scale bench record' })) })),
        })).catch(() => undefined);
        produced += part.length - (res?.FailedRecordCount ?? part.length);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
    }
  })();
  return { async stop() { running = false; await loop; return produced; } };
}

class Probe {
  constructor(private readonly file: string, private readonly proxy: FaultProxy) {}

  /** Starts a window: the host's histogram and counters restart; returns the proxy's call mark. */
  async start(): Promise<{ mark: number; at: number }> {
    const before = this.read()?.writtenAt ?? 0;
    writeFileSync(`${this.file}.reset`, '');
    await eventually(() => !existsSync(`${this.file}.reset`) && (this.read()?.writtenAt ?? 0) > before, 'the host to restart its figures', { timeoutMs: 30_000 });
    return { mark: this.proxy.calls.length, at: Date.now() };
  }

  async finish(from: { mark: number; at: number }, produced = 0): Promise<Window> {
    const sockets = this.proxy.openSockets;
    const seconds = (Date.now() - from.at) / 1000;
    const calls = this.proxy.calls.slice(from.mark).filter((c) => c.operation === 'GetRecords');
    const perShard = new Map<string, number>();
    for (const c of calls) perShard.set(c.shardId ?? '?', (perShard.get(c.shardId ?? '?') ?? 0) + 1);
    const written = this.read()?.writtenAt ?? 0;
    const host = await eventually(() => { const f = this.read(); return f && f.writtenAt > written ? f : undefined; }, 'fresh host figures', { timeoutMs: 30_000 });
    return { host, seconds, getRecords: calls.length, perShardMax: Math.max(0, ...perShard.values()) / seconds, sockets, produced };
  }

  read(): HostFigures | undefined {
    try { return JSON.parse(readFileSync(this.file, 'utf8')) as HostFigures; } catch { return undefined; }
  }
}

async function openTail(page: Page, stream: string): Promise<void> {
  await openKinesisView(page);
  await expand(page, CONNECTION, stream, 120_000);
  const input = page.locator('.quick-input-widget input');
  await contextMenu(page, stream, 'Tail Stream…', input);
  await input.fill('LATEST');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'LATEST' }).first().click();
  await readWith(page, 'Polling (GetRecords)');
  const frame = page.frameLocator('iframe.webview').last().frameLocator('iframe');
  await frame.locator('.panel-header .stats').waitFor({ timeout: 120_000 });
}

async function measure(ctx: BenchContext): Promise<BenchRow[]> {
  const shards = arg(ctx.args, '--shards', 500);
  const phaseMs = 1000 * arg(ctx.args, '--phase-s', ctx.long ? 120 : 15);
  const big = 'scale-big';
  const base = 'scale-base';
  const dir = mkdtempSync(join(tmpdir(), 'kinesis-scale-'));
  const diag = join(dir, 'host.json');
  ctx.log(`scale: ${shards} shards, ${phaseMs / 1000} s per window`);
  const kinesis = await startKinesisLocal({ env: { SHARD_LIMIT: String(shards + 100) } });
  const admin = createKinesisClient({ region: kinesis.region, endpoint: kinesis.endpoint, credentials: kinesis.credentials });
  const proxy = await FaultProxy.start(kinesis.endpoint);
  const cleanup: (() => Promise<unknown>)[] = [async () => kinesis.stop(), async () => proxy.close(), async () => admin.destroy()];
  try {
    for (const [name, count] of [[base, 16], [big, shards]] as const) {
      await admin.send(new CreateStreamCommand({ StreamName: name, ShardCount: count }));
      await waitUntilStreamExists({ client: admin, maxWaitTime: 300 }, { StreamName: name });
    }
    const vsix = packageExtension();
    const cs = await startCodeServer({
      installVsix: [vsix],
      settings: { 'kinesis.connections': [{ name: CONNECTION, endpoint: proxy.endpoint, region: kinesis.region }] },
      env: { AWS_CONFIG_FILE: '/nonexistent/kinesis-scale/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kinesis-scale/credentials', AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '', [DIAGNOSTICS_ENV]: diag },
    });
    cleanup.unshift(async () => cs.stop());
    const browser = await launchChromium();
    cleanup.unshift(async () => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(cs.url());
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await openKinesisView(page);
    // The tail panels, and the diagnostics with them, load with the extension's first command
    // (dist/features.js); activation itself loads only the tree.
    await runCommand(page, 'Kinesis: Refresh');
    const probe = new Probe(diag, proxy);
    await eventually(() => probe.read(), 'the extension host diagnostics file', { timeoutMs: 120_000 });

    const windowOf = async (label: string, stream?: string, shardList?: Shard[]): Promise<Window> => {
      ctx.log(`scale: window ${label}`);
      const w = await probe.start();
      const prod = stream && shardList ? producer(admin, stream, shardList) : undefined;
      await new Promise((r) => setTimeout(r, phaseMs));
      return probe.finish(w, prod ? await prod.stop() : 0);
    };

    const noTail = await windowOf('no tail open');
    const baseShards = await shardsOf(admin, base);
    await openTail(page, base);
    await windowOf('16 shards, settling');
    const baseBusy = await windowOf('16 shards busy', base, baseShards);
    await runCommand(page, 'View: Close All Editors');

    const bigShards = await shardsOf(admin, big);
    await openTail(page, big);
    // kinesis-local hands out 500 iterators slowly on a busy machine: measure from when all are out.
    await eventually(() => proxy.count('GetShardIterator') >= baseShards.length + shards, 'an iterator for every shard', { timeoutMs: 600_000, intervalMs: 500 });
    // The first window lets every shard get its iterator and back off to the idle bound.
    await windowOf(`${shards} shards, settling`);
    const idle = await windowOf(`${shards} shards idle`);
    const busy = await windowOf(`${shards} shards busy`, big, bigShards);
    const after = await windowOf(`${shards} shards idle again`);
    mkdirSync(resultsDir, { recursive: true });
    const shot = join(resultsDir, `scale-panel-${shards}.png`);
    await page.screenshot({ path: shot });
    ctx.log(`scale: screenshot ${shot}`);

    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    const note = `load ${load}; ${shards} shards, ${phaseMs / 1000} s windows`;
    const lt = (v: number, b: number): boolean => v < b;
    const rows: BenchRow[] = [
      { group: 'scale', measure: `ext host event-loop p99, ${shards}-shard tail busy, panel open`, value: busy.host.eventLoop.p99Ms, unit: 'ms', baseline: { label: 'no tail open', value: noTail.host.eventLoop.p99Ms }, ratio: busy.host.eventLoop.p99Ms / Math.max(0.01, noTail.host.eventLoop.p99Ms), target: 'p99 < 50 ms', met: lt(busy.host.eventLoop.p99Ms, 50), note },
      { group: 'scale', measure: `ext host event-loop max, ${shards}-shard tail busy`, value: busy.host.eventLoop.maxMs, unit: 'ms', baseline: { label: '16-shard tail busy', value: baseBusy.host.eventLoop.maxMs }, ratio: busy.host.eventLoop.maxMs / Math.max(0.01, baseBusy.host.eventLoop.maxMs), target: 'max < 250 ms', met: lt(busy.host.eventLoop.maxMs, 250), note },
      { group: 'scale', measure: `ext host event-loop p99, ${shards}-shard tail idle`, value: idle.host.eventLoop.p99Ms, unit: 'ms', baseline: { label: 'no tail open', value: noTail.host.eventLoop.p99Ms }, ratio: idle.host.eventLoop.p99Ms / Math.max(0.01, noTail.host.eventLoop.p99Ms), target: 'p99 < 50 ms', met: lt(idle.host.eventLoop.p99Ms, 50), note },
      { group: 'scale', measure: `GetRecords calls/s, ${shards} shards idle (adaptive polling)`, value: idle.getRecords / idle.seconds, unit: 'calls/s', baseline: { label: 'fixed 1 s idle polling', value: shards }, ratio: (idle.getRecords / idle.seconds) / shards, target: 'far below 1 call/s per shard', met: idle.getRecords / idle.seconds < shards / 2, note: `per shard at most ${idle.perShardMax.toFixed(2)} calls/s; ${note}` },
      { group: 'scale', measure: `GetRecords calls/s, ${shards} shards busy (1 record/shard/s)`, value: busy.getRecords / busy.seconds, unit: 'calls/s', baseline: { label: 'idle', value: idle.getRecords / idle.seconds }, ratio: busy.getRecords / Math.max(1, idle.getRecords), target: '<= 5 calls/s per shard', met: busy.perShardMax <= 5, note: `per shard at most ${busy.perShardMax.toFixed(2)} calls/s; ${note}` },
      { group: 'scale', measure: `records posted to the webview by the end / produced, ${shards} shards`, value: busy.host.rowsPosted + after.host.rowsPosted, unit: 'records', baseline: { label: 'produced', value: busy.produced }, ratio: (busy.host.rowsPosted + after.host.rowsPosted) / Math.max(1, busy.produced), note: `status messages ${busy.host.posts.status ?? 0}, ${busy.host.shardStatusesPosted} shard statuses in them; ${note}` },
      { group: 'scale', measure: `sockets open to the endpoint, ${shards} shards busy`, value: busy.sockets, unit: 'sockets', baseline: { label: 'agent maxSockets', value: AGENT_MAX_SOCKETS }, ratio: busy.sockets / AGENT_MAX_SOCKETS, target: '<= agent maximum', met: busy.sockets <= AGENT_MAX_SOCKETS, note },
      { group: 'scale', measure: `ext host RSS after the ${shards}-shard windows`, value: after.host.rssMB, unit: 'MB', baseline: { label: '16-shard tail busy', value: baseBusy.host.rssMB }, ratio: after.host.rssMB / Math.max(1, baseBusy.host.rssMB), target: 'bounded', met: after.host.rssMB <= busy.host.rssMB * 1.2, note: `busy ${busy.host.rssMB} MB, idle ${idle.host.rssMB} MB; ${note}` },
    ];
    return rows;
  } finally {
    for (const c of cleanup) await c().catch(() => undefined);
  }
}

export const suite: BenchSuite = { name: 'scale', run: measure };

if (require.main === module) {
  suite.run({ long: process.argv.includes('--long'), log: (l) => process.stderr.write(`${l}\n`), args: process.argv.slice(2) })
    .then((rows) => { for (const r of rows) console.log(`${r.measure}: ${r.value.toFixed(2)} ${r.unit}${r.baseline ? ` (${r.baseline.label} ${r.baseline.value.toFixed(2)}, ratio ${r.ratio?.toFixed(2)})` : ''}${r.target ? ` target ${r.target}: ${r.met ? 'met' : 'MISSED'}` : ''} — ${r.note ?? ''}`); })
    .catch((e: unknown) => { console.error(e); process.exitCode = 1; });
}
