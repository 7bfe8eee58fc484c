// Replays the host buffer to a (re)opened webview without blocking the extension host. Rows are
// rebuilt (decoded again) a slice at a time, one slice per macrotask, each slice ending after a
// few ms or `maxRows` rows, and posted as it is built. A replay covers the records buffered when
// it starts (up to that newest id), skips those evicted meanwhile, and leaves newer records to the
// session, which holds its live flushes until the replay is done: each record reaches the webview
// once, in id order. cancel() (a newer replay, a hidden panel, dispose) stops it between slices.
import type { ReplayMessage } from '../shared/protocol';
import type { HostBuffer } from './buffer';

export interface ReplayOptions {
  post(message: ReplayMessage): void;
  /** Rows per slice at most (default 1000). */
  maxRows?: number;
  /** Work per slice before yielding to the event loop (default 5 ms). */
  sliceMs?: number;
  /** Clock for the slice budget (tests inject one). */
  now?(): number;
  /** Runs the next slice on a later macrotask (default setImmediate); returns its cancel. */
  defer?(run: () => void): () => void;
}

const immediate = (run: () => void): (() => void) => {
  const handle = setImmediate(run);
  return () => clearImmediate(handle);
};

/** How often (in rows) a slice looks at the clock. */
const CLOCK_EVERY = 16;

export class Replay {
  /** Resolves true once the last slice is posted, false if cancelled first. */
  readonly done: Promise<boolean>;
  private resolve!: (completed: boolean) => void;
  private next: number;
  private readonly last: number;
  private finished = false;
  private cancelNext?: () => void;
  private readonly maxRows: number;
  private readonly sliceMs: number;

  constructor(private readonly buffer: HostBuffer, private readonly opts: ReplayOptions) {
    this.next = buffer.oldestId ?? 1;
    this.last = buffer.newestId ?? 0;
    this.maxRows = Math.max(1, opts.maxRows ?? 1000);
    this.sliceMs = opts.sliceMs ?? 5;
    this.done = new Promise((resolve) => (this.resolve = resolve));
  }

  /** Posts the first slice now and the rest on later macrotasks. */
  start(): Promise<boolean> {
    this.slice();
    return this.done;
  }

  cancel(): void {
    if (this.finished) return;
    this.finished = true;
    this.cancelNext?.();
    this.cancelNext = undefined;
    this.resolve(false);
  }

  private slice(): void {
    this.cancelNext = undefined;
    if (this.finished) return;
    const now = this.opts.now ?? (() => performance.now());
    const t0 = now();
    const rows: ReplayMessage['rows'] = [];
    let end = true;
    // Records evicted since the last slice are skipped: recordsFrom starts at the oldest left.
    for (const { row } of this.buffer.recordsFrom(this.next)) {
      // Newer than the replay's snapshot: the session's live flush delivers it.
      if (row.id > this.last) break;
      rows.push(row);
      this.next = row.id + 1;
      if (row.id === this.last) break;
      if (rows.length >= this.maxRows || (rows.length % CLOCK_EVERY === 0 && now() - t0 >= this.sliceMs)) {
        end = false;
        break;
      }
    }
    this.opts.post({ type: 'replay', rows, done: end });
    if (end) {
      this.finished = true;
      this.resolve(true);
      return;
    }
    this.cancelNext = (this.opts.defer ?? immediate)(() => this.slice());
  }
}
