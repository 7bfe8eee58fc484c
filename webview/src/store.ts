// The panel's record buffer: a ring of at most maxRecords rows (the oldest are dropped and
// counted), stored column by column (rowColumns.ts), and the filtered view over it that the
// table renders. A new filter tests the ring in time slices (continueFilter), oldest row first,
// so a million-row ring never blocks the page; rows arriving meanwhile wait for the scan.
import type { RecordRow } from '../../src/tail/shared/protocol';
import { comparator, SortedOrder, type SortSpec } from '../../src/tail/shared/rowSort';
import { RowColumns, type RowSubject } from './rowColumns';

export const DEFAULT_MAX_RECORDS = 100_000;
/** Bounds on maxRecords: the table's scroll height must stay under Chromium's ~33M px limit. */
const MIN_CAPACITY = 100;
const MAX_CAPACITY = 1_000_000;

export interface AppendResult {
  /** Rows dropped from the front of the buffer by this append. */
  evicted: number;
  /** Shown rows that were dropped from the front (the table keeps its place with this). */
  evictedShown: number;
  /** The buffer reached its capacity with this append. */
  becameFull: boolean;
}

/** What the store filters with: the panel's compiled view, possibly narrowed to a time window. */
export interface RowFilter {
  readonly active: boolean;
  matches(row: RowSubject): boolean;
}

/** Told about each row as it enters and leaves the ring (the histogram counts with it). */
export interface RowObserver {
  added(arrival: number, shardId: string, kind: string): void;
  removed(arrival: number, shardId: string, kind: string): void;
  cleared(): void;
}

/** Main-thread time per filter slice (filterScan.ts): leaves room for a frame's own work within 16 ms. */
export const FILTER_SLICE_MS = 8;
/** Rows tested between two looks at the clock. */
const SCAN_STEP = 1024;

const NO_FILTER: RowFilter = { active: false, matches: () => true };

export class RecordStore {
  private cols: RowColumns;
  private cap: number;
  observer: RowObserver | undefined;
  /** Logical index of the oldest row kept; row k lives in ring[k % cap]. */
  private first = 0;
  /** Logical index one past the newest row. */
  private end = 0;
  private filter: RowFilter = NO_FILTER;
  /** Logical indexes of the rows shown when a filter is active, ascending, from viewStart on. */
  private view: number[] = [];
  private viewStart = 0;
  /** Next logical index the active filter has not tested; `end` once the view is complete. */
  private scanNext = 0;
  /** The shown rows in column-sort order, when a sort is on. */
  private sorted: SortedOrder | undefined;
  /** Rows dropped because the buffer was full, since the last clear. */
  dropped = 0;

  constructor(capacity = DEFAULT_MAX_RECORDS) {
    this.cap = clampCapacity(capacity);
    this.cols = new RowColumns(this.cap);
  }

  /** Payload bytes the store holds outside the JS heap (benchmark figure). */
  get bodyBytes(): number { return this.cols.bodyBytes; }

  get capacity(): number { return this.cap; }
  get size(): number { return this.end - this.first; }
  get full(): boolean { return this.size >= this.cap; }
  get filterActive(): boolean { return this.filter.active; }
  /** The share of the ring the active filter has tested, below 1 while a scan is under way. */
  get filterProgress(): number {
    if (!this.filter.active || this.scanNext >= this.end) return 1;
    return Math.max(0, this.scanNext - this.first) / Math.max(1, this.size);
  }
  get shownCount(): number {
    if (this.sorted) return this.sorted.length;
    return this.filter.active ? this.view.length - this.viewStart : this.size;
  }
  get sort(): SortSpec | undefined { return this.sorted?.spec; }

  /** Sorts the shown rows by a column (undefined: buffer order, which is arrival order). */
  setSort(spec: SortSpec | undefined): void {
    // The comparator reads only sort keys: no body is decoded while sorting.
    this.sorted = spec ? new SortedOrder(spec, comparator(spec, (k) => this.cols.sortKey(k % this.cap) as RecordRow)) : undefined;
    this.sorted?.reset(this.filterProgress < 1 ? [] : this.shownLogical());
  }

  /** Changes the capacity, keeping the newest rows. */
  setCapacity(capacity: number): void {
    const cap = clampCapacity(capacity);
    if (cap === this.cap) return;
    const keep: RecordRow[] = [];
    for (let k = Math.max(this.first, this.end - cap); k < this.end; k++) keep.push(this.cols.row(k % this.cap));
    this.cap = cap;
    this.cols = new RowColumns(cap);
    this.first = 0;
    this.end = 0;
    this.view = [];
    this.viewStart = 0;
    this.scanNext = 0;
    this.sorted?.reset([]);
    this.observer?.cleared();
    this.append(keep);
  }

  append(rows: readonly RecordRow[]): AppendResult {
    const wasFull = this.full;
    let evicted = 0;
    let evictedShown = 0;
    const added: number[] = [];
    for (const row of rows) {
      if (this.end - this.first >= this.cap) {
        if (this.dropShown(this.first)) evictedShown++;
        const old = this.first % this.cap;
        this.observer?.removed(this.cols.arrival[old], this.cols.shardId(old), this.cols.kindLabel(old));
        this.cols.release(old);
        this.first++;
        evicted++;
      }
      const slot = this.end % this.cap;
      this.cols.set(slot, row);
      this.observer?.added(row.arrival, row.shardId, this.cols.kindLabel(slot));
      // While a filter scan is under way, the scan reaches this row in its turn.
      const test = this.filter.active && this.scanNext === this.end;
      const shown = !this.filter.active || (test && this.filter.matches(row));
      if (this.filter.active && shown) this.view.push(this.end);
      if (this.sorted && shown) added.push(this.end);
      this.end++;
      if (test) this.scanNext = this.end;
    }
    this.dropped += evicted;
    this.trimView();
    if (this.sorted) {
      // Evicted rows sit anywhere in a sorted view: the table cannot keep its place by a shift.
      if (evicted > 0) this.sorted.dropBelow(this.first);
      // A row both added and evicted by this append is gone already.
      this.sorted.add(added.filter((k) => k >= this.first));
      evictedShown = 0;
    }
    return { evicted, evictedShown, becameFull: !wasFull && this.full };
  }

  clear(): void {
    this.cols.clear();
    this.first = this.end = this.scanNext = 0;
    this.view = [];
    this.viewStart = 0;
    this.dropped = 0;
    this.sorted?.reset([]);
    this.observer?.cleared();
  }

  /**
   * Applies a new filter to every buffered row, testing for about budgetMs (by default all of
   * them); true when the view is complete, else continueFilter() goes on with the scan.
   */
  setFilter(filter: RowFilter, budgetMs = Infinity): boolean {
    this.filter = filter;
    this.view = [];
    this.viewStart = 0;
    this.scanNext = filter.active ? this.first : this.end;
    // Under a column sort the partial view would reorder on every slice: it shows once complete.
    this.sorted?.reset([]);
    return this.continueFilter(budgetMs);
  }

  /** Tests more rows for the current filter, for about budgetMs; true once every row is tested. */
  continueFilter(budgetMs = Infinity): boolean {
    if (!this.filter.active || this.scanNext >= this.end) return true;
    this.scanNext = Math.max(this.scanNext, this.first);
    const deadline = performance.now() + budgetMs;
    const cursor = this.cols.cursor();
    const filter = this.filter;
    while (this.scanNext < this.end) {
      const stop = Math.min(this.end, this.scanNext + SCAN_STEP);
      for (let k = this.scanNext; k < stop; k++) {
        if (filter.matches(cursor.move(k % this.cap))) this.view.push(k);
      }
      this.scanNext = stop;
      if (performance.now() >= deadline) break;
    }
    if (this.scanNext < this.end) return false;
    this.sorted?.reset(this.shownLogical());
    return true;
  }

  /** Logical indexes of the shown rows in buffer order. */
  private shownLogical(): number[] {
    if (this.filter.active) return this.view.slice(this.viewStart);
    const out = new Array<number>(this.size);
    for (let k = this.first; k < this.end; k++) out[k - this.first] = k;
    return out;
  }

  /** The i-th shown row (0 = oldest shown). */
  shownAt(i: number): RecordRow | undefined {
    if (i < 0 || i >= this.shownCount) return undefined;
    return this.cols.row(this.shownLogicalAt(i) % this.cap);
  }

  /** The id of the i-th shown row, read from its column (no row is built). */
  shownIdAt(i: number): number | undefined {
    if (i < 0 || i >= this.shownCount) return undefined;
    return this.cols.id[this.shownLogicalAt(i) % this.cap];
  }

  /** Logical index of the i-th shown row. */
  private shownLogicalAt(i: number): number {
    if (this.sorted) return this.sorted.at(i) as number;
    return this.filter.active ? this.view[this.viewStart + i] : this.first + i;
  }

  /**
   * The shown row nearest to this arrival time: the first at or after it in buffer order (which
   * is arrival order, give or take a merge window), or the closest under a column sort.
   */
  shownIndexAtTime(time: number): number {
    const n = this.shownCount;
    if (n === 0) return -1;
    const at = (i: number): number => this.cols.arrival[this.shownLogicalAt(i) % this.cap];
    if (this.sorted) {
      let best = 0;
      for (let i = 1; i < n; i++) if (Math.abs(at(i) - time) < Math.abs(at(best) - time)) best = i;
      return best;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(mid) < time) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, n - 1);
  }

  /** Position of a row among the shown rows, or -1. */
  shownIndexOf(id: number): number {
    const k = this.logicalIndexOf(id);
    if (k < 0) return -1;
    if (this.sorted) return this.sorted.indexOf(k);
    if (!this.filter.active) return k - this.first;
    const i = lowerBound(this.view, this.viewStart, this.view.length, k);
    return i < this.view.length && this.view[i] === k ? i - this.viewStart : -1;
  }

  byId(id: number): RecordRow | undefined {
    const k = this.logicalIndexOf(id);
    return k < 0 ? undefined : this.cols.row(k % this.cap);
  }

  newest(): RecordRow | undefined {
    return this.size === 0 ? undefined : this.cols.row((this.end - 1) % this.cap);
  }

  /** Ids grow with arrival, so a binary search over the ring finds a row. */
  private logicalIndexOf(id: number): number {
    let lo = this.first;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cols.id[mid % this.cap] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.end && this.cols.id[lo % this.cap] === id ? lo : -1;
  }

  /** Removes row k (the oldest) from the view; true when it was shown. */
  private dropShown(k: number): boolean {
    if (!this.filter.active) return true;
    if (this.viewStart < this.view.length && this.view[this.viewStart] === k) {
      this.viewStart++;
      return true;
    }
    return false;
  }

  /** Compacts the view array once half of it is dead. */
  private trimView(): void {
    if (this.viewStart > 1024 && this.viewStart * 2 > this.view.length) {
      this.view = this.view.slice(this.viewStart);
      this.viewStart = 0;
    }
  }
}

function clampCapacity(n: number): number {
  if (!Number.isFinite(n)) return DEFAULT_MAX_RECORDS;
  return Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, Math.floor(n)));
}

function lowerBound(a: readonly number[], lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
