import { strict as assert } from 'node:assert';
import { partitionKeyHash } from '../../../../src/kinesis/put/hashKey';
import { parsePartitionKeyInput } from '../../../../src/kinesis/put/partitionKey';
import { prepareForward } from '../../../../src/kinesis/put/forward';
import { isWebviewMessage } from '../../../../src/tail/shared/protocol';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('prepareForward', () => {
  it('keeps the bytes, partition key and explicit hash key of each record', () => {
    const p = prepareForward([{ data: new Uint8Array([0, 255, 1]), partitionKey: 'a' }, { data: bytes('x'), partitionKey: 'b', explicitHashKey: '5' }], { kind: 'keep' });
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.records.map((r) => [[...r.data], r.partitionKey, r.explicitHashKey, r.line, r.bytes]), [[[0, 255, 1], 'a', undefined, 1, 4], [[120], 'b', '5', 2, 2]]);
    assert.equal(p.records[0]?.hashKey, partitionKeyHash('a'));
    assert.equal(p.records[1]?.hashKey, 5n);
  });

  it('applies a new strategy: a JSON path reads each record, a fixed key replaces all', () => {
    const path = parsePartitionKeyInput('$.id');
    assert.ok(path.ok);
    const p = prepareForward([{ data: bytes('{"id": "x-1"}'), partitionKey: 'old' }, { data: bytes('not json'), partitionKey: 'old' }], { kind: 'new', partitionKey: path.strategy });
    assert.deepEqual(p.records.map((r) => r.partitionKey), ['x-1']);
    assert.deepEqual(p.errors.map((e) => [e.code, e.line]), [['jsonInvalid', 2]]);
    assert.match(p.errors[0]?.message ?? '', /^Record 2: not valid JSON/);
    const fixed = prepareForward([{ data: bytes('a'), partitionKey: 'old', explicitHashKey: '1' }], { kind: 'new', partitionKey: { kind: 'fixed', key: 'k' } });
    assert.deepEqual(fixed.records.map((r) => [r.partitionKey, r.explicitHashKey]), [['k', undefined]]);
  });

  it('refuses records over the stream limit and an empty choice', () => {
    const p = prepareForward([{ data: new Uint8Array(10), partitionKey: 'k' }], { kind: 'keep' }, 10);
    assert.deepEqual(p.errors.map((e) => e.code), ['tooLarge']);
    assert.deepEqual(prepareForward([], { kind: 'keep' }).errors.map((e) => e.code), ['empty']);
  });

  it('accepts the webview\'s sendToStream message, with or without a selected id', () => {
    assert.ok(isWebviewMessage({ type: 'sendToStream' }));
    assert.ok(isWebviewMessage({ type: 'sendToStream', selectedId: 4 }));
    assert.ok(!isWebviewMessage({ type: 'sendToStream', selectedId: -1 }));
    assert.ok(!isWebviewMessage({ type: 'sendToStream', ids: [1] }));
  });
});
