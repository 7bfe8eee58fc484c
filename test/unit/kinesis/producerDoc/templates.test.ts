import { strict as assert } from 'node:assert';
import { jsonShape, parseTemplate, renderTemplate, templateContext } from '../../../../src/kinesis/producerDoc/templates';

const ctx = (seq = 7, random = () => 0.5) => templateContext(seq, { now: new Date('2026-01-02T03:04:05.678Z'), random, uuid: () => 'u-1' });

function render(text: string, seq = 7, random?: () => number): string {
  const parsed = parseTemplate(text);
  assert.deepEqual(parsed.errors, [], text);
  return renderTemplate(parsed, ctx(seq, random));
}

describe('templates', () => {
  it('evaluates uuid, seq, now and date', () => {
    assert.equal(render('{{uuid}}/{{ seq }}/{{now}}'), 'u-1/7/2026-01-02T03:04:05.678Z');
    assert.equal(render('{{now "epoch"}} {{now "epochMillis"}}'), '1767323045 1767323045678');
    assert.equal(render('{{date -1h}} {{date 2d "epoch"}}'), `2026-01-02T02:04:05.678Z ${1767323045 + 2 * 86400}`);
  });

  it('evaluates int, float and pick from the random source, bounds included', () => {
    assert.equal(render('{{int 1 100}}', 1, () => 0), '1');
    assert.equal(render('{{int 1 100}}', 1, () => 0.999999), '100');
    assert.equal(render('{{float 0 1 3}}', 1, () => 0.25), '0.250');
    assert.equal(render('{{float 10 20}}', 1, () => 0.5), '15.00');
    assert.equal(render('{{pick "a" "b c" "d"}}', 1, () => 0.5), 'b c');
    assert.equal(render('{{pick "say \\"hi\\""}}'), 'say "hi"');
  });

  it('makes plausible generated values', () => {
    const text = render('{{name}}|{{email}}|{{ip}}|{{city}}|{{userAgent}}', 1, () => 0.3);
    const [name, email, ip, city, ua] = text.split('|');
    assert.match(name ?? '', /^\S+ \S+$/);
    assert.match(email ?? '', /^[a-z]+\.[a-z]+\d+@example\.com$/);
    assert.match(ip ?? '', /^\d+\.\d+\.\d+\.\d+$/);
    assert.ok((city ?? '').length > 0);
    assert.match(ua ?? '', /Mozilla|curl/);
  });

  it('keeps {{seq}} and {{now}} fixed within a record, uuid new at each use', () => {
    let n = 0;
    const parsed = parseTemplate('{{seq}}{{seq}} {{uuid}} {{uuid}}');
    assert.equal(renderTemplate(parsed, templateContext(3, { uuid: () => `u${++n}` })), '33 u1 u2');
  });

  it('reports each error at its exact offsets', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['a {{nope}} b', 4, 8, /Unknown template function "nope"/],
      ['{{int 5 1}}', 8, 9, /max \(1\) is below min \(5\)/],
      ['{{int 1 x}}', 8, 9, /max must be an integer, not x/],
      ['{{int 1}}', 0, 9, /int takes 2 arguments, not 1/],
      ['{{uuid 1}}', 0, 10, /uuid takes 0 arguments/],
      ['{{date yesterday}}', 7, 16, /not a duration/],
      ['{{now "epochs"}}', 6, 14, /Unknown time format/],
      ['x {{uuid', 2, 8, /not closed: add }}/],
      ['{{pick "a}}', 7, 9, /string is not closed/],
      ['{{ }}', 0, 5, /empty template/],
      ['{{pick}}', 0, 8, /at least 1 argument/],
    ];
    for (const [text, start, end, message] of cases) {
      const { errors } = parseTemplate(text);
      assert.equal(errors.length, 1, text);
      assert.deepEqual([errors[0]?.start, errors[0]?.end], [start, end], text);
      assert.match(errors[0]?.message ?? '', message, text);
    }
  });

  it('shapes templates for the JSON check at the same length: numbers as 0, text as x', () => {
    const text = '{"n": {{seq}}, "s": "{{uuid}}", "t": {{name}}}';
    const shape = jsonShape(text, parseTemplate(text));
    assert.equal(shape.length, text.length);
    assert.equal(shape, '{"n": 0      , "s": "x       ", "t": x       }');
  });
});
