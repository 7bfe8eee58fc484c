// Producer documents against kinesis-local: a block's records go through runProducer (putRecords
// underneath) and are read back to check exactly-once, order per key, pacing and cancel.
import { strict as assert } from 'node:assert';
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { diagnoseProducerDoc } from '../../../../src/kinesis/producerDoc/diagnostics';
import { compileBlock, recordFactory } from '../../../../src/kinesis/producerDoc/records';
import { runProducer } from '../../../../src/kinesis/producerDoc/run';
import { getPutTarget } from '../../../../src/kinesis/put/target';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';

interface Arrived {
  shardId: string;
  partitionKey: string;
  text: string;
  arrivedMs: number;
}

/** Every record of the stream, each shard in sequence order, with its arrival time. */
async function readStream(client: KinesisClient, streamName: string): Promise<Arrived[]> {
  const shards = (await client.send(new ListShardsCommand({ StreamName: streamName }))).Shards ?? [];
  const out: Arrived[] = [];
  for (const shard of shards) {
    const shardId = shard.ShardId ?? '';
    let iterator = (await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      for (const r of page.Records ?? []) out.push({ shardId, partitionKey: r.PartitionKey ?? '', text: Buffer.from(r.Data ?? new Uint8Array()).toString('utf8'), arrivedMs: r.ApproximateArrivalTimestamp?.getTime() ?? NaN });
      if ((page.Records ?? []).length === 0 && (page.MillisBehindLatest ?? 0) === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return out;
}

function factoryFor(text: string, copies?: number) {
  const diagnosis = diagnoseProducerDoc(text);
  assert.deepEqual(diagnosis.issues, []);
  const block = diagnosis.doc.blocks[0];
  assert.ok(block);
  return { block, factory: recordFactory(compileBlock(block), { copies: copies ?? block.repeat }) };
}

describe('producer documents against kinesis-local', function () {
  this.timeout(120_000);
  let client: KinesisClient;
  let writeClient: KinesisClient;
  const streams: string[] = [];

  before(() => {
    client = testClient();
    writeClient = testClient({ maxAttempts: 1 });
  });

  after(async () => {
    for (const s of streams) await deleteStream(s);
  });

  it('Repeat: 1000 with {{seq}} arrives exactly once and in order per key', async () => {
    const stream = await createStream(3, 'pd-repeat');
    streams.push(stream);
    const { factory } = factoryFor(['###', `PUT ${stream}`, 'Partition-Key: user-{{int 1 7}}', 'Repeat: 1000', '', '{"seq": {{seq}}, "at": "{{now}}"}'].join('\n'));
    const report = await runProducer(writeClient, await getPutTarget(client, stream), factory);
    assert.equal(report.outcome, 'completed');
    assert.deepEqual([report.sent, report.failed, report.unknown, report.notSent], [1000, 0, 0, 0]);

    const arrived = await eventually(async () => {
      const all = await readStream(client, stream);
      return all.length >= 1000 && all;
    }, '1000 records readable');
    const seqs = arrived.map((r) => (JSON.parse(r.text) as { seq: number }).seq);
    assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i + 1), 'each seq exactly once');
    const byKey = new Map<string, number[]>();
    arrived.forEach((r, i) => byKey.set(r.partitionKey, [...(byKey.get(r.partitionKey) ?? []), seqs[i] as number]));
    assert.ok(byKey.size > 1);
    for (const [key, list] of byKey) assert.deepEqual(list, [...list].sort((a, b) => a - b), `in order for ${key}`);
  });

  it('Rate: 50/s is never exceeded by more than 10%', async () => {
    const stream = await createStream(2, 'pd-rate');
    streams.push(stream);
    const { block, factory } = factoryFor(['###', `PUT ${stream}`, 'Rate: 50/s', 'Repeat: 150', '', '{"seq": {{seq}}}'].join('\n'));
    const report = await runProducer(writeClient, await getPutTarget(client, stream), factory, { rate: block.rate as number });
    assert.equal(report.sent, 150);

    const arrived = await eventually(async () => {
      const all = await readStream(client, stream);
      return all.length >= 150 && all;
    }, '150 records readable');
    assert.equal(arrived.length, 150);
    const times = arrived.map((r) => r.arrivedMs).sort((a, b) => a - b);
    const spanMs = (times[149] as number) - (times[0] as number);
    // The rate is the records after the first over the span between the first and last arrival.
    // runProducer sends record i no earlier than (first answer) + i / rate, so the span is at least
    // 149 / 50 s whatever the machine does: a slow or loaded machine can only stretch the span and
    // lower the rate. Only the upper bound is therefore a property of the code, not of the machine.
    const measured = (149 * 1000) / spanMs;
    assert.ok(measured <= 55, `measured ${measured.toFixed(1)} records/s over ${spanMs} ms`);
  });

  it('Cancel stops at a record boundary and reports exactly what was sent', async () => {
    const stream = await createStream(1, 'pd-cancel');
    streams.push(stream);
    const { factory } = factoryFor(['###', `PUT ${stream}`, 'Partition-Key: k', 'Repeat: 1000', 'Rate: 200/s', '', 'record {{seq}}'].join('\n'));
    const abort = new AbortController();
    const report = await runProducer(writeClient, await getPutTarget(client, stream), factory, {
      rate: 200,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.sent >= 20) abort.abort();
      },
    });
    assert.equal(report.outcome, 'cancelled');
    assert.ok(report.sent >= 20 && report.sent < 1000);
    assert.equal(report.sent + report.notSent, 1000);
    assert.equal(report.notSentRecords[0]?.line, report.sent + 1);

    const arrived = await eventually(async () => {
      const all = await readStream(client, stream);
      return all.length >= report.sent && all;
    }, 'the sent records readable');
    assert.deepEqual(arrived.map((r) => r.text), Array.from({ length: report.sent }, (_, i) => `record ${i + 1}`));
  });
});
