// Scale diagnostics of the extension host, for bench/scale.ts. Off unless the environment variable
// KINESIS_EXPLORER_DIAGNOSTICS names a file: then the host writes its own figures there as JSON once
// a second — event-loop delay (perf_hooks.monitorEventLoopDelay), RSS and heap, and the messages the
// tail panels posted to their webviews. Only numbers: no stream names, records or credentials.
// Creating `<file>.reset` starts a new measuring window (the histogram and counters restart).
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { HostToWebview } from '../shared/protocol';

export const DIAGNOSTICS_ENV = 'KINESIS_EXPLORER_DIAGNOSTICS';

export interface HostFigures {
  /** ms since the window started. */
  windowMs: number;
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number };
  rssMB: number;
  heapUsedMB: number;
  /** Messages posted to tail webviews in the window, by type, and the rows and shard statuses in them. */
  posts: Record<string, number>;
  rowsPosted: number;
  shardStatusesPosted: number;
  writtenAt: number;
}

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

export class HostDiagnostics {
  private histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private windowStart = Date.now();
  private posts: Record<string, number> = {};
  private rows = 0;
  private shardStatuses = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  /** Diagnostics when the environment asks for them; undefined (and nothing running) otherwise. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): HostDiagnostics | undefined {
    const file = env[DIAGNOSTICS_ENV];
    return file ? new HostDiagnostics(file) : undefined;
  }

  constructor(private readonly file: string, intervalMs = 1000) {
    this.histogram.enable();
    this.timer = setInterval(() => this.write(), intervalMs);
    this.timer.unref();
  }

  countPost(message: HostToWebview): void {
    this.posts[message.type] = (this.posts[message.type] ?? 0) + 1;
    if (message.type === 'records' || message.type === 'replay') this.rows += message.rows.length;
    if (message.type === 'status') this.shardStatuses += message.shards.length;
  }

  figures(): HostFigures {
    const h = this.histogram;
    const mem = process.memoryUsage();
    return {
      windowMs: Date.now() - this.windowStart,
      eventLoop: { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) },
      rssMB: Math.round(mem.rss / 1048576),
      heapUsedMB: Math.round(mem.heapUsed / 1048576),
      posts: { ...this.posts },
      rowsPosted: this.rows,
      shardStatusesPosted: this.shardStatuses,
      writtenAt: Date.now(),
    };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private write(): void {
    try {
      if (existsSync(`${this.file}.reset`)) {
        rmSync(`${this.file}.reset`, { force: true });
        this.histogram.reset();
        this.windowStart = Date.now();
        this.posts = {};
        this.rows = 0;
        this.shardStatuses = 0;
      }
      // Written whole, then renamed: a reader never sees half a file.
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.figures()));
      renameSync(`${this.file}.tmp`, this.file);
    } catch {
      // Diagnostics must never disturb the extension.
    }
  }
}
