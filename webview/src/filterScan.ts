// Runs the store's filter scan in slices of a few milliseconds, one task each, so that frames
// (scrolling, new batches, the progress in the stats) go on while a big ring is filtered.
import { FILTER_SLICE_MS, type RecordStore, type RowFilter } from './store';

export class FilterScan {
  private readonly channel = new MessageChannel();
  private scheduled = false;

  /** progress: after each slice; settled: once the view is complete (also when it was at once). */
  constructor(private readonly store: RecordStore, private readonly events: { progress(): void; settled(): void }) {
    // A message task, unlike a nested setTimeout, is not clamped to 4 ms.
    this.channel.port1.onmessage = () => this.slice();
  }

  /** Applies the filter: the first slice now, the rest as tasks of their own. */
  start(filter: RowFilter): void {
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
      this.events.progress();
      this.schedule();
    }
  }
}
