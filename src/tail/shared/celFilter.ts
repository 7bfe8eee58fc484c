// The field filter's engine: CEL (the Common Expression Language) through @marcbachmann/cel-js.
// A filter is compiled once (parse + type check against the record variables) and then run per
// record with lazily built variables, so a filter that never reads `value` never parses JSON, and
// one that reads only fixed top-level keys of `value` parses just those values (topLevelFields.ts).
// Short forms from before CEL (`temperature > 75`, `$.user == "u1"`) are rewritten (shortForm.ts).
import { Environment, evaluate, ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { hasLongInteger, needsExactParse, parseJsonBigInt } from './exactJson';
import type { LogEventMeta, RecordRow } from './protocol';
import { MAX_EXPRESSION_LENGTH, shortFormToCel } from './shortForm';
import { topLevelSpans, utf8Text } from './topLevelFields';

/** What a filter reads of a record: the row as the panel holds it (inline body, possibly cut). */
export type FilterSubject = Pick<RecordRow, 'shardId' | 'partitionKey' | 'kind' | 'body' | 'bodyTruncated'>
  & Partial<Pick<RecordRow, 'sequenceNumber' | 'arrival' | 'size' | 'log'>>
  & {
    /**
     * The body's UTF-8 when the caller holds it (the webview's arena), exactly its bytes: a
     * filter that reads a few top-level fields then neither decodes nor parses the whole body.
     */
    bodyUtf8?: Uint8Array;
    /**
     * The record's JSON when the caller already holds it parsed with plain numbers (Find, in the
     * host), so `value` does not parse the body again; absent, `value` parses the body.
     */
    parsedJson?: unknown;
  };

export interface FieldFilterError {
  message: string;
  /** 0-based offset in the filter text. */
  position: number;
}

export type CompiledFieldFilter =
  | {
    ok: true;
    matches(row: FilterSubject): boolean;
    /** The CEL that runs (a short form rewritten). */
    cel: string;
    rewritten: boolean;
    /** The top-level keys of `value` it reads, when it reads nothing else of it: parsed alone. */
    fields?: readonly string[];
  }
  | { ok: false; error: FieldFilterError };

/** The documented variables; `values()` serves the short forms' `*`. */
function createEnvironment(): Environment {
  return new Environment({ homogeneousAggregateLiterals: false, enableOptionalTypes: true, limits: { maxDepth: 32, maxAstNodes: 2000, maxListElements: 1000 } })
    .registerVariable('value', 'dyn')
    .registerVariable('text', 'string')
    .registerVariable('key', 'string')
    .registerVariable('shard', 'string')
    .registerVariable('seq', 'string')
    .registerVariable('arrival', 'google.protobuf.Timestamp')
    .registerVariable('size', 'int')
    .registerVariable('kind', 'string')
    .registerVariable('log', 'dyn')
    .registerFunction('values(dyn): list', (x: unknown) => valuesOf(x));
}

let environment: Environment | undefined;

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** cel-js's uint class; its package entry exports no constructor, a uint literal has one. */
let UnsignedInt: (new (v: bigint) => unknown) | undefined;

/** An integer beyond 2^53 as CEL holds it: int up to 2^63-1, uint up to 2^64-1, else double. */
function celInteger(digits: string): unknown {
  const n = BigInt(digits);
  if (n <= INT64_MAX && n >= -INT64_MAX - 1n) return n;
  if (n > 0n && n <= UINT64_MAX) {
    UnsignedInt ??= (evaluate('0u') as { constructor: new (v: bigint) => unknown }).constructor;
    return new UnsignedInt(n);
  }
  return Number(digits);
}

function valuesOf(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (typeof x === 'object' && x !== null && typeof x !== 'bigint') return Object.values(x);
  return [];
}

/** The JSON of a whole body, or null when it is not JSON (as `value` has always been). */
function parseBody(body: string): unknown {
  try {
    // The cheap scan first: only a body with a long digit run pays for the exact parse.
    return needsExactParse(body) ? parseJsonBigInt(body, celInteger) : JSON.parse(body);
  } catch {
    return null;
  }
}

/** The top-level keys of `value` a filter reads, when it reads nothing else of it. */
interface PayloadFields {
  names: readonly string[];
  /** The names in UTF-8, as topLevelSpans compares them. */
  utf8: readonly Uint8Array[];
  /** Body bytes walked and value bytes parsed so far (see PICK_TRIAL). */
  walked: number;
  parsed: number;
  /** Set once the picked values turn out to be most of each body: the whole parse is then cheaper. */
  off: boolean;
  /** Keeps picking whatever share the values have (tests). */
  always: boolean;
}

/**
 * The walk costs about 0.4 of a whole parse; when the values it picks are most of the body
 * (`value.detail.x` with `detail` nearly all of it), picking costs more than parsing the whole.
 * After this many body bytes the filter compares, once, and stops picking if values passed half.
 */
const PICK_TRIAL = 256 * 1024;

const encoder = new TextEncoder();
/** Reused per row: a text body's UTF-8 (then a 0), and the value spans the walk writes. */
let scratch = new Uint8Array(1024);
const spans: number[] = [];

/**
 * An object of just `fields` of the row's JSON object (a missing key stays missing), each value
 * parsed alone; undefined when only the whole parse is sure to agree: not an object, invalid,
 * an escaped key, a needed value with a long integer (whose exact parse of the whole body could
 * fail on a duplicate key elsewhere and give plain numbers instead), or a text body that is not
 * ASCII (a lone surrogate would not survive its UTF-8).
 */
function pickFields(row: FilterSubject, fields: PayloadFields): Record<string, unknown> | undefined {
  let bytes = row.bodyUtf8;
  let text: string | undefined;
  let n: number;
  if (bytes === undefined) {
    text = row.body;
    if (scratch.length <= text.length) scratch = new Uint8Array(text.length * 2);
    const { read, written } = encoder.encodeInto(text, scratch);
    if (read !== text.length || written !== text.length) return undefined;
    scratch[written] = 0;
    bytes = scratch;
    n = written;
  } else {
    n = bytes.length;
  }
  if (!topLevelSpans(bytes, n, fields.utf8, spans)) return undefined;
  const picked: Record<string, unknown> = {};
  fields.walked += n;
  for (let k = 0; k < fields.names.length; k++) {
    const start = spans[2 * k];
    if (start < 0) continue;
    const end = spans[2 * k + 1];
    fields.parsed += end - start;
    // ASCII text: byte offsets are string offsets.
    const slice = text === undefined ? utf8Text(bytes, start, end) : text.slice(start, end);
    if (needsExactParse(slice) && hasLongInteger(slice)) return undefined;
    try {
      picked[fields.names[k]] = parseValue(slice);
    } catch {
      return undefined; // the scan let through what JSON.parse refuses: a bug, but never a guess
    }
  }
  if (!fields.always && fields.walked >= PICK_TRIAL && fields.walked < PICK_TRIAL + n) fields.off = fields.parsed * 2 > fields.walked;
  return picked;
}

/**
 * JSON.parse of one valid JSON value, without its fixed cost for the common small ones: a number
 * (Number() rounds as JSON.parse does), true, false, null, or a string without escapes.
 */
function parseValue(slice: string): unknown {
  const c = slice.charCodeAt(0);
  if (c === 0x22) return slice.includes('\\') ? JSON.parse(slice) : slice.slice(1, -1);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return Number(slice);
  if (c === 0x74 && slice === 'true') return true;
  if (c === 0x66 && slice === 'false') return false;
  if (c === 0x6e && slice === 'null') return null;
  return JSON.parse(slice);
}

/** The variables of one record, each computed on first read. */
class RecordVars {
  private parsed?: { value: unknown };
  constructor(private readonly row: FilterSubject, private readonly fields: PayloadFields | undefined) {}
  /** The decoded JSON, or null when the row is not JSON or its inline body was cut. */
  get value(): unknown {
    if (this.parsed) return this.parsed.value;
    if (this.row.parsedJson !== undefined) return (this.parsed = { value: this.row.parsedJson }).value;
    let value: unknown = null;
    if (this.row.kind === 'json' && !this.row.bodyTruncated) {
      value = (this.fields && !this.fields.off && pickFields(this.row, this.fields)) || parseBody(this.row.body);
    }
    this.parsed = { value };
    return value;
  }
  get text(): string { return this.row.body; }
  get key(): string { return this.row.partitionKey; }
  get shard(): string { return this.row.shardId; }
  get seq(): string { return this.row.sequenceNumber ?? ''; }
  get arrival(): Date { return new Date(this.row.arrival ?? 0); }
  get size(): bigint { return BigInt(this.row.size ?? 0); }
  get kind(): string { return this.row.kind; }
  /** For a CloudWatch Logs event: group, stream, message, id, timestamp, level, requestId; else {}. */
  get log(): Record<string, unknown> { return this.row.log ? logVars(this.row.log, this.row.body) : {}; }
}

function logVars(log: LogEventMeta, message: string): Record<string, unknown> {
  return {
    group: log.group,
    stream: log.stream,
    message,
    id: log.id,
    timestamp: new Date(log.timestamp),
    ...(log.level === undefined ? {} : { level: log.level }),
    ...(log.requestId === undefined ? {} : { requestId: log.requestId }),
  };
}

type Program = ReturnType<Environment['parse']>;
type Ast = Program['ast'];

/**
 * The top-level keys of `value` that `ast` reads, when every use of `value` is a member access
 * with a fixed key (`value.k`, `value.?k`, `value["k"]`, `value[?"k"]`, and deeper from there);
 * undefined when it reads `value` any other way (whole, in has(), a macro's variable, a computed
 * index), or when the tree holds a shape this walk does not know.
 */
export function payloadFields(ast: Ast): string[] | undefined {
  const keys = new Set<string>();
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.every(visit);
    if (typeof node !== 'object' || node === null) return true;
    if (!isAst(node)) return false;
    const { op, args } = node;
    if (op === 'value') return true;
    if (op === 'id') return args !== 'value';
    if (Array.isArray(args) && isAst(args[0]) && args[0].op === 'id' && args[0].args === 'value') {
      const key: unknown = op === '.' || op === '.?' ? args[1] : (op === '[]' || op === '[?]') && isAst(args[1]) && args[1].op === 'value' ? args[1].args : undefined;
      // Not __proto__ (an assignment would set the prototype), nor what UTF-8 bytes cannot match exactly.
      if (typeof key !== 'string' || key === '__proto__' || /[\uD800-\uDFFF\uFFFD]/.test(key)) return false;
      keys.add(key);
      return true;
    }
    if (op === 'call' && Array.isArray(args) && args[0] === 'has') return !mentionsValue(args);
    return visit(args);
  };
  return visit(ast) ? [...keys] : undefined;
}

function isAst(x: unknown): x is { op: string; args: unknown } {
  return typeof x === 'object' && x !== null && typeof (x as { op?: unknown }).op === 'string' && 'args' in x;
}

function mentionsValue(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(mentionsValue);
  if (!isAst(node)) return false;
  return node.op === 'id' ? node.args === 'value' : node.op !== 'value' && mentionsValue(node.args);
}

/** Parses and type-checks `source` as CEL; a filter must give a bool (or dyn). */
function compileCel(env: Environment, source: string): { ok: true; program: Program } | { ok: false; error: FieldFilterError } {
  try {
    const program = env.parse(source);
    const checked = program.check();
    if (!checked.valid) return { ok: false, error: celError(checked.error) };
    if (checked.type !== 'bool' && checked.type !== 'dyn') {
      return { ok: false, error: { message: `A filter must be true or false; this one gives ${String(checked.type)}`, position: 0 } };
    }
    return { ok: true, program };
  } catch (e) {
    return { ok: false, error: celError(e) };
  }
}

function celError(e: unknown): FieldFilterError {
  const range = (e as { range?: { start?: unknown } } | undefined)?.range;
  const position = typeof range?.start === 'number' ? range.start : 0;
  const raw = e instanceof Error ? e.message : String(e);
  const kind = e instanceof ParseError ? 'Syntax error' : e instanceof CelTypeError ? 'Type error' : 'Error';
  // cel-js appends a code frame after the first line; the panel shows the caret itself.
  return { message: `${kind}: ${raw.split('\n')[0]}`, position };
}

/**
 * Compiles a field filter once. A short form from before CEL keeps its old meaning (bare names
 * are JSON fields, so `kind == "move"` still reads the payload's `kind`) and runs as its CEL
 * rewrite; anything else is CEL, where `size`, `kind`, `key`… are the record's. A failure
 * reports CEL's error with its position. `pick` (tests, bench): 'never' parses whole bodies,
 * 'always' picks top-level fields even when they are most of each body.
 */
export function compileCelFilter(source: string, options: { pick?: 'auto' | 'always' | 'never' } = {}): CompiledFieldFilter {
  if (source.length > MAX_EXPRESSION_LENGTH) return { ok: false, error: { message: `A filter is at most ${MAX_EXPRESSION_LENGTH} characters`, position: MAX_EXPRESSION_LENGTH } };
  if (source.trim() === '') return { ok: false, error: { message: 'Empty filter', position: 0 } };
  environment ??= createEnvironment();
  const env = environment;
  const short = shortFormToCel(source);
  const fromShort = short === undefined ? undefined : compileCel(env, short);
  const rewritten = fromShort?.ok === true;
  const compiled = fromShort?.ok ? fromShort : compileCel(env, source);
  const cel = rewritten && short !== undefined ? short : source;
  if (!compiled.ok) return compiled;
  const program = compiled.program;
  const names = options.pick === 'never' ? undefined : payloadFields(program.ast);
  const fields: PayloadFields | undefined = names && { names, utf8: names.map((name) => encoder.encode(name)), walked: 0, parsed: 0, off: false, always: options.pick === 'always' };
  const matches = (row: FilterSubject): boolean => {
    try {
      return program(new RecordVars(row, fields)) === true;
    } catch {
      // A missing key or a type mismatch on this record (CEL's error value): not a match.
      return false;
    }
  };
  return { ok: true, matches, cel, rewritten, ...(names ? { fields: names } : {}) };
}
