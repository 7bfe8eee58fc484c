import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseProducerDoc } from '../../../../src/kinesis/producerDoc/diagnostics';
import { range } from '../../../../src/kinesis/producerDoc/parse';
import { compileBlock, recordFactory } from '../../../../src/kinesis/producerDoc/records';

function issuesOf(lines: string[], known?: string[]) {
  const opts = known ? { knownStreams: new Set(known), where: 'local · us-east-1' } : {};
  return diagnoseProducerDoc(lines.join('\n'), opts).issues.map((i) => ({ range: i.range, severity: i.severity, message: i.message }));
}

describe('diagnoseProducerDoc', () => {
  it('finds nothing wrong in a good document', () => {
    assert.deepEqual(issuesOf(['###', 'PUT orders', 'Partition-Key: {{pick "a" "b"}}', '', '{"id": "{{uuid}}", "n": {{int 1 9}},', ' "at": "{{now}}"}'], ['orders']), []);
  });

  it('flags an unknown stream only when the stream list is known', () => {
    const doc = ['###', 'PUT ordrs', '', 'x'];
    assert.deepEqual(issuesOf(doc), []);
    assert.deepEqual(issuesOf(doc, ['orders']), [{ range: range(1, 4, 9), severity: 'warning', message: 'No stream named ordrs in local · us-east-1. Create it, or fix the name (completion lists the streams).' }]);
  });

  it('puts an invalid JSON body error on the offending character, across lines', () => {
    const issues = issuesOf(['###', 'PUT s', '', '{"a": 1,', ' "b" 2}']);
    assert.deepEqual(issues.map((i) => i.range), [range(4, 5, 6)]);
    assert.match(issues[0]?.message ?? '', /^Invalid JSON: Expected ":" after the property name, found "2"/);
  });

  it('points at a text template left unquoted in JSON', () => {
    const issues = issuesOf(['###', 'PUT s', '', '{"who": {{name}}}']);
    assert.deepEqual(issues.map((i) => i.range), [range(3, 8, 16)]);
    assert.match(issues[0]?.message ?? '', /needs double quotes/);
  });

  it('reports a body that ends early at its end', () => {
    const issues = issuesOf(['###', 'PUT s', '', '{"a": [1, 2']);
    assert.deepEqual(issues.map((i) => i.range), [range(3, 11, 11)]);
  });

  it('checks each line as its own JSON record with Lines: true', () => {
    const issues = issuesOf(['###', 'PUT s', 'Lines: true', '', '{"a": 1}', '', '{"a": }', 'plain text']);
    assert.deepEqual(issues.map((i) => i.range), [range(6, 6, 7)]);
  });

  it('reports template errors in the body and in keys at their document ranges', () => {
    const issues = issuesOf(['###', 'PUT s', 'Partition-Key: k-{{int 9 1}}', 'Explicit-Hash-Key: {{bogus}}', '', 'line one', 'id {{uuid 3}} end']);
    assert.deepEqual(issues.map((i) => i.range), [range(2, 25, 26), range(3, 21, 26), range(6, 3, 13)]);
  });

  it('flags a record over 1 MiB on its body, and a partition key over 256 characters on the header', () => {
    const big = issuesOf(['###', 'PUT s', 'Partition-Key: k', '', 'x'.repeat(1024 * 1024)]);
    assert.deepEqual(big.map((i) => i.range), [range(4, 0, 1024 * 1024)]);
    assert.match(big[0]?.message ?? '', /1,048,577 bytes.*at most 1,048,576 bytes/);
    const key = issuesOf(['###', 'PUT s', `Partition-Key: ${'k'.repeat(250)}{{uuid}}`, '', 'x']);
    assert.deepEqual(key.map((i) => i.range), [range(2, 15, 273)]);
    assert.match(key[0]?.message ?? '', /286 characters long; Kinesis allows at most 256/);
  });

  it('flags an explicit hash key out of range', () => {
    const issues = issuesOf(['###', 'PUT s', 'Explicit-Hash-Key: -1', '', 'x']);
    assert.deepEqual(issues.map((i) => [i.range, i.severity]), [[range(2, 19, 21), 'error']]);
  });
});

describe('recordFactory', () => {
  it('renders Repeat copies with {{seq}} numbering and the key per record', () => {
    const doc = diagnoseProducerDoc(['###', 'PUT s', 'Partition-Key: key-{{int 0 1}}', 'Lines: true', '', '{"n": {{seq}}}', '{"m": {{seq}}}'].join('\n'));
    let r = 0;
    const f = recordFactory(compileBlock(doc.doc.blocks[0]!), { copies: 2, random: () => [0, 0.9][r++ % 2] as number });
    assert.equal(f.total, 4);
    const made = [0, 1, 2, 3].map((i) => f.make(i));
    assert.deepEqual(made.map((m) => (m.ok ? [Buffer.from(m.record.data).toString(), m.record.partitionKey, m.record.line] : m.message)), [
      ['{"n": 1}', 'key-0', 1],
      ['{"m": 2}', 'key-1', 2],
      ['{"n": 3}', 'key-0', 3],
      ['{"m": 4}', 'key-1', 4],
    ]);
  });

  it('uses a random UUID key per record without a Partition-Key header', () => {
    const doc = diagnoseProducerDoc('PUT s\n\nx');
    let n = 0;
    const f = recordFactory(compileBlock(doc.doc.blocks[0]!), { copies: 2, uuid: () => `id-${++n}` });
    assert.deepEqual([f.make(0), f.make(1)].map((m) => m.ok && m.record.partitionKey), ['id-1', 'id-2']);
  });
});

describe('samples/orders.kinesis', () => {
  it('has no problems and exercises blocks, templates, Repeat, Rate and Lines', () => {
    const text = readFileSync(join(process.cwd(), 'samples', 'orders.kinesis'), 'utf8');
    const d = diagnoseProducerDoc(text, { knownStreams: new Set(['demo-clickstream', 'demo-iot-sensors']) });
    assert.deepEqual(d.issues, []);
    assert.equal(d.doc.connection?.name, 'Playground (kinesis-local)');
    assert.ok(d.doc.blocks.some((b) => b.repeat > 1 && b.rate !== undefined));
    assert.ok(d.doc.blocks.some((b) => b.lines));
  });
});
