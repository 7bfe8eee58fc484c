// Adaptive idle polling against kinesis-local, on a fake clock: the reader's waits are the fake
// clock's, its calls are real. An idle shard's calls spread out 1 s, 2 s, 4 s, 5 s, 5 s; a record
// written then is read by the next call (within the 5 s bound), and the shard is back on fast polling.
import { strict as assert } from 'node:assert';
import { ShardReader, type ShardStatus } from '../../../../src/kinesis/tail';
import { FakeClock } from '../../../support/fakeClock';
import { eventually } from '../../../support/eventually';
import { createStream, deleteStream, testClient } from '../../fixture';
import { countSends, listShards, putAll, text } from './helpers';

describe('tail: adaptive idle polling (kinesis-local, fake clock)', function () {
  this.timeout(60_000);
  let stream = '';
  let shardId = '';

  before(async () => {
    stream = await createStream(1, 'idle');
    shardId = (await listShards(testClient(), stream))[0]?.ShardId ?? '';
  });

  after(async () => {
    await deleteStream(stream);
  });

  it('backs an idle shard off to the bound, still reads a new record within it, then polls fast again', async () => {
    const clock = new FakeClock();
    const client = testClient({ maxAttempts: 1 });
    const calls = countSends(client);
    const got: string[] = [];
    const states: ShardStatus[] = [];
    const reader = new ShardReader({ client, clock, streamName: stream, shardId, position: { type: 'LATEST' }, idleIntervalMs: 1000, idleMaxIntervalMs: 5000, onBatch: (b) => void got.push(...b.records.map(text)), onStatus: (s) => void states.push(s) });
    const done = reader.start();
    /** The reader has made `n` GetRecords calls and sleeps on the fake clock until its next one. */
    const asleepAfter = (n: number, what: string): Promise<boolean> => eventually(() => calls('GetRecords') === n && clock.pending === 1, what);
    /** The next call comes exactly `gapMs` of fake time after the previous one. */
    const nextCallAfter = async (gapMs: number): Promise<void> => {
      const before = calls('GetRecords');
      await clock.advance(gapMs - 1);
      assert.equal(calls('GetRecords'), before, `no call before ${gapMs} ms`);
      await clock.advance(1);
      await asleepAfter(before + 1, `a call after ${gapMs} ms`);
    };

    // GetShardIterator, then the first GetRecords after the 200 ms pacing between calls.
    await eventually(() => calls('GetShardIterator') === 1 && clock.pending === 1, 'the iterator');
    await nextCallAfter(200);
    assert.equal(reader.snapshot().state, 'caught-up');
    for (const gap of [1000, 2000, 4000, 5000, 5000]) await nextCallAfter(gap);

    await putAll(testClient(), stream, [{ data: 'late', partitionKey: 'k' }]);
    await nextCallAfter(5000);
    await eventually(() => got.includes('late'), 'the record written to the idle shard');
    // Records came back: the next call waits only for the 5 calls/s pacing (200 ms), and the
    // empty answer after it starts the steps again at 1 s.
    await nextCallAfter(200);
    await nextCallAfter(1000);
    await nextCallAfter(2000);
    assert.deepEqual(got, ['late']);

    await reader.stop();
    assert.equal((await done).reason, 'stopped');
    client.destroy();
  });
});
