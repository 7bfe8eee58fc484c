// The field filter's engine: CEL (the Common Expression Language) through @marcbachmann/cel-js.
// A filter is compiled once (parse + type check against the record variables) and then run per
// record with lazily built variables, so a filter that never reads `value` never parses JSON.
// Short forms from before CEL (`temperature > 75`, `$.user == "u1"`) are rewritten (shortForm.ts).
import { Environment, evaluate, ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { needsExactParse, parseJsonBigInt } from './exactJson';
import type { LogEventMeta, RecordRow } from './protocol';
import { MAX_EXPRESSION_LENGTH, shortFormToCel } from './shortForm';

/** What a filter reads of a record: the row as the panel holds it (inline body, possibly cut). */
export type FilterSubject = Pick<RecordRow, 'shardId' | 'partitionKey' | 'kind' | 'body' | 'bodyTruncated'>
  & Partial<Pick<RecordRow, 'sequenceNumber' | 'arrival' | 'size' | 'log'>>
  & {
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
  | { ok: true; matches(row: FilterSubject): boolean; /** The CEL that runs (a short form rewritten). */ cel: string; rewritten: boolean }
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

/** The variables of one record, each computed on first read. */
class RecordVars {
  private parsed?: { value: unknown };
  constructor(private readonly row: FilterSubject) {}
  /** The decoded JSON, or null when the row is not JSON or its inline body was cut. */
  get value(): unknown {
    if (this.parsed) return this.parsed.value;
    if (this.row.parsedJson !== undefined) return (this.parsed = { value: this.row.parsedJson }).value;
    let value: unknown = null;
    if (this.row.kind === 'json' && !this.row.bodyTruncated) {
      try {
        // The cheap scan first: only a body with a long digit run pays for the exact parse.
        const body = this.row.body;
        value = needsExactParse(body) ? parseJsonBigInt(body, celInteger) : JSON.parse(body);
      } catch {
        value = null;
      }
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
 * reports CEL's error with its position.
 */
export function compileCelFilter(source: string): CompiledFieldFilter {
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
  const matches = (row: FilterSubject): boolean => {
    try {
      return program(new RecordVars(row)) === true;
    } catch {
      // A missing key or a type mismatch on this record (CEL's error value): not a match.
      return false;
    }
  };
  return { ok: true, matches, cel, rewritten };
}
