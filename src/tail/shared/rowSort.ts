// Column sorting of the tail table, done on the ring's indexes: an order of logical row indexes
// kept sorted as rows arrive (new rows are sorted among themselves and merged in, O(n) per batch)
// and as old rows leave the ring. The table still renders only the visible rows.
import type { RecordRow } from './protocol';

export type SortKey = 'arrival' | 'shard' | 'key' | 'size' | 'kind';
export type SortDirection = 'asc' | 'desc';
export interface SortSpec { key: SortKey; dir: SortDirection }

export const SORT_KEYS: readonly SortKey[] = ['arrival', 'shard', 'key', 'size', 'kind'];

/** The next state of a column header click: ascending, descending, then back to buffer order. */
export function nextSort(current: SortSpec | undefined, key: SortKey): SortSpec | undefined {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : undefined;
}

const str = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const FIELD: Record<SortKey, (a: RecordRow, b: RecordRow) => number> = {
  arrival: (a, b) => a.arrival - b.arrival,
  shard: (a, b) => str(a.shardId, b.shardId),
  key: (a, b) => str(a.partitionKey, b.partitionKey),
  size: (a, b) => a.size - b.size,
  kind: (a, b) => str(a.kind, b.kind),
};

/**
 * Compares two logical indexes by the column, then by buffer position, so equal values keep the
 * order they arrived in (a shard's records stay in sequence order under every sort).
 */
export function comparator(spec: SortSpec, rowAt: (k: number) => RecordRow): (a: number, b: number) => number {
  const field = FIELD[spec.key];
  const sign = spec.dir === 'asc' ? 1 : -1;
  return (a, b) => sign * (field(rowAt(a), rowAt(b)) || a - b);
}

/** Display order of the shown rows under a sort: logical ring indexes. */
export class SortedOrder {
  private order: number[] = [];

  constructor(readonly spec: SortSpec, private readonly cmp: (a: number, b: number) => number) {}

  get length(): number { return this.order.length; }
  at(i: number): number | undefined { return this.order[i]; }
  indexOf(k: number): number { return this.order.indexOf(k); }

  /** Replaces the order with these indexes, sorted. */
  reset(indexes: number[]): void {
    this.order = indexes.sort(this.cmp);
  }

  /** Adds new rows: sorts them, then merges them into the order in one pass. */
  add(indexes: number[]): void {
    if (indexes.length === 0) return;
    const added = indexes.sort(this.cmp);
    const merged = new Array<number>(this.order.length + added.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < this.order.length && j < added.length) merged[o++] = this.cmp(this.order[i], added[j]) <= 0 ? this.order[i++] : added[j++];
    while (i < this.order.length) merged[o++] = this.order[i++];
    while (j < added.length) merged[o++] = added[j++];
    this.order = merged;
  }

  /** Forgets rows that left the ring (logical index below `first`); returns how many. */
  dropBelow(first: number): number {
    const before = this.order.length;
    if (before > 0) this.order = this.order.filter((k) => k >= first);
    return before - this.order.length;
  }
}
