// The arrivals histogram's counts: records per time bucket, per series (shard, or decoder kind),
// kept incrementally as rows arrive and leave the buffer. When the time range outgrows the
// buckets, the width steps up a ladder of exact multiples and old buckets merge, so nothing is
// ever re-scanned.

/** Bucket widths (ms); each is a whole multiple of the one before, so buckets merge exactly. */
export const WIDTHS = [
  100, 200, 1000, 2000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];
export const MAX_BUCKETS = 120;

export type SeriesMode = 'shard' | 'kind';

/** One set of series (shards, or decoder kinds) over the shared buckets. */
class SeriesCounts {
  readonly names: string[] = [];
  readonly counts: Int32Array[] = [];
  private readonly index = new Map<string, number>();

  seriesOf(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
      this.counts.push(new Int32Array(MAX_BUCKETS));
    }
    return i;
  }
}

export interface BucketView {
  /** Start of bucket 0 (ms since the epoch). */
  start: number;
  width: number;
  /** Buckets in use: 0 .. used-1 (the last holds the newest arrival). */
  used: number;
  names: readonly string[];
  /** counts[series][bucket]. */
  counts: readonly Int32Array[];
  total: number;
}

export class ArrivalBuckets {
  private widthIndex = 0;
  private start = NaN;
  /** Highest bucket with an arrival seen (the range's end), relative to start. */
  private last = 0;
  private total = 0;
  private readonly series: Record<SeriesMode, SeriesCounts> = { shard: new SeriesCounts(), kind: new SeriesCounts() };

  get width(): number { return WIDTHS[this.widthIndex]; }
  get count(): number { return this.total; }

  /** Counts one arrival; the time range grows (and buckets merge) as needed. */
  add(arrival: number, shard: string, kind: string): void {
    if (!Number.isFinite(arrival)) return;
    const b = this.bucketFor(arrival);
    this.series.shard.counts[this.series.shard.seriesOf(shard)][b]++;
    this.series.kind.counts[this.series.kind.seriesOf(kind)][b]++;
    this.total++;
  }

  /** Uncounts an arrival that left the buffer. The range never shrinks, so the buckets stay put. */
  remove(arrival: number, shard: string, kind: string): void {
    if (!Number.isFinite(arrival) || Number.isNaN(this.start) || this.total === 0) return;
    const b = Math.floor((arrival - this.start) / this.width);
    if (b < 0 || b >= MAX_BUCKETS) return;
    const s = this.series.shard.counts[this.series.shard.seriesOf(shard)];
    const k = this.series.kind.counts[this.series.kind.seriesOf(kind)];
    if (s[b] > 0) s[b]--;
    if (k[b] > 0) k[b]--;
    this.total--;
  }

  clear(): void {
    this.widthIndex = 0;
    this.start = NaN;
    this.last = 0;
    this.total = 0;
    this.series.shard = new SeriesCounts();
    this.series.kind = new SeriesCounts();
  }

  view(mode: SeriesMode): BucketView {
    const s = this.series[mode];
    return { start: this.start, width: this.width, used: Number.isNaN(this.start) ? 0 : this.last + 1, names: s.names, counts: s.counts, total: this.total };
  }

  /** The bucket of an arrival, widening the buckets until it fits. */
  private bucketFor(arrival: number): number {
    if (Number.isNaN(this.start)) {
      this.start = Math.floor(arrival / this.width) * this.width;
      this.last = 0;
      return 0;
    }
    for (;;) {
      const b = Math.floor((arrival - this.start) / this.width);
      if (b >= 0 && b < MAX_BUCKETS) {
        if (b > this.last) this.last = b;
        return b;
      }
      if (this.widthIndex === WIDTHS.length - 1) return Math.max(0, Math.min(MAX_BUCKETS - 1, b));
      this.widen(arrival);
    }
  }

  /** Steps up the ladder until the old range and `arrival` fit, merging old buckets once. */
  private widen(arrival: number): void {
    const oldWidth = this.width;
    const lo = Math.min(this.start, arrival);
    const hi = Math.max(this.start + (this.last + 1) * oldWidth, arrival + 1);
    let index = this.widthIndex + 1;
    while (index < WIDTHS.length - 1 && hi - Math.floor(lo / WIDTHS[index]) * WIDTHS[index] > MAX_BUCKETS * WIDTHS[index]) index++;
    const width = WIDTHS[index];
    const factor = width / oldWidth;
    const newStart = Math.floor(lo / width) * width;
    // Old bucket b covers [start + b*oldWidth, ...): whole old buckets fall inside one new bucket.
    const offset = Math.round((this.start - newStart) / oldWidth);
    const place = (b: number): number => Math.min(MAX_BUCKETS - 1, Math.floor((b + offset) / factor));
    for (const s of [this.series.shard, this.series.kind]) {
      for (const c of s.counts) {
        const merged = new Int32Array(MAX_BUCKETS);
        for (let b = 0; b < MAX_BUCKETS; b++) if (c[b] !== 0) merged[place(b)] += c[b];
        c.set(merged);
      }
    }
    this.last = place(this.last);
    this.start = newStart;
    this.widthIndex = index;
  }
}
