// Enhanced fan-out tail against kinesis-local over HTTP/1.1: SubscribeToShard per shard, forced
// renewals from the ContinuationSequenceNumber, a 2 -> 4 reshard followed through ChildShards
// (parents before children), and every record delivered exactly once, in order per shard.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { CreateStreamCommand, DescribeStreamSummaryCommand, UpdateShardCountCommand, waitUntilStreamExists, type KinesisClient } from '@aws-sdk/client-kinesis';
import { StreamTail } from '../../../../src/kinesis/tail';
import { deregisterConsumer, registerConsumer, waitForConsumerActive } from '../../../../src/kinesis/consumers/consumers';
import { deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, listShards, putAll, text } from './helpers';

/** kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name holds a "-": use "_". */
async function createEfoStream(shards: number): Promise<{ name: string; arn: string }> {
  const client = testClient();
  const name = `efo_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: name });
  const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.StreamARN ?? '';
  return { name, arn };
}

/** Counts the SubscribeToShard calls the client starts, per shard. */
function countSubscribes(client: KinesisClient): Map<string, number> {
  const perShard = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'SubscribeToShardCommand') {
        const shard = String((args.input as { ShardId?: string }).ShardId);
        perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countSubscribesForTests' },
  );
  return perShard;
}

describe('tail: enhanced fan-out (kinesis-local, HTTP/1.1)', function () {
  this.timeout(240_000);

  it('10,000 records exactly once, in order per shard, across forced renewals and a 2 -> 4 reshard', async () => {
    const { name: stream, arn } = await createEfoStream(2);
    const admin = testClient();
    const consumer = await registerConsumer(admin, arn, 'efo-it');
    await waitForConsumerActive(admin, arn, consumer.name, { pollIntervalMs: 200 });
    const subscribeClient = testClient({ maxAttempts: 1 });
    const subscribes = countSubscribes(subscribeClient);
    const c = new Collector();
    const tail = new StreamTail({
      client: testClient({ maxAttempts: 1 }),
      streamName: stream,
      position: { type: 'TRIM_HORIZON' },
      relistIntervalMs: 2000,
      // Renew every 3 s instead of every 4 m 45 s; subscribes stay at most one per shard per 5 s.
      efo: { consumerARN: consumer.arn, client: subscribeClient, sessionMs: 3000 },
      onBatch: c.onBatch,
      onStatus: c.onStatus,
    });
    const TOTAL = 10_000;
    const KEYS = 100;
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const n = from + i;
        const key = `k${n % KEYS}`;
        return { data: JSON.stringify({ n, key }), partitionKey: key };
      });
    try {
      void tail.start();
      await eventually(() => c.last()?.shards.filter((s) => s.state === 'caught-up').length === 2, 'both shards subscribed and caught up');
      assert.equal(c.last()?.mode, 'efo');
      const parents = (await listShards(admin, stream)).map((s) => s.ShardId ?? '');
      await putAll(admin, stream, rows(0, 2500));
      // Every parent's subscription renewed at least once while records flow.
      await eventually(() => parents.every((id) => (subscribes.get(id) ?? 0) >= 2), 'a renewal on each parent shard', { timeoutMs: 60_000 });
      await putAll(admin, stream, rows(2500, 2500));
      await admin.send(new UpdateShardCountCommand({ StreamName: stream, TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
      await waitUntilStreamExists({ client: admin, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
      await putAll(admin, stream, rows(5000, 5000));
      await eventually(() => c.records.length >= TOTAL, 'all 10,000 records', { timeoutMs: 120_000 });
      const children = (await listShards(admin, stream)).filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined).map((s) => s.ShardId ?? '');
      assert.equal(children.length, 4);
      // Each child renewed too: records after a renewal of a child continue from its continuation.
      await eventually(() => children.every((id) => (subscribes.get(id) ?? 0) >= 2), 'a renewal on each child shard', { timeoutMs: 60_000 });
      await eventually(() => c.last()?.shards.filter((s) => children.includes(s.shardId) && s.state === 'caught-up').length === 4, 'children caught up');
    } finally {
      await tail.stop();
    }
    try {
      // Exactly once.
      const ns = c.records.map((r) => (JSON.parse(text(r)) as { n: number }).n);
      assert.equal(ns.length, TOTAL, `delivered ${ns.length} records`);
      assert.equal(new Set(ns).size, TOTAL, 'no duplicates');
      // In order per shard (sequence numbers ascending) and per key (written in order).
      const lastSeq = new Map<string, bigint>();
      const lastN = new Map<string, number>();
      for (const r of c.records) {
        const seq = BigInt(r.sequenceNumber);
        assert.ok(seq > (lastSeq.get(r.shardId) ?? -1n), `shard ${r.shardId} out of order`);
        lastSeq.set(r.shardId, seq);
        const { n, key } = JSON.parse(text(r)) as { n: number; key: string };
        assert.ok(n > (lastN.get(key) ?? -1), `key ${key}: ${n} after ${lastN.get(key)}`);
        lastN.set(key, n);
      }
      // Parents before children: no child record arrives before its parents' last one.
      const status = tail.status();
      const closed = status.shards.filter((s) => s.state === 'closed');
      assert.equal(closed.length, 2, 'both parents read to their end');
      const order = c.batches.map((b) => b.shardId);
      for (const parent of closed) {
        for (const child of parent.childShardIds ?? []) assert.ok(order.indexOf(child) === -1 || order.indexOf(child) > order.lastIndexOf(parent.shardId), `${child} after ${parent.shardId}`);
      }
      assert.equal(status.totalRecords, TOTAL);
      assert.equal(status.mode, 'efo');
    } finally {
      await deregisterConsumer(admin, arn, consumer.name);
      await deleteStream(stream);
    }
  });
});

describe('tail: enhanced fan-out, start and stop', function () {
  this.timeout(60_000);

  it('from LATEST shows only records written after the subscription, and stop() ends every subscription', async () => {
    const { name: stream, arn } = await createEfoStream(1);
    const admin = testClient();
    const consumer = await registerConsumer(admin, arn, 'efo-latest');
    await waitForConsumerActive(admin, arn, consumer.name, { pollIntervalMs: 200 });
    await putAll(admin, stream, rows('before', 5));
    const c = new Collector();
    const tail = new StreamTail({ client: testClient({ maxAttempts: 1 }), streamName: stream, position: { type: 'LATEST' }, efo: { consumerARN: consumer.arn, client: testClient({ maxAttempts: 1 }) }, onBatch: c.onBatch, onStatus: c.onStatus });
    try {
      void tail.start();
      await eventually(() => c.last()?.shards[0]?.state === 'caught-up', 'subscribed and caught up');
      await putAll(admin, stream, rows('after', 5));
      await eventually(() => c.records.length >= 5, 'the 5 new records');
      const final = await tail.stop();
      assert.equal(final.state, 'stopped');
      assert.deepEqual(final.shards.map((s) => s.state), ['stopped']);
      assert.deepEqual(c.texts(), rows('after', 5).map((r) => r.data));
    } finally {
      await tail.stop();
      await deregisterConsumer(admin, arn, consumer.name);
      await deleteStream(stream);
    }
  });
});

function rows(tag: string, count: number): { data: string; partitionKey: string }[] {
  return Array.from({ length: count }, (_, i) => ({ data: `${tag}-${i}`, partitionKey: 'k' }));
}
