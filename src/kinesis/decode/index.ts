// Turns Kinesis record bytes into what people read: KPL aggregates expanded into user records,
// then gzip/zlib, CloudWatch Logs, DynamoDB, JSON, text or a hex dump. Pure, and never throws.
import type { DecodeLayer, DecodeOptions, Decoded, RawRecord, RecordExpander, UserRecord } from './types';
import { detectCompression, formatBytes, inflateCapped } from './decompress';
import { eventRowLayers, exposeLogEvents, hasEventRows, isCloudWatchLogsEnvelope, logEventRow } from './cloudwatchLogs';
import { isDynamoDbChange, unmarshallChange } from './dynamodb';
import { DEFAULT_MAX_HEX_BYTES, hexDump } from './hex';
import { isKplAggregate, parseKplAggregate } from './kpl';
import { hasControlBytes, NOT_JSON, parseJson, strictText } from './text';

export type { DecodeLayer, DecodeOptions, Decoded, LogEventMeta, RawRecord, RecordExpander, UserRecord } from './types';
export { hexDump } from './hex';

export const DEFAULT_MAX_DECOMPRESSED_BYTES = 10 * 1024 * 1024;
export { DEFAULT_MAX_HEX_BYTES };

/** gzip inside zlib inside gzip is legal but rare; a bound stops pathological nesting. */
const MAX_COMPRESSION_DEPTH = 4;

/** The layers a payload starts with; only ever copied (each Decoded gets its own array). */
const NO_LAYERS: readonly DecodeLayer[] = [];
const KPL_LAYERS: readonly DecodeLayer[] = ['kpl'];

interface Context {
  maxDecompressed: number;
  maxHex: number;
  /**
   * Decompressed bytes still allowed for this Kinesis record. Shared by all user records of a
   * KPL aggregate, so an aggregate of a thousand small bombs cannot multiply the cap.
   */
  budget: number;
  /**
   * Set by expandRecord: a CloudWatch Logs DATA_MESSAGE is left unexposed (its messages are
   * parsed once, per event row, by the expansion instead of twice).
   */
  splitLogs: boolean;
}

/** Decodes one payload (no KPL expansion: use expandRecord for records read from a stream). */
export function decodePayload(data: Uint8Array, opts?: DecodeOptions): Decoded {
  const ctx = newContext(opts, false);
  return safeDecode(asBytes(data), ctx, NO_LAYERS, []);
}

/**
 * The event `index` of the CloudWatch Logs envelope in `data`, decoded as its row was (the full
 * message, for copy, export and the detail view); the whole payload when there is no such event.
 */
export function decodeLogEvent(data: Uint8Array, index: number, opts?: DecodeOptions): Decoded {
  const whole = decodePayload(data, opts);
  const json = whole.json;
  if (!isCloudWatchLogsEnvelope(json) || !hasEventRows(json) || !(index >= 0 && index < json.logEvents.length)) return whole;
  const upTo = whole.layers.indexOf('cloudwatch-logs');
  return logEventRow(json, json.logEvents[index], index, json.logEvents.length, eventRowLayers(whole.layers.slice(0, upTo + 1)), { data, partitionKey: '' }).decoded;
}

/**
 * Expands a KPL aggregate into its user records, or wraps a plain record; decodes each. A
 * CloudWatch Logs DATA_MESSAGE becomes one user record per log event (all sharing the bytes
 * of their Kinesis record); a CONTROL_MESSAGE or an empty envelope stays one record.
 */
export const expandRecord: RecordExpander = (record: RawRecord, opts?: DecodeOptions): UserRecord[] => {
  const ctx = newContext(opts, true);
  try {
    return expand(record, ctx);
  } catch (e) {
    // Only reachable through a hostile record object (a throwing getter, say); keep what we can.
    const data = asBytes(safeGet(() => record.data));
    const warning = `decoder error: ${e instanceof Error ? e.message : String(e)}`;
    return [{ data, partitionKey: '', decoded: binary(data, ctx, NO_LAYERS, [warning]) }];
  }
};

function expand(record: RawRecord, ctx: Context): UserRecord[] {
  const data = asBytes(record?.data);
  const partitionKey = typeof record?.partitionKey === 'string' ? record.partitionKey : '';
  const explicitHashKey = typeof record?.explicitHashKey === 'string' ? record.explicitHashKey : undefined;
  let warnings: string[] = [];
  if (isKplAggregate(data)) {
    const parsed = parseKplAggregate(data);
    if (parsed.ok) {
      return parsed.records.flatMap((user, index) =>
        splitLogEvents(withKeys(
          { data: user.data, partitionKey: user.partitionKey, subSequenceNumber: index, decoded: safeDecode(user.data, ctx, KPL_LAYERS, []) },
          user.explicitHashKey,
        )),
      );
    }
    warnings = [parsed.reason];
  }
  return splitLogEvents(withKeys({ data, partitionKey, decoded: safeDecode(data, ctx, NO_LAYERS, warnings) }, explicitHashKey));
}

/** One record per log event when `user` is a CloudWatch Logs DATA_MESSAGE; otherwise `user` itself. */
function splitLogEvents(user: UserRecord): UserRecord[] {
  const { decoded } = user;
  const json = decoded.json;
  if (decoded.kind !== 'json' || !isCloudWatchLogsEnvelope(json)) return [user];
  if (!hasEventRows(json)) {
    decoded.json = exposeLogEvents(json);
    return [user];
  }
  const layers = eventRowLayers(decoded.layers.slice(0, decoded.layers.indexOf('cloudwatch-logs') + 1));
  const events = json.logEvents;
  const count = events.length;
  const rows: UserRecord[] = [];
  for (let index = 0; index < count; index++) rows.push(withUserKeys(logEventRow(json, events[index], index, count, layers, user), user));
  return rows;
}

/** One event's row with the rest of `user`'s keys; the envelope's warnings come first. */
function withUserKeys(record: UserRecord, user: UserRecord): UserRecord {
  if (user.explicitHashKey !== undefined) record.explicitHashKey = user.explicitHashKey;
  if (user.subSequenceNumber !== undefined) record.subSequenceNumber = user.subSequenceNumber;
  const outer = user.decoded.warnings;
  if (outer && outer.length > 0) record.decoded.warnings = [...outer, ...(record.decoded.warnings ?? [])];
  return record;
}

function safeGet<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function withKeys(record: UserRecord, explicitHashKey: string | undefined): UserRecord {
  if (explicitHashKey !== undefined) record.explicitHashKey = explicitHashKey;
  return record;
}

function newContext(opts: DecodeOptions | undefined, splitLogs: boolean): Context {
  if (opts === undefined) return { maxDecompressed: DEFAULT_MAX_DECOMPRESSED_BYTES, maxHex: DEFAULT_MAX_HEX_BYTES, budget: DEFAULT_MAX_DECOMPRESSED_BYTES, splitLogs };
  const maxDecompressed = sizeOption(opts?.maxDecompressedBytes, DEFAULT_MAX_DECOMPRESSED_BYTES);
  return { maxDecompressed, maxHex: sizeOption(opts?.maxHexBytes, DEFAULT_MAX_HEX_BYTES), budget: maxDecompressed, splitLogs };
}

function sizeOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** Callers are typed, but records come from the network and plugins: never trust the shape. */
function asBytes(data: unknown): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(0);
}

/** The last line of defence for "never throws": any surprise becomes a binary view with a warning. */
function safeDecode(data: Uint8Array, ctx: Context, layers: readonly DecodeLayer[], warnings: string[]): Decoded {
  try {
    return decodeLayers(data, ctx, layers, warnings, 0);
  } catch (e) {
    warnings.push(`decoder error: ${e instanceof Error ? e.message : String(e)}`);
    return binary(data, ctx, layers, warnings);
  }
}

function decodeLayers(data: Uint8Array, ctx: Context, layers: readonly DecodeLayer[], warnings: string[], depth: number): Decoded {
  const compression = depth < MAX_COMPRESSION_DEPTH ? detectCompression(data) : undefined;
  if (compression === undefined) return decodeLeaf(data, ctx, layers, warnings);
  const result = inflateCapped(data, compression, ctx.budget);
  if (result.ok) {
    ctx.budget -= result.data.length;
    return decodeLayers(result.data, ctx, [...layers, compression], warnings, depth + 1);
  }
  if (result.capped) {
    warnings.push(`${compression} output exceeds ${capDescription(ctx)}; showing the compressed bytes`);
    return decodeLeaf(data, ctx, layers, warnings);
  }
  const inner: string[] = [];
  const fallback = decodeLeaf(data, ctx, layers, inner);
  // A zlib header can occur by chance at the start of text ("x^..."): if the bytes read as text,
  // the header was a coincidence and not worth a warning.
  if (fallback.kind === 'binary') warnings.push(`${compression} data is corrupt (${result.reason}); showing the raw bytes`);
  warnings.push(...inner);
  return finish(fallback, warnings);
}

function capDescription(ctx: Context): string {
  const cap = `the ${formatBytes(ctx.maxDecompressed)} decompression cap`;
  return ctx.budget < ctx.maxDecompressed ? `${cap} (${formatBytes(ctx.budget)} left for this Kinesis record)` : cap;
}

function decodeLeaf(data: Uint8Array, ctx: Context, layers: readonly DecodeLayer[], warnings: string[]): Decoded {
  const text = strictText(data);
  if (text === undefined) return binary(data, ctx, layers, warnings);
  let json = parseJson(text);
  if (json === NOT_JSON) {
    // A document JSON.parse accepts holds no raw control characters (they are invalid in strings
    // and outside them), so the byte scan for them runs only when the text is not JSON.
    if (hasControlBytes(data)) return binary(data, ctx, layers, warnings);
    return finish({ kind: 'text', layers: [...layers, 'text'], text, size: data.length }, warnings);
  }
  let jsonLayers: DecodeLayer[];
  if (isCloudWatchLogsEnvelope(json)) {
    jsonLayers = json.messageType === 'CONTROL_MESSAGE' ? [...layers, 'cloudwatch-logs', 'control', 'json'] : [...layers, 'cloudwatch-logs', 'json'];
    if (!ctx.splitLogs) json = exposeLogEvents(json);
  } else if (isDynamoDbChange(json)) {
    const change = unmarshallChange(json);
    json = change.json;
    warnings.push(...change.warnings);
    jsonLayers = [...layers, 'dynamodb', 'json'];
  } else {
    jsonLayers = layers.length === 0 ? ['json'] : [...layers, 'json'];
  }
  return finish({ kind: 'json', layers: jsonLayers, json, text, size: data.length }, warnings);
}

function binary(data: Uint8Array, ctx: Context, layers: readonly DecodeLayer[], warnings: string[]): Decoded {
  return finish({ kind: 'binary', layers: [...layers, 'binary'], hex: hexDump(data, ctx.maxHex), size: data.length }, warnings);
}

function finish(decoded: Decoded, warnings: string[]): Decoded {
  if (warnings.length > 0) decoded.warnings = warnings;
  return decoded;
}
