import { strict as assert } from 'node:assert';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { parsePartitionKeyInput, type PartitionKeyStrategy } from '../../../../src/kinesis/put/partitionKey';
import { splitRecords } from '../../../../src/kinesis/put/input';
import { preparePut, type PreparedRecord } from '../../../../src/kinesis/put/prepare';
import { putRecord } from '../../../../src/kinesis/put/putRecord';
import { putRecords } from '../../../../src/kinesis/put/putRecords';
import { getPutTarget, type PutTarget } from '../../../../src/kinesis/put/target';
import { renderPutReport, summarizePutReport } from '../../../../src/kinesis/put/report';
import { freePort } from '../../../harness/ports';
import { startPutFaultProxy, type PutFaultProxy } from '../../../harness/putFaultProxy';
import { createStream, deleteStream, emulator, testClient } from '../../fixture';
import { multiset, readAllRecords } from './readBack';

const FAST = { baseDelayMs: 5, maxDelayMs: 50 };

function strategy(text: string): PartitionKeyStrategy {
  const parsed = parsePartitionKeyInput(text);
  assert.ok(parsed.ok, text);
  return parsed.strategy;
}

function lines(n: number, tag: string): string[] {
  return Array.from({ length: n }, (_, i) => `{"tag":"${tag}","n":${i},"id":"k${i % 13}"}`);
}

function prepare(text: string[]): PreparedRecord[] {
  const p = preparePut(splitRecords(text.join('\n'), 'lines'), { partitionKey: strategy('$.id') });
  assert.deepEqual(p.errors, []);
  return p.records;
}

describe('put operations through the put fault proxy', function () {
  this.timeout(120_000);
  let proxy: PutFaultProxy;
  let stream: string;
  let target: PutTarget;
  let direct: KinesisClient;

  before(async () => {
    direct = testClient({ maxAttempts: 1 });
    proxy = await startPutFaultProxy(emulator().endpoint);
  });
  after(async () => {
    await proxy.stop();
  });
  beforeEach(async () => {
    stream = await createStream(2, 'fault');
    target = await getPutTarget(direct, stream);
    proxy.setRules([]);
    proxy.setEntryFailures(undefined);
  });
  afterEach(async () => {
    await deleteStream(stream);
  });

  it('retries entries failed with ProvisionedThroughputExceeded / InternalFailure: all arrive exactly once', async () => {
    proxy.setEntryFailures({ share: 0.3, maxFailuresPerRecord: 2, seed: 7 });
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const text = lines(2_000, 'retry');
    const report = await putRecords(client, target, prepare(text), { backoff: FAST });
    assert.equal(report.outcome, 'completed');
    assert.equal(report.failed, 0);
    assert.equal(report.sent, 2_000);
    assert.ok(report.retried > 0);
    assert.ok(proxy.stats.entriesFailed > 300, `failed ${proxy.stats.entriesFailed}`);
    // Every injected failure was resent once, and nothing else was.
    assert.equal(report.resends, proxy.stats.entriesFailed);
    assert.ok(report.sentRecords.some((s) => s.attempts === 3), 'some records needed two retries');
    const back = await readAllRecords(direct, stream);
    assert.deepEqual(multiset(back.map((r) => r.data.toString())), multiset(text));
  });

  it('gives up after maxAttempts and lists each failure with its line and code', async () => {
    proxy.setEntryFailures({ share: 1, maxFailuresPerRecord: 3, codes: ['ProvisionedThroughputExceededException'] });
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const text = lines(5, 'exhaust');
    const report = await putRecords(client, target, prepare(text), { backoff: FAST, maxAttempts: 3 });
    assert.equal(report.sent, 0);
    assert.equal(report.failed, 5);
    assert.deepEqual(report.failures.map((f) => [f.line, f.errorCode, f.attempts]), [1, 2, 3, 4, 5].map((l) => [l, 'ProvisionedThroughputExceededException', 3]));
    assert.match(report.failures[0]?.errorMessage ?? '', /gave up after 3 attempts/);
    const md = renderPutReport(report);
    assert.match(md, /\| 4 \| ProvisionedThroughputExceededException \| .* \| 3 \|/);
    assert.deepEqual(await readAllRecords(direct, stream), []);
  });

  it('cancel mid-way: the report names exactly the lines in the stream', async () => {
    proxy.setEntryFailures({ share: 0.2, maxFailuresPerRecord: 1, seed: 3 });
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const text = lines(3_000, 'cancel');
    const ac = new AbortController();
    let progressCalls = 0;
    const report = await putRecords(client, target, prepare(text), {
      signal: ac.signal,
      backoff: { baseDelayMs: 200, maxDelayMs: 200 },
      batch: { maxRecords: 100 },
      onProgress: () => {
        if (++progressCalls === 4) ac.abort();
      },
    });
    assert.equal(report.outcome, 'cancelled');
    assert.equal(report.requests, 4);
    assert.ok(report.notSent > 2_000);
    assert.equal(report.sent + report.notSent, 3_000);
    const back = await readAllRecords(direct, stream);
    const inStream = new Set(back.map((r) => r.data.toString()));
    assert.equal(back.length, inStream.size, 'no duplicates');
    assert.deepEqual(new Set(report.sentRecords.map((s) => text[s.line - 1])), inStream);
    for (const r of report.notSentRecords) assert.ok(!inStream.has(text[r.line - 1] as string), `line ${r.line} reported unsent but found`);
    assert.match(summarizePutReport(report).text, /cancelled: lines .* were not sent\./);
  });

  it('AccessDenied stops at once and names kinesis:PutRecords; nothing is written', async () => {
    proxy.setRules([{ operation: 'PutRecords', action: 'error', code: 'AccessDeniedException' }, { operation: 'PutRecord', action: 'error', code: 'AccessDeniedException' }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const records = prepare(lines(30, 'denied'));
    const report = await putRecords(client, target, records, { batch: { maxRecords: 10 }, backoff: FAST });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.requests, 1);
    assert.equal(report.stopError?.code, 'AccessDeniedException');
    assert.match(report.stopError?.nextStep ?? '', /kinesis:PutRecords/);
    assert.equal(report.failed, 10);
    assert.equal(report.notSent, 20);
    const one = await putRecord(client, target, records[0] as PreparedRecord);
    assert.equal(one.status, 'failed');
    assert.match(one.error?.nextStep ?? '', /Grant kinesis:PutRecord to/);
    assert.deepEqual(await readAllRecords(direct, stream), []);
  });

  it('whole-request throttling and 5xx are retried for the whole batch', async () => {
    proxy.setRules([{ operation: 'PutRecords', action: 'error', code: 'ProvisionedThroughputExceededException', times: 2 }, { operation: 'PutRecords', action: 'serverError', times: 1 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const text = lines(40, 'whole');
    const report = await putRecords(client, target, prepare(text), { backoff: FAST });
    assert.equal(report.outcome, 'completed');
    assert.equal(report.sent, 40);
    assert.equal(report.requests, 4);
    assert.equal(report.retried, 40);
    const back = await readAllRecords(direct, stream);
    assert.deepEqual(multiset(back.map((r) => r.data.toString())), multiset(text));
  });

  it('a connection lost after the request was sent: unknown outcome, not resent, run stopped', async () => {
    proxy.setRules([{ operation: 'PutRecords', action: 'resetAfterForward', skip: 1, times: 1 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const text = lines(30, 'reset');
    const report = await putRecords(client, target, prepare(text), { batch: { maxRecords: 10 }, backoff: FAST });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.requests, 2);
    assert.equal(report.sent, 10);
    assert.deepEqual(report.unknownRecords.map((r) => r.line), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    assert.deepEqual(report.notSentRecords.map((r) => r.line), Array.from({ length: 10 }, (_, i) => 21 + i));
    assert.match(summarizePutReport(report).text, /10 with unknown outcome \(lines 11-20; check before resending\)/);
    // The proxy forwarded the second request: those records are there, once, as the report warns.
    const back = await readAllRecords(direct, stream);
    assert.deepEqual(multiset(back.map((r) => r.data.toString())), multiset(text.slice(0, 20)));
  });

  it('putRecord: a reset connection is reported as unknown, never resent', async () => {
    proxy.setRules([{ operation: 'PutRecord', action: 'resetAfterForward', times: 1 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const result = await putRecord(client, target, prepare(['{"id":"x"}'])[0] as PreparedRecord, { backoff: FAST });
    assert.equal(result.status, 'unknown');
    assert.equal(result.attempts, 1);
    assert.match(result.message, /may or may not be in .*, so it was not resent/);
    assert.equal((await readAllRecords(direct, stream)).length, 1);
  });

  it('putRecord retries throttling, then succeeds', async () => {
    proxy.setRules([{ operation: 'PutRecord', action: 'error', code: 'ProvisionedThroughputExceededException', times: 2 }]);
    const client = testClient({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const result = await putRecord(client, target, prepare(['{"id":"y"}'])[0] as PreparedRecord, { backoff: FAST });
    assert.equal(result.status, 'sent');
    assert.equal(result.attempts, 3);
    assert.equal(result.shardId, result.expectedShardId);
  });

  it('a refused connection is retried, then the run stops with nothing written', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const client = testClient({ endpoint: closed, maxAttempts: 1 });
    const report = await putRecords(client, target, prepare(lines(15, 'refused')), { batch: { maxRecords: 5 }, maxAttempts: 3, backoff: FAST });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopError?.code, 'ECONNREFUSED');
    assert.equal(report.requests, 3);
    assert.equal(report.failed, 5);
    assert.equal(report.unknown, 0);
    assert.equal(report.notSent, 10);
  });
});
