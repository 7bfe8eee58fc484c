import { strict as assert } from 'node:assert';
import { decodePayload, expandRecord, hexDump } from '../../../../src/kinesis/decode';
import type { RawRecord } from '../../../../src/kinesis/decode';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decode: UTF-8, JSON, text and binary', () => {
  it('reads valid multi-byte UTF-8 as text', () => {
    const s = 'héllo wörld ✓ 🚀 日本語\r\n\tindented';
    const d = decodePayload(Buffer.from(s));
    assert.equal(d.kind, 'text');
    assert.deepEqual(d.layers, ['text']);
    assert.equal(d.text, s);
    assert.equal(d.size, Buffer.byteLength(s));
  });

  it('treats invalid UTF-8 as binary', () => {
    const invalid: Array<[string, Uint8Array]> = [
      ['bad continuation', bytes(0x61, 0xc3, 0x28)],
      ['lone continuation byte', bytes(0x61, 0x80, 0x62)],
      ['overlong slash', bytes(0xc0, 0xaf)],
      ['UTF-16 surrogate', bytes(0xed, 0xa0, 0x80)],
      ['truncated sequence', bytes(0x61, 0xe2, 0x82)],
      ['beyond U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80)],
    ];
    for (const [what, data] of invalid) {
      const d = decodePayload(data);
      assert.equal(d.kind, 'binary', what);
      assert.deepEqual(d.layers, ['binary'], what);
      assert.equal(d.text, undefined, what);
      assert.ok(d.hex?.startsWith('00000000  '), what);
    }
  });

  it('tells a real U+FFFD from invalid bytes, and drops a leading BOM', () => {
    const replacement = decodePayload(Buffer.from('{"name":"caf\uFFFD","n":1}'));
    assert.equal(replacement.kind, 'json', 'U+FFFD encoded as EF BF BD is valid UTF-8');
    assert.deepEqual(replacement.json, { name: 'caf\uFFFD', n: 1 });
    assert.equal(decodePayload(Buffer.from('log line \uFFFD')).text, 'log line \uFFFD');
    assert.equal(decodePayload(Buffer.concat([Buffer.from('{"name":"caf'), bytes(0xe9), Buffer.from('"}')])).kind, 'binary', 'Latin-1 é is not UTF-8');
    const bom = decodePayload(Buffer.from('\uFEFF{"a":1}'));
    assert.equal(bom.kind, 'json');
    assert.equal(bom.text, '{"a":1}');
  });

  it('treats ASCII-clean data with control bytes as binary, but keeps tabs, newlines and ANSI colours as text', () => {
    assert.equal(decodePayload(Buffer.from('id\u0000name\u0001')).kind, 'binary');
    assert.equal(decodePayload(Buffer.from('\u001b[31mERROR\u001b[0m disk full\f\v')).kind, 'text');
  });

  it('parses JSON objects, arrays and primitives, with surrounding whitespace', () => {
    const cases: Array<[string, unknown]> = [
      ['{"a":{"b":[1,null,true]}}', { a: { b: [1, null, true] } }],
      ['  [1, "two"]\n', [1, 'two']],
      ['42', 42],
      ['-3.5e2', -350],
      [' true ', true],
      ['null', null],
      ['"quoted"', 'quoted'],
    ];
    for (const [text, value] of cases) {
      const d = decodePayload(Buffer.from(text));
      assert.equal(d.kind, 'json', text);
      assert.deepEqual(d.layers, ['json'], text);
      assert.deepEqual(d.json, value, text);
      assert.equal(d.text, text, 'the source text is kept');
    }
  });

  it('leaves text that is not entirely JSON as text', () => {
    for (const text of ['hello', '{"a":1} trailing', '{not json', '123abc', 'nullable', '[1,2', ' ']) {
      const d = decodePayload(Buffer.from(text));
      assert.equal(d.kind, 'text', text);
      assert.equal(d.json, undefined, text);
      assert.equal(d.text, text);
    }
  });

  it('decodes an empty payload as empty text', () => {
    assert.deepEqual(decodePayload(new Uint8Array(0)), { kind: 'text', layers: ['text'], text: '', size: 0 });
  });

  it('survives absurdly nested JSON', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const d = decodePayload(Buffer.from(deep));
    assert.ok(d.kind === 'json' || d.kind === 'text');
  });

  it('never throws on inputs that are not bytes at all', () => {
    const junk = [undefined, null, 'string', 42, {}, [1, 2]] as unknown[];
    for (const j of junk) {
      assert.equal(decodePayload(j as Uint8Array).size, 0);
      const out = expandRecord(j as RawRecord);
      assert.equal(out.length, 1);
      assert.equal(out[0].partitionKey, '');
    }
    const hostile = {
      get data(): Uint8Array {
        throw new Error('boom');
      },
      partitionKey: 'k',
    };
    assert.match(expandRecord(hostile).at(0)?.decoded.warnings?.[0] ?? '', /decoder error: boom/);
  });
});

describe('decode: hex dump', () => {
  it('matches the layout of hexdump -C', () => {
    // Expected output copied from `printf 'Kinesis\x00\x01\x02\xff records\n\tend\x7f' | hexdump -C`.
    const data = Buffer.from('Kinesis\u0000\u0001\u0002', 'latin1');
    const all = Buffer.concat([data, bytes(0xff), Buffer.from(' records\n\tend\u007f', 'latin1')]);
    assert.equal(
      hexDump(all, 1024),
      '00000000  4b 69 6e 65 73 69 73 00  01 02 ff 20 72 65 63 6f  |Kinesis.... reco|\n' +
        '00000010  72 64 73 0a 09 65 6e 64  7f                       |rds..end.|',
    );
  });

  it('is what binary payloads carry', () => {
    const data = bytes(0x00, 0x9f, 0x41);
    assert.equal(decodePayload(data).hex, hexDump(data, 1024));
    assert.equal(hexDump(new Uint8Array(0)), '');
  });

  it('stops at the cap and says how much was left out', () => {
    const data = new Uint8Array(40).fill(0xab);
    const dump = hexDump(data, 16);
    const lines = dump.split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[1], '… 24 more bytes not shown (16 of 40)');
    const d = decodePayload(Uint8Array.from({ length: 100 * 1024 }, (_, i) => (i % 7 === 0 ? 0xff : i % 256)));
    const defaultLines = d.hex?.split('\n') ?? [];
    assert.equal(defaultLines.length, (64 * 1024) / 16 + 1, 'default cap is 64 KiB');
    assert.match(defaultLines.at(-1) ?? '', /^… 36,864 more bytes not shown \(65,536 of 102,400\)$/);
    assert.equal(d.size, 100 * 1024, 'size is the whole payload, not what is shown');
    assert.equal(decodePayload(data, { maxHexBytes: 0 }).hex, '… 40 more bytes not shown (0 of 40)');
  });
});
