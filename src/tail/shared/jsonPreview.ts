// The table's one-line preview of a JSON payload: the whole document in a compact form, so a row
// shows every field instead of the start of the first long value (often a UUID). Keys lose their
// quotes when they are plain names, long strings are shortened in the middle, long arrays and
// deep objects are summarized, and the result stops at `max` characters.
import { isExactNumber, stringifyJson } from './exactJson';

const MAX_STRING = 24;
const MAX_ITEMS = 4;
const MAX_DEPTH = 4;

/** The compact one-line form; undefined for a top-level primitive (the plain text says it best). */
export function compactJsonPreview(value: unknown, max: number): string | undefined {
  if (typeof value !== 'object' || value === null || isExactNumber(value)) return undefined;
  const out: string[] = [];
  let length = 0;
  const push = (s: string): boolean => {
    out.push(s);
    length += s.length;
    return length <= max;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return push(shortString(v));
    if (typeof v !== 'object' || v === null || isExactNumber(v)) return push(stringifyJson(v) ?? String(v));
    if (Array.isArray(v)) {
      if (depth >= MAX_DEPTH) return push(`[…${v.length}]`);
      if (!push('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if (i === MAX_ITEMS) return push(`, …+${v.length - MAX_ITEMS}]`);
        if ((i > 0 && !push(', ')) || !walk(v[i], depth + 1)) return false;
      }
      return push(']');
    }
    const keys = Object.keys(v);
    if (depth >= MAX_DEPTH) return push(keys.length === 0 ? '{}' : '{…}');
    if (!push('{')) return false;
    for (let i = 0; i < keys.length; i++) {
      if ((i > 0 && !push(', ')) || !push(`${plainKey(keys[i])}: `)) return false;
      if (!walk((v as Record<string, unknown>)[keys[i]], depth + 1)) return false;
    }
    return push('}');
  };
  walk(value, 0);
  const text = out.join('');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function plainKey(key: string): string {
  return /^[A-Za-z_$][\w$-]{0,40}$/.test(key) ? key : JSON.stringify(key.length > MAX_STRING ? `${key.slice(0, MAX_STRING - 1)}…` : key);
}

/** "3f2a61c0-…-8d2e": the start and the end of a long string, which tell such values apart. */
function shortString(s: string): string {
  if (s.length <= MAX_STRING) return JSON.stringify(s);
  return JSON.stringify(`${s.slice(0, 10)}…${s.slice(-6)}`);
}
