// Recognizes the CloudWatch Logs subscription envelope (gzipped JSON with messageType, logGroup,
// logStream and logEvents), exposes its events with JSON messages parsed, and splits a
// DATA_MESSAGE into one decoded row per log event (as a KPL aggregate splits into user records).
import type { DecodeLayer, Decoded, LogEventMeta, UserRecord } from './types';
import { isPlainObject, NOT_JSON, parseJsonContainer } from './text';

export interface LogEvent {
  id?: unknown;
  timestamp?: unknown;
  message?: unknown;
  /** The message parsed, when it is a JSON object or array; `message` keeps the original. */
  messageJson?: unknown;
}

export interface CloudWatchLogsEnvelope {
  messageType: string;
  owner?: unknown;
  logGroup: string;
  logStream: string;
  subscriptionFilters?: unknown;
  /** Normally LogEvent objects; anything else in the array is passed through untouched. */
  logEvents: unknown[];
}

export function isCloudWatchLogsEnvelope(value: unknown): value is CloudWatchLogsEnvelope {
  return (
    isPlainObject(value) &&
    typeof value.messageType === 'string' &&
    typeof value.logGroup === 'string' &&
    typeof value.logStream === 'string' &&
    Array.isArray(value.logEvents)
  );
}

/** A copy of the envelope whose events carry `messageJson` where the message is JSON. */
export function exposeLogEvents(envelope: CloudWatchLogsEnvelope): CloudWatchLogsEnvelope {
  return { ...envelope, logEvents: envelope.logEvents.map(withParsedMessage) };
}

function withParsedMessage(event: unknown): unknown {
  if (!isPlainObject(event) || typeof event.message !== 'string') return event;
  const parsed = parseJsonContainer(event.message);
  if (parsed === NOT_JSON) return event;
  const withJson: LogEvent = { ...event, messageJson: parsed };
  return withJson;
}

/** Whether an envelope is split into event rows: log data with at least one event. */
export function hasEventRows(envelope: CloudWatchLogsEnvelope): boolean {
  return envelope.messageType === 'DATA_MESSAGE' && envelope.logEvents.length > 0;
}

const LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR', 'FATAL', 'CRITICAL']);

export interface LambdaLine {
  time: string;
  requestId: string;
  level: string;
  /** What follows the level: JSON or plain text. */
  body: string;
}

/**
 * The Lambda runtime's text form `<ISO time>\t<request id>\t<LEVEL>\t<message>`, or undefined.
 * Three indexOf calls and fixed checks, no regex: it runs once per log event.
 */
export function parseLambdaLine(message: string): LambdaLine | undefined {
  const t1 = message.indexOf('\t');
  if (t1 < 10 || t1 > 40) return undefined;
  const t2 = message.indexOf('\t', t1 + 1);
  if (t2 < 0 || t2 - t1 > 80) return undefined;
  const t3 = message.indexOf('\t', t2 + 1);
  if (t3 < 0 || t3 - t2 > 12) return undefined;
  const time = message.slice(0, t1);
  const c0 = time.charCodeAt(0);
  if (c0 < 0x30 || c0 > 0x39 || time.charCodeAt(10) !== 0x54 /* T */) return undefined;
  const level = message.slice(t2 + 1, t3);
  if (!LEVELS.has(level)) return undefined;
  return { time, requestId: message.slice(t1 + 1, t2), level, body: message.slice(t3 + 1) };
}

function eventTimestamp(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

/** The layers of an event row, built once per envelope; each row gets its own copy. */
export interface EventRowLayers {
  json: readonly DecodeLayer[];
  text: readonly DecodeLayer[];
}

/** `layers` are those of the envelope up to and including 'cloudwatch-logs'. */
export function eventRowLayers(layers: readonly DecodeLayer[]): EventRowLayers {
  return { json: [...layers, 'json'], text: [...layers, 'text'] };
}

/**
 * The row of one log event of a DATA_MESSAGE, with the bytes and key of the record it came in
 * (`from`). A JSON message (or the JSON after a Lambda prefix) becomes kind 'json' with the
 * parsed value; anything else stays text. It runs once per event, so it builds only the objects
 * a row keeps.
 */
export function logEventRow(
  envelope: CloudWatchLogsEnvelope,
  event: unknown,
  index: number,
  count: number,
  layers: EventRowLayers,
  from: { data: Uint8Array; partitionKey: string },
): UserRecord {
  const e = isPlainObject(event) ? event : {};
  const message = typeof e.message === 'string' ? e.message : JSON.stringify(e.message ?? null);
  const lambda = parseLambdaLine(message);
  const log: LogEventMeta = {
    group: envelope.logGroup,
    stream: envelope.logStream,
    id: typeof e.id === 'string' ? e.id : String(e.id ?? ''),
    timestamp: eventTimestamp(e.timestamp),
    index,
    count,
  };
  if (lambda) {
    log.level = lambda.level;
    log.requestId = lambda.requestId;
  }
  const body = lambda ? lambda.body : message;
  const parsed = parseJsonContainer(body);
  const size = Buffer.byteLength(message);
  const decoded: Decoded = parsed !== NOT_JSON
    ? { kind: 'json', layers: layers.json.slice(), json: parsed, text: body, size }
    : { kind: 'text', layers: layers.text.slice(), text: message, size };
  if (!isPlainObject(event)) decoded.warnings = ['log event is not an object'];
  return { data: from.data, partitionKey: from.partitionKey, log, decoded };
}
