import assert from 'node:assert/strict';
import { hexDump } from '../../../../src/kinesis/decode/hex';
import { INLINE_BODY_MAX, PREVIEW_MAX } from '../../../../src/tail/shared/protocol';
import { binaryPreview, fullBody, toRecordRow, type RowSource } from '../../../../src/tail/shared/recordRow';

const base: Omit<RowSource, 'decoded'> = { id: 7, shardId: 'shardId-000000000003', sequenceNumber: '4959', partitionKey: 'pk', arrival: 1, size: 10 };

describe('record rows', () => {
  it('carries compact JSON of the decoded value, with metadata', () => {
    const row = toRecordRow({ ...base, subSequenceNumber: 2, explicitHashKey: '99', decoded: { kind: 'json', layers: ['kpl', 'json'], json: { b: [1, 2] }, text: '{ "b": [1,2] }', size: 14 } });
    assert.equal(row.body, '{"b":[1,2]}');
    assert.equal(row.preview, '{b: [1, 2]}', 'the preview is the compact one-line form of the whole document');
    assert.equal(row.bodyTruncated, false);
    assert.equal(row.subSequenceNumber, 2);
    assert.equal(row.explicitHashKey, '99');
    assert.deepEqual(row.layers, ['kpl', 'json']);
  });

  it('cuts long payloads at the inline cap and previews on one line', () => {
    const text = `first line\n${'y'.repeat(INLINE_BODY_MAX * 3)}`;
    const row = toRecordRow({ ...base, decoded: { kind: 'text', layers: ['gzip', 'text'], text, size: text.length } });
    assert.equal(row.bodyTruncated, true);
    assert.equal(row.body.length, INLINE_BODY_MAX);
    assert.ok(row.preview.startsWith('first line ↵ yyy'));
    assert.equal(row.preview.length, PREVIEW_MAX);
  });

  it('previews binary payloads from the hex dump', () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => i);
    const row = toRecordRow({ ...base, decoded: { kind: 'binary', layers: ['binary'], hex: hexDump(bytes), size: 40 } });
    assert.equal(row.preview, `40 bytes: ${Array.from({ length: 24 }, (_, i) => i.toString(16).padStart(2, '0')).join(' ')} …`);
    assert.equal(binaryPreview(hexDump(Uint8Array.from([0xca, 0xfe])), 2), '2 bytes: ca fe');
    assert.equal(binaryPreview('', 0), '0 bytes');
  });

  it('falls back to the source text when the value is too deep to stringify', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    assert.equal(fullBody({ kind: 'json', layers: ['json'], json: deep, text: '{"a":…}', size: 5 }), '{"a":…}');
  });
});
