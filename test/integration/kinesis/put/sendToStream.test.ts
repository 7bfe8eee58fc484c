// "Send to stream…" from the tail session: the records matching the panel's filters, taken from
// the host buffer, go through prepareForward and putRecords to another stream exactly once, with
// their original partition keys.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import { prepareForward } from '../../../../src/kinesis/put/forward';
import { putRecords } from '../../../../src/kinesis/put/putRecords';
import { getPutTarget } from '../../../../src/kinesis/put/target';
import { StreamTail } from '../../../../src/kinesis/tail';
import { TailSession } from '../../../../src/tail/host/session';
import type { SendSets } from '../../../../src/tail/host/sessionOptions';
import { eventually } from '../../../support/eventually';
import { createStream, deleteStream, testClient } from '../../fixture';
import { putAll } from '../tail/helpers';
import { multiset, readAllRecords } from './readBack';

describe('send to stream from a tail session against kinesis-local', function () {
  this.timeout(180_000);
  const streams: string[] = [];

  after(async () => {
    for (const s of streams) await deleteStream(s);
  });

  it('moves the 10,000 records matching the filters exactly once, keeping their keys', async () => {
    const source = await createStream(2, 'send-src');
    const dest = await createStream(3, 'send-dst');
    streams.push(source, dest);
    const client = testClient();
    const all = Array.from({ length: 12_000 }, (_, i) => ({ data: JSON.stringify({ n: i, kind: i % 6 < 5 ? 'move' : 'stay' }), partitionKey: `key-${i % 37}` }));
    await putAll(client, source, all);

    const readClient = testClient({ maxAttempts: 1 });
    let sets: SendSets | undefined;
    const session = new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream: source, shardIds: [], startPosition: 'TRIM_HORIZON' },
      streamTail: true,
      settings: { maxRecords: 20_000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client: readClient, streamName: source, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (data) => decodePayload(data),
      post: () => undefined,
      actions: {
        saveExport: async () => undefined,
        copy: async () => undefined,
        openInEditor: async () => undefined,
        tailFromRecord: async () => undefined,
        putAgain: async () => undefined,
        sendToStream: async (s) => {
          sets = s;
        },
      },
    });
    session.start();
    try {
      await eventually(() => session.snapshot().buffered === 12_000, '12,000 buffered records', { timeoutMs: 90_000 });
      await session.handle({ type: 'setFilter', text: '', field: 'kind == "move"' });
      await session.handle({ type: 'sendToStream' });
    } finally {
      await session.stop();
    }
    assert.ok(sets);
    assert.equal(sets.filtered, true);
    assert.equal(sets.all.length, 12_000);
    assert.equal(sets.matching.length, 10_000);

    const prepared = prepareForward(sets.matching, { kind: 'keep' });
    assert.deepEqual(prepared.errors, []);
    const report = await putRecords(testClient({ maxAttempts: 1 }), await getPutTarget(client, dest), prepared.records);
    assert.deepEqual([report.outcome, report.sent, report.failed, report.unknown, report.notSent], ['completed', 10_000, 0, 0, 0]);

    const expected = all.filter((r) => r.data.includes('"move"')).map((r) => `${r.partitionKey}|${r.data}`);
    const arrived = await eventually(async () => {
      const got = await readAllRecords(client, dest);
      return got.length >= 10_000 && got;
    }, '10,000 records in the destination', { timeoutMs: 60_000 });
    assert.deepEqual(multiset(arrived.map((r) => `${r.partitionKey}|${r.data.toString('utf8')}`)), multiset(expected));
  });
});
