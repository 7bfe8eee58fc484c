// Tells text from binary (strict UTF-8, no stray control bytes) and JSON from plain text, cheaply:
// a byte scan, and a look at the first and last significant characters before any JSON.parse.

import { parseJsonExact } from './exactJson';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Valid UTF-8 that still holds C0 control bytes (NUL, BEL, ...) is almost always a binary
 * format (Avro, protobuf, ...) that happens to be ASCII-clean; showing it as text would hide
 * the bytes. Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are normal in text.
 */
function isTextControl(b: number): boolean {
  return b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b;
}

function hasControlBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x20 && isTextControl(bytes[i])) return true;
  }
  return false;
}

function strictText(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text of the bytes, or undefined when they are not valid, control-free UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (hasControlBytes(bytes)) return undefined;
  return strictText(bytes);
}

/**
 * decodeText, then parseJson, in the order that is cheap for the common case: JSON. A document
 * JSON.parse accepts holds no raw control characters (they are invalid in strings and outside
 * them), so the byte scan for them runs only when the text is not JSON.
 */
export function decodeTextOrJson(bytes: Uint8Array): { text: string; parsed: JsonParse } | undefined {
  const text = strictText(bytes);
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  if (parsed.ok) return { text, parsed };
  return hasControlBytes(bytes) ? undefined : { text, parsed };
}

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function significantAt(text: string, fromEnd: boolean): number {
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(fromEnd ? n - 1 - k : k);
    if (!isJsonWhitespace(c)) return c;
  }
  return -1;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Whether the first and last significant characters can belong to one JSON value. Throwing
 * from JSON.parse costs far more than parsing, and most log lines fail this test, e.g. a line
 * that starts with a date ends with a letter.
 */
function couldBeJson(first: number, last: number): boolean {
  switch (first) {
    case 0x7b: // {
      return last === 0x7d;
    case 0x5b: // [
      return last === 0x5d;
    case 0x22: // "
      return last === 0x22;
    case 0x74: // true
    case 0x6e: // null
    case 0x66: // false
      return last === 0x65 || last === 0x6c;
    default: // numbers: -0.5e+3
      return (first === 0x2d || isDigit(first)) && isDigit(last);
  }
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

const NOT_JSON: JsonParse = { ok: false };

/** Parses the whole text as JSON (any value, surrounding whitespace allowed). */
export function parseJson(text: string): JsonParse {
  const first = significantAt(text, false);
  if (first < 0 || !couldBeJson(first, significantAt(text, true))) return NOT_JSON;
  return tryParse(text);
}

/** Parses only objects and arrays, e.g. a log line that may or may not be JSON. */
export function parseJsonContainer(text: string): JsonParse {
  const first = significantAt(text, false);
  if (first !== 0x7b && first !== 0x5b) return NOT_JSON;
  if (!couldBeJson(first, significantAt(text, true))) return NOT_JSON;
  return tryParse(text);
}

function tryParse(text: string): JsonParse {
  try {
    return { ok: true, value: parseJsonExact(text) };
  } catch {
    // SyntaxError, or RangeError on absurd nesting: either way it is text, not JSON.
    return NOT_JSON;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
