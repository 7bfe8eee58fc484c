import { strict as assert } from 'node:assert';
import { parseProducerDoc, range } from '../../../../src/kinesis/producerDoc/parse';

const DOC = [
  '# @connection local',      // 0
  '# @region us-east-1',      // 1
  '',                         // 2
  '### Order created',        // 3
  'PUT orders',               // 4
  'Partition-Key: {{uuid}}',  // 5
  'Repeat: 3',                // 6
  'Rate: 50/s',               // 7
  '',                         // 8
  '{"id": {{seq}}}',          // 9
  '',                         // 10
  '###',                      // 11
  '# a comment',              // 12
  'PUT clicks',               // 13
  'Lines: true',              // 14
  '',                         // 15
  'a',                        // 16
  'b',                        // 17
  '',                         // 18
].join('\n');

describe('parseProducerDoc', () => {
  it('reads the file header, blocks, headers and bodies with their ranges', () => {
    const doc = parseProducerDoc(DOC);
    assert.deepEqual(doc.issues, []);
    assert.deepEqual(doc.connection, { name: 'local', range: range(0, 14, 19) });
    assert.deepEqual(doc.region, { name: 'us-east-1', range: range(1, 10, 19) });
    assert.equal(doc.blocks.length, 2);
    const [a, b] = doc.blocks;
    assert.equal(a?.title, 'Order created');
    assert.equal(a?.headLine, 3);
    assert.equal(a?.putLine, 4);
    assert.equal(a?.stream, 'orders');
    assert.deepEqual(a?.streamRange, range(4, 4, 10));
    assert.deepEqual(a?.partitionKey?.valueRange, range(5, 15, 23));
    assert.deepEqual(a?.partitionKey?.nameRange, range(5, 0, 13));
    assert.equal(a?.repeat, 3);
    assert.equal(a?.rate, 50);
    assert.equal(a?.lines, false);
    assert.deepEqual(a?.body, [{ text: '{"id": {{seq}}}', line: 9 }]);
    assert.equal(a?.endLine, 10);
    assert.equal(b?.stream, 'clicks');
    assert.equal(b?.lines, true);
    assert.deepEqual(b?.body.map((l) => l.line), [16, 17]);
  });

  it('accepts a block before any ###, and CRLF line ends', () => {
    const doc = parseProducerDoc('PUT s\r\n\r\nhello\r\n');
    assert.deepEqual(doc.issues, []);
    assert.deepEqual(doc.blocks.map((b) => [b.stream, b.headLine, b.body]), [['s', 0, [{ text: 'hello', line: 2 }]]]);
  });

  it('reports bad headers and PUT lines at their exact ranges', () => {
    const text = ['###', 'PUT my stream', 'Repeat: 0', 'Rate: fast', 'Lines: maybe', 'Colour: red', 'Repeat: 2', '', 'x', '###', 'GET s', '', 'x', '###', 'PUT', '', 'x'].join('\n');
    const doc = parseProducerDoc(text);
    assert.deepEqual(doc.issues.map((i) => [i.range, i.severity]), [
      [range(1, 7, 13), 'error'], // "stream": only the name follows PUT
      [range(2, 8, 9), 'error'], // Repeat 0
      [range(3, 6, 10), 'error'], // Rate fast
      [range(4, 7, 12), 'error'], // Lines maybe
      [range(5, 0, 6), 'error'], // unknown header
      [range(6, 0, 6), 'error'], // duplicate Repeat
      [range(10, 0, 3), 'error'], // GET
      [range(14, 0, 3), 'error'], // PUT without stream
    ]);
    assert.match(doc.issues[4]?.message ?? '', /Unknown header "Colour"/);
    assert.match(doc.issues[6]?.message ?? '', /not "GET"/);
  });

  it('says when a block has no body, and when # @connection is empty or repeated', () => {
    const doc = parseProducerDoc(['# @connection', '# @region a', '# @region b', '###', 'PUT s', 'Repeat: 2', ''].join('\n'));
    assert.deepEqual(doc.issues.map((i) => i.range), [range(0, 0, 13), range(2, 10, 11), range(4, 0, 5)]);
    assert.match(doc.issues[2]?.message ?? '', /no body/);
  });

  it('keeps a multi-line body with inner blank lines, trimming only the ends', () => {
    const doc = parseProducerDoc(['###', 'PUT s', '', '', '{', '', '"a": 1}', '', ''].join('\n'));
    assert.deepEqual(doc.blocks[0]?.body.map((l) => l.line), [4, 5, 6]);
  });
});
