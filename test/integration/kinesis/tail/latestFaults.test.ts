// Nothing lost from LATEST: a reader that has delivered nothing and must take a new iterator, a
// restored tail whose shards showed nothing, and a reload in the middle of a fault all re-read
// from the time their LATEST position was taken (fault proxy in front of kinesis-local).
import { strict as assert } from 'node:assert';
import { ShardReader, StreamTail, type ShardStatus, type TailBatch, type TailStatus } from '../../../../src/kinesis/tail';
import { FaultProxy } from '../../../harness/faultProxy';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { Collector, listShards, putAll, text } from './helpers';
import { eventually } from '../../../support/eventually';

const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const FAST = { idleIntervalMs: 200, backoffBaseMs: 100, backoffMaxMs: 400 };

/** Each wanted payload exactly once, nothing else. */
function assertExactlyOnce(got: string[], want: string[]): void {
  assert.deepEqual([...got].sort(), [...want].sort());
}

/** The latestAt of every shard in a tail's last status. */
function latestTimes(status: TailStatus | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of status?.shards ?? []) if (s.latestAt !== undefined) out[s.shardId] = s.latestAt;
  return out;
}

describe('tail: LATEST loses nothing across faults and reloads (fault proxy)', function () {
  this.timeout(90_000);
  let proxy: FaultProxy;
  const streams: string[] = [];

  beforeEach(async () => {
    proxy = await FaultProxy.start(emulator().endpoint);
  });

  afterEach(async () => {
    await proxy.close();
  });

  after(async () => {
    for (const s of streams) await deleteStream(s);
  });

  async function stream(shards: number): Promise<string> {
    const name = await createStream(shards, 'latest');
    streams.push(name);
    return name;
  }

  it('a LATEST reader before its first record, with GetRecords connections reset while 20 records are written: every record exactly once', async () => {
    const name = await stream(1);
    const shardId = (await listShards(testClient(), name))[0]?.ShardId ?? '';
    const batches: TailBatch[] = [];
    const states: ShardStatus[] = [];
    const reader = new ShardReader({ client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }), streamName: name, shardId, position: { type: 'LATEST' }, ...FAST, onBatch: (b) => void batches.push(b), onStatus: (s) => void states.push(s) });
    const done = reader.start();
    await eventually(() => reader.snapshot().state === 'caught-up', 'the reader to be caught up at LATEST');
    assert.ok(reader.snapshot().latestAt !== undefined, 'the time the LATEST position was taken is reported');

    proxy.setRules([{ operation: 'GetRecords', fault: 'reset', rate: 1 }]);
    const faultFrom = states.length;
    const want = numbered('l', 20);
    await putAll(testClient(), name, want.map((data) => ({ data, partitionKey: 'k' })), 1);
    // Past the second failure the reader takes a new iterator: the step that used to lose them.
    await eventually(() => proxy.injected('reset') >= 4 && proxy.calls.filter((c) => c.operation === 'GetShardIterator').length >= 2, 'a new iterator during the fault');
    proxy.setRules([]);
    await eventually(() => batches.flatMap((b) => b.records).length >= 20 && reader.snapshot().state === 'caught-up', 'the 20 records');
    await reader.stop();
    await done;

    assertExactlyOnce(batches.flatMap((b) => b.records.map(text)), want);
    const renewals = proxy.calls.filter((c) => c.operation === 'GetShardIterator').map((c) => c.iteratorType);
    assert.equal(renewals[0], 'LATEST');
    assert.ok(renewals.slice(1).every((t) => t === 'AT_TIMESTAMP' || t === 'AFTER_SEQUENCE_NUMBER'), `never a new LATEST: ${renewals.join(', ')}`);
    // Caught-up after the fault began only once every record was delivered.
    for (const s of states.slice(faultFrom)) {
      if (s.state === 'caught-up') assert.equal(s.totalRecords, 20, 'caught-up while records were missing');
    }
  });

  it('a restored tail: shards that showed nothing re-read from their LATEST time, shards that showed a record resume after it', async () => {
    const name = await stream(2);
    const client = testClient({ maxAttempts: 1 });
    const first = new Collector();
    const tail1 = new StreamTail({ client, streamName: name, position: { type: 'LATEST' }, ...FAST, onBatch: first.onBatch, onStatus: first.onStatus });
    void tail1.start();
    await eventually(() => (first.last()?.shards ?? []).filter((s) => s.state === 'caught-up').length === 2, 'both shards caught up');
    // One shard shows a record before the reload; the other shows nothing.
    const shards = (await listShards(client, name)).map((s) => s.ShardId ?? '');
    const [early] = await putAll(client, name, [{ data: 'before-reload', partitionKey: 'a' }]);
    await eventually(() => first.records.length === 1, 'the record before the reload');
    await tail1.stop();

    const resumeAfter: Record<string, string> = { [early?.shardId ?? '']: early?.sequenceNumber ?? '' };
    const resumeAtLatest = latestTimes(first.last());
    const quiet = shards.find((s) => s !== early?.shardId) ?? '';
    assert.ok(resumeAtLatest[quiet] !== undefined, 'the quiet shard reports when its LATEST was taken');
    assert.equal(resumeAtLatest[early?.shardId ?? ''], undefined, 'a shard that delivered a record reports no LATEST time');

    // Written while the window reloads: no tail is reading.
    const want = numbered('w', 20);
    await putAll(client, name, want.map((data, i) => ({ data, partitionKey: `key-${i}` })));
    const second = new Collector();
    const tail2 = new StreamTail({ client, streamName: name, position: { type: 'LATEST' }, resumeAfter, resumeAtLatest, ...FAST, onBatch: second.onBatch, onStatus: second.onStatus });
    void tail2.start();
    await eventually(() => second.records.length >= 20 && (second.last()?.shards ?? []).every((s) => s.state === 'caught-up'), 'the 20 records written during the reload');
    await tail2.stop();
    assertExactlyOnce(second.texts(), want);
  });

  it('a reload during a fault: the restored tail still re-reads from the first LATEST time', async () => {
    const name = await stream(1);
    const viaProxy = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const first = new Collector();
    const tail1 = new StreamTail({ client: viaProxy, streamName: name, position: { type: 'LATEST' }, ...FAST, onBatch: first.onBatch, onStatus: first.onStatus });
    void tail1.start();
    await eventually(() => first.last()?.shards[0]?.state === 'caught-up', 'caught up at LATEST');
    const takenAt = first.last()?.shards[0]?.latestAt;
    assert.ok(takenAt !== undefined);

    proxy.setRules([{ operation: 'GetRecords', fault: 'reset', rate: 1 }]);
    const want = numbered('f', 20);
    await putAll(testClient(), name, want.slice(0, 10).map((data) => ({ data, partitionKey: 'k' })), 1);
    await eventually(() => proxy.injected('reset') >= 3 && proxy.calls.filter((c) => c.operation === 'GetShardIterator').length >= 2, 'a new iterator during the fault');
    await tail1.stop();
    const resumeAtLatest = latestTimes(first.last());
    assert.deepEqual(resumeAtLatest, { [first.last()?.shards[0]?.shardId ?? '']: takenAt }, 'the time survives the fault');
    assert.equal(first.records.length, 0);

    // More records while reloading, and the fault still on when the restored tail starts.
    await putAll(testClient(), name, want.slice(10).map((data) => ({ data, partitionKey: 'k' })), 1);
    const resetsBefore = proxy.injected('reset');
    const second = new Collector();
    const tail2 = new StreamTail({ client: viaProxy, streamName: name, position: { type: 'LATEST' }, resumeAtLatest, ...FAST, onBatch: second.onBatch, onStatus: second.onStatus });
    void tail2.start();
    await eventually(() => proxy.injected('reset') >= resetsBefore + 3, 'the restored tail to meet the fault');
    proxy.setRules([]);
    await eventually(() => second.records.length >= 20 && second.last()?.shards[0]?.state === 'caught-up', 'all 20 records');
    await tail2.stop();
    assertExactlyOnce(second.texts(), want);
    const types = proxy.calls.filter((c) => c.operation === 'GetShardIterator').map((c) => c.iteratorType);
    assert.deepEqual(types.filter((t) => t === 'LATEST'), ['LATEST'], `only the first iterator is LATEST: ${types.join(', ')}`);
  });
});
