// Column sorting on the ring's indexes: the order a full sort gives is kept as rows are added in
// batches and dropped from the front, equal values keep arrival order, and clicks cycle.
import assert from 'node:assert/strict';
import type { RecordRow } from '../../../../src/tail/shared/protocol';
import { comparator, nextSort, SortedOrder, SORT_KEYS, type SortSpec } from '../../../../src/tail/shared/rowSort';
import { seededRandom } from '../../../support/seededRandom';

function row(id: number, rnd: () => number): RecordRow {
  const kinds = ['json', 'text', 'binary'] as const;
  return {
    id, shardId: `shardId-00000000000${Math.floor(rnd() * 4)}`, sequenceNumber: String(1000 + id), partitionKey: `k${Math.floor(rnd() * 7)}`,
    arrival: 1_000_000 + Math.floor(rnd() * 5000), size: Math.floor(rnd() * 50), layers: [], kind: kinds[Math.floor(rnd() * 3)],
    preview: '', body: '', bodyTruncated: false,
  };
}

describe('tail table sorting', () => {
  it('cycles a column through ascending, descending and buffer order', () => {
    const a = nextSort(undefined, 'size');
    assert.deepEqual(a, { key: 'size', dir: 'asc' });
    const d = nextSort(a, 'size');
    assert.deepEqual(d, { key: 'size', dir: 'desc' });
    assert.equal(nextSort(d, 'size'), undefined);
    assert.deepEqual(nextSort(d, 'shard'), { key: 'shard', dir: 'asc' }, 'another column starts ascending');
  });

  for (const key of SORT_KEYS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`keeps ${key} ${dir} as batches arrive and old rows leave, equal to a full sort`, () => {
        const rnd = seededRandom(key.length * 7 + (dir === 'asc' ? 1 : 2));
        const ring = new Map<number, RecordRow>();
        const spec: SortSpec = { key, dir };
        const cmp = comparator(spec, (k) => ring.get(k) as RecordRow);
        const order = new SortedOrder(spec, cmp);
        let first = 0;
        let end = 0;
        for (let batch = 0; batch < 40; batch++) {
          const added: number[] = [];
          for (let i = Math.floor(rnd() * 30); i > 0; i--) {
            ring.set(end, row(end, rnd));
            added.push(end++);
          }
          order.add(added);
          // A ring of 300: the oldest rows leave.
          while (end - first > 300) ring.delete(first++);
          order.dropBelow(first);
          const expected = [...ring.keys()].sort(cmp);
          const got = Array.from({ length: order.length }, (_, i) => order.at(i));
          assert.deepEqual(got, expected);
        }
        // Ties keep buffer order (reversed when descending): a shard's records stay in sequence order.
        const got = Array.from({ length: order.length }, (_, i) => ring.get(order.at(i) as number) as RecordRow);
        for (let i = 1; i < got.length; i++) {
          if (cmp(got[i - 1].id, got[i].id) === 0) assert.fail('indexes never compare equal');
          const sameValue = key === 'shard' ? got[i - 1].shardId === got[i].shardId : false;
          if (sameValue) assert.ok(dir === 'asc' ? got[i - 1].id < got[i].id : got[i - 1].id > got[i].id);
        }
      });
    }
  }
});
