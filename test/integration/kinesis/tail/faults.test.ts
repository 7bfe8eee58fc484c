// Each fault the tail must survive or report, injected by the fault proxy in front of
// kinesis-local (or caused for real: a reshard, a deleted stream). Nothing lost, nothing repeated.
import { strict as assert } from 'node:assert';
import { UpdateShardCountCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { ShardReader, type ShardEnd, type ShardStatus, type StartPosition, type TailBatch } from '../../../../src/kinesis/tail';
import { FaultProxy } from '../../../harness/faultProxy';
import { aggregateWithProducer } from '../../../unit/kinesis/decode/fixtures';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { countSends, listShards, putAll, sleep, text } from './helpers';

interface Run {
  batches: TailBatch[];
  states: ShardStatus[];
  end: ShardEnd;
}

/** Reads one shard through a proxy with `rules` until `until` holds (or the reader ends). */
async function readThrough(proxy: FaultProxy, stream: string, shardId: string, position: StartPosition, until: (r: Run) => boolean, extra: Partial<ConstructorParameters<typeof ShardReader>[0]> = {}): Promise<Run> {
  const run: Run = { batches: [], states: [], end: { reason: 'stopped' } };
  const reader = new ShardReader({
    client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }),
    streamName: stream,
    shardId,
    position,
    idleIntervalMs: 200,
    onBatch: (b) => void run.batches.push(b),
    onStatus: (s) => void run.states.push(s),
    ...extra,
  });
  let ended = false;
  const done = reader.start().then((e) => {
    ended = true;
    run.end = e;
  });
  await eventually(() => ended || until(run), 'the reader to get there', { timeoutMs: 45_000 });
  await reader.stop();
  await done;
  return run;
}

const texts = (r: Run): string[] => r.batches.flatMap((b) => b.records.map(text));
const labels = (r: Run): string[] => r.states.map((s) => s.label).filter((l, i, all) => all[i - 1] !== l);
const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('tail: faults (fault proxy in front of kinesis-local)', function () {
  this.timeout(60_000);
  let proxy: FaultProxy;
  let stream = '';
  let shardId = '';
  let seqs: string[] = [];
  const DATA = numbered('r', 30);

  before(async () => {
    stream = await createStream(1, 'faults');
    shardId = (await listShards(testClient(), stream))[0]?.ShardId ?? '';
    seqs = (await putAll(testClient(), stream, DATA.map((data) => ({ data, partitionKey: 'k' })))).map((p) => p.sequenceNumber);
  });

  beforeEach(async () => {
    proxy = await FaultProxy.start(emulator().endpoint);
  });

  afterEach(async () => {
    await proxy.close();
  });

  after(async () => {
    await deleteStream(stream);
  });

  it('ExpiredIteratorException: resumes AFTER the last delivered record, no gap, no duplicate', async () => {
    proxy.setRules([{ operation: 'GetRecords', fault: 'expired-iterator', calls: [3, 4, 7] }]);
    const run = await readThrough(proxy, stream, shardId, { type: 'TRIM_HORIZON' }, (r) => texts(r).length >= 30 && r.states.at(-1)?.state === 'caught-up', { limit: 5 });
    assert.deepEqual(texts(run), DATA);
    assert.equal(proxy.injected('expired-iterator'), 3);
    const renewals = proxy.calls.filter((c) => c.operation === 'GetShardIterator');
    assert.equal(renewals[0]?.iteratorType, 'TRIM_HORIZON');
    // Two batches (10 records) were delivered before the first expiry.
    assert.equal(renewals[1]?.iteratorType, 'AFTER_SEQUENCE_NUMBER');
    assert.equal(renewals[1]?.startingSequenceNumber, seqs[9]);
    assert.equal(renewals.length, 4);
  });

  it('ExpiredIteratorException before anything was delivered: back to the original position', async () => {
    proxy.setRules([{ operation: 'GetRecords', fault: 'expired-iterator', calls: [1] }]);
    const position: StartPosition = { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seqs[20] ?? '' };
    const run = await readThrough(proxy, stream, shardId, position, (r) => r.states.at(-1)?.state === 'caught-up');
    assert.deepEqual(texts(run), DATA.slice(20));
    const renewals = proxy.calls.filter((c) => c.operation === 'GetShardIterator');
    assert.deepEqual(renewals.map((c) => [c.iteratorType, c.startingSequenceNumber]), [['AT_SEQUENCE_NUMBER', seqs[20]], ['AT_SEQUENCE_NUMBER', seqs[20]]]);
  });

  it('ExpiredIteratorException between KPL aggregates: every sub-record exactly once', async () => {
    const kpl = await createStream(1, 'kpl');
    try {
      const kplShard = (await listShards(testClient(), kpl))[0]?.ShardId ?? '';
      const users = Array.from({ length: 50 }, (_, i) => ({ partitionKey: `pk${i % 7}`, data: Buffer.from(`u${i}`) }));
      const aggregates = [];
      for (let i = 0; i < 50; i += 10) aggregates.push(...(await aggregateWithProducer(users.slice(i, i + 10))));
      assert.equal(aggregates.length, 5);
      await putAll(testClient(), kpl, aggregates.map((a) => ({ data: a.data, partitionKey: a.partitionKey, explicitHashKey: a.ExplicitHashKey })));
      proxy.setRules([{ operation: 'GetRecords', fault: 'expired-iterator', calls: [2, 4] }]);
      const run = await readThrough(proxy, kpl, kplShard, { type: 'TRIM_HORIZON' }, (r) => r.batches.flatMap((b) => b.records).length >= 50 && r.states.at(-1)?.state === 'caught-up', { limit: 1 });
      const records = run.batches.flatMap((b) => b.records);
      assert.deepEqual(records.map(text), users.map((u) => u.data.toString()));
      assert.deepEqual(records.map((r) => r.subSequenceNumber), users.map((_, i) => i % 10));
      assert.deepEqual(records.map((r) => r.partitionKey), users.map((u) => u.partitionKey));
      assert.ok(run.batches.every((b) => b.kinesisRecords === 1 && b.records.length === 10), 'an aggregate is delivered whole');
    } finally {
      await deleteStream(kpl);
    }
  });
  it('throttling (shard, KMS, account): exponential backoff from 0.5 s, shown as "throttled (n)"', async () => {
    proxy.setRules([
      { operation: 'GetRecords', fault: 'throttle', calls: [2] },
      { operation: 'GetRecords', fault: 'kms-throttle', calls: [3] },
      { operation: 'GetRecords', fault: 'limit-exceeded', calls: [4] },
    ]);
    const run = await readThrough(proxy, stream, shardId, { type: 'TRIM_HORIZON' }, (r) => texts(r).length >= 30 && r.states.at(-1)?.state === 'caught-up', { limit: 10 });
    assert.deepEqual(texts(run), DATA);
    const seen = labels(run);
    for (const l of ['throttled (1)', 'throttled (2)', 'throttled (3)', 'reading']) assert.ok(seen.includes(l), `${l} in ${seen.join(' > ')}`);
    const throttled = run.states.find((s) => s.label === 'throttled (2)');
    assert.equal(throttled?.error?.code, 'KMSThrottlingException');
    // Gaps between GetRecords calls after the 1st, 2nd and 3rd failure: at least 0.5, 1 and 2 s.
    const at = proxy.calls.filter((c) => c.operation === 'GetRecords').map((c) => c.at);
    const gaps = [2, 3, 4].map((i) => (at[i] ?? 0) - (at[i - 1] ?? 0));
    [500, 1000, 2000].forEach((min, i) => assert.ok((gaps[i] ?? 0) >= min - 5, `gap ${i + 1} was ${gaps[i]} ms, expected >= ${min}`));
    // Jitter at most doubles a delay (the 3rd is at most 4 s); 2 s more is slack for a busy machine.
    assert.ok(gaps.every((g) => g < 6000), `backoff stays bounded: ${gaps.join(', ')}`);
  });

  it('500s and connection resets: "retrying (n)", then resumes from the last delivered record', async () => {
    proxy.setRules([
      { operation: 'GetRecords', fault: 'server-error', calls: [2] },
      { operation: 'GetRecords', fault: 'reset', calls: [3] },
      { operation: 'GetRecords', fault: 'reset-after', calls: [4] },
    ]);
    const run = await readThrough(proxy, stream, shardId, { type: 'TRIM_HORIZON' }, (r) => texts(r).length >= 30 && r.states.at(-1)?.state === 'caught-up', { limit: 5, backoffBaseMs: 100 });
    assert.deepEqual(texts(run), DATA);
    const seen = labels(run);
    for (const l of ['retrying (1)', 'retrying (2)', 'retrying (3)']) assert.ok(seen.includes(l), `${l} in ${seen.join(' > ')}`);
    assert.equal(run.states.find((s) => s.label === 'retrying (1)')?.error?.code, 'InternalFailure');
    // After the second failure the iterator is renewed from the last delivered record (the 5th).
    const renewal = proxy.calls.filter((c) => c.operation === 'GetShardIterator')[1];
    assert.deepEqual([renewal?.iteratorType, renewal?.startingSequenceNumber], ['AFTER_SEQUENCE_NUMBER', seqs[4]]);
    assert.equal(proxy.injected(), 3);
  });

  it('a closed shard ends "closed" and names its children', async () => {
    const s = await createStream(1, 'closed');
    try {
      const client = testClient();
      await putAll(client, s, numbered('c', 10).map((data) => ({ data, partitionKey: data })));
      await client.send(new UpdateShardCountCommand({ StreamName: s, TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }));
      await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: s });
      const shards = await listShards(client, s);
      const parent = shards.find((x) => x.SequenceNumberRange?.EndingSequenceNumber !== undefined)?.ShardId ?? '';
      const children = shards.filter((x) => x.ParentShardId === parent).map((x) => x.ShardId).sort();
      assert.equal(children.length, 2);
      const run = await readThrough(proxy, s, parent, { type: 'TRIM_HORIZON' }, () => false);
      assert.equal(run.end.reason, 'closed');
      assert.deepEqual(run.end.reason === 'closed' ? run.end.childShards.map((c) => c.shardId).sort() : [], children);
      assert.deepEqual(texts(run), numbered('c', 10));
      const last = run.states.at(-1);
      assert.equal(last?.state, 'closed');
      assert.deepEqual(last?.childShardIds?.sort(), children);
    } finally {
      await deleteStream(s);
    }
  });

  it('a deleted stream (ResourceNotFoundException) stops the shard with a clear error, once', async () => {
    const s = await createStream(1, 'gone');
    const gone = (await listShards(testClient(), s))[0]?.ShardId ?? '';
    let deleted = false;
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const sent = countSends(client);
    const run = await readThrough(proxy, s, gone, { type: 'LATEST' }, (r) => {
      if (!deleted && r.states.some((x) => x.state === 'caught-up')) {
        deleted = true;
        void deleteStream(s);
      }
      return false;
    }, { client });
    assert.equal(run.end.reason, 'error');
    const last = run.states.at(-1);
    assert.equal(last?.state, 'error');
    assert.equal(last?.error?.code, 'ResourceNotFoundException');
    assert.match(last?.error?.nextStep ?? '', /deleted/);
    const calls = sent();
    // The fixed wait is the thing under test: a window in which a reader that had not stopped would call again.
    await sleep(1500);
    assert.equal(sent(), calls, 'no call after the error');
  });

  for (const operation of ['GetRecords', 'GetShardIterator']) {
    it(`AccessDeniedException on ${operation} stops the shard and names kinesis:${operation}`, async () => {
      proxy.setRules([{ operation, fault: 'access-denied', calls: [1] }]);
      const run = await readThrough(proxy, stream, shardId, { type: 'TRIM_HORIZON' }, () => false);
      assert.equal(run.end.reason, 'error');
      assert.equal(run.end.reason === 'error' ? run.end.fault : '', 'fatal');
      const err = run.states.at(-1)?.error;
      assert.equal(err?.code, 'AccessDeniedException');
      assert.match(err?.nextStep ?? '', new RegExp(`kinesis:${operation}`));
      assert.equal(proxy.count(operation), 1, 'not retried');
      assert.deepEqual(texts(run), []);
    });
  }

  it('expired credentials stop the reader with how to re-authenticate, after one call', async () => {
    proxy.setRules([{ operation: 'GetRecords', fault: 'expired-token', calls: [2] }]);
    const run = await readThrough(proxy, stream, shardId, { type: 'TRIM_HORIZON' }, () => false, { limit: 5, errorContext: { profile: 'dev' } });
    assert.equal(run.end.reason === 'error' ? run.end.fault : run.end.reason, 'credentials');
    const err = run.states.at(-1)?.error;
    assert.equal(err?.code, 'ExpiredTokenException');
    assert.match(err?.nextStep ?? '', /Re-authenticate.*aws sso login --profile dev/);
    assert.deepEqual(texts(run), DATA.slice(0, 5));
    assert.equal(proxy.count('GetRecords'), 2);
  });
});
