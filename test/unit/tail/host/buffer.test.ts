import { strict as assert } from 'node:assert';
import { HostBuffer as Buffer, onePerRecord, type BufferedRecord, type RowDecoder } from '../../../../src/tail/host/buffer';
import { decodeLogEvent, decodePayload } from '../../../../src/kinesis/decode';
import type { RecordMeta } from '../../../../src/tail/shared/protocol';
import { toRecordRow } from '../../../../src/tail/shared/recordRow';

const decode: RowDecoder = (data, logEvent) => (logEvent === undefined ? decodePayload(data) : decodeLogEvent(data, logEvent));

class HostBuffer extends Buffer {
  constructor(capacity: number) {
    super(capacity, decode);
  }
}

const encoder = new TextEncoder();

/** A record as the session buffers it: the row built from the decoded bytes. */
function record(id: number, data: Uint8Array, meta: Partial<RecordMeta> = {}, layers?: BufferedRecord['row']['layers']): BufferedRecord {
  const decoded = meta.log ? decodeLogEvent(data, meta.log.index) : decodePayload(data);
  const row = toRecordRow({ id, shardId: 'shardId-000000000001', sequenceNumber: `4966${String(id).padStart(52, '0')}`, partitionKey: `k${id % 7}`, arrival: 1_700_000_000_000 + id, size: data.length, ...meta, decoded: layers ? { ...decoded, layers } : decoded });
  return { row, data };
}

const rec = (id: number): BufferedRecord => record(id, encoder.encode(JSON.stringify({ id, note: 'x'.repeat(id % 5) })));

describe('HostBuffer', () => {
  it('keeps the newest records up to capacity and counts what it dropped', () => {
    const b = new HostBuffer(3);
    for (let id = 1; id <= 5; id++) b.push(rec(id));
    assert.equal(b.size, 3);
    assert.equal(b.dropped, 2);
    assert.deepEqual([...b.records()].map((r) => r.row.id), [3, 4, 5]);
    assert.equal(b.get(2), undefined);
    assert.equal(b.get(4)?.row.id, 4);
  });

  it('finds records by id across gaps left by clear()', () => {
    const b = new HostBuffer(10);
    b.push(rec(1));
    b.clear();
    for (const id of [7, 9, 12]) b.push(rec(id));
    assert.equal(b.get(9)?.row.id, 9);
    assert.equal(b.get(8), undefined);
    assert.equal(b.get(12)?.row.id, 12);
    assert.equal(b.size, 3);
  });

  it('refuses ids that do not increase and a capacity below one', () => {
    const b = new HostBuffer(2);
    b.push(rec(5));
    assert.throws(() => b.push(rec(5)), RangeError);
    assert.throws(() => new HostBuffer(0), RangeError);
  });

  it('stays O(1) per push at 100,000 records', () => {
    const b = new HostBuffer(1000);
    for (let id = 1; id <= 100_000; id++) b.push(rec(id));
    assert.equal(b.size, 1000);
    assert.equal(b.dropped, 99_000);
    assert.equal(b.get(99_500)?.row.id, 99_500);
  });

  it('rebuilds every row exactly as it was pushed, from the stored bytes', () => {
    const b = new HostBuffer(10);
    const envelope = encoder.encode(JSON.stringify({ messageType: 'DATA_MESSAGE', owner: '1', logGroup: '/g', logStream: 's', subscriptionFilters: [], logEvents: [{ id: 'e1', timestamp: 1, message: '{"a":1}' }, { id: 'e2', timestamp: 2, message: 'plain line' }] }));
    const log = (index: number) => ({ group: '/g', stream: 's', id: `e${index + 1}`, timestamp: index + 1, index, count: 2 });
    const pushed = [
      record(1, encoder.encode('{"big":123456789012345678901234567890,"s":"é ✓"}')),
      record(2, encoder.encode('hello'), { subSequenceNumber: 3, explicitHashKey: '170141183460469231731687303715884105728' }, ['kpl', 'text']),
      record(3, envelope, { log: log(0), partitionKey: 'logs' }),
      record(4, envelope, { log: log(1), partitionKey: 'logs' }),
      record(5, new Uint8Array([0, 1, 2, 255]), { sequenceNumber: '42', partitionKey: 'lone \ud800 key', size: 9 }),
      record(6, encoder.encode('{}'), { partitionKey: '' }),
    ];
    // The rows of one envelope arrive sharing the same bytes.
    pushed[3].data = pushed[2].data;
    for (const r of pushed) b.push(r);
    assert.deepEqual([...b.records()].map((r) => r.row), pushed.map((r) => r.row));
    assert.deepEqual([...b.get(2)!.data], [...pushed[1].data]);
    assert.equal(onePerRecord(b.records()).length, 5, 'the two log events send their record once');
  });

  it('grows its columns as it fills and keeps every record across the growth and the wrap', () => {
    const b = new HostBuffer(20_000);
    for (let id = 1; id <= 10_000; id++) b.push(rec(id));
    assert.deepEqual([1, 4096, 4097, 8193, 10_000].map((id) => b.get(id)?.row.id), [1, 4096, 4097, 8193, 10_000]);
    for (let id = 10_001; id <= 25_000; id++) b.push(rec(id));
    assert.equal(b.size, 20_000);
    assert.equal(b.oldestId, 5001);
    assert.equal(b.newestId, 25_000);
    assert.deepEqual([...b.recordsFrom(24_998)].map((r) => JSON.parse(r.row.body).id), [24_998, 24_999, 25_000]);
    assert.equal([...b.recordsFrom(1)][0].row.id, 5001, 'from an evicted id: the oldest left');
  });

  it('frees the bytes of records that left the ring', () => {
    const b = new HostBuffer(1000);
    const big = 'y'.repeat(2000);
    for (let id = 1; id <= 20_000; id++) b.push(record(id, encoder.encode(JSON.stringify({ id, big }))));
    assert.equal(b.size, 1000);
    // 1,000 records of ~2 KB need 2 or 3 chunks of 1 MiB, not the 39 that 20,000 filled.
    assert.ok(b.arenaBytes <= 4 * 2 ** 20, `arena holds ${b.arenaBytes} bytes`);
    assert.equal(JSON.parse(b.get(20_000)!.row.body).id, 20_000);
  });
});
