import assert from 'node:assert/strict';
import { shortenLongNumbers, cutText, formatBytes, formatLag, formatTime, jsonDepth, makePreview, recordPart, revealControls, shortSequence, shortShard } from '../../../../src/tail/shared/display';

describe('display helpers', () => {
  it('says which part of its Kinesis record a row is (KPL sub-record, CloudWatch Logs event)', () => {
    assert.equal(recordPart({}), '');
    assert.equal(recordPart({ subSequenceNumber: 2 }), ' #2');
    assert.equal(recordPart({ log: { index: 2, count: 50 } }), ' · event 3/50');
    assert.equal(recordPart({ subSequenceNumber: 0, log: { index: 0, count: 5 } }, true), ' #0 ·1/5');
  });

  it('shows control, bidi and invisible characters', () => {
    assert.equal(revealControls('a\u0000b\u001bc\u007f'), 'a\u2400b\u241bc\u2421');
    assert.equal(revealControls('x\u202Ey\u2066z\u200Bw\uFEFF'), 'x<U+202E>y<U+2066>z<U+200B>w<U+FEFF>');
    assert.equal(revealControls('keep\nnew\tlines'), 'keep\nnew\tlines');
    assert.equal(revealControls('plain ascii and ünïcödé 😀'), 'plain ascii and ünïcödé 😀');
  });

  it('makes one-line previews of bounded length', () => {
    assert.equal(makePreview('a\r\nb\nc\td'), 'a ↵ b ↵ c d');
    assert.equal(makePreview('x'.repeat(1024 * 1024), 50), `${'x'.repeat(49)}…`);
    assert.equal(makePreview('short', 50), 'short');
    const p = makePreview(`${'a'.repeat(9)}😀😀`, 11);
    assert.equal(p, `${'a'.repeat(9)}…`, 'a surrogate pair is never split');
    assert.ok(!makePreview('\u001b[31m', 20).includes('\u001b'));
  });

  it('cuts text without splitting surrogate pairs', () => {
    assert.equal(cutText('ab😀', 3), 'ab');
    assert.equal(cutText('ab😀', 4), 'ab😀');
  });

  it('formats times, sizes, lags and identifiers', () => {
    const t = Date.UTC(2026, 10, 23, 9, 5, 7, 42);
    assert.equal(formatTime(t, 'utc'), '09:05:07.042');
    const d = new Date(t);
    assert.equal(formatTime(t, 'local'), `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:07.042`);
    assert.equal(formatTime(Number.NaN, 'utc'), '—');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MB');
    assert.equal(formatLag(250), '250 ms');
    assert.equal(formatLag(1500), '1.5 s');
    assert.equal(formatLag(180_000), '3 min');
    assert.equal(shortSequence('49590338271490256608559692538361571095921575989136588898'), '…989136588898');
    assert.equal(shortSequence('12345'), '12345');
    assert.equal(shortShard('shardId-000000000012'), '#12');
    assert.equal(shortShard('shardId-000000000000'), '#0');
    assert.equal(shortShard('x'.repeat(30)), `${'x'.repeat(23)}…`);
  });

  it('measures JSON depth outside strings, stopping early', () => {
    assert.equal(jsonDepth('1'), 0);
    assert.equal(jsonDepth('{"a":[1,{"b":2}]}'), 3);
    assert.equal(jsonDepth('{"a":"[[[[{{{"}'), 1, 'brackets in strings do not count');
    assert.equal(jsonDepth('["\\"[[["]'), 1, 'escaped quotes stay inside the string');
    assert.equal(jsonDepth('['.repeat(5000) + ']'.repeat(5000), 64), 65, 'stops past the limit');
  });

  it('shortens long numbers in titles to their last digits', () => {
    const seq = '49590338271490256608559692538361571095921575989136588898';
    assert.equal(shortenLongNumbers(`AT_SEQUENCE_NUMBER ${seq}`), 'AT_SEQUENCE_NUMBER …36588898');
    assert.equal(shortenLongNumbers('AT_TIMESTAMP 2026-11-23 10:00'), 'AT_TIMESTAMP 2026-11-23 10:00');
  });
});
