// Record rows for the panel's tests and benchmark, shaped as the host builds them.
import { toRecordRow } from '../../../src/tail/shared/recordRow';
import type { Decoded, DecodeLayer, LogEventMeta } from '../../../src/kinesis/decode/types';
import type { RecordRow } from '../../../src/tail/shared/protocol';
import { hexDump } from '../../../src/kinesis/decode/hex';

const BASE_TIME = Date.UTC(2026, 10, 23, 10, 0, 0);
const LEVELS = ['DEBUG', 'INFO', 'INFO', 'INFO', 'WARN', 'ERROR'];

/** A sequence number shaped like Kinesis's (56 digits), growing with n. */
export function sequenceNumber(n: number, shard = 0): string {
  return `4959033827149025660855969253836157109592${String(shard).padStart(2, '0')}${String(n).padStart(14, '0')}`;
}

export function shardId(n: number): string {
  return `shardId-${String(n).padStart(12, '0')}`;
}

/** A typical JSON sensor event; values vary with id so that field filters have something to do. */
export function sampleJson(id: number): Record<string, unknown> {
  return {
    sensor: `s-${id % 50}`,
    temperature: 60 + (id % 30),
    level: LEVELS[id % LEVELS.length],
    user: `u${id % 7}`,
    location: { site: `plant-${id % 3}`, line: id % 5 },
    tags: ['kinesis', id % 2 === 0 ? 'even' : 'odd'],
    ts: new Date(BASE_TIME + id * 37).toISOString(),
  };
}

export function jsonDecoded(value: unknown, layers: DecodeLayer[] = ['json']): Decoded {
  const text = JSON.stringify(value);
  return { kind: 'json', layers, json: value, text, size: text.length };
}

export function textDecoded(text: string, layers: DecodeLayer[] = ['text']): Decoded {
  return { kind: 'text', layers, text, size: text.length };
}

export interface RowOptions {
  shard?: number;
  partitionKey?: string;
  decoded?: Decoded;
  arrival?: number;
}

export function makeRow(id: number, o: RowOptions = {}): RecordRow {
  const decoded = o.decoded ?? jsonDecoded(sampleJson(id));
  return toRecordRow({
    id,
    shardId: shardId(o.shard ?? id % 4),
    sequenceNumber: sequenceNumber(id, o.shard ?? id % 4),
    partitionKey: o.partitionKey ?? `device-${id % 97}`,
    arrival: o.arrival ?? BASE_TIME + id * 37,
    size: decoded.size,
    decoded,
  });
}

export function makeRows(from: number, count: number, o: RowOptions = {}): RecordRow[] {
  return Array.from({ length: count }, (_, i) => makeRow(from + i, o));
}

/** A realistic mix for screenshots: JSON events, CloudWatch Logs, KPL, DynamoDB, text and binary. */
export function showcaseRows(count: number): RecordRow[] {
  const out: RecordRow[] = [];
  for (let id = 1; id <= count; id++) {
    const shard = id % 4;
    let decoded: Decoded;
    let subSequenceNumber: number | undefined;
    let log: LogEventMeta | undefined;
    switch (id % 9) {
      case 2:
        // One event of a CloudWatch Logs envelope (a Lambda line whose JSON was parsed).
        decoded = jsonDecoded({ level: 'info', msg: 'payment authorized', latency_ms: 80 + id }, ['gzip', 'cloudwatch-logs', 'json']);
        log = { group: '/aws/lambda/checkout', stream: '2026/11/23/[$LATEST]8f2c', id: `3791${id}`, timestamp: BASE_TIME + id, index: id % 5, count: 5, level: 'INFO', requestId: `${id.toString(16)}-a1b2` };
        break;
      case 4:
        decoded = jsonDecoded({ orderId: `o-${1000 + id}`, amount: Math.round(id * 13.7) / 10, currency: 'EUR', items: id % 5 + 1 }, ['kpl', 'json']);
        subSequenceNumber = id % 3;
        break;
      case 6:
        decoded = jsonDecoded({ eventName: 'MODIFY', tableName: 'Users', dynamodb: { Keys: { pk: `user#${id % 40}` }, NewImage: { pk: `user#${id % 40}`, plan: 'pro', seats: id % 12 }, OldImage: { pk: `user#${id % 40}`, plan: 'free', seats: 1 } } }, ['dynamodb', 'json']);
        break;
      case 7:
        decoded = textDecoded(`2026-11-23T10:00:${String(id % 60).padStart(2, '0')}Z WARN payment-gateway timeout after 2500 ms (attempt ${id % 3 + 1})`);
        break;
      case 8: {
        const bytes = Uint8Array.from({ length: 48 }, (_, i) => (i * 37 + id) & 0xff);
        decoded = { kind: 'binary', layers: ['binary'], hex: hexDump(bytes), size: bytes.length };
        break;
      }
      default:
        decoded = jsonDecoded(sampleJson(id));
    }
    const row = makeRow(id, { shard, decoded });
    out.push({ ...row, ...(subSequenceNumber === undefined ? {} : { subSequenceNumber }), ...(log === undefined ? {} : { log }) });
  }
  return out;
}
