import assert from 'node:assert/strict';
import { noun, plural, pluralForm } from '../../../src/kinesis/plural';

describe('plural', () => {
  it('counts nouns with the right plural form', () => {
    assert.equal(plural(0, 'entry'), '0 entries');
    assert.equal(plural(1, 'entry'), '1 entry');
    assert.equal(plural(2, 'record'), '2 records');
    assert.equal(plural(1234, 'byte'), '1,234 bytes');
    assert.equal(plural(3, 'key'), '3 keys', 'a vowel before y keeps the y');
    assert.equal(plural(2, 'batch'), '2 batches');
    assert.equal(pluralForm('PutRecords request'), 'PutRecords requests');
  });

  it('takes an explicit plural for verb agreement', () => {
    assert.equal(plural(1, 'closed shard stays', 'closed shards stay'), '1 closed shard stays');
    assert.equal(plural(2, 'closed shard stays', 'closed shards stay'), '2 closed shards stay');
    assert.equal(noun(1, 'Line'), 'Line');
    assert.equal(noun(0, 'Line'), 'Lines');
  });
});
