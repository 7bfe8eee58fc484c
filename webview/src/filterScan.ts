// Runs the store's filter scan in slices of a few milliseconds, one task each, so that frames
// (scrolling, new batches, the progress in the stats) go on while a big ring is filtered.
import { FILTER_SLICE_MS, type RecordStore, type RowFilter } from './store';

/**
 * How often a scan under way is drawn (partial table, "filtering, N%"): a frame after every
 * slice would refill every visible row each time and double the scan's main-thread cost.
 */
const PROGRESS_MS = 250;

export class FilterScan {
  private readonly channel = new MessageChannel();
  private scheduled = false;
  private lastProgress = 0;

  /** progress: now and then while a scan is under way; settled: once the view is complete (also at once). */
  constructor(private readonly store: RecordStore, private readonly events: { progress(): void; settled(): void }) {
    // A message task, unlike a nested setTimeout, is not clamped to 4 ms.
    this.channel.port1.onmessage = () => this.slice();
  }

  /** Applies the filter: the first slice now, the rest as tasks of their own. */
  start(filter: RowFilter): void {
    this.lastProgress = performance.now();
    if (this.store.setFilter(filter, FILTER_SLICE_MS)) this.events.settled();
    else this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.channel.port2.postMessage(undefined);
  }

  private slice(): void {
    this.scheduled = false;
    if (this.store.continueFilter(FILTER_SLICE_MS)) this.events.settled();
    else {
      const now = performance.now();
      if (now - this.lastProgress >= PROGRESS_MS) {
        this.lastProgress = now;
        this.events.progress();
      }
      this.schedule();
    }
  }
}
