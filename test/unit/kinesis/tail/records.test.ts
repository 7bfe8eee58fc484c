import { strict as assert } from 'node:assert';
import type { _Record } from '@aws-sdk/client-kinesis';
import { expandRecord } from '../../../../src/kinesis/decode';
import { afterSequence, toBatch } from '../../../../src/kinesis/tail/records';
import { aggregateWithProducer } from '../decode/fixtures';

function kinesisRecord(seq: string, data: Uint8Array, partitionKey: string): _Record {
  return { SequenceNumber: seq, Data: data, PartitionKey: partitionKey, ApproximateArrivalTimestamp: new Date(1_700_000_000_000) };
}

describe('afterSequence', () => {
  it('keeps only records after the last delivered one, comparing 56-digit sequence numbers as integers', () => {
    const base = '49590338271490256608559692538361571095921575989136588898';
    const next = (BigInt(base) + 1n).toString();
    const shorter = '9'.repeat(55);
    const recs = [shorter, base, next].map((s) => kinesisRecord(s, new Uint8Array(0), 'k'));
    assert.deepEqual(afterSequence(recs, base).map((r) => r.SequenceNumber), [next], 'string order would keep the 55 nines');
    assert.equal(afterSequence(recs, undefined).length, 3);
  });
});

describe('toBatch', () => {
  it('tags plain records with shard, sequence number, key, arrival and size', () => {
    const data = Buffer.from('{"id":1}');
    const b = toBatch('shardId-000000000001', [kinesisRecord('10', data, 'k')], expandRecord, undefined, 0, 5);
    assert.equal(b.records.length, 1);
    const r = b.records[0];
    assert.equal(r?.shardId, 'shardId-000000000001');
    assert.equal(r?.sequenceNumber, '10');
    assert.equal(r?.subSequenceNumber, undefined);
    assert.equal(r?.partitionKey, 'k');
    assert.equal(r?.approximateArrival, 1_700_000_000_000);
    assert.equal(r?.size, data.length);
    assert.equal(r?.decoded.kind, 'json');
    assert.equal(b.bytes, data.length);
    assert.equal(b.kinesisRecords, 1);
  });

  it('expands a KPL aggregate (made by aws-kinesis-agg) into user records sharing one sequence number', async () => {
    const users = Array.from({ length: 7 }, (_, i) => ({ partitionKey: `pk-${i}`, data: Buffer.from(JSON.stringify({ i })) }));
    const [agg] = await aggregateWithProducer(users);
    assert.ok(agg);
    const b = toBatch('s', [kinesisRecord('99', agg.data, agg.partitionKey), kinesisRecord('100', Buffer.from('x'), 'z')], expandRecord, undefined, undefined, 0);
    assert.equal(b.kinesisRecords, 2);
    assert.equal(b.records.length, 8);
    assert.deepEqual(b.records.slice(0, 7).map((r) => [r.sequenceNumber, r.subSequenceNumber, r.partitionKey]), users.map((u, i) => ['99', i, u.partitionKey]));
    assert.deepEqual(b.records.slice(0, 7).map((r) => (r.decoded.json as { i: number }).i), [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(b.records[7]?.sequenceNumber, '100');
    assert.equal(b.bytes, agg.data.length + 1);
  });

  it('keeps a record whose injected expander throws, as raw bytes with a warning', () => {
    const b = toBatch('s', [kinesisRecord('1', Buffer.from([1, 2]), 'k')], () => { throw new Error('bad decoder'); }, undefined, undefined, 0);
    assert.equal(b.records.length, 1);
    assert.deepEqual(Array.from(b.records[0]?.data ?? []), [1, 2]);
    assert.match(b.records[0]?.decoded.warnings?.[0] ?? '', /bad decoder/);
  });
});
