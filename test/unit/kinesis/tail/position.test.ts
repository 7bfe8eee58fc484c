import { strict as assert } from 'node:assert';
import { checkPosition, describePosition, iteratorParams, validateSequenceNumber } from '../../../../src/kinesis/tail/position';

describe('validateSequenceNumber', () => {
  it('accepts a real sequence number and trims blanks', () => {
    const s = '49680490150999643647006166785261925119605351441374380034';
    assert.deepEqual(validateSequenceNumber(` ${s}\n`), { ok: true, value: s });
  });
  it('accepts exactly 128 digits and rejects 129', () => {
    assert.equal(validateSequenceNumber('9'.repeat(128)).ok, true);
    const r = validateSequenceNumber('9'.repeat(129));
    assert.ok(!r.ok);
    assert.match(r.error, /at most 128 digits; this one has 129/);
  });
  it('names the first character that is not a digit', () => {
    const r = validateSequenceNumber('4968-0490');
    assert.ok(!r.ok);
    assert.match(r.error, /"-" is not one/);
  });
  it('rejects empty input', () => assert.equal(validateSequenceNumber('').ok, false));
  it('rejects signs and exponents', () => {
    assert.equal(validateSequenceNumber('+1').ok, false);
    assert.equal(validateSequenceNumber('1e5').ok, false);
  });
});

describe('iteratorParams and checkPosition', () => {
  it('maps every position type to GetShardIterator parameters', () => {
    const ts = new Date('2026-11-23T10:00:00Z');
    assert.deepEqual(iteratorParams({ type: 'LATEST' }), { ShardIteratorType: 'LATEST' });
    assert.deepEqual(iteratorParams({ type: 'TRIM_HORIZON' }), { ShardIteratorType: 'TRIM_HORIZON' });
    assert.deepEqual(iteratorParams({ type: 'AT_SEQUENCE_NUMBER', sequenceNumber: ' 12 ' }), { ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: '12' });
    assert.deepEqual(iteratorParams({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '12' }), { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: '12' });
    assert.deepEqual(iteratorParams({ type: 'AT_TIMESTAMP', timestamp: ts }), { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: ts });
    assert.equal(describePosition({ type: 'AT_TIMESTAMP', timestamp: ts }), 'AT_TIMESTAMP 2026-11-23T10:00:00.000Z');
  });
  it('refuses invalid sequence numbers and dates before any call', () => {
    assert.throws(() => checkPosition({ type: 'AT_SEQUENCE_NUMBER', sequenceNumber: 'abc' }), RangeError);
    assert.throws(() => checkPosition({ type: 'AT_TIMESTAMP', timestamp: new Date('nope') }), RangeError);
    assert.doesNotThrow(() => checkPosition({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '1' }));
  });
});
