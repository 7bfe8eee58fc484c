import { strict as assert } from 'node:assert';
import { partitionKeyHash } from '../../../../src/kinesis/put/hashKey';
import { parsePartitionKeyInput, type PartitionKeyStrategy } from '../../../../src/kinesis/put/partitionKey';
import { splitRecords } from '../../../../src/kinesis/put/input';
import { DEFAULT_MAX_RECORD_BYTES, formatBytes, preparePut, summarizeIssues } from '../../../../src/kinesis/put/prepare';

function strategy(text: string): PartitionKeyStrategy {
  const parsed = parsePartitionKeyInput(text);
  assert.ok(parsed.ok, text);
  return parsed.strategy;
}

describe('preparePut', () => {
  it('refuses empty input, naming what was empty', () => {
    const p = preparePut(splitRecords('  \n', 'whole'), { partitionKey: strategy('k'), inputLabel: 'selection' });
    assert.deepEqual(p.errors.map((e) => e.code), ['empty']);
    assert.match(p.errors[0]?.message ?? '', /the selection is empty/);
  });

  it('gives each record its bytes, key and hash key', () => {
    const p = preparePut(splitRecords('é\nb', 'lines'), { partitionKey: strategy('pk') });
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.records.map((r) => [r.line, [...r.data], r.partitionKey, r.bytes]), [[1, [0xc3, 0xa9], 'pk', 4], [2, [0x62], 'pk', 3]]);
    assert.equal(p.records[0]?.hashKey, partitionKeyHash('pk'));
    assert.equal(p.totalBytes, 7);
  });

  it('checks the record size as data + partition key bytes, to the byte, with the line', () => {
    const key = 'k';
    const fits = 'x'.repeat(DEFAULT_MAX_RECORD_BYTES - 1);
    const over = 'x'.repeat(DEFAULT_MAX_RECORD_BYTES);
    const p = preparePut(splitRecords(`${fits}\nsmall\n${over}`, 'lines'), { partitionKey: strategy(key) });
    assert.deepEqual(p.records.map((r) => r.line), [1, 2]);
    assert.equal(p.errors.length, 1);
    assert.equal(p.errors[0]?.code, 'tooLarge');
    assert.equal(p.errors[0]?.line, 3);
    assert.match(p.errors[0]?.message ?? '', /^Line 3: the record is 1,048,577 bytes .*at most 1,048,576 bytes \(1 MiB\)/);
  });

  it("uses the stream's max record size when given", () => {
    const p = preparePut(splitRecords('x'.repeat(2000), 'whole'), { partitionKey: strategy('k'), maxRecordBytes: 1024 });
    assert.equal(p.errors[0]?.code, 'tooLarge');
    const q = preparePut(splitRecords('x'.repeat(2 * 1024 * 1024), 'whole'), { partitionKey: strategy('k'), maxRecordBytes: 10 * 1024 * 1024 });
    assert.deepEqual(q.errors, []);
  });

  it('counts multi-byte characters as their UTF-8 bytes', () => {
    const text = 'é'.repeat(DEFAULT_MAX_RECORD_BYTES / 2); // 1 MiB of bytes, half as many characters
    const p = preparePut(splitRecords(text, 'whole'), { partitionKey: strategy('k') });
    assert.equal(p.errors[0]?.code, 'tooLarge');
  });

  it('takes keys from a JSON path: strings, numbers, booleans', () => {
    const text = ['{"sensor":{"id":"s-1"}}', '{"sensor":{"id":17}}', '{"sensor":{"id":true}}'].join('\n');
    const p = preparePut(splitRecords(text, 'lines'), { partitionKey: strategy('$.sensor.id') });
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.records.map((r) => r.partitionKey), ['s-1', '17', 'true']);
  });

  it('reports a missing path, an object value and invalid JSON with line numbers', () => {
    const text = ['{"id":"a"}', '{"other":1}', '{"id":{"x":1}}', 'not json', '{"id":""}'].join('\n');
    const p = preparePut(splitRecords(text, 'lines'), { partitionKey: strategy('$.id') });
    assert.deepEqual(p.records.map((r) => r.line), [1]);
    assert.deepEqual(p.errors.map((e) => [e.line, e.code]), [[2, 'jsonPathMissing'], [3, 'jsonPathValue'], [4, 'jsonInvalid'], [5, 'partitionKey']]);
    assert.match(p.errors[0]?.message ?? '', /^Line 2: \$\.id is missing from the record/);
    assert.match(p.errors[1]?.message ?? '', /^Line 3: \$\.id is an object/);
    assert.match(p.errors[2]?.message ?? '', /^Line 4: not valid JSON \(.+\), so \$\.id cannot be read/);
    assert.match(p.errors[3]?.message ?? '', /^Line 5: \$\.id gives an unusable key/);
  });

  it('turns JSON that does not parse into a warning when only the language is JSON', () => {
    const p = preparePut(splitRecords('{"a":1}\n{"a":', 'lines'), { partitionKey: strategy('k'), expectJson: true });
    assert.deepEqual(p.errors, []);
    assert.equal(p.records.length, 2);
    assert.deepEqual(p.warnings.map((w) => [w.line, w.code]), [[2, 'jsonInvalid']]);
    const plain = preparePut(splitRecords('{"a":', 'lines'), { partitionKey: strategy('k') });
    assert.deepEqual(plain.warnings, []);
  });

  it('gives a fresh key per record for {uuid}', () => {
    const p = preparePut(splitRecords('a\nb\nc', 'lines'), { partitionKey: strategy('{uuid}') });
    const keys = p.records.map((r) => r.partitionKey);
    assert.equal(new Set(keys).size, 3);
    for (const k of keys) assert.match(k, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reports a bad fixed key once, not once per line', () => {
    const p = preparePut(splitRecords('a\nb\nc', 'lines'), { partitionKey: { kind: 'fixed', key: 'k'.repeat(300) } });
    assert.equal(p.errors.length, 1);
    assert.equal(p.errors[0]?.code, 'partitionKey');
    assert.equal(p.records.length, 0);
  });

  it('applies a valid explicit hash key and refuses an invalid one', () => {
    const ok = preparePut(splitRecords('a', 'whole'), { partitionKey: strategy('k'), explicitHashKey: '42' });
    assert.equal(ok.records[0]?.hashKey, 42n);
    assert.equal(ok.records[0]?.explicitHashKey, '42');
    const bad = preparePut(splitRecords('a', 'whole'), { partitionKey: strategy('k'), explicitHashKey: '2e5' });
    assert.deepEqual(bad.errors.map((e) => e.code), ['explicitHashKey']);
  });

  it('summarizes many issues', () => {
    const p = preparePut(splitRecords(Array.from({ length: 8 }, () => '{}').join('\n'), 'lines'), { partitionKey: strategy('$.id') });
    const text = summarizeIssues(p.errors, 3);
    assert.equal(text.split('\n').length, 4);
    assert.match(text, /^Line 1: /);
    assert.match(text, /…and 5 more\.$/);
  });

  it('formats byte counts exactly', () => {
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(1_048_576), '1,048,576 bytes (1 MiB)');
    assert.equal(formatBytes(1536), '1,536 bytes (1.50 KiB)');
  });
});
