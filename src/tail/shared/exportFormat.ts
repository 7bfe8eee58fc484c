// Serializes tailed records for export as NDJSON, JSON or CSV, with all their metadata. Pure and
// streaming (a generator of chunks), so the host can write 100,000 records without one huge string.
import { stringifyJson } from './exactJson';
import type { DecodeLayer } from '../../kinesis/decode/types';
import { recordMeta, type ExportFormat, type PayloadKind, type RecordMeta } from './protocol';

/** One record as the host holds it: metadata plus its full decoded payload. */
export interface ExportItem extends RecordMeta {
  layers: readonly DecodeLayer[];
  kind: PayloadKind;
  /** Decoded value (kind 'json'). */
  json?: unknown;
  /** Decoded text (kind 'text'; for 'json', the fallback if the value cannot be serialized). */
  text?: string;
  /** The record's bytes as stored; exported as base64 for kind 'binary'. */
  data?: Uint8Array;
  warnings?: readonly string[];
}

export type DataEncoding = 'json' | 'text' | 'base64';

/** The shape of each exported record (NDJSON line, JSON array element). */
export interface ExportedRecord {
  shardId: string;
  sequenceNumber: string;
  subSequenceNumber?: number;
  partitionKey: string;
  explicitHashKey?: string;
  approximateArrivalTimestamp: string;
  size: number;
  layers: DecodeLayer[];
  kind: PayloadKind;
  dataEncoding: DataEncoding;
  data: unknown;
  warnings?: string[];
}

export const CSV_COLUMNS = [
  'approximateArrivalTimestamp', 'shardId', 'sequenceNumber', 'subSequenceNumber', 'partitionKey', 'explicitHashKey',
  'size', 'layers', 'kind', 'dataEncoding', 'data', 'warnings',
] as const;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; here so this module runs in Node and in the browser alike. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    chunk += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    chunk += i + 2 < bytes.length ? B64[n & 63] : '=';
    if (chunk.length >= 8192) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  return parts.join('');
}

function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The payload as exported: the decoded JSON value, else the text, else base64 of the bytes. */
function payloadOf(item: ExportItem): { dataEncoding: DataEncoding; data: unknown } {
  if (item.kind === 'json' && item.json !== undefined && serializable(item.json)) return { dataEncoding: 'json', data: item.json };
  if (item.kind !== 'binary' && item.text !== undefined) return { dataEncoding: 'text', data: item.text };
  return { dataEncoding: 'base64', data: toBase64(item.data ?? new Uint8Array(0)) };
}

/** JSON.stringify recurses; a pathologically deep value throws RangeError and is exported as text. */
function serializable(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

export function toExportedRecord(item: ExportItem): ExportedRecord {
  // The export names the arrival time as AWS does; the key order is the file format's.
  const { arrival, size, ...ids } = recordMeta(item);
  return {
    ...ids,
    approximateArrivalTimestamp: isoTime(arrival),
    size,
    layers: [...item.layers],
    kind: item.kind,
    ...payloadOf(item),
    ...(item.warnings && item.warnings.length > 0 ? { warnings: [...item.warnings] } : {}),
  };
}

/** Serializes one record; the catch covers a value that passed the check but still throws. */
function jsonLine(item: ExportItem): string {
  try {
    return stringifyJson(toExportedRecord(item)) ?? '';
  } catch {
    return stringifyJson(toExportedRecord({ ...item, json: undefined, kind: item.text === undefined ? 'binary' : 'text' })) ?? '';
  }
}

/**
 * A CSV cell per RFC 4180. Cells that a spreadsheet would run as a formula (starting with
 * = + - @ tab or CR) get a leading apostrophe (OWASP's advice): partition keys and payloads come
 * from whoever writes to the stream.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function csvRow(item: ExportItem): string {
  const r = toExportedRecord(item);
  const data = r.dataEncoding === 'json' ? (stringifyJson(r.data) ?? '') : String(r.data);
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    approximateArrivalTimestamp: r.approximateArrivalTimestamp,
    shardId: r.shardId,
    sequenceNumber: r.sequenceNumber,
    subSequenceNumber: r.subSequenceNumber === undefined ? '' : String(r.subSequenceNumber),
    partitionKey: r.partitionKey,
    explicitHashKey: r.explicitHashKey ?? '',
    size: String(r.size),
    layers: r.layers.join('+'),
    kind: r.kind,
    dataEncoding: r.dataEncoding,
    data,
    warnings: (r.warnings ?? []).join('; '),
  };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** Chunks of the export in order; join them or write them one by one. */
export function* exportChunks(items: Iterable<ExportItem>, format: ExportFormat): Generator<string> {
  if (format === 'csv') {
    yield CSV_COLUMNS.join(',') + '\r\n';
    for (const item of items) yield csvRow(item) + '\r\n';
    return;
  }
  if (format === 'ndjson') {
    for (const item of items) yield jsonLine(item) + '\n';
    return;
  }
  // A JSON array with one record per line: valid JSON that still diffs and greps well.
  let first = true;
  yield '[';
  for (const item of items) {
    yield (first ? '\n' : ',\n') + jsonLine(item);
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

export function serializeExport(items: Iterable<ExportItem>, format: ExportFormat): string {
  return Array.from(exportChunks(items, format)).join('');
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { ndjson: 'ndjson', json: 'json', csv: 'csv' };

/** A default file name such as `orders-20261123-100000.ndjson`, safe on every platform. */
export function exportFileName(stream: string, at: Date, format: ExportFormat): string {
  const safe = stream.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '').slice(0, 100) || 'records';
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${safe}-${stamp}.${EXPORT_EXTENSIONS[format]}`;
}
