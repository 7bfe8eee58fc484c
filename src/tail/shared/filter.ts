// The tail panel's view filter: a case-insensitive substring over payload and partition key, an
// optional field expression over decoded JSON, and hidden shards. Pure; the webview filters its
// table with it and the host uses the same code for "export shown", so both agree.
import { parseJsonExact } from './exactJson';
import { FilterSyntaxError, evaluateFieldExpression, parseFieldExpression, type FieldExpr } from './fieldExpression';
import type { RecordRow } from './protocol';

/** What the filter looks at: the row as the webview holds it (inline body, possibly cut). */
export type FilterSubject = Pick<RecordRow, 'shardId' | 'partitionKey' | 'kind' | 'body' | 'bodyTruncated'>;

export interface ViewSpec {
  text: string;
  field: string;
  hiddenShards: readonly string[];
}

export interface FieldFilterError {
  message: string;
  position: number;
}

export interface CompiledView {
  /** False when nothing is filtered, so callers can skip the scan. */
  readonly active: boolean;
  /** Set when the field expression does not parse; the field part is then ignored. */
  readonly fieldError?: FieldFilterError;
  matches(row: FilterSubject): boolean;
}

/** Parses a field expression without throwing. */
export function compileFieldFilter(source: string): { ok: true; expr: FieldExpr } | { ok: false; error: FieldFilterError } {
  try {
    return { ok: true, expr: parseFieldExpression(source) };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: { message: e.message, position: e.position } };
    // A RangeError from some pathological input is still a bad filter, not a crash.
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e), position: 0 } };
  }
}

/**
 * The decoded JSON of a row, or undefined when it has none we can trust: not JSON, or cut at
 * the inline cap (a truncated document cannot be parsed, so field filters skip such rows).
 */
export function rowJson(row: FilterSubject): { value: unknown } | undefined {
  if (row.kind !== 'json' || row.bodyTruncated) return undefined;
  try {
    return { value: parseJsonExact(row.body) };
  } catch {
    return undefined;
  }
}

export function textMatches(row: FilterSubject, needleLower: string): boolean {
  return row.partitionKey.toLowerCase().includes(needleLower) || row.body.toLowerCase().includes(needleLower);
}

export function compileView(spec: ViewSpec): CompiledView {
  const needle = spec.text.trim().toLowerCase();
  const hidden = new Set(spec.hiddenShards);
  let expr: FieldExpr | undefined;
  let fieldError: FieldFilterError | undefined;
  if (spec.field.trim() !== '') {
    const compiled = compileFieldFilter(spec.field);
    if (compiled.ok) expr = compiled.expr;
    else fieldError = compiled.error;
  }
  const active = needle !== '' || hidden.size > 0 || expr !== undefined;
  const matches = (row: FilterSubject): boolean => {
    if (hidden.size > 0 && hidden.has(row.shardId)) return false;
    if (needle !== '' && !textMatches(row, needle)) return false;
    if (expr === undefined) return true;
    const json = rowJson(row);
    return json !== undefined && evaluateFieldExpression(expr, json.value);
  };
  return { active, matches, ...(fieldError ? { fieldError } : {}) };
}
