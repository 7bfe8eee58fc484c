// A tiny, safe JSON path subset for taking a partition key out of each record:
// `$.a.b`, `$.a[0]`, `$['key with spaces']`, `$["x"]`. No wildcards, filters or recursion.

export type JsonPathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number };

export type JsonPathParse = { ok: true; segments: JsonPathSegment[] } | { ok: false; error: string };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*/;

/** Parses a path; errors name the column and what was expected there. */
export function parseJsonPath(path: string): JsonPathParse {
  if (!path.startsWith('$')) return { ok: false, error: 'A JSON path starts with "$", e.g. $.sensor_id or $.a.b[0].' };
  const segments: JsonPathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const step = path[i] === '.' ? parseDotted(path, i) : path[i] === '[' ? parseBracket(path, i) : { error: `Expected "." or "[" at column ${i + 1} of the JSON path.` };
    if ('error' in step) return { ok: false, error: step.error };
    segments.push(step.segment);
    i = step.next;
  }
  if (segments.length === 0) return { ok: false, error: 'The JSON path must name a field, e.g. $.sensor_id ("$" alone is the whole record).' };
  return { ok: true, segments };
}

type Step = { segment: JsonPathSegment; next: number } | { error: string };

function parseDotted(path: string, at: number): Step {
  if (path[at + 1] === '.') return { error: 'Recursive descent ("..") is not supported; write the full path to the field.' };
  if (path[at + 1] === '*') return { error: 'Wildcards ("*") are not supported: a partition key must be one value.' };
  const m = IDENT.exec(path.slice(at + 1));
  if (!m) return { error: `Expected a field name after "." at column ${at + 2}; use $['name'] for names with other characters.` };
  return { segment: { kind: 'key', key: m[0] }, next: at + 1 + m[0].length };
}

function parseBracket(path: string, at: number): Step {
  const quote = path[at + 1];
  if (quote === "'" || quote === '"') return parseQuoted(path, at + 2, quote);
  const close = path.indexOf(']', at);
  if (close < 0) return { error: `Missing "]" for the "[" at column ${at + 1}.` };
  const inner = path.slice(at + 1, close);
  if (inner === '*') return { error: 'Wildcards ("*") are not supported: a partition key must be one value.' };
  if (!/^\d+$/.test(inner)) return { error: `"[${inner}]" is not an array index; use a whole number such as [0], or quotes for a field name: ['${inner}'].` };
  return { segment: { kind: 'index', index: Number(inner) }, next: close + 1 };
}

function parseQuoted(path: string, start: number, quote: string): Step {
  let key = '';
  for (let i = start; i < path.length; i++) {
    const ch = path[i] as string;
    if (ch === '\\' && i + 1 < path.length) {
      key += path[++i];
    } else if (ch === quote) {
      if (path[i + 1] !== ']') return { error: `Expected "]" after the quoted name at column ${i + 2}.` };
      return { segment: { kind: 'key', key }, next: i + 2 };
    } else {
      key += ch;
    }
  }
  return { error: `The quoted name starting at column ${start} is not closed with ${quote}.` };
}

export type JsonPathLookup = { found: true; value: unknown } | { found: false; missing: string };

/** Follows the path through own properties only (never the prototype chain). */
export function lookupJsonPath(value: unknown, segments: readonly JsonPathSegment[]): JsonPathLookup {
  let current = value;
  let walked = '$';
  for (const seg of segments) {
    const label = segmentLabel(seg);
    if (seg.kind === 'index') {
      if (!Array.isArray(current) || seg.index >= current.length) return { found: false, missing: walked + label };
      current = current[seg.index];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, seg.key)) {
        return { found: false, missing: walked + label };
      }
      current = (current as Record<string, unknown>)[seg.key];
    }
    walked += label;
  }
  return { found: true, value: current };
}

function segmentLabel(seg: JsonPathSegment): string {
  if (seg.kind === 'index') return `[${seg.index}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg.key) ? `.${seg.key}` : `[${JSON.stringify(seg.key)}]`;
}

export type KeyFromValue = { ok: true; key: string } | { ok: false; error: string };

/** Turns the value found into a partition key: strings as is, numbers and booleans as JSON writes them. */
export function keyFromJsonValue(value: unknown, path: string): KeyFromValue {
  if (typeof value === 'string') return { ok: true, key: value };
  if (typeof value === 'boolean') return { ok: true, key: String(value) };
  if (typeof value === 'number') {
    // JSON.parse has already rounded integers beyond 2^53, so the key would not be what the user wrote.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { ok: false, error: `${path} is a number too large to read exactly (over 2^53); quote it in the record to use it as a key.` };
    return { ok: true, key: String(value) };
  }
  if (value === null) return { ok: false, error: `${path} is null; a partition key needs a string, number or boolean.` };
  if (Array.isArray(value)) return { ok: false, error: `${path} is an array; point the path at one element, e.g. ${path}[0].` };
  return { ok: false, error: `${path} is an object; point the path at one of its fields, e.g. ${path}.id.` };
}
