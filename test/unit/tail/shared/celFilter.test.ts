// The field filter speaks CEL (through @marcbachmann/cel-js), and the short forms from before CEL
// are rewritten to CEL with their old meaning: these are the old parser's cases, kept.
import assert from 'node:assert/strict';
import { compileFieldFilter, type FilterSubject } from '../../../../src/tail/shared/filter';
import { parseShortForm, resolvePath, toCel } from '../../../../src/tail/shared/shortForm';

const doc = {
  temperature: 80,
  level: 'WARN',
  user: 'u1',
  a: { b: null, c: { d: 'deep' } },
  items: [{ sku: 'x1', qty: 2 }, { sku: 'y2', qty: 0 }],
  tags: ['red', 'Blue'],
  'my key': 'spaced',
  msg: 'Disk Almost Full',
  neg: -5,
  flag: false,
};

const subject = (value: unknown, o: Partial<FilterSubject> = {}): FilterSubject => ({
  shardId: 'shardId-000000000001', partitionKey: 'sensor-7', kind: 'json', body: JSON.stringify(value), bodyTruncated: false,
  sequenceNumber: '49650000000000000000000000000000000000000000000000000001', arrival: Date.UTC(2026, 10, 30, 4, 0, 0), size: 120, ...o,
});

function ev(src: string, value: unknown = doc, o: Partial<FilterSubject> = {}): boolean {
  const f = compileFieldFilter(src);
  if (!f.ok) assert.fail(`${src}: ${f.error.message} at ${f.error.position}`);
  return f.matches(subject(value, o));
}

function error(src: string): { message: string; position: number } {
  const f = compileFieldFilter(src);
  assert.equal(f.ok, false, `${src} should not compile`);
  return f.ok ? { message: '', position: -1 } : f.error;
}

describe('field filter: CEL', () => {
  it('reads the record variables', () => {
    assert.equal(ev('value.temperature > 75 && value.level == "WARN"'), true);
    assert.equal(ev('value.user in ["u1", "u2"]'), true);
    assert.equal(ev('key.startsWith("sensor-") && shard.endsWith("1")'), true);
    assert.equal(ev('size >= 100 && kind == "json" && has(value.temperature)'), true, 'not a short form (has() is CEL): the record\'s size and kind');
    assert.equal(ev('arrival > timestamp("2026-11-30T03:59:59Z") && arrival < timestamp("2026-11-30T04:00:01Z")'), true);
    assert.equal(ev('seq.endsWith("001")'), true);
    assert.equal(ev('text.contains("Almost")'), true);
    assert.equal(ev('value.items.exists(i, i.qty == 0)'), true);
    assert.equal(ev('value.items.all(i, i.qty > 0)'), false);
    assert.equal(ev('size(value.tags) == 2'), true);
    assert.equal(ev('value.msg.matches("^Disk")'), true);
  });

  it('a filter that is also a short form keeps its old meaning: bare names are JSON fields', () => {
    const payload = { kind: 'move', size: 3, key: 'k1' };
    assert.equal(ev('kind == "move"', payload), true, 'the payload\'s kind, as before CEL');
    assert.equal(ev('size < 10 and key == "k1"', payload), true);
    assert.equal(ev('kind == "json" && key.startsWith("sensor")', payload), true, 'CEL (a method call): the record\'s kind and key');
    assert.equal(ev('value.kind == "move"', payload), true, 'value.… is always CEL');
    assert.equal(ev('value == 4', { value: 4 }), true, 'a bare value is still the JSON field of that name');
  });

  it('a missing key or a type mismatch on a record is no match, not an error', () => {
    assert.equal(ev('value.nothing == 1'), false);
    assert.equal(ev('value.level > 3'), false);
    assert.equal(ev('has(value.nothing)'), false);
    assert.equal(ev('!has(value.nothing)'), true);
    assert.equal(ev('value.x == 1', 'not json', { kind: 'text', body: 'not json' }), false);
    assert.equal(ev('value.temperature > 75', doc, { bodyTruncated: true }), false, 'a cut body is not parsed');
  });

  it('reads CloudWatch Logs event rows through log', () => {
    const log = { group: '/aws/lambda/checkout', stream: '2026/11/30/[$LATEST]ab', id: '1', timestamp: Date.UTC(2026, 10, 30), index: 2, count: 5, level: 'WARN', requestId: 'r-1' };
    const row = { log, body: '{"level":"warn","status":"WARN"}' };
    assert.equal(ev('log.group.startsWith("/aws/lambda/") && log.level == "WARN" && log.requestId == "r-1"', null, row), true);
    assert.equal(ev('log.message.contains("status")', null, row), true);
    assert.equal(ev('$.status == "WARN"', null, row), true, 'a short form reaches the parsed message');
    assert.equal(ev('log.group == "x"'), false, 'a row that is no log event has no log fields');
    assert.equal(ev('!has(log.group)'), true);
  });

  it('compares integers beyond 2^53 exactly, as int or uint', () => {
    const body = '{"id":9007199254740993,"big":12345678901234567890}';
    const o = { body };
    assert.equal(ev('value.id == 9007199254740993', null, o), true);
    assert.equal(ev('value.id == 9007199254740992', null, o), false, 'the double next to it is another number');
    assert.equal(ev('value.id > 9007199254740992', null, o), true);
    assert.equal(ev('value.big == 12345678901234567890u', null, o), true);
    assert.equal(ev('value.big > 12345678901234567889u', null, o), true);
    assert.equal(ev('value.big < 12345678901234567891u', null, o), true);
    assert.equal(ev('$.big == 12345678901234567890', null, o), true, 'the short form writes the uint for you');
    assert.equal(ev('$.big == 12345678901234567891', null, o), false);
  });

  it('reports errors with their position', () => {
    assert.deepEqual(error('value.temperature > '), { message: 'Syntax error: Unexpected token: EOF', position: 20 });
    assert.equal(error('value.x ~ 1').position, 8);
    assert.match(error('size.startsWith("1")').message, /Type error/, 'a CEL type error that is no short form either');
    assert.match(error('size + 1').message, /true or false/);
    assert.equal(error('(value.x == 1').position, 13);
    assert.equal(error('').message, 'Empty filter');
    assert.match(error(`value.x == "${'x'.repeat(1000)}"`).message, /at most 1000 characters/);
    assert.equal(compileFieldFilter(`${'('.repeat(40)}true${')'.repeat(40)}`).ok, false, 'nesting is limited');
  });

  it('is a data language, not code: nothing outside the record is reachable', () => {
    for (const src of ['constructor.constructor("return 1")()', 'process.exit()', 'require("fs")', 'a == `x`']) {
      assert.equal(compileFieldFilter(src).ok, false, src);
    }
    assert.equal(ev('constructor == null', {}), true, 'inherited properties are not reachable');
    assert.equal(ev('__proto__ == null', {}), true);
    assert.equal(ev('has(value.constructor)', {}), false);
  });
});

describe('field filter: short forms from before CEL', () => {
  it('compares numbers and strings', () => {
    assert.equal(ev('temperature > 75'), true);
    assert.equal(ev('temperature > 80'), false);
    assert.equal(ev('temperature >= 80'), true);
    assert.equal(ev('temperature < 80.5'), true);
    assert.equal(ev('neg <= -5'), true);
    assert.equal(ev('neg>-6'), true);
    assert.equal(ev('$.user == "u1"'), true);
    assert.equal(ev("$.user == 'u2'"), false);
    assert.equal(ev('user = "u1"'), true, '= is ==');
    assert.equal(ev('level > "A"'), true, 'strings order lexicographically');
    assert.equal(ev('level > 3'), false, 'a string never orders against a number');
    assert.equal(ev('flag == false'), true);
  });

  it('treats missing as null and != as the negation of ==', () => {
    assert.equal(ev('$.a.b != null'), false, 'present but null');
    assert.equal(ev('$.a.c != null'), true);
    assert.equal(ev('$.a.zzz == null'), true, 'missing equals null');
    assert.equal(ev('$.a.zzz != null'), false);
    assert.equal(ev('a.c.d == "deep"'), true, 'bare paths start at the root');
  });

  it('supports in, contains, exists, not, and/or with precedence and parentheses', () => {
    assert.equal(ev('level in ["WARN","ERROR"]'), true);
    assert.equal(ev('level in ["INFO"]'), false);
    assert.equal(ev('level in []'), false);
    assert.equal(ev('msg contains "almost"'), true, 'contains ignores case');
    assert.equal(ev('tags contains "red"'), true, 'arrays contain an equal element');
    assert.equal(ev('tags contains "blue"'), false, 'elements compare exactly');
    assert.equal(ev('a.c'), true, 'a bare path means present and not null');
    assert.equal(ev('a.b'), false);
    assert.equal(ev('not temperature > 90'), true);
    assert.equal(ev('!(temperature > 90)'), true);
    assert.equal(ev('level == "INFO" or temperature > 75 and user == "u1"'), true, 'and binds tighter than or');
    assert.equal(ev('(level == "INFO" or temperature > 75) and user == "u2"'), false);
    assert.equal(ev('level == "WARN" && user == "u1" || false_key'), true);
  });

  it('walks indexes, quoted keys and wildcards', () => {
    assert.equal(ev('$.items[1].sku == "y2"'), true);
    assert.equal(ev('items.0.qty == 2'), true);
    assert.equal(ev('$.items[5].sku == null'), true);
    assert.equal(ev('$["my key"] == "spaced"'), true);
    assert.equal(ev('$.items[*].qty == 0'), true, 'any element matches');
    assert.equal(ev('$.items[*].qty > 5'), false);
    assert.equal(ev('$.items[*].qty != 7'), true, 'no element equals 7');
    assert.equal(ev('$.items.*.sku in ["x1"]'), true);
    assert.equal(ev('$.a.*.d == "deep"'), true, '* also walks the values of an object');
    assert.equal(ev('$ == "ping"', 'ping'), true, '$ is the whole value');
    assert.equal(ev('temperature > 1', 'not an object'), false);
  });

  it('reads escapes in strings', () => {
    assert.equal(ev('$.s == "a\\"b\\\\c\\n\\u00e9"', { s: 'a"b\\c\né' }), true);
  });

  it('says which CEL it runs', () => {
    assert.equal(toCel(parseShortForm('temperature > 75')), 'value.?temperature.orValue(null) > 75');
    assert.equal(toCel(parseShortForm('$.user == "u1"')), 'value.?user.orValue(null) == "u1"');
    const f = compileFieldFilter('level in ["WARN","ERROR"]');
    assert.ok(f.ok && f.rewritten && f.cel === 'value.?level.orValue(null) in ["WARN", "ERROR"]');
    const g = compileFieldFilter('value.level == "WARN"');
    assert.ok(g.ok && !g.rewritten);
  });

  it('resolves column paths iteratively in a 10,000-level document', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const path = Array.from({ length: 10_000 }, () => ({ key: 'a' }));
    assert.deepEqual(resolvePath(deep, path), ['bottom']);
  });
});
