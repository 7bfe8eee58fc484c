import { strict as assert } from 'node:assert';
import type { PutReport } from '../../../../src/kinesis/put/report';
import { producerResultLine, shardNumbers } from '../../../../src/kinesis/producerDoc/result';

function report(over: Partial<PutReport>): PutReport {
  return { streamName: 's', outcome: 'completed', total: 0, sent: 0, failed: 0, unknown: 0, notSent: 0, retried: 0, resends: 0, requests: 0, durationMs: 0, sentRecords: [], failures: [], unknownRecords: [], notSentRecords: [], shardMismatches: 0, ...over };
}

const sent = (...shards: number[]) => shards.map((n, i) => ({ index: i, line: i + 1, shardId: `shardId-${String(n).padStart(12, '0')}`, sequenceNumber: `${i}`, attempts: 1 }));

describe('producer result line', () => {
  it('says records, shards by number and failures', () => {
    const r = report({ total: 100, sent: 100, sentRecords: sent(3, 0, 2, 0) });
    assert.equal(shardNumbers(r), '0,2,3');
    assert.equal(producerResultLine(r), '✓ 100 records · shards 0,2,3 · 0 failed');
    assert.equal(producerResultLine(report({ total: 1, sent: 1, sentRecords: sent(1) })), '✓ 1 record · shard 1 · 0 failed');
  });

  it('says how many were sent when cancelled or stopped', () => {
    assert.equal(producerResultLine(report({ outcome: 'cancelled', total: 1000, sent: 2, notSent: 998, sentRecords: sent(0, 0) })), '⚠ 2 of 1,000 sent, cancelled · shard 0 · 0 failed');
    assert.equal(producerResultLine(report({ outcome: 'stopped', total: 5, failed: 5, stopError: { code: 'AccessDeniedException', message: '', retryable: false } })), '⚠ 0 of 5 sent, stopped (AccessDeniedException) · 5 failed');
  });
});
