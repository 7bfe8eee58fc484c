// A field filter that reads only top-level keys of `value` parses just those values (found by a
// strict one-pass walk of the body's UTF-8); its result must be exactly the whole parse's, on any
// body: these compare the two on thousands of generated bodies, valid and not.
import assert from 'node:assert/strict';
import { compileCelFilter, type FilterSubject } from '../../../../src/tail/shared/celFilter';
import { topLevelSpans } from '../../../../src/tail/shared/topLevelFields';
import { seededRandom } from '../../../support/seededRandom';

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function spansOf(body: string, keys: string[]): Array<string | undefined> | undefined {
  const bytes = encoder.encode(body);
  const spans: number[] = [];
  if (!topLevelSpans(bytes, bytes.length, keys.map((k) => encoder.encode(k)), spans)) return undefined;
  const decoder = new TextDecoder();
  return keys.map((_, k) => (spans[2 * k] < 0 ? undefined : decoder.decode(bytes.subarray(spans[2 * k], spans[2 * k + 1]))));
}

function fieldsOf(source: string): readonly string[] | undefined {
  const f = compileCelFilter(source);
  if (!f.ok) assert.fail(`${source}: ${f.error.message}`);
  return f.fields;
}

describe('field filter: top-level fields read alone', () => {
  it('knows which filters read only fixed top-level keys of value', () => {
    assert.deepEqual(fieldsOf('temperature > 85'), ['temperature']);
    assert.deepEqual(fieldsOf('value.temperature > 85'), ['temperature']);
    assert.deepEqual(fieldsOf('value["status"] == "WARN" && value.?level.orValue("") == "x"'), ['status', 'level']);
    assert.deepEqual(fieldsOf('value[?"my key"].orValue(null) == 1'), ['my key']);
    assert.deepEqual(fieldsOf('value.a.b.c == 1 || value.a[0] == 2'), ['a']);
    assert.deepEqual(fieldsOf('$.items[*].qty == 0'), ['items']);
    assert.deepEqual(fieldsOf('value.items.exists(x, x.qty == 0)'), ['items']);
    assert.deepEqual(fieldsOf('level in ["WARN", "ERROR"] and msg contains "disk"'), ['level', 'msg']);
    assert.deepEqual(fieldsOf('size > 10 && key.startsWith("k")'), []);
    // A short form's bare names are JSON fields, `value` too.
    assert.deepEqual(fieldsOf('value == null'), ['value']);
    assert.deepEqual(fieldsOf('value.n == 1u && value.d == 1.5 && value.b == b"x"'), ['n', 'd', 'b']);
  });

  it('keeps the whole parse when value is read any other way', () => {
    for (const source of [
      'value == {}',
      'value != null && size > 0u',
      'has(value.a)',
      'has(value.a.b)',
      'values(value).exists(x, x == 1)',
      '$ == 1',
      'value[key] == 1',
      'value[0] == 1',
      'value.size() > 2',
      'size(value) > 2',
      '"a" in value',
      '[1].exists(value, value == 1)',
      'value.__proto__ == null',
      'value["\\uFFFD"] == 1',
      'value["\\U0001F600"] == 1',
      'type(value) == map',
    ]) {
      assert.equal(fieldsOf(source), undefined, source);
    }
  });

  it('finds the last occurrence of each key, past nested values and strings with brackets', () => {
    assert.deepEqual(spansOf('{"a":1,"b":{"a":2,"s":"}{][\\""},"c":[{"a":[3]}],"a":-4.5e+3 }', ['a', 'b', 'z']), ['-4.5e+3', '{"a":2,"s":"}{][\\""}', undefined]);
    assert.deepEqual(spansOf(' \n{ "é" : "ü\\u00e9" ,"t":true,"f":false,"n":null}\t', ['é', 't', 'f', 'n']), ['"ü\\u00e9"', 'true', 'false', 'null']);
    assert.deepEqual(spansOf('{}', ['a']), [undefined]);
  });

  it('refuses what is not exactly one JSON object, and escaped keys', () => {
    for (const body of [
      '[1]', '1', '"a"', 'null', '', ' ', '{', '{"a":1', '{"a":1,}', '{"a":1}x', '{"a":1}{}', '{"a" 1}', '{a:1}', "{'a':1}",
      '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":1e}', '{"a":-}', '{"a":+1}', '{"a":tru}', '{"a":nul}', '{"a":"\\x"}', '{"a":"\\u12G4"}',
      '{"a":"tab\there"}', '{"a":[1,]}', '{"a":[1 2]}', '{"a":{"b"}}', '{"a":{"b":1,}}', '{"a":{,}}', '{"\\u0061":1}', '{"a\\"b":1}',
      '\uFEFF{"a":1}', '{"a":1}\u00a0', '{"a":NaN}', '{"a":Infinity}', '{"a":"x"\u0000}',
    ]) {
      assert.equal(spansOf(body, ['a']), undefined, body);
    }
  });

  it('gives every filter the same rows as the whole parse, on thousands of generated bodies', function () {
    this.timeout(60_000);
    const rng = seededRandom(0x16c0ffee);
    const bodies = Array.from({ length: 4000 }, () => body(rng));
    const filters = [
      'temperature > 85', 'status == "WARN"', 'level in ["WARN", "ERROR"]', 'msg contains "disk"', 'a.b == 1', 'temperature', 'flag == true',
      'missing == null', 'not (status == "OK")', '$.items[*].qty == 0', '$["my key"] == "x y"', 'big == 12345678901234567890', 'temperature != 85',
      'value.temperature > 85', 'value["status"] == "WARN"', 'value.a.b == 1', 'value.?temperature.orValue(0) >= 10', 'value.big == 12345678901234567890u',
      'value.big > 100', 'value.status == "WARN" || value.flag', 'size > 10 && value.temperature < 0', 'value["é"] == "ü"', 'value.temperature == -0.0',
      'value.msg.contains("]")', 'value.a.b == null', 'value.items.exists(i, i.qty == 0)', 'value.status.startsWith("W")', 'value.flag == false',
      'value.n == null', 'value.temperature == 85.5', 'value.big == 9007199254740993', 'value.s == "\\"q\\""', 'value.a == {"b": 1}',
      'has(value.a)', 'value == {}', 'values(value).exists(x, x == 1)', 'value == null',
    ];
    let picked = 0;
    for (const source of filters) {
      const fast = compileCelFilter(source, { pick: 'always' });
      const whole = compileCelFilter(source, { pick: 'never' });
      if (!fast.ok || !whole.ok) assert.fail(`${source} does not compile`);
      if (fast.fields) picked++;
      bodies.forEach((b, i) => {
        const subject: FilterSubject = { shardId: 's', partitionKey: 'k', kind: 'json', body: b, bodyTruncated: false, size: b.length };
        const expected = whole.matches(subject);
        assert.equal(fast.matches(subject), expected, `${source} on body ${i}: ${b}`);
        // The webview's rows hand over their UTF-8 (a body with a lone surrogate stays text there).
        if (!LONE_SURROGATE.test(b)) assert.equal(fast.matches({ ...subject, bodyUtf8: encoder.encode(b) }), expected, `${source} on the bytes of body ${i}: ${b}`);
      });
    }
    assert.ok(picked >= filters.length - 3, `${picked} of ${filters.length} filters read fields alone`);
  });

  it('matches the same rows before and after it stops picking values that are most of each body', () => {
    const source = 'value.detail.line == 2';
    const auto = compileCelFilter(source);
    const whole = compileCelFilter(source, { pick: 'never' });
    if (!auto.ok || !whole.ok) assert.fail(source);
    for (let i = 0; i < 3000; i++) {
      const b = JSON.stringify({ id: i, detail: { line: i % 5, note: `order ${i} accepted by the payment gateway after fraud checks`, readings: [1.5, i % 7] }, ok: true });
      const subject: FilterSubject = { shardId: 's', partitionKey: 'k', kind: 'json', body: b, bodyTruncated: false };
      assert.equal(auto.matches(subject), whole.matches(subject), b);
      assert.equal(auto.matches(subject), i % 5 === 2);
    }
  });
});

// ---- generated bodies -----------------------------------------------------------------------------

type Rng = () => number;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

const KEYS = ['temperature', 'status', 'level', 'msg', 'a', 'b', 'flag', 'items', 'big', 'n', 's', 'my key', 'é', 'qty', 'missing', 'x'];
/** Raw JSON key texts, some escaped (an escaped "status" is still status to JSON.parse). */
const RAW_KEYS = [...KEYS.map((k) => JSON.stringify(k)), '"sta\\u0074us"', '"temp\\u0065rature"', '"a\\"b"', '"\\ud800"'];
const STRINGS = ['"WARN"', '"OK"', '"ERROR"', '"WAR\\u004e"', '"disk full"', '"Disk ] almost { full"', '"\\"q\\""', '"ü"', '"😀 \\ud83d\\ude00"', '"x y"', '"\\\\"', '"a\\/b\\n\\t"', '""', '"12345678901234567890"', '"\\ud800"', '"\ud800"'];
const NUMBERS = ['85', '86', '85.5', '-0', '0', '-12', '1e2', '8.5E+1', '12345678901234567890', '9007199254740993', '25.490000000000002', '-1.5e-3', '18446744073709551616'];

function value(rng: Rng, depth: number): string {
  const r = rng();
  if (depth < 3 && r < 0.12) return object(rng, depth + 1);
  if (depth < 3 && r < 0.22) {
    const n = Math.floor(rng() * 4);
    return `[${Array.from({ length: n }, () => value(rng, depth + 1)).join(pick(rng, [',', ', ', ' ,\n']))}]`;
  }
  if (r < 0.5) return pick(rng, NUMBERS);
  if (r < 0.8) return pick(rng, STRINGS);
  return pick(rng, ['true', 'false', 'null']);
}

function object(rng: Rng, depth: number): string {
  const n = Math.floor(rng() * (depth === 0 ? 9 : 4));
  const ws = (): string => pick(rng, ['', '', ' ', '\n  ', '\t']);
  const members = Array.from({ length: n }, () => {
    const key = rng() < 0.85 ? JSON.stringify(pick(rng, KEYS)) : pick(rng, RAW_KEYS);
    // A nested {"b": 1} and {"qty": 0} now and then, so the nested filters match some rows.
    const v = rng() < 0.1 ? pick(rng, ['{"b":1}', '[{"qty":0}]', '{"b":null}']) : value(rng, depth);
    return `${ws()}${key}${ws()}:${ws()}${v}${ws()}`;
  });
  return `{${members.join(',')}}`;
}

function body(rng: Rng): string {
  const r = rng();
  const text = r < 0.08 ? value(rng, 1) : object(rng, 0);
  const mutate = rng();
  if (mutate < 0.08) return text.slice(0, Math.floor(rng() * text.length)); // truncated
  if (mutate < 0.14) {
    const at = Math.floor(rng() * text.length);
    return text.slice(0, at) + pick(rng, ['}', ']', ',', '"', ':', '\\', 'x', '0', ' ', '\u0001']) + text.slice(at + 1); // one byte changed
  }
  if (mutate < 0.17) return `${text}${pick(rng, [' ', '\n', ' x', '{}', ','])}`;
  return text;
}
