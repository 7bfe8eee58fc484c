// Find in Stream's pure parts: the filter compiled once and applied to records as the table sees
// them, the match cap, per-shard progress from arrival timestamps, and the stop reason.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import type { ShardStatus, TailBatch, TailStatus } from '../../../../src/kinesis/tail/types';
import { compileFindFilter, FindScan, stopReason } from '../../../../src/tail/host/findScan';
import { describeFindProgress, describeStop } from '../../../../src/tail/shared/findProgress';

function batch(shardId: string, items: { status: string; at: number }[]): TailBatch {
  const records = items.map((it, i) => {
    const data = Buffer.from(JSON.stringify({ status: it.status, i }));
    return { shardId, sequenceNumber: String(i + 1), partitionKey: 'k', approximateArrival: it.at, size: data.length, data, decoded: decodePayload(data) };
  });
  return { shardId, records, kinesisRecords: records.length, bytes: 0, receivedAt: 0 };
}

function shard(shardId: string, state: ShardStatus['state'], extra: Partial<ShardStatus> = {}): ShardStatus {
  return { shardId, state, label: state, attempt: 0, recordsPerSecond: 0, bytesPerSecond: 0, totalRecords: 0, totalBytes: 0, ...extra };
}

function status(shards: ShardStatus[], error?: TailStatus['error']): TailStatus {
  return { streamName: 's', state: 'stopped', shards, totalRecords: 0, totalBytes: 0, recordsPerSecond: 0, bytesPerSecond: 0, ...(error ? { error } : {}) };
}

describe('FindScan', () => {
  it('refuses a field filter that does not parse, with its position', () => {
    const r = compileFindFilter('', '$.status ==');
    assert.equal(r.ok, false);
    assert.throws(() => new FindScan({ text: '', field: '$.status ==', matchCap: 10, untilMs: 1, label: 'x' }), /does not parse/);
  });

  it('gives a find the panel\'s variables: seq, arrival, size, exact big integers, text and log events', () => {
    const scan = (field: string, text = ''): FindScan => new FindScan({ text, field, matchCap: 100, untilMs: 1000, fromMs: 0, label: 'x' }, () => 0);
    const plain = batch('a', [{ status: 'WARN', at: 100 }, { status: 'OK', at: 200 }]);
    assert.equal(scan('seq == "2" && arrival == timestamp("1970-01-01T00:00:00.200Z") && size > 10').keep(plain).length, 1);
    assert.equal(scan('$.status == "WARN"', '"OK"').keep(plain).length, 0, 'the text filter reads the body');
    const big = Buffer.from('{"id":12345678901234567891}');
    const exact = { shardId: 'a', sequenceNumber: '1', partitionKey: 'k', approximateArrival: 1, size: big.length, data: big, decoded: decodePayload(big) };
    const one = { shardId: 'a', records: [exact], kinesisRecords: 1, bytes: 0, receivedAt: 0 };
    assert.equal(scan('value.id == 12345678901234567891u').keep(one).length, 1, 'beyond 2^53, exactly');
    assert.equal(scan('value.id == 12345678901234567890u').keep(one).length, 0);
    const log = Buffer.from(JSON.stringify({ level: 'ERROR', msg: 'slow' }));
    const event = { ...exact, data: log, size: log.length, decoded: decodePayload(log), log: { group: '/aws/lambda/f', stream: 's', id: '1', timestamp: 5, index: 0, count: 1, level: 'ERROR' } };
    const events = { shardId: 'a', records: [event], kinesisRecords: 1, bytes: 0, receivedAt: 0 };
    assert.equal(scan('log.group == "/aws/lambda/f" && log.level == "ERROR" && value.level == "ERROR"').keep(events).length, 1);
  });

  it('keeps only matches, up to the cap, and counts them per shard', () => {
    const scan = new FindScan({ text: '', field: '$.status == "WARN"', matchCap: 3, untilMs: 1000, fromMs: 0, label: 'x' }, () => 0);
    const kept = scan.keep(batch('a', [{ status: 'WARN', at: 100 }, { status: 'OK', at: 200 }, { status: 'WARN', at: 300 }]));
    assert.equal(kept.length, 2);
    assert.equal(scan.capReached, false);
    assert.equal(scan.keep(batch('b', [{ status: 'WARN', at: 100 }, { status: 'WARN', at: 500 }])).length, 1);
    assert.equal(scan.capReached, true);
  });

  it('a shard\'s percentage is how far its arrivals reached into the range; ended shards are 100%', () => {
    let now = 0;
    const scan = new FindScan({ text: 'warn', field: '', matchCap: 100, untilMs: 1000, fromMs: 0, label: 'x' }, () => now);
    scan.keep(batch('a', [{ status: 'WARN', at: 250 }]));
    scan.keep(batch('b', [{ status: 'OK', at: 1000 }]));
    now = 10_000;
    scan.update(status([shard('a', 'reading'), shard('b', 'done')]));
    const p = scan.progress();
    assert.equal(p.shards[0]?.percent, 25);
    assert.equal(p.shards[1]?.percent, 100);
    assert.equal(p.percent, 62.5);
    assert.equal(p.matches, 1, 'the text filter is case-insensitive');
    assert.equal(Math.round(p.etaMs ?? 0), 6000);
    assert.match(describeFindProgress(p), /62% · 0 records \(0 B\) scanned · 1 match · 0 records\/s · about 6 s left/);
  });

  it('stop reasons: an error outranks the cap, the cap outranks cancel; unfinished shards are never "range done"', () => {
    const err = { code: 'AccessDeniedException', message: 'no', nextStep: 'needs kinesis:GetRecords', retryable: false };
    assert.deepEqual(stopReason(status([shard('a', 'error', { error: err }), shard('b', 'done')]), 5, true), { kind: 'shard-error', shardId: 'a', code: 'AccessDeniedException', message: 'no', nextStep: 'needs kinesis:GetRecords' });
    assert.deepEqual(stopReason(status([shard('a', 'stopped')]), 5, true), { kind: 'match-cap', cap: 5 });
    assert.deepEqual(stopReason(status([shard('a', 'stopped')]), undefined, true), { kind: 'cancelled' });
    assert.deepEqual(stopReason(status([shard('a', 'stopped')]), undefined, false), { kind: 'cancelled' });
    assert.deepEqual(stopReason(status([shard('a', 'done'), shard('b', 'closed')]), undefined, false), { kind: 'range-done' });
  });

  it('the figures line never repeats the stop reason (the banner says it once)', () => {
    const scan = new FindScan({ text: 'warn', field: '', matchCap: 100, untilMs: 1000, fromMs: 0, label: 'x' }, () => 0);
    scan.keep(batch('a', [{ status: 'WARN', at: 250 }]));
    scan.finish(status([shard('a', 'stopped')]));
    const p = scan.progress();
    assert.deepEqual(p.stop, { kind: 'cancelled' });
    const line = describeFindProgress(p);
    assert.match(line, /scanned · 1 match$/);
    assert.doesNotMatch(line, /Cancelled|incomplete/);
  });

  it('every stop reason but "range done" says the result is incomplete', () => {
    assert.match(describeStop({ kind: 'match-cap', cap: 10_000 }, 10_000), /10,000.*incomplete/);
    assert.match(describeStop({ kind: 'cancelled' }, 3), /incomplete \(3 matches so far\)/);
    assert.match(describeStop({ kind: 'shard-error', shardId: 'shardId-1', code: 'X', message: 'm', nextStep: 'do y' }, 0), /shardId-1: X: m do y The result is incomplete/);
    assert.doesNotMatch(describeStop({ kind: 'range-done' }, 2), /incomplete/);
  });
});
