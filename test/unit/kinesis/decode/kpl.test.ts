import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { expandRecord } from '../../../../src/kinesis/decode';
import type { UserRecord } from '../../../../src/kinesis/decode';
import type { ProducerRecord } from './fixtures';
import { aggregateWithProducer, deaggregateWithProducer, field, kplBody, kplFrame, utf8, varint } from './fixtures';

// aws-kinesis-agg 4.2.8 builds its key tables with Object.keys(), which lists integer-like keys
// ("42", "7") first: such keys get the wrong index on the wire. Real explicit hash keys are
// 128-bit decimals, far beyond that range, so the fixtures use those and non-numeric partition keys.
const EHK_HIGH = '170141183460469231731687303715884105728';
const EHK_LOW = '4294967296';

const userRecords: ProducerRecord[] = [
  { partitionKey: 'user-1', explicitHashKey: EHK_HIGH, data: Buffer.from('{"id":1,"name":"Ada"}') },
  { partitionKey: 'user-2', data: Buffer.from('plain text line\n') },
  { partitionKey: 'user-1', explicitHashKey: EHK_LOW, data: Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f]) },
  { partitionKey: 'ключ-ü', explicitHashKey: EHK_HIGH, data: gzipSync('{"compressed":true}') },
  { partitionKey: 'user-3', data: Buffer.from('[1,2,3]') },
];

function assertSameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  assert.equal(Buffer.compare(Buffer.from(actual), Buffer.from(expected)), 0, `${what}: bytes differ`);
}

async function singleAggregate(records: ProducerRecord[]): Promise<Buffer> {
  const encoded = await aggregateWithProducer(records);
  assert.equal(encoded.length, 1, 'fixture should fit one aggregate');
  return encoded[0].data;
}

describe('decode: KPL aggregates from aws-kinesis-agg', () => {
  it('expands every user record with its own keys, bytes and sub-sequence number', async () => {
    const data = await singleAggregate(userRecords);
    const out = expandRecord({ data, partitionKey: 'outer-key' });
    assert.equal(out.length, userRecords.length);
    out.forEach((rec, i) => {
      assert.equal(rec.partitionKey, userRecords[i].partitionKey);
      assert.equal(rec.explicitHashKey, userRecords[i].explicitHashKey);
      assert.equal(rec.subSequenceNumber, i);
      assertSameBytes(rec.data, userRecords[i].data, `record ${i}`);
      assert.equal(rec.decoded.layers[0], 'kpl');
      assert.equal(rec.decoded.warnings, undefined);
    });
    assert.deepEqual(out[0].decoded.json, { id: 1, name: 'Ada' });
    assert.deepEqual(out[1].decoded.layers, ['kpl', 'text']);
    assert.deepEqual(out[2].decoded.layers, ['kpl', 'binary']);
    assert.deepEqual(out[3].decoded.layers, ['kpl', 'gzip', 'json']);
    assert.deepEqual(out[3].decoded.json, { compressed: true });
    assert.ok(!('explicitHashKey' in out[1]), 'no explicit hash key when the producer gave none');
  });

  it('agrees with the producer’s own de-aggregator', async () => {
    const data = await singleAggregate(userRecords);
    const theirs = deaggregateWithProducer(data, 'outer-key');
    const ours = expandRecord({ data, partitionKey: 'outer-key' });
    assert.equal(ours.length, theirs.length);
    ours.forEach((rec, i) => {
      assert.equal(rec.partitionKey, theirs[i].partitionKey);
      // Where the producer wrote no hash key index, the de-aggregator reports table[0] (protobufjs
      // defaults a missing uint64 to 0); absent is what the wire says.
      if (userRecords[i].explicitHashKey !== undefined) assert.equal(rec.explicitHashKey, theirs[i].explicitPartitionKey);
      else assert.equal(rec.explicitHashKey, undefined);
      assert.equal(rec.subSequenceNumber, theirs[i].subSequenceNumber);
      assert.equal(Buffer.from(rec.data).toString('base64'), theirs[i].data);
    });
  });

  it('reads every aggregate of a large batch the producer split at 1 MiB, in order', async function () {
    this.timeout(20000);
    const many: ProducerRecord[] = Array.from({ length: 3000 }, (_, i) => ({
      partitionKey: `pk-${i % 97}`,
      explicitHashKey: i % 3 === 0 ? String(BigInt(i + 1) * 12345678901234567890n) : undefined,
      data: Buffer.from(JSON.stringify({ seq: i, pad: 'x'.repeat(500 + (i % 300)) })),
    })).map((r) => (r.explicitHashKey === undefined ? { partitionKey: r.partitionKey, data: r.data } : r));
    const encoded = await aggregateWithProducer(many);
    assert.ok(encoded.length >= 2, `expected the producer to split, got ${encoded.length} aggregate(s)`);
    const expanded: UserRecord[] = encoded.flatMap((e) => expandRecord({ data: e.data, partitionKey: e.partitionKey }));
    assert.equal(expanded.length, many.length);
    expanded.forEach((rec, i) => {
      assert.equal(rec.partitionKey, many[i].partitionKey);
      assert.equal(rec.explicitHashKey, many[i].explicitHashKey);
      assertSameBytes(rec.data, many[i].data, `record ${i}`);
      assert.equal((rec.decoded.json as { seq: number }).seq, i);
    });
  });

  it('keeps the raw record and says why when the checksum is wrong', async () => {
    const data = Buffer.from(await singleAggregate(userRecords));
    data[data.length - 1] ^= 0x01;
    const out = expandRecord({ data, partitionKey: 'outer-key', explicitHashKey: '7' });
    assert.equal(out.length, 1);
    assert.equal(out[0].partitionKey, 'outer-key');
    assert.equal(out[0].explicitHashKey, '7');
    assert.equal(out[0].subSequenceNumber, undefined);
    assertSameBytes(out[0].data, data, 'raw record');
    assert.deepEqual(out[0].decoded.layers, ['binary']);
    assert.match(out[0].decoded.warnings?.[0] ?? '', /KPL checksum mismatch/);
  });

  it('detects a flipped bit in the body through the checksum', async () => {
    const data = Buffer.from(await singleAggregate(userRecords));
    data[10] ^= 0x40;
    const out = expandRecord({ data, partitionKey: 'outer-key' });
    assert.equal(out.length, 1);
    assert.match(out[0].decoded.warnings?.[0] ?? '', /KPL checksum mismatch/);
  });

  it('reports a truncated body, even when its checksum was recomputed to match', async () => {
    const body = kplBody(await singleAggregate(userRecords));
    for (const cut of [1, 7, Math.floor(body.length / 2), body.length - 3]) {
      const data = kplFrame(body.subarray(0, cut));
      const out = expandRecord({ data, partitionKey: 'outer-key' });
      assert.equal(out.length, 1, `cut at ${cut}`);
      assert.equal(out[0].partitionKey, 'outer-key');
      assertSameBytes(out[0].data, data, 'raw record');
      assert.match(out[0].decoded.warnings?.[0] ?? '', /KPL aggregate malformed/, `cut at ${cut}`);
    }
    const unframed = Buffer.concat([Buffer.from('f3899ac2', 'hex'), body.subarray(0, body.length - 1)]);
    assert.match(expandRecord({ data: unframed, partitionKey: 'k' })[0].decoded.warnings?.[0] ?? '', /checksum mismatch/);
  });

  it('rejects an aggregate too short to hold a checksum', () => {
    const out = expandRecord({ data: Buffer.from('f3899ac20102', 'hex'), partitionKey: 'k' });
    assert.equal(out.length, 1);
    assert.match(out[0].decoded.warnings?.[0] ?? '', /too short/);
  });

  it('passes a non-aggregated record through with its keys and no sub-sequence number', () => {
    const data = Buffer.from('{"hello":"world"}');
    const out = expandRecord({ data, partitionKey: 'p', explicitHashKey: '99' });
    assert.equal(out.length, 1);
    assert.equal(out[0].data, data, 'the same bytes, not a copy');
    assert.equal(out[0].partitionKey, 'p');
    assert.equal(out[0].explicitHashKey, '99');
    assert.ok(!('subSequenceNumber' in out[0]));
    assert.deepEqual(out[0].decoded.layers, ['json']);
    assert.equal(out[0].decoded.warnings, undefined);
  });
});

describe('decode: hand-made KPL bodies', () => {
  const record = (pk: number, data: string, ehk?: number): number[] =>
    field(3, 2, [...field(1, 0, varint(pk)), ...(ehk === undefined ? [] : field(2, 0, varint(ehk))), ...field(3, 2, utf8(data))]);

  it('skips tags and unknown fields', () => {
    const tag = field(4, 2, [...field(1, 2, utf8('k')), ...field(2, 2, utf8('v'))]);
    const rec = field(3, 2, [...field(1, 0, [0]), ...tag, ...field(9, 5, [1, 2, 3, 4]), ...field(3, 2, utf8('hi'))]);
    const body = Uint8Array.from([...field(1, 2, utf8('pk')), ...field(7, 1, [1, 2, 3, 4, 5, 6, 7, 8]), ...rec]);
    const out = expandRecord({ data: kplFrame(body), partitionKey: 'outer' });
    assert.equal(out.length, 1);
    assert.equal(out[0].partitionKey, 'pk');
    assert.equal(out[0].decoded.text, 'hi');
  });

  it('refuses partition and hash key indexes outside their tables', () => {
    const cases: Array<[number[], RegExp]> = [
      [[...field(1, 2, utf8('a')), ...record(1, 'x')], /partition_key_index 1 is outside the table of 1/],
      [[...field(1, 2, utf8('a')), ...record(0, 'x', 0)], /explicit_hash_key_index 0 is outside the table of 0/],
      [[...field(1, 2, utf8('a')), ...record(2 ** 60, 'x')], /partition_key_index/],
    ];
    for (const [body, why] of cases) {
      const out = expandRecord({ data: kplFrame(Uint8Array.from(body)), partitionKey: 'outer' });
      assert.equal(out.length, 1);
      assert.equal(out[0].partitionKey, 'outer');
      assert.match(out[0].decoded.warnings?.[0] ?? '', why);
    }
  });

  it('refuses hostile lengths, wire types and varints without reading past the body', () => {
    const bodies: number[][] = [
      [...field(1, 2, utf8('a')), 0x1a, ...varint(2 ** 40), 0x08, 0x00], // record length far past the end
      [...field(1, 2, utf8('a')), 0x1a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], // 11-byte varint
      [...field(1, 0, [5]), ...record(0, 'x')], // partition key table entry with the wrong wire type
      [...field(1, 2, utf8('a')), ...field(3, 2, [...field(1, 0, [0])])], // record without data
      [...field(1, 2, utf8('a')), ...field(3, 2, [...field(3, 2, utf8('x'))])], // record without partition key index
      [...field(1, 2, utf8('a')), 0x0b], // group start: unsupported wire type
      [...field(1, 2, utf8('a'))], // no records at all
      [0x00], // field number 0
    ];
    bodies.forEach((body, i) => {
      const out = expandRecord({ data: kplFrame(Uint8Array.from(body)), partitionKey: 'outer' });
      assert.equal(out.length, 1, `body ${i}`);
      assert.match(out[0].decoded.warnings?.[0] ?? '', /KPL aggregate malformed/, `body ${i}`);
    });
  });

  it('shares one decompression budget across the user records of an aggregate', async () => {
    const chunk = gzipSync(Buffer.alloc(400 * 1024, 0x61));
    const data = await singleAggregate([0, 1, 2, 3].map((i) => ({ partitionKey: `k${i}`, data: chunk })));
    const out = expandRecord({ data, partitionKey: 'outer' }, { maxDecompressedBytes: 1024 * 1024 });
    assert.deepEqual(
      out.map((r) => r.decoded.layers),
      [['kpl', 'gzip', 'text'], ['kpl', 'gzip', 'text'], ['kpl', 'binary'], ['kpl', 'binary']],
    );
    assert.match(out[2].decoded.warnings?.[0] ?? '', /exceeds the 1 MiB decompression cap \(224 KiB left for this Kinesis record\)/);
    assert.ok(out.reduce((sum, r) => sum + (r.decoded.layers.includes('gzip') ? r.decoded.size : 0), 0) <= 1024 * 1024);
  });
});
