// Large JSON numbers stay exact from decoding to the tree, the field filter and every export:
// 12345678901234567890 (beyond 2^53) and 0.1000000000000000055511151231257827 (more digits than a
// double keeps) come out as they went in.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import { compareNumbers, isExactNumber, needsExactParse, parseJsonExact, stringifyJson } from '../../../../src/kinesis/decode/exactJson';
import { serializeExport, type ExportItem } from '../../../../src/tail/shared/exportFormat';
import { compileView } from '../../../../src/tail/shared/filter';
import { toRecordRow } from '../../../../src/tail/shared/recordRow';

const BIG = '12345678901234567890';
const DEC = '0.1000000000000000055511151231257827';
const PAYLOAD = `{"big":${BIG},"dec":${DEC},"small":42,"ok":0.5,"list":[${BIG},1]}`;

function row() {
  const decoded = decodePayload(Buffer.from(PAYLOAD));
  return { decoded, row: toRecordRow({ id: 1, shardId: 'shardId-000000000000', sequenceNumber: '1', partitionKey: 'k', arrival: 0, size: PAYLOAD.length, decoded }) };
}

describe('exact JSON numbers', () => {
  it('the cheap scan sends only long digit runs to the exact parser', () => {
    assert.equal(needsExactParse('{"a":1,"b":123456789012345,"c":0.25}'), false);
    assert.equal(needsExactParse(`{"a":${BIG}}`), true);
    assert.equal(needsExactParse(`{"a":${DEC}}`), true);
    assert.equal(needsExactParse('{"a":123456789.12345678}'), true, '17 significant digits across a dot');
    assert.equal(needsExactParse(BIG), true, 'a top-level number');
    assert.equal(needsExactParse(`{"pad":"${'x'.repeat(37)}","a":[-${BIG}]}`), true, 'after a sign, at any offset');
    assert.equal(needsExactParse('{"id":"37000000000000000000000000000000000000000000000000000000"}'), false, 'digits in a string (a CloudWatch Logs event id)');
  });

  it('the scan skips digit strings but never a number after them', () => {
    const ids = (n: number): string => Array.from({ length: n }, (_, k) => `{"id":"${'3'.repeat(50)}${k}","t":1795000000000}`).join(',');
    // Every offset: the jump over a quoted run must land before the number that follows it.
    for (let pad = 0; pad < 20; pad++) {
      const p = 'x'.repeat(pad);
      assert.equal(needsExactParse(`{"${p}":"${'9'.repeat(40)}","a":${BIG}}`), true, `big integer after a digit string, pad ${pad}`);
      assert.equal(needsExactParse(`["${p}${'9'.repeat(17)}",-${BIG}]`), true, `negative, pad ${pad}`);
      assert.equal(needsExactParse(`{"${p}":"a\\"${'1'.repeat(30)}\\"b","d":${DEC}}`), true, `escaped quotes around digits, pad ${pad}`);
      assert.equal(needsExactParse(`{"${p}":[${ids(3)}],"e":1.2345678901234567e+300}`), true, `exponent after log events, pad ${pad}`);
      assert.equal(needsExactParse(`{"${p}":[${ids(3)}],"e":1.5e+300,"d":0.25}`), false, `only strings and short numbers, pad ${pad}`);
    }
    assert.equal(needsExactParse(`{"s":"${BIG}"}`), false, 'a big integer inside a string');
    assert.equal(needsExactParse(`{"s":"${'1'.repeat(40)}`), false, 'an unterminated string (JSON.parse throws either way)');
    for (const text of [`{"s":"${BIG}","n":${BIG}}`, `["${DEC}",${DEC}]`, `{"a":"x\\"${BIG}","b":-${BIG}}`]) {
      const value = parseJsonExact(text) as Record<string, unknown>;
      assert.equal(stringifyJson(value), text, 'the string stays a string and the number stays exact');
    }
  });

  it('the scan finds a run of 16 at every offset and length, up to the last character', () => {
    // The scan reads every 16th character and walks a run only when the characters 8 either side
    // allow 16: a run must be found wherever it starts and however the text ends.
    for (let pad = 0; pad < 40; pad++) {
      for (let digits = 12; digits <= 20; digits++) {
        const n = '9'.repeat(digits);
        const long = digits >= 16;
        assert.equal(needsExactParse(`{"${'x'.repeat(pad)}":${n}}`), long, `object, pad ${pad}, ${digits} digits`);
        assert.equal(needsExactParse(`${' '.repeat(pad)}${n}`), long, `top level, ending the text, pad ${pad}, ${digits} digits`);
        assert.equal(needsExactParse(`[${'1,'.repeat(pad)}${n.slice(0, 4)}.${n.slice(4)}]`), digits + 1 >= 16, `decimal, pad ${pad}, ${digits} digits`);
        assert.equal(needsExactParse(`{"${'x'.repeat(pad)}":"${n}"}`), false, `a string, pad ${pad}, ${digits} digits`);
      }
    }
  });

  it('the scan agrees with a plain walk of every run on random JSON-like text', () => {
    // Reference: a run of 16+ digits and dots that starts where a number can (after : , [ or at
    // the start, past whitespace and a sign) and is not right after a quote.
    const reference = (text: string): boolean => {
      for (const m of text.matchAll(/[\d.]{16,}/g)) {
        const before = text.slice(0, m.index).replace(/[-\s]+$/, '');
        if (text[(m.index ?? 0) - 1] === '"') continue;
        if (before === '' || /[:,[]$/.test(before)) return true;
      }
      return false;
    };
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '0123456789.0123456789::,,[ -ab}{';
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = 10 + Math.floor(next() * 90);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      assert.equal(needsExactParse(text), reference(text), JSON.stringify(text));
    }
  });

  it('decodes them exactly and keeps plain numbers plain', () => {
    const { decoded } = row();
    const json = decoded.json as Record<string, unknown>;
    assert.ok(isExactNumber(json.big) && json.big.value === BIG);
    assert.ok(isExactNumber(json.dec) && json.dec.value === DEC);
    assert.equal(json.small, 42);
    assert.equal(json.ok, 0.5);
  });

  it('the row body (what the tree parses) and the tree model carry the exact digits', () => {
    const { row: r } = row();
    assert.equal(r.body, PAYLOAD);
    const tree = parseJsonExact(r.body) as Record<string, unknown>;
    // The webview's JsonTree renders an exact number as its `value`.
    assert.ok(isExactNumber(tree.big) && tree.big.value === BIG);
    assert.ok(isExactNumber(tree.dec) && tree.dec.value === DEC);
    assert.equal(stringifyJson(tree, 2)?.includes(`"big": ${BIG}`), true);
  });

  it('a field filter compares exactly', () => {
    const { row: r } = row();
    const match = (field: string): boolean => compileView({ text: '', field, hiddenShards: [] }).matches(r);
    assert.equal(match(`$.big == ${BIG}`), true);
    assert.equal(match('$.big == 12345678901234567000'), false, 'the rounded double is another number');
    assert.equal(match('$.big == 12345678901234567891'), false);
    assert.equal(match('$.big > 12345678901234567889'), true);
    assert.equal(match('$.big < 12345678901234567891'), true);
    assert.equal(match(`$.dec == ${DEC}`), true);
    // CEL has int, uint and double but no decimal: a decimal with more digits than a double keeps
    // compares as the nearest double (which is what 0.1 is, too).
    assert.equal(match('$.dec == 0.1'), true);
    assert.equal(match('$.dec > 0.1'), false);
    assert.equal(match(`$.list[0] == ${BIG}`), true);
    assert.equal(match(`$.list contains ${BIG}`), true);
    assert.equal(match('$.small == 42'), true);
    assert.equal(match('$.big.value == "12345678901234567890"'), false, 'an exact number is a leaf');
  });

  it('compares mixed forms exactly', () => {
    const big = parseJsonExact(`[${BIG}]`) as unknown[];
    assert.ok(isExactNumber(big[0]));
    if (!isExactNumber(big[0])) return;
    assert.equal(compareNumbers(big[0], 1e19), 1);
    assert.equal(compareNumbers(big[0], 2e19), -1);
    assert.equal(compareNumbers(-1, big[0]), -1);
  });

  it('NDJSON, JSON and CSV exports write the exact digits', () => {
    const { decoded } = row();
    const item: ExportItem = { shardId: 'shardId-000000000000', sequenceNumber: '1', partitionKey: 'k', arrival: 0, size: 1, layers: decoded.layers, kind: 'json', json: decoded.json, text: decoded.text };
    const ndjson = serializeExport([item], 'ndjson');
    assert.ok(ndjson.includes(`"data":${PAYLOAD}`), ndjson);
    const json = serializeExport([item], 'json');
    assert.ok(json.includes(`"data":${PAYLOAD}`), json);
    const csv = serializeExport([item], 'csv');
    assert.ok(csv.includes(`"${PAYLOAD.replace(/"/g, '""')}"`), csv);
    // And they parse back exactly.
    const back = parseJsonExact(ndjson.trim()) as { data: Record<string, unknown> };
    assert.ok(isExactNumber(back.data.big) && back.data.big.value === BIG);
    assert.ok(isExactNumber(back.data.dec) && back.data.dec.value === DEC);
  });

  it('a document with duplicate keys still parses as JSON.parse would', () => {
    assert.deepEqual(parseJsonExact(`{"a":1,"a":2,"n":"${BIG}"}`), { a: 2, n: BIG });
  });
});
