// Re-describes streams that are CREATING, UPDATING or DELETING until they settle, on one timer
// owned here (stopped when nothing is pending, and by dispose()).
import type { StreamNode } from './nodes';

export type SettleCheck = (node: StreamNode) => Promise<'settled' | 'pending' | 'gone'>;

export interface SettlingPollerOptions {
  intervalMs?: number;
  /** Stop watching a stream after this long; Kinesis operations finish within minutes. */
  maxWatchMs?: number;
  onError?: (node: StreamNode, err: unknown) => void;
}

export class SettlingPoller {
  private readonly watched = new Map<string, { node: StreamNode; since: number }>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private disposed = false;
  private readonly intervalMs: number;
  private readonly maxWatchMs: number;

  constructor(private readonly check: SettleCheck, private readonly opts: SettlingPollerOptions = {}) {
    this.intervalMs = opts.intervalMs ?? 2_000;
    this.maxWatchMs = opts.maxWatchMs ?? 15 * 60_000;
  }

  watch(node: StreamNode): void {
    if (this.disposed) return;
    const existing = this.watched.get(node.id);
    this.watched.set(node.id, { node, since: existing?.since ?? Date.now() });
    this.schedule();
  }

  isWatching(node: StreamNode): boolean {
    return this.watched.get(node.id)?.node === node;
  }

  /** Stops watching the streams that match, e.g. those under a refreshed node. */
  forget(match: (node: StreamNode) => boolean): void {
    for (const [id, entry] of this.watched) if (match(entry.node)) this.watched.delete(id);
    if (this.watched.size === 0) this.stop();
  }

  get size(): number {
    return this.watched.size;
  }

  clear(): void {
    this.watched.clear();
    this.stop();
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.ticking || this.disposed || this.watched.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, this.intervalMs);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      for (const [id, entry] of [...this.watched]) {
        if (this.disposed) return;
        if (Date.now() - entry.since > this.maxWatchMs) {
          this.watched.delete(id);
          continue;
        }
        const outcome = await this.check(entry.node).catch((err: unknown) => {
          this.opts.onError?.(entry.node, err);
          return 'pending' as const;
        });
        // A refresh may have replaced the node while we waited.
        if (outcome !== 'pending' && this.watched.get(id)?.node === entry.node) this.watched.delete(id);
      }
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }
}
