// Every fault at once: 5,000 records on each of 2 shards, read through a proxy that throttles,
// expires iterators, fails with 500s and resets connections. Nothing may be lost or repeated,
// order must hold per shard, and no shard may see more than 5 GetRecords in a second.
import { strict as assert } from 'node:assert';
import { StreamTail } from '../../../../src/kinesis/tail';
import { FaultProxy, type FaultRule } from '../../../harness/faultProxy';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, listShards, putAll, text } from './helpers';

const PER_SHARD = 5000;
const BATCH = 250;
/** Small GetRecords pages: more calls, so more chances for faults to hit. */
const LIMIT = 100;

// Each kind fires at least once on schedule (call numbers count per rule), then at random.
const RULES: FaultRule[] = [
  { operation: 'GetRecords', fault: 'throttle', rate: 0.06, calls: [5] },
  { operation: 'GetRecords', fault: 'kms-throttle', rate: 0.02, calls: [9] },
  { operation: 'GetRecords', fault: 'limit-exceeded', rate: 0.02, calls: [13] },
  { operation: 'GetRecords', fault: 'expired-iterator', rate: 0.08, calls: [17, 40] },
  { operation: 'GetRecords', fault: 'server-error', rate: 0.05, calls: [21] },
  { operation: 'GetRecords', fault: 'reset', rate: 0.04, calls: [25] },
  { operation: 'GetRecords', fault: 'reset-after', rate: 0.04, calls: [29] },
  { operation: 'GetShardIterator', fault: 'throttle', rate: 0.1 },
  { operation: 'GetShardIterator', fault: 'server-error', rate: 0.05 },
  { operation: 'GetShardIterator', fault: 'reset', rate: 0.05 },
];

describe('tail: soak under every fault (fault proxy)', function () {
  this.timeout(150_000);

  it('2 shards x 5,000 records: zero lost, zero duplicated, order kept, never over 5 GetRecords/s per shard', async () => {
    const stream = await createStream(2, 'soak');
    const proxy = await FaultProxy.start(emulator().endpoint, { seed: 42, rules: RULES });
    const c = new Collector();
    const tail = new StreamTail({ client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, limit: LIMIT, onBatch: c.onBatch, onStatus: c.onStatus });
    try {
      const shards = (await listShards(testClient(), stream)).map((s) => ({ id: s.ShardId ?? '', hashKey: s.HashKeyRange?.StartingHashKey ?? '0' }));
      assert.equal(shards.length, 2);
      const produce = (from: number, to: number) =>
        Promise.all(shards.map(async (s, si) => {
          const client = testClient();
          for (let n = from; n < to; n += BATCH) {
            const rows = Array.from({ length: Math.min(BATCH, to - n) }, (_, i) => ({ data: `${si}:${n + i}`, partitionKey: `s${si}`, explicitHashKey: s.hashKey }));
            await putAll(client, stream, rows, BATCH);
          }
        }));
      // Half is waiting when the tail starts; the other half arrives while it runs.
      await produce(0, PER_SHARD / 2);
      void tail.start();
      await produce(PER_SHARD / 2, PER_SHARD);
      await eventually(() => c.records.length >= 2 * PER_SHARD, 'all records', { timeoutMs: 120_000 });
      await eventually(() => tail.status().shards.every((s) => s.state === 'caught-up'), 'both shards caught up');
      await tail.stop();

      shards.forEach((s, si) => {
        const got = c.records.filter((r) => r.shardId === s.id).map(text);
        const want = Array.from({ length: PER_SHARD }, (_, n) => `${si}:${n}`);
        assert.equal(new Set(got).size, got.length, `no duplicate on ${s.id}`);
        assert.deepEqual(got, want, `exactly the records of ${s.id}, in order`);
      });

      const worst = proxy.maxGetRecordsPerSecond();
      assert.ok(worst.count <= 5, `${worst.shardId} got ${worst.count} GetRecords in second ${worst.second}`);
      console.log(`      GetRecords ${proxy.count('GetRecords')}, GetShardIterator ${proxy.count('GetShardIterator')}, faults ${proxy.injected()}, worst ${worst.count}/s, sliding max ${proxy.maxGetRecordsInWindow(1000)}`);
      assert.ok(proxy.count('GetRecords') >= (2 * PER_SHARD) / LIMIT, 'enough calls to mean something');
      for (const f of ['throttle', 'kms-throttle', 'limit-exceeded', 'expired-iterator', 'server-error', 'reset', 'reset-after'] as const) {
        assert.ok(proxy.injected(f) > 0, `${f} was injected`);
      }
      const seen = shards.flatMap((s) => c.labels(s.id));
      assert.ok(seen.some((l) => l.startsWith('throttled (')), 'throttled shown');
      assert.ok(seen.some((l) => l.startsWith('retrying (')), 'retrying shown');
    } finally {
      await tail.stop();
      await proxy.close();
      await deleteStream(stream);
    }
  });
});
