// Every starting position, against kinesis-local: known records are written first (two batches a
// second apart), then each position must return exactly the expected records, no more, no less.
import { strict as assert } from 'node:assert';
import { ShardReader, StreamTail, type ShardStatus, type StartPosition, type TailBatch } from '../../../../src/kinesis/tail';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, listShards, putAll, sleep, text } from './helpers';

const tailClient = () => testClient({ maxAttempts: 1 });

/** Reads one shard until it reports caught-up after `settle` (no more records), then stops. */
async function readShard(stream: string, shardId: string, position: StartPosition): Promise<string[]> {
  const got: string[] = [];
  const states: ShardStatus[] = [];
  const reader = new ShardReader({ client: tailClient(), streamName: stream, shardId, position, idleIntervalMs: 200, onBatch: (b: TailBatch) => void got.push(...b.records.map(text)), onStatus: (s) => void states.push(s) });
  const done = reader.start();
  await eventually(() => states.some((s) => s.state === 'caught-up'), `${position.type} to catch up`);
  await reader.stop();
  assert.equal((await done).reason, 'stopped');
  return got;
}

describe('tail: starting positions (kinesis-local)', function () {
  this.timeout(60_000);
  let stream = '';
  let shardId = '';
  const A = ['a0', 'a1', 'a2', 'a3', 'a4'];
  const B = ['b0', 'b1', 'b2', 'b3', 'b4'];
  let seqA: string[] = [];
  let between = new Date(0);
  let beforeA = 0;

  before(async () => {
    stream = await createStream(1, 'pos');
    const client = testClient();
    shardId = (await listShards(client, stream))[0]?.ShardId ?? '';
    beforeA = Date.now();
    seqA = (await putAll(client, stream, A.map((data) => ({ data, partitionKey: 'k' })))).map((p) => p.sequenceNumber);
    // The fixed waits are the thing under test: a gap of arrival time between the two batches for AT_TIMESTAMP.
    await sleep(1000);
    between = new Date();
    await sleep(1000);
    await putAll(client, stream, B.map((data) => ({ data, partitionKey: 'k' })));
  });

  after(async () => {
    await deleteStream(stream);
  });

  it('TRIM_HORIZON returns everything', async () => {
    assert.deepEqual(await readShard(stream, shardId, { type: 'TRIM_HORIZON' }), [...A, ...B]);
  });

  it('AT_TIMESTAMP between the two batches returns the second batch only', async () => {
    assert.deepEqual(await readShard(stream, shardId, { type: 'AT_TIMESTAMP', timestamp: between }), B);
  });

  it('AT_SEQUENCE_NUMBER starts at that record', async () => {
    assert.deepEqual(await readShard(stream, shardId, { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seqA[2] ?? '' }), [...A.slice(2), ...B]);
  });

  it('AFTER_SEQUENCE_NUMBER starts after that record', async () => {
    assert.deepEqual(await readShard(stream, shardId, { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: seqA[2] ?? '' }), [...A.slice(3), ...B]);
  });

  it('LATEST returns only what is written after the start', async () => {
    const got: string[] = [];
    const states: ShardStatus[] = [];
    const reader = new ShardReader({ client: tailClient(), streamName: stream, shardId, position: { type: 'LATEST' }, idleIntervalMs: 200, onBatch: (b) => void got.push(...b.records.map(text)), onStatus: (s) => void states.push(s) });
    const done = reader.start();
    await eventually(() => states.some((s) => s.state === 'caught-up'), 'LATEST to catch up');
    await putAll(testClient(), stream, [{ data: 'c0', partitionKey: 'k' }, { data: 'c1', partitionKey: 'k' }]);
    await eventually(() => got.length >= 2, 'the new records');
    await sleep(500);
    await reader.stop();
    await done;
    assert.deepEqual(got, ['c0', 'c1']);
    const last = reader.snapshot();
    assert.equal(last.state, 'stopped');
    assert.equal(last.totalRecords, 2);
  });

  it('tags each record with shard, sequence number, key, arrival and size', async () => {
    const got: TailBatch[] = [];
    const states: ShardStatus[] = [];
    const reader = new ShardReader({ client: tailClient(), streamName: stream, shardId, position: { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seqA[0] ?? '' }, limit: 2, onBatch: (b) => void got.push(b), onStatus: (s) => void states.push(s) });
    const done = reader.start();
    await eventually(() => states.some((s) => s.state === 'caught-up'), 'catch up');
    await reader.stop();
    await done;
    assert.ok(got.every((b) => b.records.length <= 2 && b.shardId === shardId), 'Limit caps each batch');
    const first = got[0]?.records[0];
    assert.equal(first?.shardId, shardId);
    assert.equal(first?.sequenceNumber, seqA[0]);
    assert.equal(first?.partitionKey, 'k');
    assert.equal(first?.size, 2);
    assert.equal(first?.decoded.kind, 'text');
    // Arrival is the server's clock (this machine's, whole seconds at worst): after the write began and before `between`.
    const arrival = first?.approximateArrival ?? 0;
    assert.ok(arrival >= beforeA - 1000 && arrival <= between.getTime() + 1000, `arrival ${arrival} between ${beforeA} and ${between.getTime()}`);
  });

  it('a stream tail honours each position across shards', async () => {
    const s2 = await createStream(2, 'pos2');
    try {
      const client = testClient();
      const shards = (await listShards(client, s2)).map((s) => s.ShardId ?? '');
      const hash = ['0', '340282366920938463463374607431768211455'];
      const early = await putAll(client, s2, [0, 1, 2, 3].map((i) => ({ data: `e${i}`, partitionKey: `p${i}`, explicitHashKey: hash[i % 2] })));
      // The fixed waits are the thing under test: a gap of arrival time for AT_TIMESTAMP.
      await sleep(1000);
      const mid = new Date();
      await sleep(1000);
      await putAll(client, s2, [0, 1, 2, 3].map((i) => ({ data: `l${i}`, partitionKey: `p${i}`, explicitHashKey: hash[i % 2] })));
      const run = async (position: StartPosition, shardIds?: string[]): Promise<string[]> => {
        const c = new Collector();
        const tail = new StreamTail({ client: tailClient(), streamName: s2, position, shardIds, idleIntervalMs: 200, onBatch: c.onBatch, onStatus: c.onStatus });
        void tail.start();
        await eventually(() => (c.last()?.shards.length ?? 0) > 0 && c.last()?.shards.every((s) => s.state === 'caught-up') === true, 'all shards caught up');
        await tail.stop();
        return c.texts().sort();
      };
      assert.deepEqual(await run({ type: 'TRIM_HORIZON' }), ['e0', 'e1', 'e2', 'e3', 'l0', 'l1', 'l2', 'l3']);
      assert.deepEqual(await run({ type: 'AT_TIMESTAMP', timestamp: mid }), ['l0', 'l1', 'l2', 'l3']);
      assert.deepEqual(await run({ type: 'LATEST' }), []);
      const e1 = early[1];
      assert.ok(e1);
      assert.deepEqual(await run({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: e1.sequenceNumber }, [e1.shardId]), ['e3', 'l1', 'l3']);
      assert.ok(shards.includes(e1.shardId));
    } finally {
      await deleteStream(s2);
    }
  });
});
