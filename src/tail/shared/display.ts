// Pure text formatting for the tail panel: previews that stay on one line and show control and
// bidi characters visibly, times in local or UTC, sizes, rates, and shortened identifiers.
import { PREVIEW_MAX, type TimeZoneMode } from './protocol';

export { noun, plural } from '../../kinesis/plural';

/*
 * Characters that would be invisible or would reorder the text around them: C0/C1 controls, DEL,
 * bidi embeddings/overrides/isolates (Trojan Source), zero-width and line/paragraph separators,
 * and the BOM. They are shown, never interpreted.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // Control Pictures: ␀ … ␟
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Replaces invisible and reordering characters with visible stand-ins; keeps \n and \t. */
export function revealControls(text: string): string {
  return text.replace(HIDDEN, visible);
}

/** Cuts to at most max UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

/** One line, at most max characters, with line breaks and tabs folded and controls shown. */
export function makePreview(text: string, max: number = PREVIEW_MAX): string {
  // Only the head matters: never run the regexes over a 1 MiB payload.
  const head = cutText(text, max * 2);
  const line = revealControls(head.replace(/\r\n|\r|\n/g, ' \u21b5 ').replace(/\t/g, ' ')).replace(/ {2,}/g, ' ');
  if (line.length <= max && head.length === text.length) return line;
  return cutText(line, max - 1) + '\u2026';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** HH:MM:SS.mmm in the chosen zone. */
export function formatTime(ms: number, zone: TimeZoneMode): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return zone === 'utc'
    ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
    : `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Full date and time for hover text, e.g. "2026-11-23 10:00:00.123 UTC". */
export function formatDateTime(ms: number, zone: TimeZoneMode): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'unknown time';
  if (zone === 'utc') return `${d.toISOString().slice(0, 10)} ${formatTime(ms, 'utc')} UTC`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(ms, 'local')}`;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatRate(n: number): string {
  return n >= 100 || n === 0 ? formatCount(n) : n.toFixed(1);
}

/** MillisBehindLatest in words: "0 ms", "1.2 s", "3 min", "2.1 h". */
export function formatLag(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The tail of a sequence number, where consecutive records differ: "…1589136588898". */
export function shortSequence(seq: string): string {
  return seq.length > 14 ? `\u2026${seq.slice(-12)}` : seq;
}

/**
 * A title with its long numbers shortened to their last digits ("AT_SEQUENCE_NUMBER …98876543"):
 * sequence numbers are 56 digits, and the last ones tell records apart.
 */
export function shortenLongNumbers(text: string): string {
  return text.replace(/\d{20,}/g, (digits) => `\u2026${digits.slice(-8)}`);
}

/** "shardId-000000000012" -> "#12"; other ids are kept, cut to 24 characters. */
export function shortShard(shardId: string): string {
  const m = /^shardId-0*(\d+)$/.exec(shardId);
  if (m) return `#${m[1]}`;
  return shardId.length > 24 ? `${cutText(shardId, 23)}\u2026` : shardId;
}

/**
 * Nesting depth of a JSON text, scanning brackets outside strings; stops early past `limit`
 * (returns limit + 1), so callers can refuse to re-indent a 5,000-level document cheaply.
 */
export function jsonDepth(text: string, limit = Number.MAX_SAFE_INTEGER): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > limit) return limit + 1;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return max;
}

/**
 * Which part of its Kinesis record a row is: " #2" for a KPL sub-record, " · event 3/50" for a
 * CloudWatch Logs event (" ·3/50" compact, for the narrow table cell; both for an event inside a
 * KPL sub-record); empty for a whole record.
 */
export function recordPart(row: { subSequenceNumber?: number; log?: { index: number; count: number } }, compact = false): string {
  const sub = row.subSequenceNumber === undefined ? '' : ` #${row.subSequenceNumber}`;
  if (row.log === undefined) return sub;
  return `${sub}${compact ? ' ·' : ' · event '}${row.log.index + 1}/${row.log.count}`;
}
