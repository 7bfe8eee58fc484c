// The end of a bounded read per shard: trimming a batch at an end time or a count, and when an
// empty response means the shard has caught up past the end.
import { strict as assert } from 'node:assert';
import { ShardRangeEnd, checkReadEnd, describeReadEnd, endTime } from '../../../../src/kinesis/tail/rangeEnd';
import type { TailBatch, TailRecord } from '../../../../src/kinesis/tail/types';

function batch(arrivals: number[]): TailBatch {
  const records: TailRecord[] = arrivals.map((a, i) => ({ shardId: 's', sequenceNumber: String(i + 1), partitionKey: 'k', approximateArrival: a, size: 10, data: new Uint8Array(10), decoded: { kind: 'text', layers: ['text'], size: 10, text: 'x' } }));
  return { shardId: 's', records, kinesisRecords: records.length, bytes: records.length * 10, receivedAt: 0 };
}

describe('rangeEnd', () => {
  it('"now" is the time the read started; a timestamp is itself; a count has no time', () => {
    assert.equal(endTime({ type: 'NOW' }, 1000), 1000);
    assert.equal(endTime({ type: 'AT_TIMESTAMP', timestamp: new Date(5) }, 1000), 5);
    assert.equal(endTime({ type: 'COUNT', records: 3 }, 1000), undefined);
    assert.equal(describeReadEnd({ type: 'COUNT', records: 3 }), '3 records per shard');
  });

  it('keeps the records at or before the end time and says the shard is done at the first one after', () => {
    const end = new ShardRangeEnd({ type: 'AT_TIMESTAMP', timestamp: new Date(100) }, 0);
    const whole = end.cut(batch([10, 50, 100]));
    assert.equal(whole.done, undefined);
    assert.equal(whole.batch.records.length, 3);
    const cut = end.cut(batch([100, 101, 99]));
    assert.equal(cut.done, 'beyond-end');
    assert.deepEqual(cut.batch.records.map((r) => r.approximateArrival), [100]);
    assert.equal(cut.batch.bytes, 10);
  });

  it('a count is spent across batches of one shard', () => {
    const end = new ShardRangeEnd({ type: 'COUNT', records: 5 }, 0);
    assert.equal(end.cut(batch([1, 2, 3])).done, undefined);
    const second = end.cut(batch([4, 5, 6]));
    assert.equal(second.done, 'count');
    assert.equal(second.batch.records.length, 2);
  });

  it('an empty response at the tip after the end time means caught up; before it, not yet', () => {
    const end = new ShardRangeEnd({ type: 'NOW' }, 1000);
    assert.equal(end.caughtUp(0, 999), false);
    assert.equal(end.caughtUp(0, 1000), true);
    assert.equal(end.caughtUp(5, 2000), false);
    assert.equal(end.caughtUp(undefined, 2000), false);
    assert.equal(new ShardRangeEnd({ type: 'COUNT', records: 1 }, 0).caughtUp(0, 10), false);
  });

  it('refuses an invalid date or a count below 1', () => {
    assert.throws(() => checkReadEnd({ type: 'AT_TIMESTAMP', timestamp: new Date(NaN) }), /valid date/);
    assert.throws(() => checkReadEnd({ type: 'COUNT', records: 0 }), /at least 1/);
    assert.throws(() => checkReadEnd({ type: 'COUNT', records: 1.5 }), /whole number/);
  });
});
