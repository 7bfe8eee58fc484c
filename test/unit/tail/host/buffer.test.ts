import { strict as assert } from 'node:assert';
import { HostBuffer, type BufferedRecord } from '../../../../src/tail/host/buffer';
import type { RecordRow } from '../../../../src/tail/shared/protocol';

const rec = (id: number): BufferedRecord => ({
  row: { id, shardId: 's', sequenceNumber: String(id), partitionKey: 'k', arrival: 0, size: 1, layers: ['text'], kind: 'text', preview: '', body: '', bodyTruncated: false } satisfies RecordRow,
  data: new Uint8Array([id & 255]),
});

describe('HostBuffer', () => {
  it('keeps the newest records up to capacity and counts what it dropped', () => {
    const b = new HostBuffer(3);
    for (let id = 1; id <= 5; id++) b.push(rec(id));
    assert.equal(b.size, 3);
    assert.equal(b.dropped, 2);
    assert.deepEqual([...b.records()].map((r) => r.row.id), [3, 4, 5]);
    assert.equal(b.get(2), undefined);
    assert.equal(b.get(4)?.row.id, 4);
  });

  it('finds records by id across gaps left by clear()', () => {
    const b = new HostBuffer(10);
    b.push(rec(1));
    b.clear();
    for (const id of [7, 9, 12]) b.push(rec(id));
    assert.equal(b.get(9)?.row.id, 9);
    assert.equal(b.get(8), undefined);
    assert.equal(b.get(12)?.row.id, 12);
    assert.equal(b.size, 3);
  });

  it('refuses ids that do not increase and a capacity below one', () => {
    const b = new HostBuffer(2);
    b.push(rec(5));
    assert.throws(() => b.push(rec(5)), RangeError);
    assert.throws(() => new HostBuffer(0), RangeError);
  });

  it('stays O(1) per push at 100,000 records', () => {
    const b = new HostBuffer(1000);
    for (let id = 1; id <= 100_000; id++) b.push(rec(id));
    assert.equal(b.size, 1000);
    assert.equal(b.dropped, 99_000);
    assert.equal(b.get(99_500)?.row.id, 99_500);
  });
});
