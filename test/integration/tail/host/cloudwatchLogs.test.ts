// CloudWatch Logs events as rows, end to end on kinesis-local: one gzipped subscription envelope
// of 50 events becomes 50 rows carrying group, stream, event id and timestamp and the parsed
// message; field filters reach the message; row actions still address the Kinesis record; a
// CONTROL_MESSAGE stays one (control) row.
import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { decodeLogEvent, decodePayload } from '../../../../src/kinesis/decode';
import { StreamTail } from '../../../../src/kinesis/tail';
import type { ExportItem } from '../../../../src/tail/shared/exportFormat';
import { compileView } from '../../../../src/tail/shared/filter';
import type { HostToWebview, RecordRow } from '../../../../src/tail/shared/protocol';
import { TailSession } from '../../../../src/tail/host/session';
import type { SendSets } from '../../../../src/tail/host/sessionOptions';
import { createStream, deleteStream, testClient } from '../../fixture';
import { eventually } from '../../../support/eventually';
import { putAll } from '../../kinesis/tail/helpers';

const GROUP = '/aws/lambda/checkout-api';
const STREAM = '2026/11/30/[$LATEST]aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const REQ = '0b7e1f6a-2c4d-4e8f-9a0b-1c2d3e4f5a6b';

/** Event i: the Lambda form with JSON (level and status vary), or a plain line every 10th. */
function message(i: number): string {
  if (i % 10 === 0) return `START RequestId: ${REQ} Version: $LATEST`;
  const level = i % 7 === 0 ? 'ERROR' : 'INFO';
  return `${new Date(T0 + i).toISOString()}\t${REQ}\t${level}\t${JSON.stringify({ level: level.toLowerCase(), status: i % 7 === 0 ? 'WARN' : 'OK', n: i })}`;
}

function envelope(messageType: string, count: number): Buffer {
  return gzipSync(JSON.stringify({
    messageType, owner: '123456789012', logGroup: messageType === 'DATA_MESSAGE' ? GROUP : '', logStream: messageType === 'DATA_MESSAGE' ? STREAM : '',
    subscriptionFilters: ['to-kinesis'],
    logEvents: Array.from({ length: count }, (_, i) => ({ id: `${T0}${String(i).padStart(40, '0')}`, timestamp: T0 + i, message: messageType === 'DATA_MESSAGE' ? message(i) : 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' })),
  }));
}

describe('CloudWatch Logs events as rows (tail session against kinesis-local)', function () {
  this.timeout(60_000);
  let stream = '';
  before(async () => {
    stream = await createStream(1, 'cwl');
  });
  after(async () => {
    await deleteStream(stream);
  });

  it('an envelope of 50 events becomes 50 rows with the right fields; actions use the Kinesis record', async () => {
    const client = testClient({ maxAttempts: 1 });
    const data = envelope('DATA_MESSAGE', 50);
    const [put] = await putAll(client, stream, [{ data, partitionKey: STREAM }, { data: envelope('CONTROL_MESSAGE', 1), partitionKey: 'control' }]);
    const rows: RecordRow[] = [];
    let tailedFrom: { shardId: string; sequenceNumber: string } | undefined;
    let putAgain: { data: Uint8Array; partitionKey: string } | undefined;
    let copied = '';
    let exported: ExportItem[] = [];
    let sent: SendSets | undefined;
    const session = new TailSession({
      target: { connection: 'local', region: 'us-east-1', stream, shardIds: [], startPosition: 'TRIM_HORIZON' },
      streamTail: true,
      settings: { maxRecords: 1000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
      createTail: (h) => new StreamTail({ client, streamName: stream, position: { type: 'TRIM_HORIZON' }, idleIntervalMs: 200, onBatch: h.onBatch, onStatus: h.onStatus }),
      decode: (bytes, logEvent) => (logEvent === undefined ? decodePayload(bytes) : decodeLogEvent(bytes, logEvent)),
      post: (m: HostToWebview) => {
        if (m.type === 'records' || m.type === 'replay') rows.push(...structuredClone(m.rows));
      },
      actions: {
        saveExport: async (items) => {
          exported = [...items];
          return { path: '/tmp/cwl.ndjson', count: exported.length };
        },
        copy: async (t) => { copied = t; },
        openInEditor: async () => undefined,
        tailFromRecord: async (r) => { tailedFrom = r; },
        putAgain: async (r) => { putAgain = r; },
        sendToStream: async (s) => { sent = s; },
      },
    });
    session.start();
    await session.handle({ type: 'ready' });
    try {
      await eventually(() => rows.length >= 51, '51 rows (50 events and the control message)');
      const events = rows.filter((r) => r.log !== undefined);
      assert.equal(events.length, 50);
      events.forEach((r, i) => {
        assert.equal(r.sequenceNumber, put.sequenceNumber, 'every event row carries its Kinesis record\'s sequence number');
        assert.equal(r.partitionKey, STREAM);
        assert.deepEqual({ group: r.log?.group, stream: r.log?.stream, id: r.log?.id, timestamp: r.log?.timestamp, index: r.log?.index, count: r.log?.count },
          { group: GROUP, stream: STREAM, id: `${T0}${String(i).padStart(40, '0')}`, timestamp: T0 + i, index: i, count: 50 });
        if (i % 10 === 0) {
          assert.equal(r.kind, 'text');
          assert.equal(r.body, message(i));
        } else {
          assert.equal(r.kind, 'json');
          assert.deepEqual(JSON.parse(r.body), { level: i % 7 === 0 ? 'error' : 'info', status: i % 7 === 0 ? 'WARN' : 'OK', n: i });
          assert.equal(r.log?.level, i % 7 === 0 ? 'ERROR' : 'INFO');
          assert.equal(r.log?.requestId, REQ);
        }
      });
      const control = rows.filter((r) => r.log === undefined);
      assert.equal(control.length, 1);
      assert.deepEqual(control[0].layers, ['gzip', 'cloudwatch-logs', 'control', 'json'], 'a CONTROL_MESSAGE is one row, labelled control');

      // Field filters reach the parsed message and the log variables.
      const errors = events.filter((r) => compileView({ text: '', field: '$.level == "error"', hiddenShards: [] }).matches(r));
      assert.deepEqual(errors.map((r) => r.log?.index), [7, 14, 21, 28, 35, 42, 49]);
      const cel = compileView({ text: '', field: 'log.group.endsWith("checkout-api") && log.level == "ERROR" && value.n > 40', hiddenShards: [] });
      assert.deepEqual(rows.filter((r) => cel.matches(r)).map((r) => r.log?.index), [42, 49]);

      // Row actions: the record, not the event.
      const row = events[17];
      await session.handle({ type: 'tailFromRecord', id: row.id });
      assert.deepEqual(tailedFrom, { shardId: put.shardId, sequenceNumber: put.sequenceNumber });
      await session.handle({ type: 'putAgain', id: row.id });
      assert.deepEqual(Buffer.from(putAgain?.data ?? []), data, 'put again sends the whole envelope record');
      await session.handle({ type: 'copy', what: 'payload', id: row.id });
      assert.deepEqual(JSON.parse(copied), { level: 'info', status: 'OK', n: 17 }, 'copy gives the event');
      await session.handle({ type: 'export', requestId: 1, scope: 'all', format: 'ndjson' });
      assert.equal(exported.length, 51);
      assert.deepEqual(exported[17].json, { level: 'info', status: 'OK', n: 17 });
      assert.equal(exported[17].log?.index, 17);
      await session.handle({ type: 'sendToStream' });
      assert.equal(sent?.all.length, 2, 'send to stream sends each Kinesis record once, not once per event');
    } finally {
      await session.dispose();
    }
  });
});
