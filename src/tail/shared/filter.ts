// The tail panel's view filter: a case-insensitive substring over payload and partition key, an
// optional CEL field filter (celFilter.ts), and hidden shards. Pure; the webview filters its
// table with it, and the host uses the same code for "export shown" (and Find), so both agree.
// The host reaches this module through loadFilter() (src/tail/host/filterLoader.ts): with CEL it
// is too big for the activation bundle.
import { compileCelFilter, type CompiledFieldFilter, type FieldFilterError, type FilterSubject } from './celFilter';
import { parseJsonExact } from './exactJson';

export type { CompiledFieldFilter, FieldFilterError, FilterSubject };

export interface ViewSpec {
  text: string;
  field: string;
  hiddenShards: readonly string[];
}

export interface CompiledView {
  /** False when nothing is filtered, so callers can skip the scan. */
  readonly active: boolean;
  /** Set when the field filter does not compile; the field part is then ignored. */
  readonly fieldError?: FieldFilterError;
  /** The CEL the field filter runs, when it was a short form rewritten (the panel can show it). */
  readonly fieldCel?: string;
  matches(row: FilterSubject): boolean;
}

/**
 * Compiles a field filter (CEL, or a short form rewritten to CEL) once; never throws. The
 * predicate is then cheap per record: `compiled.ok && compiled.matches(row)`.
 */
export function compileFieldFilter(source: string): CompiledFieldFilter {
  try {
    return compileCelFilter(source);
  } catch (e) {
    // A RangeError from some pathological input is still a bad filter, not a crash.
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e), position: 0 } };
  }
}

/**
 * The decoded JSON of a row, or undefined when it has none we can trust: not JSON, or cut at
 * the inline cap (a truncated document cannot be parsed). Exact numbers stay LosslessNumbers
 * (field columns and the tree show their digits).
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
  let field: ((row: FilterSubject) => boolean) | undefined;
  let fieldError: FieldFilterError | undefined;
  let fieldCel: string | undefined;
  if (spec.field.trim() !== '') {
    const compiled = compileFieldFilter(spec.field);
    if (compiled.ok) {
      field = compiled.matches;
      if (compiled.rewritten) fieldCel = compiled.cel;
    } else {
      fieldError = compiled.error;
    }
  }
  const active = needle !== '' || hidden.size > 0 || field !== undefined;
  const matches = (row: FilterSubject): boolean => {
    if (hidden.size > 0 && hidden.has(row.shardId)) return false;
    if (needle !== '' && !textMatches(row, needle)) return false;
    return field === undefined || field(row);
  };
  return { active, matches, ...(fieldError ? { fieldError } : {}), ...(fieldCel ? { fieldCel } : {}) };
}
