// Where a few top-level fields of a JSON object lie in its UTF-8 bytes, found by one walk that
// checks the whole document as strictly as JSON.parse (so a text JSON.parse refuses is never read
// in part). The field filter uses it when its CEL reads only fixed top-level keys of `value`
// (celFilter.ts): it parses those values alone instead of the whole body. It walks bytes, not a
// string: the webview's bodies are bytes already (no decode), and V8 reads a Uint8Array several
// times faster than charCodeAt. Pure; the webview and the host use it.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const TRUE = new Uint8Array([0x74, 0x72, 0x75, 0x65]);
const FALSE = new Uint8Array([0x66, 0x61, 0x6c, 0x73, 0x65]);
const NULL = new Uint8Array([0x6e, 0x75, 0x6c, 0x6c]);

/** Whether `text` holds `word` at `i`. */
function bytesAt(text: Uint8Array, i: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) return false;
  return true;
}

/** The open containers of the value being skipped: true for an object, false for an array. */
const open: boolean[] = [];

/**
 * Writes into `spans` the [start, end) of the value of each of `keys` (UTF-8) in `text` (its LAST
 * occurrence, as JSON.parse keeps) as spans[2k], spans[2k + 1]; -1 for a key that does not occur.
 * False when `text` is not exactly one JSON object, or when a top-level key holds an escape
 * (compared as written, it could be a needed key in disguise): the caller then parses the whole
 * text, never guesses. The caller's array is reused: no allocation per row. Keys are compared as
 * bytes, so the caller must not ask for a key that invalid UTF-8 could decode to (U+FFFD) or that
 * no decoded text holds (a lone surrogate). The document is text[0, n); text[n] must be absent or
 * 0 (a reused buffer puts a 0 there), so the walk stops on it without checking n at each step.
 */
export function topLevelSpans(text: Uint8Array, n: number, keys: readonly Uint8Array[], spans: number[]): boolean {
  for (let k = 0; k < keys.length * 2; k++) spans[k] = -1;
  let i = skipSpace(text, 0);
  if (text[i] !== OPEN_OBJECT) return false;
  i = skipSpace(text, i + 1);
  if (text[i] === CLOSE_OBJECT) return skipSpace(text, i + 1) === n;
  for (;;) {
    if (text[i] !== QUOTE) return false;
    const keyStart = i + 1;
    let j = keyStart;
    for (;;) {
      const c = text[j];
      if (c === QUOTE) break;
      if (c === BACKSLASH || !(c >= 0x20)) return false;
      j++;
    }
    const keyLength = j - keyStart;
    i = skipSpace(text, j + 1);
    if (text[i] !== COLON) return false;
    const valueStart = skipSpace(text, i + 1);
    i = skipValue(text, valueStart);
    if (i < 0) return false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (key.length === keyLength && bytesAt(text, keyStart, key)) {
        spans[2 * k] = valueStart;
        spans[2 * k + 1] = i;
      }
    }
    i = skipSpace(text, i);
    const c = text[i];
    if (c === CLOSE_OBJECT) return skipSpace(text, i + 1) === n;
    if (c !== COMMA) return false;
    i = skipSpace(text, i + 1);
  }
}

/** JSON whitespace only (space, tab, LF, CR), as JSON.parse allows. */
function skipSpace(text: Uint8Array, i: number): number {
  for (;;) {
    const c = text[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** The end of the JSON value starting at `i`, or -1 when it is not one. Iterative: any depth. */
function skipValue(text: Uint8Array, i: number): number {
  let depth = 0;
  for (;;) {
    // A value starts at i.
    const c = text[i];
    if (c === QUOTE) {
      i = skipString(text, i + 1);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const isObject = c === OPEN_OBJECT;
      i = skipSpace(text, i + 1);
      if (text[i] === (isObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
        i++;
      } else {
        open[depth++] = isObject;
        if (isObject) i = skipKey(text, i);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === 0x74) {
      i = bytesAt(text, i, TRUE) ? i + 4 : -1;
    } else if (c === 0x66) {
      i = bytesAt(text, i, FALSE) ? i + 5 : -1;
    } else if (c === 0x6e) {
      i = bytesAt(text, i, NULL) ? i + 4 : -1;
    } else {
      i = skipNumber(text, i);
    }
    if (i < 0) return -1;
    // A value ended at i: close containers, or go on to the next element.
    for (;;) {
      if (depth === 0) return i;
      i = skipSpace(text, i);
      const d = text[i];
      const inObject = open[depth - 1];
      if (d === COMMA) {
        i = skipSpace(text, i + 1);
        if (inObject) i = skipKey(text, i);
        if (i < 0) return -1;
        break;
      }
      if (d !== (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) return -1;
      i++;
      depth--;
    }
  }
}

/** `"key"` and `:` at i; the start of the member's value, or -1. */
function skipKey(text: Uint8Array, i: number): number {
  if (text[i] !== QUOTE) return -1;
  i = skipString(text, i + 1);
  if (i < 0) return -1;
  i = skipSpace(text, i);
  return text[i] === COLON ? skipSpace(text, i + 1) : -1;
}

/** The index after the closing quote of the string whose body starts at `i`, or -1. */
function skipString(text: Uint8Array, i: number): number {
  for (;;) {
    const c = text[i];
    if (c === QUOTE) return i + 1;
    if (!(c >= 0x20)) return -1; // a control character, or the end (0 or undefined)
    if (c === BACKSLASH) {
      const e = text[i + 1];
      if (e === 0x75) {
        for (let k = i + 2; k < i + 6; k++) if (!isHex(text[k])) return -1;
        i += 6;
        continue;
      }
      // " \ / b f n r t
      if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return -1;
      i += 2;
      continue;
    }
    i++;
  }
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? at i: the index after it, or -1. */
function skipNumber(text: Uint8Array, i: number): number {
  if (text[i] === MINUS) i++;
  const first = text[i];
  if (first === ZERO) i++;
  else if (first > ZERO && first <= NINE) while (isDigit(text[++i]));
  else return -1;
  if (text[i] === DOT) {
    if (!isDigit(text[++i])) return -1;
    while (isDigit(text[++i]));
  }
  const e = text[i];
  if (e === 0x65 || e === 0x45) {
    let s = text[++i];
    if (s === PLUS || s === MINUS) s = text[++i];
    if (!isDigit(s)) return -1;
    while (isDigit(text[++i]));
  }
  return i;
}

const decoder = new TextDecoder();

/** text[start, end) as a string: a short ASCII run by hand (cheaper than a decoder call), else decoded. */
export function utf8Text(text: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = text[i];
      if (c >= 0x80) return decoder.decode(text.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(text.subarray(start, end));
}
