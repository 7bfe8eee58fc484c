import { strict as assert } from 'node:assert';
import { CreateStreamCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../../../src/kinesis/client';
import { createStreamAndWait, deleteStreamAndWait } from '../../../../src/kinesis/admin/createDelete';
import { fetchStreamSummary } from '../../../../src/kinesis/admin/read';
import { setRetentionAndWait, updateShardCountAndWait } from '../../../../src/kinesis/admin/update';
import { waitForStream } from '../../../../src/kinesis/admin/wait';
import { startKinesisLocal, type KinesisLocal } from '../../../harness/kinesisLocal';
import { startPutFaultProxy, type PutFaultProxy } from '../../../harness/putFaultProxy';
import { emulator, testClient, uniqueStreamName, deleteStream } from '../../fixture';

describe('manage streams: states that take time (kinesis-local with 5 s transitions)', function () {
  this.timeout(90_000);
  let slow: KinesisLocal;
  let client: KinesisClient;

  before(async function () {
    this.timeout(60_000);
    slow = await startKinesisLocal({ createDuration: '5s' });
    client = createKinesisClient({ region: slow.region, endpoint: slow.endpoint, credentials: slow.credentials });
  });
  after(async () => {
    client?.destroy();
    await slow?.stop();
  });

  async function creating(): Promise<string> {
    const name = uniqueStreamName('slow');
    await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    return name;
  }

  it('refuses changes to a stream that is not ACTIVE, and maps the service\'s ResourceInUseException', async () => {
    const name = await creating();
    const retention = await setRetentionAndWait(client, { name, hours: 48 }, { pollIntervalMs: 100 });
    assert.equal(retention.status, 'refused');
    assert.equal(retention.refusal, 'notActive');
    assert.equal(retention.error?.code, 'ResourceInUseException');
    assert.equal(retention.streamStatus, 'CREATING');
    assert.match(retention.message, /is CREATING\. Wait until it is ACTIVE/);
    const usc = await updateShardCountAndWait(client, { name, targetShardCount: 2 }, { pollIntervalMs: 100 });
    assert.equal(usc.refusal, 'notActive');
    // DeleteStream has no pre-check: this ResourceInUseException comes from the service.
    const del = await deleteStreamAndWait(client, { name, enforceConsumerDeletion: false }, { pollIntervalMs: 100 });
    assert.equal(del.status, 'failed');
    assert.equal(del.error?.code, 'ResourceInUseException');
    assert.match(del.message, /^Could not delete .*: ResourceInUseException: .*not currently ACTIVE.*Wait until it settles/);
  });

  it('cancelling the wait leaves the stream as it is and says so', async () => {
    const name = uniqueStreamName('slow-cancel');
    const ac = new AbortController();
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: 1 }, { pollIntervalMs: 200, signal: ac.signal, onProgress: () => ac.abort() });
    assert.equal(r.status, 'cancelled');
    assert.deepEqual(r.applied, ['CreateStream']);
    assert.equal(r.streamStatus, 'CREATING');
    assert.match(r.message, /^Stopped waiting\. CreateStream was accepted; .* keeps its state \(last seen CREATING\) and becomes ACTIVE on its own/);
    // It does become ACTIVE without us.
    const later = await waitForStream(client, name, 'ACTIVE', { pollIntervalMs: 200, timeoutMs: 30_000 });
    assert.equal(later.kind, 'reached');
  });

  it('a wait that outlives its timeout says so', async () => {
    const name = uniqueStreamName('slow-timeout');
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: 1 }, { pollIntervalMs: 100, timeoutMs: 500 });
    assert.equal(r.status, 'timeout');
    assert.match(r.message, /did not become ACTIVE within \d+ s \(last seen CREATING\)\. CreateStream was accepted; it may still settle/);
  });
});

describe('manage streams through the fault proxy', function () {
  this.timeout(60_000);
  let proxy: PutFaultProxy;
  let direct: KinesisClient;
  const cleanup: string[] = [];

  before(async () => {
    proxy = await startPutFaultProxy(emulator().endpoint);
    direct = testClient();
  });
  after(async () => {
    await proxy.stop();
    for (const name of cleanup) await deleteStream(name).catch(() => undefined);
  });

  it('invalid input is refused without any call', async () => {
    proxy.setRules([]);
    const before = Object.values(proxy.stats.calls).reduce((a, b) => a + b, 0);
    const client = testClient({ endpoint: proxy.endpoint });
    const r = await createStreamAndWait(client, { name: 'bad name!', mode: 'PROVISIONED', shardCount: 1 });
    assert.equal(r.status, 'refused');
    assert.equal(r.refusal, 'invalid');
    assert.match(r.message, /A space \(position 4\) is not allowed/);
    const zero = await createStreamAndWait(client, { name: 'ok', mode: 'PROVISIONED', shardCount: 0 });
    assert.match(zero.message, /0 is not allowed/);
    assert.equal(Object.values(proxy.stats.calls).reduce((a, b) => a + b, 0), before);
  });

  it('AccessDenied on CreateStream names kinesis:CreateStream and changes nothing', async () => {
    proxy.setRules([{ operation: 'CreateStream', action: 'error', code: 'AccessDeniedException' }]);
    const client = testClient({ endpoint: proxy.endpoint });
    const name = uniqueStreamName('denied');
    const r = await createStreamAndWait(client, { name, mode: 'ON_DEMAND' }, { pollIntervalMs: 100 });
    assert.equal(r.status, 'failed');
    assert.equal(r.error?.code, 'AccessDeniedException');
    assert.deepEqual(r.applied, []);
    assert.match(r.message, /Grant kinesis:CreateStream to this identity in IAM\./);
    assert.equal(await fetchStreamSummary(direct, name), undefined);
  });

  it('AccessDenied on UpdateShardCount and DeleteStream names those actions', async () => {
    const name = uniqueStreamName('denied2');
    cleanup.push(name);
    assert.equal((await createStreamAndWait(direct, { name, mode: 'PROVISIONED', shardCount: 1 }, { pollIntervalMs: 100 })).status, 'done');
    proxy.setRules([{ operation: 'UpdateShardCount', action: 'error' }, { operation: 'DeleteStream', action: 'error' }]);
    const client = testClient({ endpoint: proxy.endpoint });
    const usc = await updateShardCountAndWait(client, { name, targetShardCount: 2 }, { pollIntervalMs: 100 });
    assert.match(usc.error?.nextStep ?? '', /kinesis:UpdateShardCount/);
    const del = await deleteStreamAndWait(client, { name, enforceConsumerDeletion: false }, { pollIntervalMs: 100 });
    assert.match(del.error?.nextStep ?? '', /kinesis:DeleteStream/);
    assert.equal((await fetchStreamSummary(direct, name))?.StreamStatus, 'ACTIVE');
  });

  it('a lost connection while waiting is reported as such, not as a failure', async () => {
    // The first DescribeStreamSummary (does the name exist?) passes; every later one is reset.
    proxy.setRules([{ operation: 'DescribeStreamSummary', action: 'reset', skip: 1 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const name = uniqueStreamName('lost');
    cleanup.push(name);
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: 1 }, { pollIntervalMs: 100, connectionGraceMs: 600 });
    assert.equal(r.status, 'connectionLost', r.message);
    assert.deepEqual(r.applied, ['CreateStream']);
    assert.match(r.message, /^Lost the connection to Kinesis while waiting for .*CreateStream was accepted; the stream settles on its own/);
    assert.ok((proxy.stats.calls.DescribeStreamSummary ?? 0) >= 3);
    // The stream was created all the same.
    const settled = await waitForStream(direct, name, 'ACTIVE', { pollIntervalMs: 100, timeoutMs: 20_000 });
    assert.equal(settled.kind, 'reached');
  });

  it('AccessDenied while waiting fails the wait and names kinesis:DescribeStreamSummary', async () => {
    proxy.setRules([{ operation: 'DescribeStreamSummary', action: 'error', skip: 1 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const name = uniqueStreamName('denied-wait');
    cleanup.push(name);
    const r = await createStreamAndWait(client, { name, mode: 'PROVISIONED', shardCount: 1 }, { pollIntervalMs: 100 });
    assert.equal(r.status, 'failed');
    assert.deepEqual(r.applied, ['CreateStream']);
    assert.match(r.message, /^CreateStream was accepted, but waiting for .* failed: AccessDeniedException: .*Grant kinesis:DescribeStreamSummary/);
  });
});
