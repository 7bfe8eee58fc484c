import { strict as assert } from 'node:assert';
import { DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, RegisterStreamConsumerCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { partitionKeyHash, shardForHashKey } from '../../../../src/kinesis/put/hashKey';
import { createStreamAndWait, deleteStreamAndWait } from '../../../../src/kinesis/admin/createDelete';
import { describeStreamDeletion, describeStreamDocument, fetchStreamSummary, getAccountShardLimits, renderStreamDocument } from '../../../../src/kinesis/admin/read';
import { setRetentionAndWait, switchCapacityModeAndWait, updateShardCountAndWait } from '../../../../src/kinesis/admin/update';
import { validateShardCount } from '../../../../src/kinesis/admin/validate';
import { createStream, deleteStream, testClient, uniqueStreamName } from '../../fixture';

const FAST = { pollIntervalMs: 100, timeoutMs: 30_000 };

describe('manage streams against kinesis-local', function () {
  this.timeout(60_000);
  let client: KinesisClient;
  const cleanup: string[] = [];

  before(() => {
    client = testClient();
  });
  after(async () => {
    for (const name of cleanup) await deleteStream(name).catch(() => undefined);
  });

  it('creates a provisioned stream with retention, waits until ACTIVE and reports progress', async () => {
    const name = uniqueStreamName('adm');
    cleanup.push(name);
    const progress: string[] = [];
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: 2, retentionHours: 48 }, { ...FAST, onProgress: (p) => progress.push(p.status ?? '') });
    assert.equal(r.status, 'done', r.message);
    assert.deepEqual(r.applied, ['CreateStream', 'IncreaseStreamRetentionPeriod']);
    assert.equal(r.message, `Stream ${name} is ACTIVE: provisioned, 2 shards, retention 48 hours.`);
    assert.ok(progress.includes('CREATING'), `progress: ${progress.join(',')}`);
    const s = await fetchStreamSummary(client, name);
    assert.equal(s?.StreamStatus, 'ACTIVE');
    assert.equal(s?.OpenShardCount, 2);
    assert.equal(s?.RetentionPeriodHours, 48);
    assert.equal(s?.StreamModeDetails?.StreamMode, 'PROVISIONED');
  });

  it('creates an on-demand stream', async () => {
    const name = uniqueStreamName('adm-od');
    cleanup.push(name);
    const r = await createStreamAndWait(client, { name, mode: 'ON_DEMAND' }, FAST);
    assert.equal(r.status, 'done', r.message);
    assert.deepEqual(r.applied, ['CreateStream']);
    assert.equal(r.value?.StreamModeDetails?.StreamMode, 'ON_DEMAND');
    assert.match(r.message, /on-demand \(\d+ shards now\), retention 24 hours/);
  });

  it('refuses an existing name before calling CreateStream', async () => {
    const name = await createStream(1, 'adm-dup');
    cleanup.push(name);
    const r = await createStreamAndWait(client, { name, mode: 'ON_DEMAND' }, FAST);
    assert.equal(r.status, 'refused');
    assert.equal(r.refusal, 'exists');
    assert.equal(r.message, `A stream named ${name} already exists in this region (ACTIVE). Choose another name.`);
    assert.deepEqual(r.applied, []);
  });

  it('shows the LimitExceededException message when the shard count is over the limit', async () => {
    const limits = await getAccountShardLimits(client);
    assert.ok(limits, 'kinesis-local answers DescribeLimits');
    // The fixture raises kinesis-local's SHARD_LIMIT (default 50) to 1000 for the whole suite.
    assert.equal(limits.shardLimit, 1000);
    assert.equal(limits.available, limits.shardLimit - limits.openShardCount);
    assert.match(validateShardCount(String(limits.available + 1), limits) ?? '', /at most/);
    const name = uniqueStreamName('adm-lim');
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: limits.shardLimit + 1 }, FAST);
    assert.equal(r.status, 'failed');
    assert.equal(r.error?.code, 'LimitExceededException');
    assert.match(r.message, /^Could not create .*: LimitExceededException: .*(shard limit|shard count).*1000.*\. Kinesis refused it under an account or stream limit/);
    assert.equal(await fetchStreamSummary(client, name), undefined);
  });

  async function streamWithConsumer(prefix: string): Promise<string> {
    const name = await createStream(2, prefix);
    cleanup.push(name);
    const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.StreamARN;
    const consumer = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'reader-1' }));
    for (let i = 0; i < 50; i++) {
      const d = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN: consumer.Consumer?.ConsumerARN }));
      if (d.ConsumerDescription?.ConsumerStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return name;
  }

  it('describes what a delete loses, and reports the refusal of a delete that keeps consumers', async () => {
    const name = await streamWithConsumer('adm-del');
    const impact = await describeStreamDeletion(client, name);
    assert.ok(impact);
    assert.equal(impact.retentionHours, 24);
    assert.equal(impact.consumerCount, 1);
    assert.deepEqual(impact.consumers, ['reader-1']);
    assert.equal(impact.needsEnforceConsumerDeletion, true);
    assert.equal(impact.message, `Deleting ${name} removes every record it holds: up to 24 hours (1 day) of data in 2 open shards. This cannot be undone. Its 1 registered consumer: reader-1 will be deregistered (EnforceConsumerDeletion).`);
    const refusedByAws = await deleteStreamAndWait(client, { name, enforceConsumerDeletion: false }, FAST);
    assert.equal(refusedByAws.status, 'failed');
    assert.equal(refusedByAws.error?.code, 'ResourceInUseException');
    assert.match(refusedByAws.error?.nextStep ?? '', /registered consumers/);
    assert.deepEqual(refusedByAws.applied, []);
    // (kinesis-local deletes the stream anyway after this refusal, unlike AWS; nothing more to check here.)
  });

  it('deletes a stream with its consumers and waits until it is gone', async () => {
    const name = await streamWithConsumer('adm-del2');
    const r = await deleteStreamAndWait(client, { name, enforceConsumerDeletion: true }, FAST);
    assert.equal(r.status, 'done', r.message);
    assert.deepEqual(r.applied, ['DeleteStream']);
    assert.equal(r.message, `Stream ${name} was deleted.`);
    assert.equal(await fetchStreamSummary(client, name), undefined);
    assert.equal(await describeStreamDeletion(client, name), undefined);
  });

  it('updates the shard count, waits, and returns closed parents and open children', async () => {
    const name = await createStream(2, 'adm-usc');
    cleanup.push(name);
    const r = await updateShardCountAndWait(client, { name, targetShardCount: 3 }, FAST);
    assert.equal(r.status, 'done', r.message);
    const v = r.value;
    assert.ok(v);
    assert.equal(v.previousOpenShards, 2);
    assert.equal(v.openShards.length, 3);
    assert.ok(v.closedShards.length >= 1);
    const closedIds = new Set(v.closedShards.map((s) => s.id));
    assert.ok(v.openShards.some((s) => (s.parentId && closedIds.has(s.parentId)) || (s.adjacentParentId && closedIds.has(s.adjacentParentId))), 'a child names a closed parent');
    for (const c of v.closedShards) assert.ok(c.children.length > 0, `${c.id} lists its children`);
    assert.match(r.message, /now has 3 open shards \(was 2\); \d+ closed (shard stays|shards stay) readable/);
    assert.equal((await fetchStreamSummary(client, name))?.OpenShardCount, 3);
    // The key -> shard mapping still works on the new layout.
    assert.ok(shardForHashKey(v.openShards, partitionKeyHash('after-resharding')));
  });

  it('refuses shard counts outside double/half, unchanged ones, and on-demand streams', async () => {
    const name = await createStream(2, 'adm-usc2');
    cleanup.push(name);
    const over = await updateShardCountAndWait(client, { name, targetShardCount: 5 }, FAST);
    assert.equal(over.status, 'refused');
    assert.equal(over.refusal, 'outOfRange');
    assert.match(over.message, /highest target is 4/);
    const same = await updateShardCountAndWait(client, { name, targetShardCount: 2 }, FAST);
    assert.equal(same.refusal, 'unchanged');
    const od = uniqueStreamName('adm-od2');
    cleanup.push(od);
    assert.equal((await createStreamAndWait(client, { name: od, mode: 'ON_DEMAND' }, FAST)).status, 'done');
    const onDemand = await updateShardCountAndWait(client, { name: od, targetShardCount: 5 }, FAST);
    assert.equal(onDemand.status, 'refused');
    assert.equal(onDemand.refusal, 'onDemand');
    assert.match(onDemand.message, /is on-demand: Kinesis manages its shards/);
    const missing = await updateShardCountAndWait(client, { name: `${name}-nope`, targetShardCount: 3 }, FAST);
    assert.equal(missing.refusal, 'notFound');
  });

  it('switches the capacity mode both ways', async () => {
    const name = await createStream(1, 'adm-mode');
    cleanup.push(name);
    const toOnDemand = await switchCapacityModeAndWait(client, { name, mode: 'ON_DEMAND' }, FAST);
    assert.equal(toOnDemand.status, 'done', toOnDemand.message);
    assert.deepEqual(toOnDemand.applied, ['UpdateStreamMode']);
    assert.equal((await fetchStreamSummary(client, name))?.StreamModeDetails?.StreamMode, 'ON_DEMAND');
    const again = await switchCapacityModeAndWait(client, { name, mode: 'ON_DEMAND' }, FAST);
    assert.equal(again.refusal, 'unchanged');
    const back = await switchCapacityModeAndWait(client, { name, mode: 'PROVISIONED' }, FAST);
    assert.equal(back.status, 'done', back.message);
    assert.match(back.message, /now uses provisioned capacity/);
    assert.equal((await fetchStreamSummary(client, name))?.StreamModeDetails?.StreamMode, 'PROVISIONED');
  });

  it('raises and lowers the retention with the matching call', async () => {
    const name = await createStream(1, 'adm-ret');
    cleanup.push(name);
    const up = await setRetentionAndWait(client, { name, hours: 72 }, FAST);
    assert.equal(up.status, 'done', up.message);
    assert.deepEqual(up.applied, ['IncreaseStreamRetentionPeriod']);
    assert.equal((await fetchStreamSummary(client, name))?.RetentionPeriodHours, 72);
    const down = await setRetentionAndWait(client, { name, hours: 30 }, FAST);
    assert.deepEqual(down.applied, ['DecreaseStreamRetentionPeriod']);
    assert.match(down.message, /now keeps records for 30 hours \(was 72\)\. Records older than 30 hours are no longer readable\./);
    assert.equal((await fetchStreamSummary(client, name))?.RetentionPeriodHours, 30);
    assert.equal((await setRetentionAndWait(client, { name, hours: 30 }, FAST)).refusal, 'unchanged');
    const bad = await setRetentionAndWait(client, { name, hours: 10 }, FAST);
    assert.equal(bad.refusal, 'invalid');
    assert.match(bad.message, /at least 24/);
  });

  it('builds the describe document: summary plus every shard, as plain JSON', async () => {
    const name = await createStream(2, 'adm-doc');
    cleanup.push(name);
    assert.equal((await updateShardCountAndWait(client, { name, targetShardCount: 4 }, FAST)).status, 'done');
    const doc = await describeStreamDocument(client, name);
    assert.equal(doc.streamName, name);
    assert.equal(doc.summary.StreamName, name);
    assert.equal(doc.summary.StreamStatus, 'ACTIVE');
    assert.equal(typeof doc.summary.StreamCreationTimestamp, 'string');
    assert.equal(doc.shardCount.open, 4);
    assert.equal(doc.shards.length, doc.shardCount.open + doc.shardCount.closed);
    assert.ok(doc.shardCount.closed >= 2);
    assert.deepEqual(JSON.parse(renderStreamDocument(doc)), doc);
  });
});
