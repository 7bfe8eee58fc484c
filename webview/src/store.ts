// The panel's record buffer: a ring of at most maxRecords rows (the oldest are dropped and
// counted), and the filtered view over it that the table renders.
import type { CompiledView } from '../../src/tail/shared/filter';
import type { RecordRow } from '../../src/tail/shared/protocol';
import { comparator, SortedOrder, type SortSpec } from '../../src/tail/shared/rowSort';

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

const NO_FILTER: CompiledView = { active: false, matches: () => true };

export class RecordStore {
  private ring: Array<RecordRow | undefined>;
  private cap: number;
  /** Logical index of the oldest row kept; row k lives in ring[k % cap]. */
  private first = 0;
  /** Logical index one past the newest row. */
  private end = 0;
  private filter: CompiledView = NO_FILTER;
  /** Logical indexes of the rows shown when a filter is active, ascending, from viewStart on. */
  private view: number[] = [];
  private viewStart = 0;
  /** The shown rows in column-sort order, when a sort is on. */
  private sorted: SortedOrder | undefined;
  /** Rows dropped because the buffer was full, since the last clear. */
  dropped = 0;

  constructor(capacity = DEFAULT_MAX_RECORDS) {
    this.cap = clampCapacity(capacity);
    this.ring = new Array<RecordRow | undefined>(this.cap);
  }

  get capacity(): number { return this.cap; }
  get size(): number { return this.end - this.first; }
  get full(): boolean { return this.size >= this.cap; }
  get filterActive(): boolean { return this.filter.active; }
  get shownCount(): number {
    if (this.sorted) return this.sorted.length;
    return this.filter.active ? this.view.length - this.viewStart : this.size;
  }
  get sort(): SortSpec | undefined { return this.sorted?.spec; }

  /** Sorts the shown rows by a column (undefined: buffer order, which is arrival order). */
  setSort(spec: SortSpec | undefined): void {
    this.sorted = spec ? new SortedOrder(spec, comparator(spec, (k) => this.ring[k % this.cap] as RecordRow)) : undefined;
    this.sorted?.reset(this.shownLogical());
  }

  /** Changes the capacity, keeping the newest rows. */
  setCapacity(capacity: number): void {
    const cap = clampCapacity(capacity);
    if (cap === this.cap) return;
    const keep: RecordRow[] = [];
    for (let k = Math.max(this.first, this.end - cap); k < this.end; k++) keep.push(this.ring[k % this.cap] as RecordRow);
    this.cap = cap;
    this.ring = new Array<RecordRow | undefined>(cap);
    this.first = 0;
    this.end = 0;
    this.sorted?.reset([]);
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
        this.ring[this.first % this.cap] = undefined;
        this.first++;
        evicted++;
      }
      this.ring[this.end % this.cap] = row;
      const shown = !this.filter.active || this.filter.matches(row);
      if (this.filter.active && shown) this.view.push(this.end);
      if (this.sorted && shown) added.push(this.end);
      this.end++;
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
    this.ring = new Array<RecordRow | undefined>(this.cap);
    this.first = this.end = 0;
    this.view = [];
    this.viewStart = 0;
    this.dropped = 0;
    this.sorted?.reset([]);
  }

  /** Applies a new filter to every buffered row. */
  setFilter(filter: CompiledView): void {
    this.filter = filter;
    this.view = [];
    this.viewStart = 0;
    if (filter.active) {
      for (let k = this.first; k < this.end; k++) {
        if (filter.matches(this.ring[k % this.cap] as RecordRow)) this.view.push(k);
      }
    }
    this.sorted?.reset(this.shownLogical());
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
    if (this.sorted) return this.ring[(this.sorted.at(i) as number) % this.cap];
    const k = this.filter.active ? this.view[this.viewStart + i] : this.first + i;
    return this.ring[k % this.cap];
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
    return k < 0 ? undefined : this.ring[k % this.cap];
  }

  newest(): RecordRow | undefined {
    return this.size === 0 ? undefined : this.ring[(this.end - 1) % this.cap];
  }

  /** Ids grow with arrival, so a binary search over the ring finds a row. */
  private logicalIndexOf(id: number): number {
    let lo = this.first;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ring[mid % this.cap] as RecordRow).id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.end && (this.ring[lo % this.cap] as RecordRow).id === id ? lo : -1;
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
