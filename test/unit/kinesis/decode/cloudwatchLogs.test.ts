// A CloudWatch Logs subscription envelope becomes one record per log event, as a KPL aggregate
// becomes its user records: group, stream, id, timestamp and the message (parsed when JSON, and
// in the Lambda form `<time>\t<request id>\t<LEVEL>\t<json>`).
import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { decodeLogEvent, expandRecord } from '../../../../src/kinesis/decode';
import { parseLambdaLine } from '../../../../src/kinesis/decode/cloudwatchLogs';
import { aggregateWithProducer } from './fixtures';

const GROUP = '/aws/lambda/checkout';
const STREAM = '2026/11/30/[$LATEST]0123456789abcdef';
const AT = '2026-11-30T04:00:00.000Z';
const REQ = '6f2b1c3e-1111-2222-3333-444455556666';

function envelope(messages: unknown[], messageType = 'DATA_MESSAGE'): Uint8Array {
  return gzipSync(JSON.stringify({
    messageType, owner: '123456789012', logGroup: GROUP, logStream: STREAM, subscriptionFilters: ['to-kinesis'],
    logEvents: messages.map((message, i) => ({ id: `3798820734051906639${i}`, timestamp: 1764475200000 + i, message })),
  }));
}

describe('decode: CloudWatch Logs events as records', () => {
  it('expands a DATA_MESSAGE into one record per event with its group, stream, id and timestamp', () => {
    const data = envelope(['{"level":"error","orderId":17}', 'START RequestId: 6f2b Version: $LATEST', `${AT}\t${REQ}\tWARN\t{"status":"WARN","latency_ms":180}`]);
    const out = expandRecord({ data, partitionKey: 'pk' });
    assert.equal(out.length, 3);
    out.forEach((u, i) => {
      assert.equal(u.partitionKey, 'pk');
      assert.ok(u.data === data, 'the Kinesis record\'s bytes, for put again');
      assert.deepEqual({ ...u.log, level: undefined, requestId: undefined }, { group: GROUP, stream: STREAM, id: `3798820734051906639${i}`, timestamp: 1764475200000 + i, index: i, count: 3, level: undefined, requestId: undefined });
    });
    assert.deepEqual(out[0].decoded.json, { level: 'error', orderId: 17 });
    assert.deepEqual(out[0].decoded.layers, ['gzip', 'cloudwatch-logs', 'json']);
    assert.equal(out[1].decoded.kind, 'text');
    assert.equal(out[1].decoded.text, 'START RequestId: 6f2b Version: $LATEST');
    assert.deepEqual(out[2].decoded.json, { status: 'WARN', latency_ms: 180 }, 'the Lambda form: the JSON after the level');
    assert.equal(out[2].log?.level, 'WARN');
    assert.equal(out[2].log?.requestId, REQ);
  });

  it('keeps a CONTROL_MESSAGE and an empty envelope as one record (no event rows)', () => {
    const control = expandRecord({ data: envelope(['CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.'], 'CONTROL_MESSAGE'), partitionKey: 'pk' });
    assert.equal(control.length, 1);
    assert.deepEqual(control[0].decoded.layers, ['gzip', 'cloudwatch-logs', 'control', 'json']);
    assert.equal(control[0].log, undefined);
    const empty = expandRecord({ data: envelope([]), partitionKey: 'pk' });
    assert.equal(empty.length, 1);
    assert.equal(empty[0].log, undefined);
  });

  it('decodes one event again from the record bytes (copy, export, detail)', () => {
    const data = envelope(['a', `${AT}\t${REQ}\tINFO\t{"n":1}`]);
    assert.deepEqual(decodeLogEvent(data, 1).json, { n: 1 });
    assert.equal(decodeLogEvent(data, 0).text, 'a');
    assert.deepEqual(decodeLogEvent(data, 7).layers, ['gzip', 'cloudwatch-logs', 'json'], 'no such event: the whole envelope');
  });

  it('parses the Lambda text form and nothing that merely looks like it', () => {
    assert.deepEqual(parseLambdaLine(`${AT}\t${REQ}\tINFO\tplain words`), { time: AT, requestId: REQ, level: 'INFO', body: 'plain words' });
    assert.equal(parseLambdaLine(`${AT}\t${REQ}\tinfo\tx`), undefined, 'levels are upper case');
    assert.equal(parseLambdaLine('REPORT RequestId: 1\tDuration: 3 ms\tBilled Duration: 4 ms\tMemory Size: 1 MB'), undefined);
    assert.equal(parseLambdaLine('no tabs at all'), undefined);
    assert.equal(parseLambdaLine(`${'\t'.repeat(50_000)}`), undefined, 'no backtracking: a pathological line is cheap');
  });

  it('parses only messages that are whole JSON objects or arrays, with exact big integers', () => {
    const data = envelope(['{"traceId":12345678901234567890}', '{"a":1} and more', '[1,2]', '"a string"', '42', '{not json}', '']);
    const out = expandRecord({ data, partitionKey: 'pk' });
    assert.deepEqual(out.map((u) => u.decoded.kind), ['json', 'text', 'json', 'text', 'text', 'text', 'text']);
    assert.equal(String((out[0].decoded.json as { traceId: unknown }).traceId), '12345678901234567890', 'the 20-digit integer is not rounded');
    assert.deepEqual(out[2].decoded.json, [1, 2]);
    assert.equal(out[1].decoded.text, '{"a":1} and more');
    assert.ok(out.every((u) => u.decoded.size === Buffer.byteLength(u.decoded.text ?? '')));
  });

  it('gives each event row the keys and bytes of the KPL user record it came in', async () => {
    const cwl = envelope(['{"n":1}', 'two']);
    const [agg] = await aggregateWithProducer([{ partitionKey: 'a', data: Buffer.from('first') }, { partitionKey: 'b', explicitHashKey: '42', data: Buffer.from(cwl) }]);
    const rows = expandRecord({ data: agg.data, partitionKey: 'outer' }).filter((u) => u.log !== undefined);
    assert.equal(rows.length, 2);
    for (const u of rows) {
      assert.equal(u.partitionKey, 'b');
      assert.equal(u.explicitHashKey, '42');
      assert.equal(u.subSequenceNumber, 1);
      assert.ok(Buffer.from(u.data).equals(Buffer.from(cwl)), 'the user record\'s bytes');
    }
  });

  it('keeps a non-object event and warns', () => {
    const out = expandRecord({ data: gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE', logGroup: GROUP, logStream: STREAM, logEvents: ['odd'] })), partitionKey: 'pk' });
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].decoded.warnings, ['log event is not an object']);
  });
});
