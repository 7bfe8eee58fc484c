// The tail panel's host-side session against kinesis-local: records reach the webview model in
// paced batches after the ready handshake, pause and resume lose nothing, a hidden webview is
// replayed from the host buffer, export and payload requests answer from it, and stop ends the
// reader with no timer left behind.
import { strict as assert } from 'node:assert';
import { decodePayload } from '../../../../src/kinesis/decode';
import { StreamTail } from '../../../../src/kinesis/tail';
import type { ExportItem } from '../../../../src/tail/shared/exportFormat';
import type { HostToWebview, RecordRow } from '../../../../src/tail/shared/protocol';
import { TailSession } from '../../../../src/tail/host/session';
import type { SessionActions } from '../../../../src/tail/host/sessionOptions';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { putAll, sleep } from '../../kinesis/tail/helpers';

class FakeWebview {
  readonly messages: HostToWebview[] = [];
  /** When each message was posted (Date.now()), by index. */
  readonly postedAt: number[] = [];
  readonly post = (m: HostToWebview): void => {
    this.messages.push(structuredClone(m));
    this.postedAt.push(Date.now());
  };
  /** Times at which `records` messages were posted. */
  recordsTimes(): number[] {
    return this.messages.flatMap((m, i) => (m.type === 'records' ? [this.postedAt[i] ?? 0] : []));
  }
  rows(): RecordRow[] {
    const out: RecordRow[] = [];
    for (const m of this.messages) {
      if (m.type === 'reset') out.length = 0;
      if (m.type === 'records' || m.type === 'replay') out.push(...m.rows);
    }
    return out;
  }
  of<T extends HostToWebview['type']>(type: T): Extract<HostToWebview, { type: T }>[] {
    return this.messages.filter((m): m is Extract<HostToWebview, { type: T }> => m.type === type);
  }
}

describe('tail panel session (host side) against kinesis-local', function () {
  this.timeout(60_000);
  let stream = '';

  before(async () => {
    stream = await createStream(2, 'session');
  });

  after(async () => {
    await deleteStream(stream);
  });

  function session(webview: FakeWebview, actions: Partial<SessionActions> = {}, maxRecords = 1000) {
    const client = testClient({ maxAttempts: 1 });
    return new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream, shardIds: [], startPosition: 'TRIM_HORIZON' },
      streamTail: true,
      settings: { maxRecords, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client, streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (data) => decodePayload(data),
      post: webview.post,
      actions: {
        saveExport: async () => undefined,
        copy: async () => undefined,
        openInEditor: async () => undefined,
        tailFromRecord: async () => undefined,
        putAgain: async () => undefined,
        ...actions,
      },
    });
  }

  it('posts nothing before ready, then replays, streams live records, pauses and resumes without loss', async () => {
    const client = testClient();
    await putAll(client, stream, Array.from({ length: 50 }, (_, i) => ({ data: JSON.stringify({ n: i }), partitionKey: `k${i % 5}` })));
    const webview = new FakeWebview();
    const s = session(webview);
    s.start();
    await eventually(() => s.snapshot().buffered === 50, '50 buffered records');
    assert.equal(webview.messages.length, 0, 'the host posts nothing before the ready handshake');

    await s.handle({ type: 'ready' });
    assert.deepEqual(webview.messages.slice(0, 2).map((m) => m.type), ['init', 'reset']);
    assert.equal(webview.rows().length, 50);
    assert.deepEqual(webview.rows().map((r) => JSON.parse(r.body) as { n: number }).map((j) => j.n).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));

    await s.handle({ type: 'pause', reason: 'user' });
    // A GetRecords already answered when the pause came may still be flushed; count after that.
    await eventually(() => webview.of('status').at(-1)?.shards.every((sh) => sh.state === 'paused'), 'every shard to report paused');
    await eventually(() => !s.snapshot().timerPending, 'the last flush before the pause');
    const before = webview.rows().length;
    await putAll(client, stream, Array.from({ length: 20 }, (_, i) => ({ data: JSON.stringify({ n: 50 + i }), partitionKey: `k${i % 5}` })));
    // The fixed wait is the thing under test: a window of several poll intervals in which a tail
    // that kept reading while paused would have delivered the 20 records.
    await sleep(1500);
    assert.equal(webview.rows().length, before, 'a paused tail delivers nothing');
    assert.equal(webview.of('status').at(-1)?.paused, true);

    await s.handle({ type: 'resume' });
    await eventually(() => webview.rows().length === 70, 'the 20 records written while paused');
    const ids = webview.rows().map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicate row ids');

    // Pacing: records messages never come closer together than the flush interval (100 ms; a
    // timer may fire a millisecond early), however fast or slow the machine is.
    const times = webview.recordsTimes();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    assert.ok(gaps.every((g) => g >= 99), `records messages at least one flush interval apart: ${gaps.join(', ')} ms`);

    await s.dispose();
    assert.equal(s.snapshot().timerPending, false, 'no flush timer left after dispose');
  });

  it('replays the host buffer to a webview that comes back after being hidden', async () => {
    const webview = new FakeWebview();
    const s = session(webview);
    s.start();
    await s.handle({ type: 'ready' });
    await eventually(() => webview.rows().length >= 70, 'initial rows');
    s.detach();
    await putAll(testClient(), stream, [{ data: '{"hidden":true}', partitionKey: 'h' }]);
    await eventually(() => s.snapshot().buffered === 71, 'the record read while hidden');
    const postedWhileHidden = webview.messages.length;
    // The fixed wait is the thing under test: more than one flush interval (100 ms) in which a
    // session that still posted to a hidden webview would have done so.
    await sleep(300);
    assert.equal(webview.messages.length, postedWhileHidden, 'nothing is posted to a hidden webview');

    const reopened = new FakeWebview();
    (s as unknown as { opts: { post: (m: HostToWebview) => void } }).opts.post = reopened.post;
    await s.handle({ type: 'ready' });
    assert.equal(reopened.rows().length, 71);
    assert.ok(reopened.rows().some((r) => r.body === '{"hidden":true}'));
    await s.dispose();
  });

  it('answers payload, export and copy requests from the buffer', async () => {
    const webview = new FakeWebview();
    let exported: ExportItem[] = [];
    let copied = '';
    const s = session(webview, {
      saveExport: async (items) => {
        exported = [...items];
        return { path: '/tmp/x.ndjson', count: exported.length };
      },
      copy: async (t) => {
        copied = t;
      },
    });
    s.start();
    await s.handle({ type: 'ready' });
    await eventually(() => webview.rows().length >= 71, 'rows');
    const row = webview.rows().find((r) => r.body === '{"n":3}');
    assert.ok(row);
    await s.handle({ type: 'getPayload', requestId: 7, id: row.id });
    const payload = webview.of('payload').at(-1);
    assert.equal(payload?.ok, true);
    assert.equal(payload?.body, '{"n":3}');
    assert.equal(Buffer.from(payload?.rawBase64 ?? '', 'base64').toString(), '{"n":3}');

    await s.handle({ type: 'setFilter', text: 'hidden', field: '' });
    await s.handle({ type: 'export', requestId: 8, scope: 'shown', format: 'ndjson' });
    assert.equal(exported.length, 1);
    assert.deepEqual(exported[0]?.json, { hidden: true });
    assert.deepEqual(webview.of('exportResult').at(-1), { type: 'exportResult', requestId: 8, ok: true, count: 1, path: '/tmp/x.ndjson' });
    await s.handle({ type: 'export', requestId: 9, scope: 'all', format: 'csv' });
    assert.equal(exported.length, 71);

    await s.handle({ type: 'copy', what: 'sequenceNumber', id: row.id });
    assert.equal(copied, row.sequenceNumber);
    await s.handle({ type: 'getPayload', requestId: 10, id: 999_999 });
    assert.equal(webview.of('payload').at(-1)?.ok, false);

    await s.stop();
    await s.done;
    assert.equal(webview.of('status').length > 0, true);
    await eventually(() => webview.of('status').at(-1)?.stopped, 'a final status that says stopped');
    await s.dispose();
  });

  it('keeps at most maxRecords, dropping the oldest and counting them', async () => {
    const webview = new FakeWebview();
    const s = session(webview, {}, 25);
    s.start();
    await eventually(() => s.snapshot().dropped >= 46, 'drops at the cap');
    assert.equal(s.snapshot().buffered, 25);
    await s.handle({ type: 'ready' });
    assert.equal(webview.rows().length, 25);
    await s.dispose();
  });

  it('tells the webview when each quiet shard took its LATEST position, until it shows a record (for restore)', async () => {
    const client = testClient({ maxAttempts: 1 });
    const webview = new FakeWebview();
    const s = new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream, shardIds: [], startPosition: 'LATEST' },
      streamTail: true,
      settings: { maxRecords: 1000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client, streamName: stream, position: { type: 'LATEST' }, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (data) => decodePayload(data),
      post: webview.post,
      actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
    });
    s.start();
    await s.handle({ type: 'ready' });
    const shards = (): { shardId: string; latestAt?: number }[] => webview.of('status').at(-1)?.shards ?? [];
    await eventually(() => shards().length === 2 && shards().every((sh) => sh.latestAt !== undefined), 'a LATEST time for both shards');
    const [written] = await putAll(client, stream, [{ data: '{"n":1}', partitionKey: 'quiet-no-more' }]);
    await eventually(() => webview.rows().length === 1 && shards().find((sh) => sh.shardId === written?.shardId)?.latestAt === undefined, 'the record and its shard without a LATEST time');
    assert.ok(shards().find((sh) => sh.shardId !== written?.shardId)?.latestAt !== undefined, 'the other shard keeps its time');
    await s.dispose();
  });

  it('reports a failed tail as an error banner with the AWS code, and logs the shard and code once', async () => {
    const client = testClient({ maxAttempts: 1 });
    const webview = new FakeWebview();
    const lines: Array<[string, string]> = [];
    const shardId = 'shardId-000000000000';
    const bad = '49' + '0'.repeat(54);
    const s = new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream, shardIds: [shardId], startPosition: `AFTER ${bad}` },
      streamTail: false,
      settings: { maxRecords: 100, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client, streamName: stream, shardIds: [shardId], position: { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: bad }, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (data) => decodePayload(data),
      post: webview.post,
      log: (level, line) => lines.push([level, line]),
      actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
    });
    s.start();
    await s.handle({ type: 'ready' });
    await s.done;
    const last = await eventually(() => {
      const st = webview.of('status').at(-1);
      return st?.stopped && st.message ? st : undefined;
    }, 'a final status with a message');
    assert.equal(last.severity, 'error');
    assert.match(last.message ?? '', /^\w+Exception: .+\. /, 'the AWS code, the sentence, then the next step');
    const errors = lines.filter(([level]) => level === 'error');
    assert.ok(errors.some(([, line]) => line.includes(shardId) && /Exception/.test(line)), `a log line names the shard and the code: ${JSON.stringify(lines)}`);
    assert.equal(new Set(errors.map(([, l]) => l)).size, errors.length, 'each error is logged once');
    await s.dispose();
  });
});
