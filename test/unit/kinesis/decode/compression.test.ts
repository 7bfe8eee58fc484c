import { strict as assert } from 'node:assert';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { decodePayload, expandRecord } from '../../../../src/kinesis/decode';
import { aggregateWithProducer } from './fixtures';

const MiB = 1024 * 1024;

/** As CloudWatch Logs delivers to a Kinesis subscription: the JSON envelope, gzipped. */
function cloudWatchEnvelope(messageType = 'DATA_MESSAGE'): Record<string, unknown> {
  return {
    messageType,
    owner: '123456789012',
    logGroup: '/aws/lambda/orders',
    logStream: '2024/05/01/[$LATEST]0123456789abcdef',
    subscriptionFilters: ['to-kinesis'],
    logEvents: [
      { id: '37988207340519066391', timestamp: 1714550400000, message: '{"level":"info","orderId":17,"msg":"created"}' },
      { id: '37988207340519066392', timestamp: 1714550400001, message: 'START RequestId: 6f2b Version: $LATEST\n' },
      { id: '37988207340519066393', timestamp: 1714550400002, message: '  [1, 2, 3]  ' },
    ],
  };
}

describe('decode: gzip and zlib', () => {
  it('decompresses gzip, then decodes what is inside', () => {
    const d = decodePayload(gzipSync(JSON.stringify({ a: [1, 2], b: 'ü' })));
    assert.deepEqual(d.layers, ['gzip', 'json']);
    assert.equal(d.kind, 'json');
    assert.deepEqual(d.json, { a: [1, 2], b: 'ü' });
    assert.equal(d.size, Buffer.byteLength(JSON.stringify({ a: [1, 2], b: 'ü' })));
  });

  it('decompresses zlib at every compression level and window size zlib writes', () => {
    const text = 'the quick brown fox '.repeat(50);
    const headers = new Set<string>();
    for (let level = 0; level <= 9; level++) {
      for (const windowBits of [9, 12, 15]) {
        const data = deflateSync(text, { level, windowBits });
        headers.add(data.subarray(0, 2).toString('hex'));
        const d = decodePayload(data);
        assert.deepEqual(d.layers, ['zlib', 'text'], `level ${level}, windowBits ${windowBits}`);
        assert.equal(d.text, text);
      }
    }
    for (const h of ['7801', '785e', '789c', '78da']) assert.ok(headers.has(h), `no fixture with header ${h}`);
  });

  it('stacks nested compression layers outermost first', () => {
    const d = decodePayload(gzipSync(deflateSync('{"deep":true}')));
    assert.deepEqual(d.layers, ['gzip', 'zlib', 'json']);
    assert.deepEqual(d.json, { deep: true });
  });

  it('keeps corrupt gzip as binary and says why', () => {
    const full = gzipSync('some text that will be cut short '.repeat(20));
    const d = decodePayload(full.subarray(0, full.length - 12));
    assert.equal(d.kind, 'binary');
    assert.deepEqual(d.layers, ['binary']);
    assert.equal(d.size, full.length - 12);
    assert.match(d.warnings?.[0] ?? '', /^gzip data is corrupt/);
  });

  it('does not warn when text merely starts like a zlib header', () => {
    const d = decodePayload(Buffer.from('x^2 + y^2 = r^2'));
    assert.equal(Buffer.from('x^').readUInt16BE(0) % 31, 0, 'the fixture must pass the zlib header check');
    assert.deepEqual(d.layers, ['text']);
    assert.equal(d.warnings, undefined);
  });

  it('does not mistake raw deflate or random bytes for zlib', () => {
    const d = decodePayload(deflateRawSync('not wrapped in a zlib header'));
    assert.ok(!d.layers.includes('zlib'));
  });

  describe('output cap', () => {
    let bomb: Buffer;
    before(function () {
      this.timeout(30000);
      bomb = gzipSync(Buffer.alloc(100 * MiB)); // about 100 KB that inflates to 100 MiB
    });

    it('stops a 100 MiB gzip bomb at the default 10 MiB cap and keeps the compressed bytes', function () {
      this.timeout(10000);
      const before = process.memoryUsage().arrayBuffers;
      const d = decodePayload(bomb);
      const grew = process.memoryUsage().arrayBuffers - before;
      assert.equal(d.kind, 'binary');
      assert.deepEqual(d.layers, ['binary']);
      assert.equal(d.size, bomb.length);
      assert.match(d.warnings?.[0] ?? '', /gzip output exceeds the 10 MiB decompression cap/);
      // Whatever zlib buffered before giving up is garbage now; it never approached 100 MiB.
      assert.ok(grew < 50 * MiB, `array buffers grew by ${grew} bytes`);
    });

    it('honours a custom cap, and a payload of exactly the cap still decodes', () => {
      const data = gzipSync(Buffer.alloc(4096, 0x61));
      assert.deepEqual(decodePayload(data, { maxDecompressedBytes: 4096 }).layers, ['gzip', 'text']);
      const over = decodePayload(data, { maxDecompressedBytes: 4095 });
      assert.deepEqual(over.layers, ['binary']);
      assert.match(over.warnings?.[0] ?? '', /exceeds the 4095 bytes decompression cap/);
      assert.match(decodePayload(data, { maxDecompressedBytes: 0 }).warnings?.[0] ?? '', /exceeds/);
    });

    it('counts nested layers against the same cap', () => {
      const inner = gzipSync(Buffer.alloc(3000, 0x62));
      const outer = gzipSync(inner);
      const d = decodePayload(outer, { maxDecompressedBytes: inner.length + 2999 });
      assert.deepEqual(d.layers, ['gzip', 'binary']);
      assert.match(d.warnings?.[0] ?? '', /gzip output exceeds .* left for this Kinesis record/);
    });

    it('ignores nonsense option values and falls back to the defaults', () => {
      const d = decodePayload(gzipSync('fine'), { maxDecompressedBytes: Number.NaN, maxHexBytes: -5 });
      assert.deepEqual(d.layers, ['gzip', 'text']);
      assert.deepEqual(decodePayload(gzipSync('fine'), { maxDecompressedBytes: 2 ** 60 }).layers, ['gzip', 'text']);
    });
  });
});

describe('decode: CloudWatch Logs subscription data', () => {
  it('labels a CONTROL_MESSAGE (the subscription health check) "control", not like data', () => {
    const control = { ...cloudWatchEnvelope('CONTROL_MESSAGE'), logGroup: '', logStream: '', subscriptionFilters: [], logEvents: [{ id: '', timestamp: 1714550400000, message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' }] };
    assert.deepEqual(decodePayload(gzipSync(JSON.stringify(control))).layers, ['gzip', 'cloudwatch-logs', 'control', 'json']);
    assert.deepEqual(decodePayload(gzipSync(JSON.stringify(cloudWatchEnvelope()))).layers, ['gzip', 'cloudwatch-logs', 'json']);
  });

  it('recognizes the gzipped envelope and exposes its log events', () => {
    const envelope = cloudWatchEnvelope();
    const d = decodePayload(gzipSync(JSON.stringify(envelope)));
    assert.deepEqual(d.layers, ['gzip', 'cloudwatch-logs', 'json']);
    assert.equal(d.kind, 'json');
    const json = d.json as { logGroup: string; logEvents: Array<{ message: string; messageJson?: unknown }> };
    assert.equal(json.logGroup, '/aws/lambda/orders');
    assert.equal(json.logEvents.length, 3);
    const events = envelope.logEvents as Array<{ message: string }>;
    json.logEvents.forEach((e, i) => assert.equal(e.message, events[i].message, 'original message kept'));
    assert.deepEqual(json.logEvents[0].messageJson, { level: 'info', orderId: 17, msg: 'created' });
    assert.ok(!('messageJson' in json.logEvents[1]));
    assert.deepEqual(json.logEvents[2].messageJson, [1, 2, 3]);
    assert.deepEqual(JSON.parse(d.text ?? ''), envelope, 'text is the decompressed source');
  });

  it('recognizes control messages too, with their own "control" layer', () => {
    const d = decodePayload(gzipSync(JSON.stringify({ ...cloudWatchEnvelope('CONTROL_MESSAGE'), logEvents: [] })));
    assert.deepEqual(d.layers, ['gzip', 'cloudwatch-logs', 'control', 'json']);
  });

  it('leaves look-alikes as plain JSON', () => {
    const d = decodePayload(gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE', logGroup: 'g', logEvents: 'nope' })));
    assert.deepEqual(d.layers, ['gzip', 'json']);
  });

  it('stacks KPL, gzip, CloudWatch Logs and JSON', async () => {
    const [encoded] = await aggregateWithProducer([
      { partitionKey: 'a', data: gzipSync(JSON.stringify(cloudWatchEnvelope())) },
      { partitionKey: 'b', data: Buffer.from('x') },
    ]);
    const out = expandRecord({ data: encoded.data, partitionKey: encoded.partitionKey });
    // The envelope's three events become three records, each keeping its KPL sub-record's index and bytes.
    assert.deepEqual(out.map((u) => u.decoded.layers), [
      ['kpl', 'gzip', 'cloudwatch-logs', 'json'], ['kpl', 'gzip', 'cloudwatch-logs', 'text'], ['kpl', 'gzip', 'cloudwatch-logs', 'json'], ['kpl', 'text'],
    ]);
    assert.deepEqual(out.map((u) => [u.subSequenceNumber, u.log?.index]), [[0, 0], [0, 1], [0, 2], [1, undefined]]);
    assert.ok(out[0].data === out[2].data, 'events share their record\'s bytes');
  });
});
