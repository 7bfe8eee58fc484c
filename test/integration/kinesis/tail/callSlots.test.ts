// A stream tail bounds its calls in flight (CallSlots): with maxConcurrentCalls 2, eight shards
// never have more than two requests open at the endpoint, and every record still arrives once.
import { strict as assert } from 'node:assert';
import { StreamTail } from '../../../../src/kinesis/tail';
import { FaultProxy } from '../../../harness/faultProxy';
import { eventually } from '../../../support/eventually';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { Collector, putAll, text } from './helpers';

describe('tail: calls in flight bounded per stream tail (fault proxy)', function () {
  this.timeout(60_000);
  let stream = '';
  let proxy: FaultProxy;
  const DATA = Array.from({ length: 80 }, (_, i) => `s${i}`);

  before(async () => {
    stream = await createStream(8, 'slots');
    await putAll(testClient(), stream, DATA.map((data, i) => ({ data, partitionKey: `k${i}` })));
    proxy = await FaultProxy.start(emulator().endpoint);
  });

  after(async () => {
    await proxy.close();
    await deleteStream(stream);
  });

  it('eight shards, two calls at a time: never more in flight, every record once', async () => {
    const c = new Collector();
    let maxInFlight = 0;
    const sample = (): void => void (maxInFlight = Math.max(maxInFlight, proxy.inFlight));
    const tail = new StreamTail({
      client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, maxConcurrentCalls: 2,
      onBatch: (b) => { sample(); c.onBatch(b); }, onStatus: c.onStatus,
    });
    const done = tail.start();
    const got = (): string[] => c.batches.flatMap((b) => b.records.map(text));
    await eventually(() => { sample(); return got().length >= DATA.length; }, 'every record', { intervalMs: 5 });
    await tail.stop();
    await done;
    assert.deepEqual([...got()].sort(), [...DATA].sort());
    assert.ok(maxInFlight >= 1 && maxInFlight <= 2, `at most 2 calls in flight, saw ${maxInFlight}`);
    assert.ok(proxy.calls.filter((x) => x.operation === 'GetShardIterator').length >= 8, 'every shard was read');
  });
});
