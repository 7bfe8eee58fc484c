// Replaying the host buffer to a (re)opened webview in slices, one per macrotask: the webview
// gets every record once and in id order while records keep arriving (and being evicted), live
// rows wait for the replay, and a newer replay, a hide or dispose cancels the one in progress.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import type { TailRecord, TailStatus } from '../../../../src/kinesis/tail/types';
import { HostBuffer } from '../../../../src/tail/host/buffer';
import { Replay } from '../../../../src/tail/host/replay';
import { TailSession } from '../../../../src/tail/host/session';
import type { TailHandlers } from '../../../../src/tail/host/sessionOptions';
import type { HostToWebview } from '../../../../src/tail/shared/protocol';
import { toRecordRow } from '../../../../src/tail/shared/recordRow';
import { eventually } from '../../../support/eventually';

const encoder = new TextEncoder();
let seq = 0;

function records(count: number): TailRecord[] {
  return Array.from({ length: count }, () => {
    const n = ++seq;
    const data = encoder.encode(JSON.stringify({ n, note: `record ${n}` }));
    return { shardId: 'shardId-000000000000', sequenceNumber: String(n).padStart(56, '0'), partitionKey: `k${n % 5}`, approximateArrival: 1_700_000_000_000 + n, size: data.length, data, decoded: decodePayload(data) };
  });
}

/** A session whose engine the test plays, and what its webview was posted. */
function open(maxRecords: number) {
  const posted: HostToWebview[] = [];
  let handlers: TailHandlers | undefined;
  const session = new TailSession({
    target: { connection: 'local', region: 'us-east-1', stream: 's', shardIds: [], startPosition: 'LATEST' },
    streamTail: false,
    settings: { maxRecords, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
    createTail: (h) => {
      handlers = h;
      return { start: () => new Promise<TailStatus>(() => undefined), stop: async () => ({ streamName: 's', state: 'stopped', shards: [], totalRecords: 0, totalBytes: 0, recordsPerSecond: 0, bytesPerSecond: 0 }), pause: () => undefined, resume: () => undefined };
    },
    decode: (data) => decodePayload(data),
    post: (m) => void posted.push(m),
    actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
    flushIntervalMs: 1,
    statusIntervalMs: 1,
    replayChunk: 50,
  });
  assert.ok(handlers);
  const h = handlers;
  const feed = (count: number): void => h.onBatch({ shardId: 'shardId-000000000000', records: records(count), kinesisRecords: count, bytes: 0, receivedAt: Date.now() });
  return { session, posted, feed };
}

/** The ids the webview holds after these messages (a reset empties it). */
function shown(posted: HostToWebview[]): number[] {
  const ids: number[] = [];
  for (const m of posted) {
    if (m.type === 'reset') ids.length = 0;
    if (m.type === 'replay' || m.type === 'records') ids.push(...m.rows.map((r) => r.id));
  }
  return ids;
}

const lastIndex = (posted: HostToWebview[], type: HostToWebview['type']): number => posted.map((m) => m.type).lastIndexOf(type);
const increasing = (ids: number[]): boolean => ids.every((id, i) => i === 0 || id > ids[i - 1]);
const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('replay of the host buffer to a (re)opened webview', () => {
  it('yields between slices and sends every record once, in order, while records keep arriving', async () => {
    const { session, posted, feed } = open(100_000);
    feed(2000);
    let replayDone = false;
    const ready = session.handle({ type: 'ready' }).then(() => (replayDone = true));
    let fedDuring = 0;
    // Records arrive between slices: the replay must not block the loop for all 2,000 rows.
    while (!replayDone) {
      feed(7);
      fedDuring += 7;
      await macrotask();
    }
    await ready;
    assert.ok(fedDuring > 7, `the replay yielded: ${fedDuring} records arrived during it`);
    const lastReplay = lastIndex(posted, 'replay');
    const firstRecords = posted.findIndex((m) => m.type === 'records');
    assert.ok(firstRecords === -1 || firstRecords > lastReplay, 'live rows only after the replay');
    const reset = lastIndex(posted, 'reset');
    assert.ok(posted.slice(reset, lastReplay).every((m) => m.type !== 'status'), 'no status while replaying (it would count rows not yet sent)');
    assert.ok(posted.filter((m) => m.type === 'replay').every((m) => m.type === 'replay' && m.rows.length <= 50));
    feed(3);
    const total = session.snapshot().nextId - 1;
    await eventually(() => shown(posted).length === total, 'every record shown');
    const ids = shown(posted);
    assert.deepEqual(ids, Array.from({ length: total }, (_, i) => ids[0] + i), 'each id once, in order, none missing');
    await session.dispose();
  });

  it('skips records evicted during the replay and still shows each buffered one once', async () => {
    const { session, posted, feed } = open(500);
    feed(500);
    let replayDone = false;
    const ready = session.handle({ type: 'ready' }).then(() => (replayDone = true));
    while (!replayDone) {
      feed(40);
      await macrotask();
    }
    await ready;
    await eventually(() => shown(posted).at(-1) === session.snapshot().nextId - 1, 'the newest record shown');
    const ids = shown(posted);
    assert.ok(increasing(ids), 'in id order, no duplicates');
    const buffered = session.rows().map((r) => r.id);
    assert.ok(buffered.every((id) => ids.includes(id)), 'every record still buffered was shown');
    await session.dispose();
  });

  it('rows arriving during a replay wait at most maxRecords deep, and the webview ends with the newest', async () => {
    const max = 1000;
    const { session, posted, feed } = open(max);
    feed(max);
    const ready = session.handle({ type: 'ready' });
    // A burst of five rings' worth while the first slice is out: only the newest ring can show.
    feed(5 * max);
    assert.ok(session.snapshot().waiting <= max, `waiting: ${session.snapshot().waiting}`);
    await ready;
    await eventually(() => session.snapshot().waiting === 0 && !session.snapshot().timerPending, 'the waiting rows flushed');
    const ids = shown(posted);
    assert.ok(increasing(ids), 'in id order, none twice');
    const newest = session.snapshot().nextId - 1;
    assert.deepEqual(ids.slice(-max), Array.from({ length: max }, (_, i) => newest - max + 1 + i), 'the last ring is the newest records');
    await session.dispose();
  });

  it('a newer ready, a hide or dispose cancels the replay in progress', async () => {
    const { session, posted, feed } = open(10_000);
    feed(3000);
    const first = session.handle({ type: 'ready' });
    await macrotask();
    const second = session.handle({ type: 'ready' });
    await Promise.all([first, second]);
    const lastReset = lastIndex(posted, 'reset');
    assert.deepEqual(posted.slice(lastReset).filter((m) => m.type === 'replay').flatMap((m) => (m.type === 'replay' ? m.rows.map((r) => r.id) : [])), Array.from({ length: 3000 }, (_, i) => i + 1), 'only the second replay after its reset, complete');
    assert.equal(posted.filter((m) => m.type === 'replay' && m.done).length, 1, 'the first replay never finished');

    const hidden = session.handle({ type: 'ready' });
    session.detach();
    await hidden;
    const afterHide = posted.length;
    for (let i = 0; i < 5; i++) await macrotask();
    assert.equal(posted.length, afterHide, 'nothing posted after the panel hid');

    const disposed = session.handle({ type: 'ready' });
    await session.dispose();
    await disposed;
    const afterDispose = posted.length;
    for (let i = 0; i < 5; i++) await macrotask();
    assert.equal(posted.length, afterDispose, 'nothing posted after dispose');
  });

  it('an empty buffer replays as one empty, final slice', async () => {
    const out: unknown[] = [];
    const replay = new Replay(new HostBuffer(10, (d) => decodePayload(d)), { post: (m) => void out.push(m) });
    assert.equal(await replay.start(), true);
    assert.deepEqual(out, [{ type: 'replay', rows: [], done: true }]);
  });

  it('cuts a slice when its time budget is spent', async () => {
    const buffer = new HostBuffer(1000, (d) => decodePayload(d));
    for (const r of records(1000)) buffer.push({ row: toRecordRow({ id: seq + 1 - 1000 + buffer.size, shardId: r.shardId, sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey, arrival: r.approximateArrival, size: r.size, decoded: r.decoded }), data: r.data });
    let clock = 0;
    const sizes: number[] = [];
    // Every clock reading costs 1 ms: a 5 ms budget ends a slice at the first reading past it.
    const replay = new Replay(buffer, { post: (m) => void sizes.push(m.rows.length), maxRows: 1000, sliceMs: 5, now: () => clock++ });
    assert.equal(await replay.start(), true);
    assert.equal(sizes.reduce((a, b) => a + b, 0), 1000);
    assert.ok(sizes.length > 1 && sizes.slice(0, -1).every((n) => n < 1000), `slices: ${sizes.join(', ')}`);
  });
});
