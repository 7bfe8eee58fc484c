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

/** Whether the bytes hold a control byte text does not (see isTextControl). */
export function hasControlBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x20 && isTextControl(bytes[i])) return true;
  }
  return false;
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
export function strictText(bytes: Uint8Array): string | undefined {
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

/**
 * What the parsers return for text that is not JSON: a value no JSON document parses to, so the
 * common case allocates no result object.
 */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** Parses the whole text as JSON (any value, surrounding whitespace allowed), or NOT_JSON. */
export function parseJson(text: string): unknown {
  const first = significantAt(text, false);
  if (first < 0 || !couldBeJson(first, significantAt(text, true))) return NOT_JSON;
  return tryParse(text);
}

/** Parses only objects and arrays (e.g. a log line that may or may not be JSON), or NOT_JSON. */
export function parseJsonContainer(text: string): unknown {
  const first = significantAt(text, false);
  if (first !== 0x7b && first !== 0x5b) return NOT_JSON;
  if (!couldBeJson(first, significantAt(text, true))) return NOT_JSON;
  return tryParse(text);
}

function tryParse(text: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    // SyntaxError, or RangeError on absurd nesting: either way it is text, not JSON.
    return NOT_JSON;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
