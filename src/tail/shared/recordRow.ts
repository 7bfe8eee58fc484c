// Builds the rows the tail panel shows from decoded user records: the host calls toRecordRow for
// each record, so the inline cap, preview and body rules live in one place.
import { parseJsonExact, stringifyJson } from './exactJson';
import type { Decoded } from '../../kinesis/decode/types';
import { cutText, makePreview } from './display';
import { compactJsonPreview } from './jsonPreview';
import { INLINE_BODY_MAX, PREVIEW_MAX, recordMeta, type RecordMeta, type RecordRow } from './protocol';

export interface RowSource extends RecordMeta {
  id: number;
  decoded: Decoded;
}

/**
 * The full body of a record, as RecordRow.body means it: compact JSON of the decoded value, the
 * text, or the hex dump. A value too deep for JSON.stringify falls back to its source text.
 */
export function fullBody(decoded: Decoded): string {
  if (decoded.kind === 'json') {
    try {
      const s = stringifyJson(decoded.json);
      if (s !== undefined) return s;
    } catch {
      // RangeError on pathological nesting: the source text still shows what arrived.
    }
    return decoded.text ?? '';
  }
  if (decoded.kind === 'text') return decoded.text ?? '';
  return decoded.hex ?? '';
}

/** "00000000  1f 8b 08 00 |....|" lines -> "1f 8b 08 00 …", the first bytes of a binary payload. */
export function binaryPreview(hexDump: string, size: number, maxBytes = 24): string {
  const bytes: string[] = [];
  for (const line of hexDump.slice(0, 80 * Math.ceil(maxBytes / 16)).split('\n')) {
    const m = /^[0-9a-f]{8} {2}([0-9a-f ]+)\|/.exec(line);
    if (!m) break;
    bytes.push(...m[1].trim().split(/\s+/));
    if (bytes.length >= maxBytes) break;
  }
  const shown = bytes.slice(0, maxBytes).join(' ');
  return `${size} bytes${shown ? `: ${shown}${size > maxBytes ? ' …' : ''}` : ''}`;
}

function jsonPreview(decoded: Decoded): string | undefined {
  if (decoded.kind !== 'json') return undefined;
  try {
    return compactJsonPreview(decoded.json, PREVIEW_MAX);
  } catch {
    return undefined;
  }
}

/**
 * The row's preview rebuilt from its inline body, by the same rules as toRecordRow, so a compact
 * store need not keep both; undefined when the body cannot give it (JSON cut at the inline cap).
 */
export function previewFromBody(row: Pick<RecordRow, 'kind' | 'body' | 'bodyTruncated'>): string | undefined {
  // A binary preview counts the decoded bytes, which the row does not carry.
  if (row.kind === 'binary') return undefined;
  if (row.kind === 'text') return makePreview(row.body);
  if (row.bodyTruncated) return undefined;
  try {
    return makePreview(compactJsonPreview(parseJsonExact(row.body), PREVIEW_MAX) ?? row.body);
  } catch {
    return undefined;
  }
}

export function toRecordRow(src: RowSource): RecordRow {
  const { decoded } = src;
  const body = fullBody(decoded);
  const truncated = body.length > INLINE_BODY_MAX;
  return {
    id: src.id,
    ...recordMeta(src),
    layers: [...decoded.layers],
    kind: decoded.kind,
    preview: decoded.kind === 'binary' ? binaryPreview(body, decoded.size) : makePreview(jsonPreview(decoded) ?? body),
    body: truncated ? cutText(body, INLINE_BODY_MAX) : body,
    bodyTruncated: truncated,
    ...(decoded.warnings && decoded.warnings.length > 0 ? { warnings: [...decoded.warnings] } : {}),
  };
}
