// Bounded reads on kinesis-local: a range that ends mid-stream stops at the right record on
// every shard, "until now" ignores what arrives after the start, a count stops each shard after
// N records, and a reshard inside the range loses nothing.
import { strict as assert } from 'node:assert';
import { UpdateShardCountCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { StreamTail, type TailStatus } from '../../../../src/kinesis/tail';
import type { ReadEnd } from '../../../../src/kinesis/tail/rangeEnd';
import { createStream, deleteStream, testClient } from '../../fixture';
import { Collector, putAll, sleep, text } from './helpers';

const rows = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ data: JSON.stringify({ tag, i }), partitionKey: `${tag}-${i}` }));

/** Writes `before`, takes a boundary time, then (after a pacing gap so arrivals differ) `after`. */
async function writeAround(stream: string, before: number, after: number): Promise<{ boundary: number; firstPart: { shardId: string; sequenceNumber: string }[] }> {
  const client = testClient();
  const firstPart = await putAll(client, stream, rows('in', before));
  // Pacing: the boundary must fall strictly between the two parts' arrival times.
  await sleep(30);
  const boundary = Date.now();
  await sleep(30);
  await putAll(client, stream, rows('out', after));
  return { boundary, firstPart };
}

async function readRange(stream: string, end: ReadEnd, during?: () => Promise<void>): Promise<{ c: Collector; final: TailStatus }> {
  const c = new Collector();
  const tail = new StreamTail({ client: testClient({ maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, end, limit: 7, idleIntervalMs: 200, onBatch: c.onBatch, onStatus: c.onStatus });
  const done = tail.start();
  await during?.();
  // The read ends by itself: no stop() here (the mocha time-out bounds a hang).
  const final = await done;
  return { c, final };
}

describe('tail: bounded reads (kinesis-local)', function () {
  this.timeout(120_000);

  it('a range that ends at a timestamp mid-stream stops at the last record before it on every shard', async () => {
    const stream = await createStream(4, 'range');
    try {
      const { boundary, firstPart } = await writeAround(stream, 120, 80);
      const { c, final } = await readRange(stream, { type: 'AT_TIMESTAMP', timestamp: new Date(boundary) });
      const got = c.texts().map((t) => JSON.parse(t) as { tag: string; i: number });
      assert.ok(got.every((g) => g.tag === 'in'), 'nothing after the end');
      assert.deepEqual(got.map((g) => g.i).sort((a, b) => a - b), Array.from({ length: 120 }, (_, i) => i), 'every record before the end, once');
      for (const shard of final.shards) {
        assert.equal(shard.state, 'done', `${shard.shardId} ends done`);
        const expectedLast = firstPart.filter((p) => p.shardId === shard.shardId).map((p) => BigInt(p.sequenceNumber)).sort((a, b) => (a < b ? -1 : 1)).pop();
        assert.equal(shard.lastSequenceNumber, expectedLast?.toString(), `${shard.shardId} stops at its last record before the end`);
      }
      assert.ok(c.records.every((r) => r.approximateArrival <= boundary));
    } finally {
      await deleteStream(stream);
    }
  });

  it('"until now" reads what arrived before the start and nothing written after it', async () => {
    const stream = await createStream(2, 'range-now');
    try {
      await putAll(testClient(), stream, rows('in', 50));
      await sleep(30); // pacing: the start is strictly after the first part arrived
      const { c, final } = await readRange(stream, { type: 'NOW' }, async () => {
        await sleep(30); // pacing: the second part arrives strictly after the start
        await putAll(testClient(), stream, rows('out', 50));
      });
      const tags = c.texts().map((t) => (JSON.parse(t) as { tag: string }).tag);
      assert.equal(tags.filter((t) => t === 'in').length, 50);
      assert.equal(tags.filter((t) => t === 'out').length, 0);
      assert.ok(final.shards.every((s) => s.state === 'done'), final.shards.map((s) => `${s.shardId}: ${s.state}`).join(', '));
    } finally {
      await deleteStream(stream);
    }
  });

  it('a record count stops each shard after that many records', async () => {
    const stream = await createStream(2, 'range-count');
    try {
      await putAll(testClient(), stream, rows('in', 60));
      const { c, final } = await readRange(stream, { type: 'COUNT', records: 10 });
      for (const shard of final.shards) {
        assert.equal(shard.state, 'done');
        assert.equal(c.records.filter((r) => r.shardId === shard.shardId).length, 10);
      }
    } finally {
      await deleteStream(stream);
    }
  });

  it('a reshard inside the range loses nothing: parents, then children, up to the end', async () => {
    const stream = await createStream(2, 'range-reshard');
    try {
      const client = testClient();
      await putAll(client, stream, rows('parent', 60));
      await client.send(new UpdateShardCountCommand({ StreamName: stream, TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
      await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
      const { boundary } = await writeAround(stream, 60, 40);
      const { c, final } = await readRange(stream, { type: 'AT_TIMESTAMP', timestamp: new Date(boundary) });
      const got = c.records.map((r) => JSON.parse(text(r)) as { tag: string; i: number });
      const ids = got.map((g) => `${g.tag}:${g.i}`);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.equal(got.filter((g) => g.tag === 'parent').length, 60, 'every record of the parents');
      assert.equal(got.filter((g) => g.tag === 'in').length, 60, 'every record of the children before the end');
      assert.equal(got.filter((g) => g.tag === 'out').length, 0, 'nothing after the end');
      assert.equal(final.shards.filter((s) => s.state === 'closed').length, 2, 'the parents were read to their end');
      assert.equal(final.shards.filter((s) => s.state === 'done').length, 4, 'every child reached the end of the range');
    } finally {
      await deleteStream(stream);
    }
  });
});
