// The field filter's short forms from before CEL (`temperature > 75`, `$.user == "u1"`,
// `level in ["WARN","ERROR"]`, `msg contains "disk"`, `$.items[*].qty == 0`), parsed only to be
// rewritten into CEL (toCel), so nobody's saved filter breaks; CEL itself is parsed and run by
// @marcbachmann/cel-js (celFilter.ts). Also parses the plain JSON paths of field columns.
import { isExactNumber } from './exactJson';

export class FilterSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

/** Path steps: an object key, an array index, or `*` (every element or property). */
export type PathStep = { key: string } | { index: number } | { any: true };
/** A number keeps its source text, so CEL gets the exact digits (int, uint or double). */
export type Literal = string | { num: string } | boolean | null;
export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type FieldExpr =
  | { kind: 'or' | 'and'; items: FieldExpr[] }
  | { kind: 'not'; expr: FieldExpr }
  | { kind: 'exists'; path: PathStep[] }
  | { kind: 'compare'; path: PathStep[]; op: CompareOp; value: Literal }
  | { kind: 'in'; path: PathStep[]; values: Literal[] }
  | { kind: 'contains'; path: PathStep[]; value: Literal };

export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_DEPTH = 32;

type Token =
  | { t: 'punct'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'num'; v: string; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'end'; pos: number };

const PUNCT = '()[],.$*';
const OPS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '='];
const IDENT_START = /[A-Za-z_@]/;
const IDENT_PART = /[A-Za-z0-9_@-]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    const num = /[-\d]/.test(c) ? NUMBER.exec(src.slice(i, i + 64)) : null;
    if (num) {
      out.push({ t: 'num', v: num[0], pos: i });
      i += num[0].length;
    } else if (PUNCT.includes(c)) {
      out.push({ t: 'punct', v: c, pos: i++ });
    } else if (op) {
      out.push({ t: 'op', v: op === '=' ? '==' : op, pos: i });
      i += op.length;
    } else if (c === '"' || c === "'") {
      const [value, next] = readString(src, i);
      out.push({ t: 'str', v: value, pos: i });
      i = next;
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < src.length && IDENT_PART.test(src[i])) i++;
      out.push({ t: 'ident', v: src.slice(start, i), pos: start });
    } else {
      throw new FilterSyntaxError(`Unexpected character "${c}"`, i);
    }
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"', "'": "'" };

/** Reads a quoted string with JSON-style escapes; returns the value and the index after it. */
function readString(src: string, start: number): [string, number] {
  const quote = src[start];
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === quote) return [value, i + 1];
    if (c !== '\\') { value += c; i++; continue; }
    const e = src[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (e !== undefined && e in ESCAPES) {
      value += ESCAPES[e];
      i += 2;
    } else {
      throw new FilterSyntaxError('Bad escape in string', i);
    }
  }
  throw new FilterSyntaxError('Unterminated string', start);
}

class Parser {
  private i = 0;
  private depth = 0;
  /** Bare names a path starts with, with whether a step follows (`value.x`): see isCelSyntax. */
  readonly bareRoots: Array<{ name: string; stepped: boolean }> = [];
  constructor(private readonly tokens: Token[]) {}

  parse(): FieldExpr {
    const expr = this.or();
    const t = this.peek();
    if (t.t !== 'end') throw new FilterSyntaxError(`Unexpected ${describe(t)}`, t.pos);
    return expr;
  }

  private peek(): Token { return this.tokens[this.i]; }
  private next(): Token { return this.tokens[this.i++]; }
  private isPunct(v: string): boolean { const t = this.peek(); return t.t === 'punct' && t.v === v; }
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return (t.t === 'ident' && words.includes(t.v.toLowerCase())) || (t.t === 'op' && words.includes(t.v));
  }
  private expect(v: string): void {
    const t = this.next();
    if (!(t.t === 'punct' && t.v === v)) throw new FilterSyntaxError(`Expected "${v}" but found ${describe(t)}`, t.pos);
  }

  private or(): FieldExpr {
    const items = [this.and()];
    while (this.isWord('or', '||')) { this.i++; items.push(this.and()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): FieldExpr {
    const items = [this.unary()];
    while (this.isWord('and', '&&')) { this.i++; items.push(this.unary()); }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(): FieldExpr {
    if (++this.depth > MAX_DEPTH) throw new FilterSyntaxError('Expression is nested too deeply', this.peek().pos);
    try {
      if (this.isWord('not', '!')) { this.i++; return { kind: 'not', expr: this.unary() }; }
      if (this.isPunct('(')) {
        this.i++;
        const inner = this.or();
        this.expect(')');
        return inner;
      }
      return this.condition();
    } finally {
      this.depth--;
    }
  }

  private condition(): FieldExpr {
    const path = this.path();
    const t = this.peek();
    if (t.t === 'op' && ['==', '!=', '>', '>=', '<', '<='].includes(t.v)) {
      this.i++;
      return { kind: 'compare', path, op: t.v as CompareOp, value: this.literal() };
    }
    if (this.isWord('in')) { this.i++; return { kind: 'in', path, values: this.list() }; }
    if (this.isWord('contains')) { this.i++; return { kind: 'contains', path, value: this.literal() }; }
    return { kind: 'exists', path };
  }

  private path(): PathStep[] {
    const steps: PathStep[] = [];
    const first = this.peek();
    if (first.t === 'punct' && first.v === '$') {
      this.i++;
    } else if (first.t === 'ident' && !isKeyword(first.v)) {
      this.i++;
      steps.push({ key: first.v });
      const after = this.tokens[this.i];
      this.bareRoots.push({ name: first.v, stepped: after.t === 'punct' && (after.v === '.' || after.v === '[') });
    } else {
      throw new FilterSyntaxError(`Expected a field such as temperature or $.user but found ${describe(first)}`, first.pos);
    }
    for (;;) {
      if (this.isPunct('.')) { this.i++; steps.push(this.dotStep()); } else if (this.isPunct('[')) { this.i++; steps.push(this.bracketStep()); } else return steps;
    }
  }

  private dotStep(): PathStep {
    const t = this.next();
    if (t.t === 'ident') return { key: t.v };
    if (t.t === 'punct' && t.v === '*') return { any: true };
    if (t.t === 'num' && /^\d+$/.test(t.v) && Number.isSafeInteger(Number(t.v))) return { index: Number(t.v) };
    throw new FilterSyntaxError(`Expected a field name after "." but found ${describe(t)}`, t.pos);
  }

  private bracketStep(): PathStep {
    const t = this.next();
    let step: PathStep;
    if (t.t === 'str') step = { key: t.v };
    else if (t.t === 'punct' && t.v === '*') step = { any: true };
    else if (t.t === 'num' && /^\d+$/.test(t.v) && Number.isSafeInteger(Number(t.v))) step = { index: Number(t.v) };
    else throw new FilterSyntaxError(`Expected an index, "key" or * inside [ ] but found ${describe(t)}`, t.pos);
    this.expect(']');
    return step;
  }

  private literal(): Literal {
    const t = this.next();
    if (t.t === 'num') return { num: t.v };
    if (t.t === 'str') return t.v;
    if (t.t === 'ident') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw new FilterSyntaxError(`Expected a value (number, "string", true, false or null) but found ${describe(t)}`, t.pos);
  }

  private list(): Literal[] {
    this.expect('[');
    const values: Literal[] = [];
    if (this.isPunct(']')) { this.i++; return values; }
    for (;;) {
      values.push(this.literal());
      if (this.isPunct(']')) { this.i++; return values; }
      this.expect(',');
    }
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'true', 'false', 'null']);
const isKeyword = (w: string): boolean => KEYWORDS.has(w.toLowerCase());

function describe(t: Token): string {
  if (t.t === 'end') return 'the end';
  if (t.t === 'str') return `"${t.v}"`;
  return `"${String(t.v)}"`;
}

/** Parses a short-form filter; throws FilterSyntaxError with the position of the problem. */
export function parseShortForm(src: string): FieldExpr {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new FilterSyntaxError(`A filter is at most ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
  if (src.trim() === '') throw new FilterSyntaxError('Empty filter', 0);
  return new Parser(tokenize(src)).parse();
}

/**
 * The short form of `src` rewritten to CEL, or undefined when `src` is not a short form or reads
 * CEL's `value.…` / `log.…` (a bare `value` or `log` is still the JSON field of that name).
 */
export function shortFormToCel(src: string): string | undefined {
  try {
    const parser = new Parser(tokenize(src));
    const expr = parser.parse();
    if (parser.bareRoots.some((r) => r.stepped && (r.name === 'value' || r.name === 'log'))) return undefined;
    return toCel(expr);
  } catch {
    return undefined;
  }
}

// ---- rewriting to CEL ---------------------------------------------------------------------------
//
// The short forms' meaning is kept: a missing field equals null (optional access `.?k` and
// `.orValue(null)`), `*` matches when any element or property does (`values(x).exists(…)`),
// `contains` ignores case for text and means "has an equal element" for lists.

const CEL_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CEL_RESERVED = new Set(['as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while', 'in', 'true', 'false', 'null']);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A number literal in CEL: int when it fits int64, uint up to 2^64-1, double otherwise. */
export function celNumber(text: string): string {
  if (!/^-?\d+$/.test(text)) return text;
  const n = BigInt(text);
  if (n >= -INT64_MAX - 1n && n <= INT64_MAX) return text;
  if (n > 0n && n <= UINT64_MAX) return `${text}u`;
  return `${text}.0`;
}

function celLiteral(lit: Literal): string {
  if (lit === null) return 'null';
  if (typeof lit === 'boolean') return String(lit);
  if (typeof lit === 'string') return JSON.stringify(lit);
  return celNumber(lit.num);
}

function access(root: string, steps: readonly PathStep[]): string {
  if (steps.length === 0) return root;
  let out = root;
  for (const step of steps) {
    if ('index' in step) out += `[?${step.index}]`;
    else if ('key' in step) out += CEL_IDENT.test(step.key) && !CEL_RESERVED.has(step.key) ? `.?${step.key}` : `[?${JSON.stringify(step.key)}]`;
  }
  return `${out}.orValue(null)`;
}

/** `test(x)` over what the path reaches, fanning out at each `*` with exists(). */
function overPath(root: string, path: readonly PathStep[], depth: number, test: (x: string) => string): string {
  const star = path.findIndex((s) => 'any' in s);
  if (star < 0) return test(access(root, path));
  const v = `e${depth}`;
  return `values(${access(root, path.slice(0, star))}).exists(${v}, ${overPath(v, path.slice(star + 1), depth + 1, test)})`;
}

/** The CEL text of a short-form filter, over the variable `value`. */
export function toCel(expr: FieldExpr): string {
  switch (expr.kind) {
    case 'or': return expr.items.map((e) => `(${toCel(e)})`).join(' || ');
    case 'and': return expr.items.map((e) => `(${toCel(e)})`).join(' && ');
    case 'not': return `!(${toCel(expr.expr)})`;
    case 'exists': return overPath('value', expr.path, 0, (x) => `${x} != null`);
    case 'in': return overPath('value', expr.path, 0, (x) => `${x} in [${expr.values.map(celLiteral).join(', ')}]`);
    case 'contains': {
      const lit = celLiteral(expr.value);
      if (typeof expr.value !== 'string') return overPath('value', expr.path, 0, (x) => `${lit} in ${x}`);
      // Text ignores case; a list needs an equal element. CEL's || absorbs the other side's error.
      const lower = JSON.stringify(expr.value.toLowerCase());
      return overPath('value', expr.path, 0, (x) => `(${x}.lowerAscii().contains(${lower}) || ${lit} in ${x})`);
    }
    case 'compare': {
      const lit = celLiteral(expr.value);
      // != is the negation of ==, also across `*` (no element equals).
      if (expr.op === '!=') return `!(${overPath('value', expr.path, 0, (x) => `${x} == ${lit}`)})`;
      return overPath('value', expr.path, 0, (x) => `${x} ${expr.op} ${lit}`);
    }
  }
}

// ---- field column paths -------------------------------------------------------------------------

/** The values a path reaches; `*` fans out. Iterative, so deep documents cannot blow the stack. */
export function resolvePath(root: unknown, path: readonly PathStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (typeof v !== 'object' || v === null || isExactNumber(v)) continue;
      if ('any' in step) {
        next.push(...(Array.isArray(v) ? v : Object.values(v)));
      } else if ('index' in step) {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if (Array.isArray(v)) {
        if (/^\d+$/.test(step.key) && Number(step.key) < v.length) next.push(v[Number(step.key)]);
      } else if (Object.prototype.hasOwnProperty.call(v, step.key)) {
        next.push((v as Record<string, unknown>)[step.key]);
      }
    }
    current = next;
  }
  return current;
}

