// The keep-alive HTTP/1.1 client under concurrency: a 16-shard stream tail plus bursts of 50
// parallel calls on the same client, with connections reused rather than opened per request.
import { strict as assert } from 'node:assert';
import { DescribeStreamSummaryCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { StreamTail } from '../../../../src/kinesis/tail';
import { FaultProxy } from '../../../harness/faultProxy';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, listShards, putAll, sleep, text } from './helpers';

describe('tail: keep-alive client under concurrency', function () {
  this.timeout(90_000);

  it('a 16-shard stream tail and 50 parallel calls share a few keep-alive connections, without errors', async () => {
    const SHARDS = 16;
    const PER_SHARD = 100;
    const stream = await createStream(SHARDS, 'conc');
    const proxy = await FaultProxy.start(emulator().endpoint);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const c = new Collector();
    const tail = new StreamTail({ client, streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 300, onBatch: c.onBatch, onStatus: c.onStatus });
    try {
      const shards = await listShards(testClient(), stream);
      assert.equal(shards.length, SHARDS);
      const rows = shards.flatMap((s, si) => Array.from({ length: PER_SHARD }, (_, n) => ({ data: `${si}:${n}`, partitionKey: `k${si}`, explicitHashKey: s.HashKeyRange?.StartingHashKey })));
      await putAll(testClient(), stream, rows);
      void tail.start();
      // Keep writing while all 16 shards poll, so calls overlap for several seconds.
      const more = shards.flatMap((s, si) => Array.from({ length: 20 }, (_, n) => ({ data: `${si}:${PER_SHARD + n}`, partitionKey: `k${si}`, explicitHashKey: s.HashKeyRange?.StartingHashKey })));
      for (let i = 0; i < more.length; i += 40) {
        await putAll(testClient(), stream, more.slice(i, i + 40));
        // Pacing, not waiting: spreads the writes out so that they overlap the tail's polling.
        await sleep(100);
      }
      const burst = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? client.send(new DescribeStreamSummaryCommand({ StreamName: stream })).then((r) => r.StreamDescriptionSummary?.OpenShardCount)
          : client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shards[i % SHARDS]?.ShardId, ShardIteratorType: 'LATEST' })).then((r) => (r.ShardIterator ? SHARDS : 0)),
      ));
      assert.deepEqual(new Set(burst), new Set([SHARDS]), 'all 50 parallel calls succeeded');
      const total = SHARDS * (PER_SHARD + 20);
      await eventually(() => c.records.length >= total, 'all records', { timeoutMs: 60_000 });
      // A quiet window in which a duplicate would show; the exact count below is the assertion.
      await sleep(500);
      await tail.stop();

      assert.equal(c.records.length, total);
      shards.forEach((s, si) => {
        const got = c.records.filter((r) => r.shardId === s.ShardId).map(text);
        assert.deepEqual(got, Array.from({ length: PER_SHARD + 20 }, (_, n) => `${si}:${n}`), `shard ${s.ShardId}`);
      });
      const labels = shards.flatMap((s) => c.labels(s.ShardId ?? ''));
      assert.ok(!labels.some((l) => l.startsWith('retrying') || l === 'error'), `no network error: ${[...new Set(labels)].join(', ')}`);
      const requests = proxy.calls.length;
      console.log(`      ${requests} requests over ${proxy.connections} connections`);
      // Never more sockets than the agent's maxSockets (64), although 66 calls can be in flight at once.
      assert.ok(proxy.connections <= 64, `${proxy.connections} connections for ${requests} requests`);

      // Keep-alive: with the tail stopped, 20 calls one after another on the same client open at
      // most one connection (a new one only if the server closed every idle one meanwhile).
      const before = proxy.connections;
      for (let i = 0; i < 20; i++) await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
      assert.ok(proxy.connections - before <= 1, `connections are reused: ${proxy.connections - before} opened for 20 sequential calls`);
    } finally {
      await tail.stop();
      await proxy.close();
      await deleteStream(stream);
    }
  });
});
