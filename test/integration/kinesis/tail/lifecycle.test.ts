// The stream tail's life: pause and resume without loss (and with a renewed iterator after a long
// pause), stop() aborting a call in flight and leaving no timer or socket, the async iterator,
// and credential failures that stop every shard without hammering the API.
import { strict as assert } from 'node:assert';
import type { Socket } from 'node:net';
import { createKinesisClient } from '../../../../src/kinesis/client';
import { StreamTail, systemClock, type Clock, type TailBatch } from '../../../../src/kinesis/tail';
import { FaultProxy } from '../../../harness/faultProxy';
import { clientOptions, createStream, deleteStream, emulator } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { Collector, countSends, listShards, putAll, sleep, text } from './helpers';
import { testClient } from '../../fixture';

/** The real clock, counting sleeps still pending. */
function trackingClock(): Clock & { pending: () => number } {
  let pending = 0;
  return {
    now: systemClock.now,
    sleep: async (ms, signal) => {
      pending++;
      try {
        await systemClock.sleep(ms, signal);
      } finally {
        pending--;
      }
    },
    pending: () => pending,
  };
}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

function socketsTo(port: number): Socket[] {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h): h is Socket => typeof (h as Socket)?.remotePort === 'number' && (h as Socket).remotePort === port && !(h as Socket).destroyed);
}

const allCaughtUp = (c: Collector, n: number) => (c.last()?.shards.filter((s) => s.state === 'caught-up').length ?? 0) >= n;

describe('tail: lifecycle (pause, resume, stop, iterator, credentials)', function () {
  this.timeout(60_000);
  let proxy: FaultProxy;
  let stream = '';

  before(async () => {
    stream = await createStream(2, 'life');
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

  /** A tail on a client of its own through the proxy, and a count of the calls that client starts. */
  const tailWith = (c: Collector, extra: Partial<ConstructorParameters<typeof StreamTail>[0]> = {}) => {
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const sent = countSends(client);
    return Object.assign(new StreamTail({ client, streamName: stream, position: { type: 'LATEST' }, idleIntervalMs: 200, onBatch: c.onBatch, onStatus: c.onStatus, ...extra }), { sent });
  };

  it('pause() stops polling and keeps the position; resume() delivers what came meanwhile', async () => {
    const c = new Collector();
    const tail = tailWith(c);
    void tail.start();
    await eventually(() => allCaughtUp(c, 2), 'caught up');
    tail.pause();
    // A GetRecords already in flight when pause() returned may still be answered; count after it.
    await eventually(() => proxy.inFlight === 0 && tail.status().shards.every((s) => s.state === 'paused'), 'the pause to take hold');
    const callsAtPause = tail.sent('GetRecords');
    await putAll(testClient(), stream, ['x0', 'x1', 'x2', 'x3'].map((data, i) => ({ data, partitionKey: `k${i}` })));
    // The fixed wait is the thing under test: a window of several idle intervals (200 ms) in
    // which a tail that kept polling while paused would have called GetRecords.
    await sleep(1500);
    assert.equal(tail.sent('GetRecords'), callsAtPause, 'no GetRecords while paused');
    assert.equal(c.records.length, 0);
    assert.equal(tail.status().state, 'paused');
    assert.ok(tail.status().shards.every((s) => s.state === 'paused'));
    tail.resume();
    await eventually(() => c.records.length >= 4, 'records after resume');
    await tail.stop();
    assert.deepEqual(c.texts().sort(), ['x0', 'x1', 'x2', 'x3']);
  });

  it('after a pause longer than the iterator lifetime, resumes AFTER the last delivered record', async () => {
    const c = new Collector();
    const tail = tailWith(c, { iteratorMaxAgeMs: 300 });
    void tail.start();
    await eventually(() => allCaughtUp(c, 2), 'caught up');
    await putAll(testClient(), stream, ['y0', 'y1'].map((data) => ({ data, partitionKey: 'same' })));
    await eventually(() => c.records.length >= 2, 'first records');
    const lastSeq = c.records.at(-1)?.sequenceNumber;
    tail.pause();
    // The fixed wait is the thing under test: a pause longer than the iterator lifetime (300 ms).
    await sleep(800);
    await putAll(testClient(), stream, ['y2', 'y3'].map((data) => ({ data, partitionKey: 'same' })));
    const before = proxy.calls.length;
    tail.resume();
    await eventually(() => c.records.length >= 4, 'records after resume');
    // A quiet window in which a duplicate would show; the exact list below is the assertion.
    await sleep(400);
    await tail.stop();
    assert.deepEqual(c.texts(), ['y0', 'y1', 'y2', 'y3']);
    const renewals = proxy.calls.slice(before).filter((x) => x.operation === 'GetShardIterator');
    assert.ok(renewals.some((r) => r.iteratorType === 'AFTER_SEQUENCE_NUMBER' && r.startingSequenceNumber === lastSeq), 'renewed from the last delivered record');
  });

  it('stop() aborts a call in flight at once and leaves no timer, sleep or socket behind', async () => {
    // Mocha arms this test's own timeout right after calling it; count from then on.
    await new Promise((r) => setImmediate(r));
    const timersBefore = activeTimers();
    const clock = trackingClock();
    // A socket time-out far beyond this test's own time-out: if stop() waited for the hanging call
    // instead of aborting it, the test would time out rather than pass.
    const client = createKinesisClient({ ...clientOptions({ endpoint: proxy.endpoint, maxAttempts: 1 }), requestTimeoutMs: 600_000 });
    const sent = countSends(client);
    const port = Number(new URL(proxy.endpoint).port);
    const c = new Collector();
    // The 4th GetRecords never gets an answer.
    proxy.setRules([{ operation: 'GetRecords', fault: 'hang', calls: [4] }]);
    const tail = new StreamTail({ client, clock, streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, relistIntervalMs: 5000, statusIntervalMs: 5000, onBatch: c.onBatch, onStatus: c.onStatus });
    const done = tail.start();
    await eventually(() => proxy.injected('hang') === 1 && proxy.hangingCount === 1, 'a hanging call');
    const final = await tail.stop();
    assert.equal(final.state, 'stopped');
    assert.ok(final.shards.every((s) => s.state === 'stopped'), final.shards.map((s) => s.label).join(','));
    assert.equal(await done, final);
    assert.equal(clock.pending(), 0, 'no sleep pending');
    // Counted at once: the re-list and status loops sleep 5 s, so a leaked sleep would still be armed.
    assert.ok(activeTimers() <= timersBefore, `timers: ${activeTimers()} now, ${timersBefore} before`);
    await eventually(() => proxy.hangingCount === 0, 'the hanging request to be aborted by the client');
    const calls = sent();
    // The fixed wait is the thing under test: a window in which a leaked loop would call again.
    await sleep(700);
    assert.equal(sent(), calls, 'no call after stop');
    client.destroy();
    // The proxy's own keep-alive sockets hold timers too; close it before counting.
    await proxy.close();
    await eventually(() => socketsTo(port).length === 0, 'no socket left open to the endpoint');
    assert.ok(activeTimers() <= timersBefore, `timers: ${activeTimers()} now, ${timersBefore} before`);
  });

  it('delivers through an async iterator; leaving the loop stops the tail', async () => {
    const tail = new StreamTail({ client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, limit: 3, maxQueuedBatches: 2 });
    const done = tail.start();
    const seen: TailBatch[] = [];
    for await (const batch of tail) {
      seen.push(batch);
      if (seen.flatMap((b) => b.records).length >= 6) break;
    }
    const final = await done;
    assert.equal(final.state, 'stopped');
    assert.ok(seen.every((b) => b.records.length >= 1 && b.records.length <= 3));
    // Per shard, the iterator yields records in sequence order.
    for (const shard of new Set(seen.map((b) => b.shardId))) {
      const seqs = seen.filter((b) => b.shardId === shard).flatMap((b) => b.records.map((r) => BigInt(r.sequenceNumber)));
      assert.ok(seqs.every((s, i) => i === 0 || s > (seqs[i - 1] ?? 0n)));
    }
    assert.ok(seen.flatMap((b) => b.records).every((r) => text(r).length > 0));
  });

  it('expired credentials on one shard stop every shard, with a re-authentication hint', async () => {
    const c = new Collector();
    proxy.setRules([{ operation: 'GetRecords', fault: 'expired-token', calls: [5] }]);
    const tail = tailWith(c, { errorContext: { profile: 'dev' } });
    const final = await tail.start();
    assert.equal(final.state, 'error');
    assert.equal(final.error?.code, 'ExpiredTokenException');
    assert.match(final.error?.nextStep ?? '', /aws sso login --profile dev/);
    assert.ok(final.shards.every((s) => s.state === 'error' || s.state === 'stopped'));
    const calls = tail.sent('GetRecords');
    assert.ok(calls <= 6, `at most the in-flight call of the other shard after the failure (${calls})`);
    // The fixed wait is the thing under test: a window in which a tail that had not ended would call again.
    await sleep(700);
    assert.equal(tail.sent('GetRecords'), calls, 'no call after the tail ended');
  });

  it('a failing credential provider ends the tail before any request', async () => {
    const client = createKinesisClient({
      ...clientOptions({ endpoint: proxy.endpoint, maxAttempts: 1 }),
      credentials: () => Promise.reject(Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'CredentialsProviderError' })),
    });
    try {
      const final = await new StreamTail({ client, streamName: stream, position: { type: 'LATEST' }, onBatch: () => undefined, errorContext: { profile: 'dev' } }).start();
      assert.equal(final.state, 'error');
      assert.match(final.error?.nextStep ?? '', /aws sso login --profile dev/);
      assert.equal(proxy.calls.length, 0);
    } finally {
      client.destroy();
    }
  });

  it('a consumer that throws ends the tail with ConsumerError', async () => {
    await putAll(testClient(), stream, [{ data: 'boom', partitionKey: 'k' }]);
    const tail = new StreamTail({ client: testClient({ endpoint: proxy.endpoint, maxAttempts: 1 }), streamName: stream, position: { type: 'TRIM_HORIZON' }, onBatch: () => { throw new Error('render failed'); } });
    const final = await tail.start();
    assert.equal(final.state, 'error');
    assert.equal(final.error?.code, 'ConsumerError');
    assert.match(final.error?.message ?? '', /render failed/);
    assert.ok((await listShards(testClient(), stream)).length >= 2);
  });
});
