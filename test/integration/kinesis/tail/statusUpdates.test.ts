// The tail's statuses on a state change: the shard that changed gets a fresh entry and every other
// shard keeps the very object of the previous status (so a 500-shard tail does not rebuild 500
// snapshots per change), while the labels each shard goes through and the final totals stay whole.
import { strict as assert } from 'node:assert';
import { StreamTail } from '../../../../src/kinesis/tail';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, putAll } from './helpers';

describe('tail: a state change replaces only its own shard in the status', function () {
  this.timeout(60_000);
  let stream = '';

  before(async () => {
    stream = await createStream(4, 'status');
  });

  after(async () => {
    await deleteStream(stream);
  });

  it('shares the unchanged shards\' entries between statuses and still ends with fresh totals', async () => {
    await putAll(testClient(), stream, Array.from({ length: 40 }, (_, i) => ({ data: JSON.stringify({ i }), partitionKey: `k${i}` })));
    const c = new Collector();
    // No periodic status and no re-listing: every status after the first full one comes from one
    // shard's state change, until stop() ends with a full one.
    const tail = new StreamTail({ client: testClient({ maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, statusIntervalMs: 0, relistIntervalMs: 0, onBatch: c.onBatch, onStatus: c.onStatus });
    const done = tail.start();
    await eventually(() => c.records.length === 40 && c.last()?.shards.every((s) => s.state === 'caught-up'), 'every record, and every shard caught up');
    const final = await tail.stop();
    await done;
    const changedPerStatus = c.statuses.slice(1).map((s, i) => s.shards.filter((sh, j) => sh !== c.statuses[i]?.shards[j]).length);
    const partial = changedPerStatus.filter((n) => n === 1).length;
    assert.deepEqual(changedPerStatus.filter((n) => n !== 1 && n !== 4), [], `shards changed per status: ${changedPerStatus.join(',')}`);
    assert.ok(partial >= 8, `each of 4 shards changed state at least twice by itself: ${changedPerStatus.join(',')}`);
    for (const sh of final.shards) assert.deepEqual(c.labels(sh.shardId).slice(-2), ['caught-up', 'stopped'], sh.shardId);
    assert.equal(final.totalRecords, 40);
    assert.equal(final.shards.reduce((n, s) => n + s.totalRecords, 0), 40);
  });
});
