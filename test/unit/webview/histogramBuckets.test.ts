// The histogram's incremental buckets: counts match a full recount after growth in both
// directions, merging is exact, and removals undo additions.
import assert from 'node:assert/strict';
import { ArrivalBuckets, MAX_BUCKETS, WIDTHS } from '../../../webview/src/histogramBuckets';

/** Recounts arrivals from scratch into the view's buckets: what incremental counting must equal. */
function recount(arrivals: number[], start: number, width: number, used: number): number[] {
  const out = new Array<number>(used).fill(0);
  for (const a of arrivals) out[Math.floor((a - start) / width)]++;
  return out;
}

function totals(b: ArrivalBuckets, mode: 'shard' | 'kind'): number[] {
  const v = b.view(mode);
  return Array.from({ length: v.used }, (_, i) => v.counts.reduce((a, c) => a + c[i], 0));
}

describe('histogram buckets', () => {
  it('widens by exact merges as the range grows, matching a recount', () => {
    const b = new ArrivalBuckets();
    const arrivals: number[] = [];
    const t0 = Date.UTC(2026, 10, 30, 10, 0, 0);
    for (let i = 0; i < 20_000; i++) {
      const a = t0 + i * 37 + (i % 7) * 3;
      arrivals.push(a);
      b.add(a, `shard-${i % 3}`, i % 5 === 0 ? 'text' : 'json');
    }
    const v = b.view('shard');
    assert.ok(v.used <= MAX_BUCKETS);
    assert.ok(WIDTHS.includes(v.width));
    assert.equal(v.start % v.width, 0, 'bucket starts are aligned to the width');
    assert.deepEqual(totals(b, 'shard'), recount(arrivals, v.start, v.width, v.used));
    assert.deepEqual(totals(b, 'kind'), recount(arrivals, v.start, v.width, v.used));
    assert.equal(b.count, 20_000);
  });

  it('grows backwards for an older arrival, still exact', () => {
    const b = new ArrivalBuckets();
    const t0 = Date.UTC(2026, 10, 30, 10, 0, 0);
    const arrivals = [t0, t0 + 500, t0 + 950, t0 - 3_600_000, t0 + 90_000];
    for (const a of arrivals) b.add(a, 's', 'json');
    const v = b.view('kind');
    assert.ok(v.start <= t0 - 3_600_000);
    assert.deepEqual(totals(b, 'kind'), recount(arrivals, v.start, v.width, v.used));
  });

  it('keeps series apart and uncounts removed rows', () => {
    const b = new ArrivalBuckets();
    const t0 = 1_000_000;
    b.add(t0, 'a', 'json');
    b.add(t0 + 10, 'b', 'json');
    b.add(t0 + 20, 'b', 'text');
    const v = b.view('shard');
    assert.deepEqual(v.names, ['a', 'b']);
    assert.equal(v.counts[1][0], 2);
    b.remove(t0 + 10, 'b', 'json');
    assert.equal(b.view('shard').counts[1][0], 1);
    assert.equal(b.view('kind').counts[0][0], 1);
    assert.equal(b.count, 2);
    b.clear();
    assert.equal(b.view('shard').used, 0);
  });
});
