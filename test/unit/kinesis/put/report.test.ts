import { strict as assert } from 'node:assert';
import { formatLineRanges, renderPutReport, summarizePutReport, type PutReport } from '../../../../src/kinesis/put/report';

function report(overrides: Partial<PutReport> = {}): PutReport {
  return {
    streamName: 'orders',
    outcome: 'completed',
    total: 5,
    sent: 3,
    failed: 1,
    unknown: 0,
    notSent: 1,
    retried: 2,
    resends: 3,
    requests: 3,
    durationMs: 1500,
    sentRecords: [
      { index: 0, line: 1, shardId: 'shardId-000000000001', sequenceNumber: '111', attempts: 1 },
      { index: 1, line: 2, shardId: 'shardId-000000000000', sequenceNumber: '222', attempts: 2 },
      { index: 2, line: 3, shardId: 'shardId-000000000001', sequenceNumber: '333', attempts: 3 },
    ],
    failures: [{ index: 3, line: 7, errorCode: 'InternalFailure', errorMessage: 'bad | pipe\nand *stars*', attempts: 8 }],
    unknownRecords: [],
    notSentRecords: [{ index: 4, line: 9, attempts: 0 }],
    shardMismatches: 0,
    ...overrides,
  };
}

describe('putReport', () => {
  it('formats line ranges, sorted and deduplicated', () => {
    assert.equal(formatLineRanges([5, 1, 2, 3, 9, 10, 12, 2]), '1-3, 5, 9-10, 12');
    assert.equal(formatLineRanges([]), '');
    assert.equal(formatLineRanges([4]), '4');
  });

  it('summarizes a clean run as info', () => {
    const s = summarizePutReport(report({ sent: 5, failed: 0, notSent: 0, retried: 0, failures: [], notSentRecords: [] }));
    assert.deepEqual(s, { severity: 'info', text: 'Sent 5 of 5 records to orders.' });
  });

  it('summarizes retries, failures and a cancel with the unsent lines', () => {
    const s = summarizePutReport(report({ outcome: 'cancelled' }));
    assert.equal(s.severity, 'error');
    assert.equal(s.text, 'Sent 3 of 5 records to orders; 2 after retries; 1 failed; cancelled: line 9 was not sent.');
    const c = summarizePutReport(report({ outcome: 'cancelled', failed: 0, failures: [], notSent: 2, notSentRecords: [{ index: 3, line: 7, attempts: 0 }, { index: 4, line: 8, attempts: 0 }] }));
    assert.equal(c.severity, 'warning');
    assert.match(c.text, /cancelled: lines 7-8 were not sent\.$/);
  });

  it('names the unknown-outcome lines and the stopping error', () => {
    const s = summarizePutReport(report({ outcome: 'stopped', failed: 0, failures: [], unknown: 2, unknownRecords: [{ index: 3, line: 7, errorCode: 'ECONNRESET', errorMessage: 'socket hang up', attempts: 1 }, { index: 4, line: 8, errorCode: 'ECONNRESET', errorMessage: 'socket hang up', attempts: 1 }], notSent: 0, notSentRecords: [], stopError: { code: 'ECONNRESET', message: 'socket hang up', retryable: true } }));
    assert.equal(s.severity, 'error');
    assert.match(s.text, /2 with unknown outcome \(lines 7-8; check before resending\); stopped by ECONNRESET: nothing was left unsent\./);
  });

  it('renders failures as a Markdown table with escaped cells', () => {
    const md = renderPutReport(report());
    assert.match(md, /^# Put records: orders\n/);
    assert.match(md, /\| Failed \| 1 \|/);
    assert.match(md, /## Failed\n\n\| Line \| Error code \| Message \| Attempts \|/);
    assert.match(md, /\| 7 \| InternalFailure \| bad \\\| pipe and \\\*stars\\\* \| 8 \|/);
    assert.match(md, /## Not sent\n\nLine 9\./);
    assert.match(md, /\| shardId-000000000000 \| 1 \| 2 \|\n\| shardId-000000000001 \| 2 \| 1, 3 \|/);
    assert.doesNotMatch(md, /## Unknown outcome/);
  });

  it('explains unknown outcomes and shard mismatches', () => {
    const md = renderPutReport(report({ unknown: 1, unknownRecords: [{ index: 3, line: 7, errorCode: 'ECONNRESET', errorMessage: 'socket hang up', attempts: 1 }], shardMismatches: 2, stopError: { code: 'ECONNRESET', message: 'socket hang up', retryable: true, nextStep: 'Check your network.' } }));
    assert.match(md, /## Unknown outcome\n\nThe connection failed .*not resent, so that none is written twice/);
    assert.match(md, /\*\*Stopped:\*\* ECONNRESET: socket hang up Check your network\./);
    assert.match(md, /2 records landed on another shard/);
  });
});
