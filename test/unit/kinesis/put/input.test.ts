import { strict as assert } from 'node:assert';
import { splitRecords, utf8Bytes } from '../../../../src/kinesis/put/input';

describe('splitRecords', () => {
  it("'whole' keeps the text exactly, newlines and blanks included", () => {
    const text = '  {"a": 1}\r\n\n';
    const records = splitRecords(text, 'whole');
    assert.equal(records.length, 1);
    assert.equal(records[0]?.text, text);
    assert.equal(records[0]?.line, 1);
  });

  it("'whole' reports the first non-blank line", () => {
    assert.equal(splitRecords('\n\n  x\n', 'whole')[0]?.line, 3);
  });

  it("'whole' with several selections gives one record per selection at its start line", () => {
    const records = splitRecords([{ text: 'one', startLine: 3 }, { text: '', startLine: 5 }, { text: 'two\nlines', startLine: 9 }], 'whole');
    assert.deepEqual(records.map((r) => [r.index, r.source, r.line, r.text]), [[0, 0, 3, 'one'], [1, 2, 9, 'two\nlines']]);
  });

  it("'lines' skips blank lines and numbers lines from 1, for \\n, \\r\\n and lone \\r", () => {
    const records = splitRecords('a\r\n\r\nb\n   \nc\rd\n', 'lines');
    assert.deepEqual(records.map((r) => [r.line, r.text]), [[1, 'a'], [3, 'b'], [5, 'c'], [6, 'd']]);
    assert.deepEqual(records.map((r) => r.index), [0, 1, 2, 3]);
  });

  it("'lines' keeps blanks inside a line and offsets by the selection's start line", () => {
    const records = splitRecords([{ text: ' x \n y', startLine: 10 }, { text: 'z', startLine: 20 }], 'lines');
    assert.deepEqual(records.map((r) => [r.source, r.line, r.text]), [[0, 10, ' x '], [0, 11, ' y'], [1, 20, 'z']]);
  });

  it('gives nothing for empty or blank input', () => {
    assert.deepEqual(splitRecords('', 'whole'), []);
    assert.deepEqual(splitRecords(' \n\t', 'whole'), []);
    assert.deepEqual(splitRecords('\n\n', 'lines'), []);
  });

  it('encodes UTF-8 exactly', () => {
    assert.deepEqual([...utf8Bytes('é😀')], [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  });
});
