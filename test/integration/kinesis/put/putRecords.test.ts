import { strict as assert } from 'node:assert';
import { PutRecordCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { randomInt } from 'node:crypto';
import { partitionKeyHash, shardForHashKey } from '../../../../src/kinesis/put/hashKey';
import { parsePartitionKeyInput, partitionKeyProblem, type PartitionKeyStrategy } from '../../../../src/kinesis/put/partitionKey';
import { splitRecords } from '../../../../src/kinesis/put/input';
import { preparePut } from '../../../../src/kinesis/put/prepare';
import { putRecord } from '../../../../src/kinesis/put/putRecord';
import { putRecords } from '../../../../src/kinesis/put/putRecords';
import { getPutTarget } from '../../../../src/kinesis/put/target';
import { KinesisCallError } from '../../../../src/kinesis/call';
import { createStream, deleteStream, testClient } from '../../fixture';
import { multiset, readAllRecords } from './readBack';

function strategy(text: string): PartitionKeyStrategy {
  const parsed = parsePartitionKeyInput(text);
  assert.ok(parsed.ok, text);
  return parsed.strategy;
}

/** A random partition key of 1..256 UTF-16 units mixing ASCII, Latin-1, CJK and emoji. */
function randomKey(): string {
  const pools = [[0x21, 0x7e], [0xa1, 0xff], [0x4e00, 0x9fff], [0x1f600, 0x1f64f]];
  let key = '';
  const length = randomInt(1, 200);
  while (key.length < length) {
    const [lo, hi] = pools[randomInt(pools.length)] as [number, number];
    const next = String.fromCodePoint(randomInt(lo, hi + 1));
    if (key.length + next.length > 256) break;
    key += next;
  }
  return key;
}

describe('put operations against kinesis-local', function () {
  this.timeout(120_000);
  let client: KinesisClient;
  let stream: string;

  before(async () => {
    client = testClient({ maxAttempts: 1 });
    stream = await createStream(4, 'put');
  });
  after(async () => {
    await deleteStream(stream);
  });

  it('reads the stream: size limit, open shards, placement', async () => {
    const target = await getPutTarget(client, stream);
    assert.equal(target.maxRecordBytes, 1024 * 1024);
    assert.equal(target.maxRecordBytesSource, 'default');
    assert.equal(target.distribution, 'USER_PARTITION_KEY');
    assert.equal(target.openShards.length, 4);
    await assert.rejects(getPutTarget(client, `${stream}-missing`), (err: unknown) => err instanceof KinesisCallError && err.name === 'ResourceNotFoundException' && err.action === 'kinesis:DescribeStreamSummary');
  });

  it('AWS CLI partition-key rules: raw PutRecord lands on the shard we compute', async () => {
    const target = await getPutTarget(client, stream);
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const key = randomKey();
      const out = await client.send(new PutRecordCommand({ StreamName: stream, PartitionKey: key, Data: Buffer.from(`cli-${i}`) }));
      const expected = shardForHashKey(target.openShards, partitionKeyHash(key));
      assert.equal(out.ShardId, expected?.id, `key ${JSON.stringify(key)}`);
      seen.add(out.ShardId ?? '');
    }
    assert.equal(seen.size, 4, 'random keys reach every shard');
  });

  it('partition key length: the service counts UTF-16 units, as partitionKeyProblem does', async () => {
    const ok = '😀'.repeat(128);
    const tooLong = '😀'.repeat(129); // 129 code points, 258 UTF-16 units
    assert.equal(partitionKeyProblem(ok), undefined);
    assert.match(partitionKeyProblem(tooLong) ?? '', /258 characters/);
    const accepted = await client.send(new PutRecordCommand({ StreamName: stream, PartitionKey: ok, Data: Buffer.from('emoji key') }));
    assert.ok(accepted.SequenceNumber);
    await assert.rejects(client.send(new PutRecordCommand({ StreamName: stream, PartitionKey: tooLong, Data: Buffer.from('x') })), (err: Error) => err.name === 'InvalidArgumentException');
  });

  it('putRecord: read back byte for byte on the shard its key hashes to', async () => {
    const target = await getPutTarget(client, stream);
    const text = '{"sensor_id":"ü-7","temp":21.5,"note":"tab\\there 😀"}\r\n';
    const prepared = preparePut(splitRecords(text, 'whole'), { partitionKey: strategy('$.sensor_id'), maxRecordBytes: target.maxRecordBytes });
    assert.deepEqual(prepared.errors, []);
    const record = prepared.records[0];
    assert.ok(record);
    const result = await putRecord(client, target, record);
    assert.equal(result.status, 'sent', result.message);
    assert.equal(result.partitionKey, 'ü-7');
    assert.equal(result.hashKey, partitionKeyHash('ü-7').toString());
    assert.equal(result.shardId, shardForHashKey(target.openShards, partitionKeyHash('ü-7'))?.id);
    assert.equal(result.expectedShardId, result.shardId);
    assert.match(result.message, new RegExp(`${result.shardId}, sequence number ${result.sequenceNumber}`));
    const back = (await readAllRecords(client, stream)).filter((r) => r.sequenceNumber === result.sequenceNumber);
    assert.equal(back.length, 1);
    assert.equal(back[0]?.shardId, result.shardId);
    assert.equal(back[0]?.partitionKey, 'ü-7');
    assert.deepEqual(back[0]?.data, Buffer.from(text, 'utf8'));
  });

  it('putRecord honours an explicit hash key', async () => {
    const target = await getPutTarget(client, stream);
    const top = (2n ** 128n - 1n).toString();
    const prepared = preparePut(splitRecords('to the last shard', 'whole'), { partitionKey: strategy('a'), explicitHashKey: top });
    const result = await putRecord(client, target, prepared.records[0] as (typeof prepared.records)[number]);
    assert.equal(result.status, 'sent');
    assert.equal(result.hashKey, top);
    assert.equal(result.shardId, 'shardId-000000000003');
    // 'a' alone would hash to the first shard.
    assert.equal(shardForHashKey(target.openShards, partitionKeyHash('a'))?.id, 'shardId-000000000000');
  });

  it('10,000 NDJSON lines arrive exactly once, each on its computed shard', async function () {
    this.timeout(180_000);
    const own = await createStream(4, 'put10k');
    try {
      const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ n: i, id: `dev-${i % 97}`, s: 'ω'.repeat(i % 7) }));
      const target = await getPutTarget(client, own);
      const prepared = preparePut(splitRecords(`${lines.join('\n')}\n`, 'lines'), { partitionKey: strategy('$.id'), maxRecordBytes: target.maxRecordBytes, expectJson: true });
      assert.deepEqual(prepared.errors, []);
      assert.deepEqual(prepared.warnings, []);
      let calls = 0;
      const report = await putRecords(client, target, prepared.records, { onProgress: () => calls++ });
      assert.equal(report.outcome, 'completed');
      assert.equal(report.sent, 10_000);
      assert.equal(report.failed + report.unknown + report.notSent, 0);
      assert.equal(report.requests, calls);
      assert.ok(report.requests >= 20, 'at most 500 records per request');
      assert.equal(report.shardMismatches, 0);
      const back = await readAllRecords(client, own);
      assert.deepEqual(multiset(back.map((r) => r.data.toString('utf8'))), multiset(lines));
      const bySeq = new Map(report.sentRecords.map((s) => [s.sequenceNumber, s]));
      for (const r of back) {
        const sent = bySeq.get(r.sequenceNumber);
        assert.ok(sent, 'every record read back was reported sent');
        assert.equal(r.shardId, sent.shardId);
        assert.equal(r.data.toString('utf8'), lines[sent.line - 1]);
        assert.equal(r.shardId, shardForHashKey(target.openShards, partitionKeyHash(r.partitionKey))?.id);
      }
    } finally {
      await deleteStream(own);
    }
  });

  it('random UUID keys: every sent record is on the shard its key hashes to', async () => {
    const own = await createStream(3, 'putuuid');
    try {
      const target = await getPutTarget(client, own);
      const prepared = preparePut(splitRecords(Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n'), 'lines'), { partitionKey: strategy('{uuid}') });
      const report = await putRecords(client, target, prepared.records, { batch: { maxRecords: 64 } });
      assert.equal(report.sent, 300);
      assert.equal(report.requests, 5);
      const back = await readAllRecords(client, own);
      assert.equal(back.length, 300);
      for (const r of back) assert.equal(r.shardId, shardForHashKey(target.openShards, partitionKeyHash(r.partitionKey))?.id);
      assert.equal(new Set(back.map((r) => r.partitionKey)).size, 300);
    } finally {
      await deleteStream(own);
    }
  });

  it('a missing stream stops the run with ResourceNotFoundException and sends nothing more', async () => {
    const prepared = preparePut(splitRecords('a\nb\nc', 'lines'), { partitionKey: strategy('k') });
    const report = await putRecords(client, { streamName: `${stream}-gone`, openShards: [], distribution: 'USER_PARTITION_KEY' }, prepared.records, { batch: { maxRecords: 2 } });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopError?.code, 'ResourceNotFoundException');
    assert.equal(report.requests, 1);
    assert.deepEqual(report.failures.map((f) => [f.line, f.errorCode]), [[1, 'ResourceNotFoundException'], [2, 'ResourceNotFoundException']]);
    assert.deepEqual(report.notSentRecords.map((r) => r.line), [3]);
    const single = await putRecord(client, { streamName: `${stream}-gone`, openShards: [], distribution: 'USER_PARTITION_KEY' }, prepared.records[0] as (typeof prepared.records)[number]);
    assert.equal(single.status, 'failed');
    assert.equal(single.error?.code, 'ResourceNotFoundException');
    assert.match(single.message, /^Could not put line 1 to .*-gone: ResourceNotFoundException\.$/);
  });

  it('refuses a client that would retry on its own', async () => {
    const retrying = testClient();
    const prepared = preparePut(splitRecords('a', 'whole'), { partitionKey: strategy('k') });
    await assert.rejects(putRecords(retrying, { streamName: stream, openShards: [], distribution: 'USER_PARTITION_KEY' }, prepared.records), /maxAttempts: 1/);
  });
});
