// Resharding while tailing: parents read to their end before their children, new shards found
// from ChildShards and re-listing, and every record delivered exactly once in per-key order.
import { strict as assert } from 'node:assert';
import { UpdateShardCountCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { StreamTail, type TailBatch } from '../../../../src/kinesis/tail';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, listShards, putAll, sleep, text } from './helpers';

interface Payload {
  p: number;
  n: number;
  key: string;
}

/** Checks exactly-once delivery and per-key order; returns the number of distinct records. */
function checkOrder(batches: TailBatch[], expected: number): void {
  const seen = new Set<string>();
  const lastByKey = new Map<string, number>();
  for (const r of batches.flatMap((b) => b.records)) {
    const v = JSON.parse(text(r)) as Payload;
    const id = `${v.p}:${v.n}`;
    assert.ok(!seen.has(id), `duplicate ${id}`);
    seen.add(id);
    assert.equal(r.partitionKey, v.key);
    const prev = lastByKey.get(v.key) ?? -1;
    assert.ok(v.n > prev, `key ${v.key}: ${v.n} after ${prev}`);
    lastByKey.set(v.key, v.n);
  }
  assert.equal(seen.size, expected, `expected ${expected} distinct records, got ${seen.size}`);
}

describe('tail: resharding (kinesis-local UpdateShardCount)', function () {
  this.timeout(120_000);

  it('20,000 records with sequential ids arrive exactly once, in order per key, while 4 shards become 8', async () => {
    const stream = await createStream(4, 'reshard');
    const c = new Collector();
    let received = 0;
    const tail = new StreamTail({
      client: testClient({ maxAttempts: 1 }),
      streamName: stream,
      position: { type: 'LATEST' },
      idleIntervalMs: 250,
      relistIntervalMs: 2000,
      onBatch: (b) => {
        received += b.records.length;
        c.onBatch(b);
      },
      onStatus: c.onStatus,
    });
    try {
      void tail.start();
      await eventually(() => c.last()?.shards.filter((s) => s.state === 'caught-up').length === 4, '4 shards caught up');
      const PRODUCERS = 4;
      const PER_PRODUCER = 5000;
      const KEYS = 250;
      let put = 0;
      // The last quarter is written only once the stream is ACTIVE at 8 shards, so the children
      // get records however fast this machine writes compared with how fast the reshard settles.
      let markResharded = (): void => undefined;
      const resharded = new Promise<void>((resolve) => (markResharded = resolve));
      const producer = async (p: number): Promise<void> => {
        const client = testClient();
        for (let start = 0; start < PER_PRODUCER; start += KEYS) {
          if (start >= (PER_PRODUCER * 3) / 4) await resharded;
          const batch = Array.from({ length: KEYS }, (_, i) => {
            const n = start + i;
            const key = `p${p}-k${n % KEYS}`;
            return { data: JSON.stringify({ p, n, key }), partitionKey: key };
          });
          await putAll(client, stream, batch, KEYS);
          put += KEYS;
        }
      };
      const producing = Promise.all(Array.from({ length: PRODUCERS }, (_, p) => producer(p)));
      await eventually(() => put >= 6000, '6,000 records written', { timeoutMs: 60_000 });
      await testClient().send(new UpdateShardCountCommand({ StreamName: stream, TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' }));
      await waitUntilStreamExists({ client: testClient(), maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
      markResharded();
      await producing;
      await eventually(() => received >= PRODUCERS * PER_PRODUCER, 'all records', { timeoutMs: 90_000 });
      // A quiet window in which a duplicate would show; the exact count below is the assertion.
      await sleep(1500);

      checkOrder(c.batches, PRODUCERS * PER_PRODUCER);
      assert.equal(received, PRODUCERS * PER_PRODUCER, 'nothing more arrived afterwards');
      const status = tail.status();
      const closed = status.shards.filter((s) => s.state === 'closed');
      assert.equal(closed.length, 4, 'the 4 parents were read to their end');
      assert.ok(closed.every((s) => (s.childShardIds?.length ?? 0) >= 1));
      const open = (await listShards(testClient(), stream)).filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined).map((s) => s.ShardId);
      assert.equal(open.length, 8);
      for (const id of open) assert.ok(status.shards.some((s) => s.shardId === id && (s.state === 'reading' || s.state === 'caught-up')), `child ${id} is read`);
      const fromChildren = c.records.filter((r) => open.includes(r.shardId)).length;
      assert.ok(fromChildren > 0 && fromChildren < received, `records from both generations (${fromChildren} from children)`);
      assert.equal(status.totalRecords, received);
    } finally {
      await tail.stop();
      await deleteStream(stream);
    }
  });

  it('from TRIM_HORIZON, reads closed shards before their merged child (2 -> 1)', async () => {
    const stream = await createStream(2, 'merge');
    try {
      const client = testClient();
      const keys = Array.from({ length: 20 }, (_, i) => `key${i}`);
      const rows = (from: number) => keys.map((key, i) => ({ data: JSON.stringify({ p: 0, n: from + i, key }), partitionKey: key }));
      await putAll(client, stream, rows(0));
      await client.send(new UpdateShardCountCommand({ StreamName: stream, TargetShardCount: 1, ScalingType: 'UNIFORM_SCALING' }));
      await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
      await putAll(client, stream, rows(100));
      const shards = await listShards(client, stream);
      const child = shards.find((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined);
      assert.ok(child?.ParentShardId && child.AdjacentParentShardId, 'a merged child with two parents');

      const c = new Collector();
      // Small batches keep the parents busy for a while: a child started early would overtake them.
      const tail = new StreamTail({ client: testClient({ maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, limit: 2, idleIntervalMs: 200, onBatch: c.onBatch, onStatus: c.onStatus });
      void tail.start();
      await eventually(() => c.records.length >= 40 && c.last()?.shards.find((s) => s.shardId === child.ShardId)?.state === 'caught-up', 'all records');
      await tail.stop();
      checkOrder(c.batches, 40);
      // The child started only after both parents had delivered their last record.
      const order = c.batches.map((b) => b.shardId);
      const firstChild = order.indexOf(child.ShardId ?? '');
      assert.ok(firstChild > order.lastIndexOf(child.ParentShardId ?? ''));
      assert.ok(firstChild > order.lastIndexOf(child.AdjacentParentShardId ?? ''));
      const waiting = c.labels(child.ShardId ?? '');
      assert.equal(waiting[0], 'waiting', `child went through ${waiting.join(' > ')}`);
    } finally {
      await deleteStream(stream);
    }
  });
});
