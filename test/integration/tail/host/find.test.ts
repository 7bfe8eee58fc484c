// Find in Stream against kinesis-local, through the tail panel's session: only matches are
// buffered, the range ends by itself with "range done", the match cap and Cancel give their own
// stop reasons, and the last status message carries the figures and the reason.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import { StreamTail } from '../../../../src/kinesis/tail';
import type { ReadEnd } from '../../../../src/kinesis/tail/rangeEnd';
import { FindScan } from '../../../../src/tail/host/findScan';
import { TailSession } from '../../../../src/tail/host/session';
import type { HostToWebview, StatusMessage } from '../../../../src/tail/shared/protocol';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { putAll } from '../../kinesis/tail/helpers';

const TOTAL = 400;
/** Every 10th record is a WARN. */
const WARNS = TOTAL / 10;

describe('Find in Stream (session + engine) against kinesis-local', function () {
  this.timeout(90_000);
  let stream = '';

  before(async () => {
    stream = await createStream(2, 'find');
    await putAll(testClient(), stream, Array.from({ length: TOTAL }, (_, i) => ({ data: JSON.stringify({ n: i, status: i % 10 === 0 ? 'WARN' : 'OK' }), partitionKey: `k${i % 7}` })));
  });

  after(async () => {
    await deleteStream(stream);
  });

  function find(field: string, matchCap: number, end: ReadEnd = { type: 'NOW' }, limit = 10_000) {
    const posted: HostToWebview[] = [];
    const scan = new FindScan({ text: '', field, matchCap, untilMs: Date.now(), label: 'Find TRIM_HORIZON → now' });
    const client = testClient({ maxAttempts: 1 });
    const session = new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream, shardIds: [], startPosition: 'Find TRIM_HORIZON → now' },
      streamTail: true,
      settings: { maxRecords: 100_000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client, streamName: stream, position: { type: 'TRIM_HORIZON' }, end, limit, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (data) => decodePayload(data),
      post: (m) => posted.push(structuredClone(m)),
      actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
      find: scan,
    });
    const lastStatus = (): StatusMessage | undefined => posted.filter((m): m is StatusMessage => m.type === 'status').pop();
    return { scan, session, posted, lastStatus };
  }

  it('keeps only the matches, ends by itself with "range done", and says so in the header status', async () => {
    const { scan, session, lastStatus } = find('$.status == "WARN"', 10_000);
    session.start();
    await session.handle({ type: 'ready' });
    await session.done;
    assert.equal(session.snapshot().buffered, WARNS);
    assert.ok(session.rows().every((r) => JSON.parse(r.body).status === 'WARN'));
    const p = scan.progress();
    assert.deepEqual(p.stop, { kind: 'range-done' });
    assert.equal(p.scannedRecords, TOTAL, 'every record of the range was scanned');
    assert.equal(p.matches, WARNS);
    assert.ok(p.shards.every((s) => s.percent === 100));
    const status = await eventually(() => lastStatus()?.find?.stop && lastStatus(), 'the final status reaches the webview');
    assert.match(status.message ?? '', /^Range done/);
    await session.dispose();
  });

  it('the match cap stops the find with "match cap reached" and keeps exactly the cap', async () => {
    const { scan, session } = find('$.status == "WARN"', 5, { type: 'NOW' }, 20);
    session.start();
    await session.done;
    assert.deepEqual(scan.progress().stop, { kind: 'match-cap', cap: 5 });
    assert.equal(session.snapshot().buffered, 5);
    await session.dispose();
  });

  it('Cancel stops the find with "cancelled": the result says it is incomplete', async () => {
    // Reading to a time an hour ahead never ends by itself: only Cancel ends it.
    const { scan, session, lastStatus } = find('$.status == "WARN"', 10_000, { type: 'AT_TIMESTAMP', timestamp: new Date(Date.now() + 3_600_000) });
    session.start();
    await session.handle({ type: 'ready' });
    await eventually(() => scan.progress().scannedRecords === TOTAL, 'everything written so far was scanned');
    await session.stop();
    await session.done;
    assert.deepEqual(scan.progress().stop, { kind: 'cancelled' });
    const status = await eventually(() => lastStatus()?.find?.stop && lastStatus(), 'the final status reaches the webview');
    assert.match(status.message ?? '', /Cancelled: the result is incomplete/);
    await session.dispose();
  });
});
