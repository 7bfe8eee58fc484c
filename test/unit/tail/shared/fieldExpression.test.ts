import assert from 'node:assert/strict';
import { evaluateFieldExpression, FilterSyntaxError, MAX_EXPRESSION_LENGTH, parseFieldExpression, resolvePath } from '../../../../src/tail/shared/fieldExpression';

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
const ev = (src: string, value: unknown = doc): boolean => evaluateFieldExpression(parseFieldExpression(src), value);

describe('field expressions', () => {
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
    assert.equal(ev('$.items.*.sku in ["x1"]'), true);
    assert.equal(ev('$ == "ping"', 'ping'), true, '$ is the whole value');
    assert.equal(ev('temperature > 1', 'not an object'), false);
  });

  it('reads escapes in strings', () => {
    assert.equal(ev('$.s == "a\\"b\\\\c\\n\\u00e9"', { s: 'a"b\\c\né' }), true);
  });

  it('reports syntax errors with a position', () => {
    const cases: Array<[string, RegExp, number]> = [
      ['temperature >', /Expected a value/, 13],
      ['temperature > 75 and', /Expected a field/, 20],
      ['(a == 1', /Expected "\)"/, 7],
      ['a == "open', /Unterminated string/, 5],
      ['a ~ 1', /Unexpected character "~"/, 2],
      ['a == 1 b', /Unexpected "b"/, 7],
      ['$.items[x]', /Expected an index/, 8],
      ['a in [1, 2', /Expected "," but found the end/, 10],
      ['', /Empty filter/, 0],
      ['"s" == 1', /Expected a field/, 0],
    ];
    for (const [src, message, position] of cases) {
      assert.throws(() => parseFieldExpression(src), (e: unknown) => {
        assert.ok(e instanceof FilterSyntaxError, src);
        assert.match(e.message, message, src);
        assert.equal(e.position, position, `${src}: ${e.message}`);
        return true;
      });
    }
  });

  it('is a data language, not code: nothing is called or evaluated', () => {
    for (const src of ['constructor.constructor("return 1")()', 'process.exit()', 'a == `x`', 'a == b', 'require("fs")']) {
      assert.throws(() => parseFieldExpression(src), FilterSyntaxError, src);
    }
    assert.equal(ev('constructor == null', {}), true, 'inherited properties are not reachable');
    assert.equal(ev('__proto__ == null', {}), true);
  });

  it('enforces its limits', () => {
    assert.throws(() => parseFieldExpression(`a == "${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`), /at most 1000 characters/);
    assert.throws(() => parseFieldExpression(`${'('.repeat(40)}a${')'.repeat(40)}`), /nested too deeply/);
    assert.throws(() => parseFieldExpression(`${'not '.repeat(40)}a`), /nested too deeply/);
  });

  it('resolves paths iteratively in a 10,000-level document', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const path = Array.from({ length: 10_000 }, () => ({ key: 'a' }));
    assert.deepEqual(resolvePath(deep, path), ['bottom']);
    assert.equal(ev('a.a.a != null', deep), true);
  });
});
