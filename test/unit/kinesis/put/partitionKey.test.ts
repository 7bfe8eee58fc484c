import { strict as assert } from 'node:assert';
import { describePartitionKeyStrategy, formatPartitionKeyStrategy, parsePartitionKeyInput, partitionKeyProblem, validatePartitionKeyInput } from '../../../../src/kinesis/put/partitionKey';
import { keyFromJsonValue, lookupJsonPath, parseJsonPath } from '../../../../src/kinesis/put/partitionKeyJsonPath';

describe('partition key strategies', () => {
  it('reads the input syntax: {uuid}, JSON paths and fixed keys', () => {
    const uuid = parsePartitionKeyInput('{uuid}');
    assert.deepEqual(uuid, { ok: true, strategy: { kind: 'uuid' } });
    const path = parsePartitionKeyInput('$.sensor_id');
    assert.ok(path.ok && path.strategy.kind === 'jsonPath');
    assert.deepEqual(path.ok && path.strategy.kind === 'jsonPath' && path.strategy.segments, [{ kind: 'key', key: 'sensor_id' }]);
    assert.deepEqual(parsePartitionKeyInput('user-42'), { ok: true, strategy: { kind: 'fixed', key: 'user-42' } });
    // A "$" not followed by "." or "[" is an ordinary fixed key.
    assert.deepEqual(parsePartitionKeyInput('$5'), { ok: true, strategy: { kind: 'fixed', key: '$5' } });
  });

  it('round-trips through formatPartitionKeyStrategy and describes each', () => {
    for (const text of ['{uuid}', '$.a.b[0]', 'fixed key']) {
      const parsed = parsePartitionKeyInput(text);
      assert.ok(parsed.ok);
      assert.equal(formatPartitionKeyStrategy(parsed.strategy), text);
    }
    assert.equal(describePartitionKeyStrategy({ kind: 'uuid' }), 'a random UUID per record');
    assert.match(describePartitionKeyStrategy({ kind: 'fixed', key: 'k' }), /fixed key "k"/);
  });

  it('refuses empty and over-long keys, counting emoji as two', () => {
    assert.match(validatePartitionKeyInput('') ?? '', /Enter a partition key/);
    assert.equal(partitionKeyProblem('x'.repeat(256)), undefined);
    assert.match(partitionKeyProblem('x'.repeat(257)) ?? '', /257 characters long; Kinesis allows at most 256/);
    assert.equal(partitionKeyProblem('😀'.repeat(128)), undefined);
    assert.match(partitionKeyProblem('😀'.repeat(129)) ?? '', /258 characters long \(characters outside the Basic Multilingual Plane/);
    // Non-ASCII BMP characters count once even though UTF-8 needs more bytes.
    assert.equal(partitionKeyProblem('é'.repeat(256)), undefined);
  });

  it('refuses keys that are not well-formed UTF-16, naming the character position', () => {
    assert.equal(validatePartitionKeyInput('a\ud800b'), 'The partition key is not well-formed UTF-16: character 2 is a lone surrogate (U+D800). Kinesis would store "?" in its place and hash the key to another shard; remove it.');
    assert.equal(partitionKeyProblem('😀x\udc00'), 'The partition key is not well-formed UTF-16: character 4 is a lone surrogate (U+DC00). Kinesis would store "?" in its place and hash the key to another shard; remove it.');
    assert.match(partitionKeyProblem('\ud83d') ?? '', /character 1 is a lone surrogate \(U\+D83D\)/);
    assert.equal(partitionKeyProblem('a😀b'), undefined);
  });

  it('reports JSON path syntax errors in the input box', () => {
    assert.match(validatePartitionKeyInput('$.a.') ?? '', /Expected a field name after "." at column 5/);
    assert.match(validatePartitionKeyInput('$..a') ?? '', /Recursive descent/);
    assert.match(validatePartitionKeyInput('$.*') ?? '', /Wildcards/);
  });
});

describe('JSON path', () => {
  it('parses dotted, indexed and quoted segments', () => {
    assert.deepEqual(parseJsonPath('$.a.b[0]'), { ok: true, segments: [{ kind: 'key', key: 'a' }, { kind: 'key', key: 'b' }, { kind: 'index', index: 0 }] });
    assert.deepEqual(parseJsonPath(`$['key with spaces']["x\\"y"][12]`), { ok: true, segments: [{ kind: 'key', key: 'key with spaces' }, { kind: 'key', key: 'x"y' }, { kind: 'index', index: 12 }] });
    assert.deepEqual(parseJsonPath('$.device-id'), { ok: true, segments: [{ kind: 'key', key: 'device-id' }] });
  });

  it('refuses what it does not support, saying where', () => {
    const cases: Array<[string, RegExp]> = [
      ['a.b', /starts with "\$"/],
      ['$', /must name a field/],
      ['$a', /Expected "\." or "\[" at column 2/],
      ['$.a[', /Missing "\]"/],
      ['$.a[-1]', /not an array index/],
      ['$.a[x]', /not an array index.*\['x'\]/],
      ['$.a[*]', /Wildcards/],
      ["$['a", /not closed/],
      ["$['a'", /Expected "\]" after the quoted name/],
      ["$['a'x]", /Expected "\]" after the quoted name/],
      ['$.1a', /Expected a field name/],
    ];
    for (const [path, message] of cases) {
      const r = parseJsonPath(path);
      assert.equal(r.ok, false, path);
      assert.match(r.ok ? '' : r.error, message, path);
    }
  });

  it('looks values up through own properties only', () => {
    const doc = JSON.parse('{"a":{"b":[{"c":7}],"n":null},"s":"x"}') as unknown;
    const seg = (p: string) => {
      const r = parseJsonPath(p);
      assert.ok(r.ok);
      return r.segments;
    };
    assert.deepEqual(lookupJsonPath(doc, seg('$.a.b[0].c')), { found: true, value: 7 });
    assert.deepEqual(lookupJsonPath(doc, seg('$.a.n')), { found: true, value: null });
    assert.deepEqual(lookupJsonPath(doc, seg('$.a.b[1].c')), { found: false, missing: '$.a.b[1]' });
    assert.deepEqual(lookupJsonPath(doc, seg('$.s.length')), { found: false, missing: '$.s.length' });
    assert.deepEqual(lookupJsonPath(doc, seg('$.toString')), { found: false, missing: '$.toString' });
    assert.deepEqual(lookupJsonPath(doc, seg('$.__proto__')), { found: false, missing: '$.__proto__' });
    assert.deepEqual(lookupJsonPath([1], seg('$.a')), { found: false, missing: '$.a' });
    assert.deepEqual(lookupJsonPath(doc, seg(`$['a']['b']`)), { found: true, value: [{ c: 7 }] });
  });

  it('turns scalars into keys and refuses the rest', () => {
    assert.deepEqual(keyFromJsonValue('s-1', '$.id'), { ok: true, key: 's-1' });
    assert.deepEqual(keyFromJsonValue(42, '$.id'), { ok: true, key: '42' });
    assert.deepEqual(keyFromJsonValue(1.5, '$.id'), { ok: true, key: '1.5' });
    assert.deepEqual(keyFromJsonValue(false, '$.id'), { ok: true, key: 'false' });
    const refusals: Array<[unknown, RegExp]> = [
      [{ x: 1 }, /is an object; point the path at one of its fields/],
      [[1, 2], /is an array/],
      [null, /is null/],
      [2 ** 64, /too large to read exactly/],
    ];
    for (const [value, message] of refusals) {
      const r = keyFromJsonValue(value, '$.id');
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.error, message);
    }
  });
});
