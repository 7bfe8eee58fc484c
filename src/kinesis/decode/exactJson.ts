// JSON with exact numbers: integers beyond 2^53 and decimals with more digits than a double holds
// stay exact (lossless-json's LosslessNumber). A cheap scan sends only payloads with a long digit
// run to the slower exact parser, so the common case keeps native JSON.parse speed. Pure: the
// tail panel's webview uses it too.
import { compareNumber, isLosslessNumber, isSafeNumber, LosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';

export { isLosslessNumber as isExactNumber, LosslessNumber as ExactNumber };

/**
 * A number token that may not survive a double has 16 or more digits (2^53 has 16; a decimal of
 * up to 15 significant digits is exact), so it holds a run of 16 characters of digits and dots.
 * Any such run covers a position that is a multiple of 16, so the scan looks at every 16th
 * character and widens only around digits: about 1/16 of the text for typical payloads, where a
 * regex walked every digit of every timestamp. A run counts only where a number can start (after
 * `:`, `,`, `[`, whitespace or `-`, or at the start): a 56-digit CloudWatch Logs event id is a
 * string, after a quote, and stays on the fast path (the scan jumps to the next quote instead of
 * walking it). Other false alarms (digits after ": " inside
 * a string) only take the exact path, which returns the same value.
 */
const RUN = 16;
const HALF = RUN / 2;

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** Whether the run starting at `start` begins a JSON number token (or may: we err towards yes). */
function startsNumber(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i--;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 0x3a || c === 0x2c || c === 0x5b; // : , [
}

/**
 * Whether `text` may hold a number JSON.parse would round. The loop reads one character in RUN
 * and stays this small so that it compiles tight (it runs on every payload); a digit hands over
 * to checkRun.
 */
export function needsExactParse(text: string): boolean {
  const n = text.length;
  for (let i = RUN - 1; i < n; i += RUN) {
    const c = text.charCodeAt(i);
    if (c > 0x39 || (c < 0x30 && c !== 0x2e)) continue;
    i = checkRun(text, i);
    if (i < 0) return true;
  }
  return false;
}

/**
 * The digit (or dot) at `i` lies in a run: -1 when the run is 16 or more long where a number
 * starts, otherwise the last checked position the scan may step on from.
 */
function checkRun(text: string, i: number): number {
  const n = text.length;
  // A run of RUN or more around i holds i - RUN/2 or i + RUN/2 (if it starts after the first,
  // it ends past the second): two reads rule out most short runs (a price, a year) unwalked.
  if (!isNumberChar(text.charCodeAt(i - HALF)) && (i + HALF >= n || !isNumberChar(text.charCodeAt(i + HALF)))) return i;
  let start = i;
  while (start > 0 && isNumberChar(text.charCodeAt(start - 1))) start--;
  if (start > 0 && text.charCodeAt(start - 1) === 0x22) {
    // Digits right after a quote are inside a string (in valid JSON a closing quote is never
    // followed by a digit), and that string runs at least to the next quote: skip to it
    // rather than walk the run (a 56-digit log event id). Invalid JSON throws either way.
    const quote = text.indexOf('"', i);
    return quote < 0 ? n : Math.floor((quote + 1) / RUN) * RUN - 1; // the scan steps to the first position after it
  }
  let end = i + 1;
  while (end < n && isNumberChar(text.charCodeAt(end))) end++;
  if (end - start >= RUN && startsNumber(text, start)) return -1;
  // Skip the checked positions still inside this run (the scan then steps past its end).
  return i + RUN * Math.floor((end - 1 - i) / RUN);
}

/** Safe numbers become plain numbers; only those a double would change stay exact strings. */
function parseNumber(text: string): number | LosslessNumber {
  return isSafeNumber(text) ? Number(text) : new LosslessNumber(text);
}

/**
 * JSON.parse with exact numbers; throws like JSON.parse on invalid JSON. The exact parser also
 * refuses duplicate keys with different values, which JSON.parse accepts (last wins): such a
 * document is parsed as JSON.parse would.
 */
export function parseJsonExact(text: string): unknown {
  if (!needsExactParse(text)) return JSON.parse(text) as unknown;
  try {
    return parseLossless(text, null, parseNumber);
  } catch {
    return JSON.parse(text) as unknown;
  }
}

/** Set by JSON.stringify on a LosslessNumber (an object): the sign that the exact writer is needed. */
const LOSSLESS_MARK = '"isLosslessNumber":';

/**
 * JSON.stringify that writes exact numbers as the digits they came with. Native first; the exact
 * writer runs only when the value holds one. Returns undefined where JSON.stringify would.
 */
export function stringifyJson(value: unknown, indent?: number): string | undefined {
  const native = JSON.stringify(value, null, indent);
  if (native === undefined || !native.includes(LOSSLESS_MARK)) return native;
  return stringifyLossless(value, null, indent);
}

/** An exact number or a plain one, as its decimal text. */
function numberText(v: number | LosslessNumber): string {
  return typeof v === 'number' ? String(v) : v.value;
}

/** True for a number in either form (a plain one, or an exact one from parseJsonExact). */
export function isAnyNumber(v: unknown): v is number | LosslessNumber {
  return (typeof v === 'number' && Number.isFinite(v)) || isLosslessNumber(v);
}

/** Exact comparison of two numbers in either form: -1, 0 or 1. */
export function compareNumbers(a: number | LosslessNumber, b: number | LosslessNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareNumber(numberText(a), numberText(b));
}

/** A number literal typed by a user (a filter), kept exact when a double would change it. */
export function exactNumberLiteral(text: string): number | LosslessNumber {
  return parseNumber(text);
}

/**
 * A run of 16+ digits that is neither the fraction nor the mantissa of a decimal: an integer a
 * double may change. Decimals (25.490000000000002 is common) need no exact parse here, since CEL
 * holds them as doubles anyway; only the run's first digit can match (the look-behind).
 */
const LONG_INTEGER = /(?<![\d.])\d{16,}(?![\d.eE])/;

/** Whether parseJsonBigInt would take its exact parser for `text` (it holds a long integer). */
export function hasLongInteger(text: string): boolean {
  return LONG_INTEGER.test(text);
}

/**
 * JSON.parse for the CEL filter: each integer a double would change goes through `bigInteger`
 * (its digits), so it compares exactly as int or uint; other numbers stay numbers (CEL has no
 * decimal type). Only a text with a long integer takes the slower exact parser.
 */
export function parseJsonBigInt(text: string, bigInteger: (digits: string) => unknown): unknown {
  if (!hasLongInteger(text)) return JSON.parse(text) as unknown;
  const number = (t: string): unknown => (isSafeNumber(t) || !/^-?\d+$/.test(t) ? Number(t) : bigInteger(t));
  try {
    return parseLossless(text, null, number);
  } catch {
    return JSON.parse(text) as unknown;
  }
}
