// Templates inside producer bodies and keys: `{{name arg…}}` calls parsed with exact offsets,
// checked against the function table, and evaluated once per record.
import { randomUUID } from 'node:crypto';
import { generators, randomInt, type Random } from './generators';

/** What every call of one record shares: {{seq}} and {{now}} are the same throughout a record. */
export interface TemplateContext {
  /** 1-based number of the record in its run. */
  seq: number;
  now: Date;
  random: Random;
  uuid: () => string;
}

export interface TemplateToken {
  /** The value: a string argument without its quotes and escapes. */
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

export interface TemplateError {
  /** Offsets into the parsed text, end excluded. */
  start: number;
  end: number;
  message: string;
}

type Evaluate = (ctx: TemplateContext) => string;

export interface TemplateCall {
  name: string;
  start: number;
  end: number;
  evaluate: Evaluate;
  /** The value is a number: it can stand unquoted in JSON. */
  numeric: boolean;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'call'; call: TemplateCall };

export interface ParsedTemplate {
  parts: TemplatePart[];
  errors: TemplateError[];
}

interface FunctionSpec {
  usage: string;
  doc: string;
  min: number;
  max: number;
  /** Builds the evaluator, or throws ArgError naming the bad argument. */
  make(args: TemplateToken[]): { evaluate: Evaluate; numeric: boolean };
}

class ArgError extends Error {
  constructor(
    readonly token: TemplateToken,
    message: string,
  ) {
    super(message);
  }
}

const DURATION = /^([+-]?)(\d+)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const TIME_FORMATS = ['iso', 'epoch', 'epochMillis'] as const;

function number(token: TemplateToken, what: string, integer: boolean): number {
  const value = Number(token.text);
  if (token.quoted || token.text === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ArgError(token, `${what} must be ${integer ? 'an integer' : 'a number'}, not ${token.quoted ? `"${token.text}"` : token.text}.`);
  }
  return value;
}

function timeFormat(token: TemplateToken | undefined): (typeof TIME_FORMATS)[number] {
  if (!token) return 'iso';
  const found = TIME_FORMATS.find((f) => f === token.text);
  if (!found) throw new ArgError(token, `Unknown time format ${JSON.stringify(token.text)}: use "iso", "epoch" (seconds) or "epochMillis".`);
  return found;
}

function formatTime(date: Date, format: (typeof TIME_FORMATS)[number]): string {
  if (format === 'epoch') return String(Math.floor(date.getTime() / 1000));
  if (format === 'epochMillis') return String(date.getTime());
  return date.toISOString();
}

const generator = (name: keyof typeof generators, doc: string): FunctionSpec => ({
  usage: name,
  doc,
  min: 0,
  max: 0,
  make: () => ({ evaluate: (ctx) => generators[name](ctx.random), numeric: false }),
});

export const TEMPLATE_FUNCTIONS: Record<string, FunctionSpec> = {
  uuid: { usage: 'uuid', doc: 'A random UUID, new at each use.', min: 0, max: 0, make: () => ({ evaluate: (ctx) => ctx.uuid(), numeric: false }) },
  seq: { usage: 'seq', doc: 'The record number in this run: 1, 2, 3…', min: 0, max: 0, make: () => ({ evaluate: (ctx) => String(ctx.seq), numeric: true }) },
  now: {
    usage: 'now ["iso"|"epoch"|"epochMillis"]',
    doc: 'The time the record is made: ISO 8601, or epoch seconds / milliseconds.',
    min: 0,
    max: 1,
    make: (args) => {
      const format = timeFormat(args[0]);
      return { evaluate: (ctx) => formatTime(ctx.now, format), numeric: format !== 'iso' };
    },
  },
  date: {
    usage: 'date <offset> ["iso"|"epoch"|"epochMillis"]',
    doc: 'The time shifted by an offset such as -1h, 30m, -7d (units ms, s, m, h, d, w).',
    min: 1,
    max: 2,
    make: (args) => {
      const offset = args[0] as TemplateToken;
      const m = DURATION.exec(offset.text);
      if (!m) throw new ArgError(offset, `The offset ${JSON.stringify(offset.text)} is not a duration such as -1h, 30m or -7d.`);
      const ms = (m[1] === '-' ? -1 : 1) * Number(m[2]) * (UNIT_MS[m[3] as string] as number);
      const format = timeFormat(args[1]);
      return { evaluate: (ctx) => formatTime(new Date(ctx.now.getTime() + ms), format), numeric: format !== 'iso' };
    },
  },
  int: {
    usage: 'int <min> <max>',
    doc: 'A random integer between min and max, both included.',
    min: 2,
    max: 2,
    make: (args) => {
      const lo = number(args[0] as TemplateToken, 'min', true);
      const hi = number(args[1] as TemplateToken, 'max', true);
      if (hi < lo) throw new ArgError(args[1] as TemplateToken, `max (${hi}) is below min (${lo}).`);
      return { evaluate: (ctx) => String(randomInt(ctx.random, lo, hi)), numeric: true };
    },
  },
  float: {
    usage: 'float <min> <max> [digits]',
    doc: 'A random number between min and max with the given number of decimals (2 by default).',
    min: 2,
    max: 3,
    make: (args) => {
      const lo = number(args[0] as TemplateToken, 'min', false);
      const hi = number(args[1] as TemplateToken, 'max', false);
      if (hi < lo) throw new ArgError(args[1] as TemplateToken, `max (${hi}) is below min (${lo}).`);
      const digits = args[2] ? number(args[2], 'digits', true) : 2;
      if (digits < 0 || digits > 10) throw new ArgError(args[2] as TemplateToken, 'digits must be between 0 and 10.');
      return { evaluate: (ctx) => (lo + ctx.random() * (hi - lo)).toFixed(digits), numeric: true };
    },
  },
  pick: {
    usage: 'pick "a" "b" …',
    doc: 'One of the arguments, chosen at random.',
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    make: (args) => {
      const values = args.map((a) => a.text);
      const numeric = args.every((a) => !a.quoted && a.text !== '' && Number.isFinite(Number(a.text)));
      return { evaluate: (ctx) => values[randomInt(ctx.random, 0, values.length - 1)] as string, numeric };
    },
  },
  name: generator('name', 'A person\'s full name, e.g. "Lena Fischer".'),
  email: generator('email', 'An email address at example.com.'),
  ip: generator('ip', 'A public-looking IPv4 address.'),
  city: generator('city', 'A city name.'),
  userAgent: generator('userAgent', 'A browser user agent string.'),
};

/** Splits text into literal parts and calls; every problem is reported with its offsets. */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      errors.push({ start: open, end: text.length, message: 'This template is not closed: add }}.' });
      break;
    }
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open) });
    const call = parseCall(text, open, close + 2, errors);
    if (call) parts.push({ kind: 'call', call });
    at = close + 2;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return { parts, errors };
}

function parseCall(text: string, start: number, end: number, errors: TemplateError[]): TemplateCall | undefined {
  const tokens = tokenize(text, start + 2, end - 2, errors);
  if (!tokens) return undefined;
  const [head, ...args] = tokens;
  if (!head) {
    errors.push({ start, end, message: `An empty template: write a function inside, e.g. {{uuid}}. Functions: ${Object.keys(TEMPLATE_FUNCTIONS).join(', ')}.` });
    return undefined;
  }
  const spec = Object.hasOwn(TEMPLATE_FUNCTIONS, head.text) && !head.quoted ? TEMPLATE_FUNCTIONS[head.text] : undefined;
  if (!spec) {
    errors.push({ start: head.start, end: head.end, message: `Unknown template function ${JSON.stringify(head.text)}. Functions: ${Object.keys(TEMPLATE_FUNCTIONS).join(', ')}.` });
    return undefined;
  }
  if (args.length < spec.min || args.length > spec.max) {
    const count = spec.min === spec.max ? `${spec.min}` : spec.max === Number.MAX_SAFE_INTEGER ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
    errors.push({ start, end, message: `${head.text} takes ${count} argument${count === '1' ? '' : 's'}, not ${args.length}: {{${spec.usage}}}.` });
    return undefined;
  }
  try {
    const made = spec.make(args);
    return { name: head.text, start, end, ...made };
  } catch (err) {
    if (!(err instanceof ArgError)) throw err;
    errors.push({ start: err.token.start, end: err.token.end, message: `${err.message} Usage: {{${spec.usage}}}.` });
    return undefined;
  }
}

/** Words and "quoted strings" (with \" and \\ escapes) between from and to. */
function tokenize(text: string, from: number, to: number, errors: TemplateError[]): TemplateToken[] | undefined {
  const tokens: TemplateToken[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let value = '';
      let j = i + 1;
      while (j < to && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < to) j++;
        value += text[j];
        j++;
      }
      if (j >= to) {
        errors.push({ start: i, end: to, message: 'This string is not closed: add ".' });
        return undefined;
      }
      tokens.push({ text: value, quoted: true, start: i, end: j + 1 });
      i = j + 1;
    } else {
      let j = i;
      while (j < to && !/\s/.test(text[j] as string)) j++;
      tokens.push({ text: text.slice(i, j), quoted: false, start: i, end: j });
      i = j;
    }
  }
  return tokens;
}

/** The text with every call evaluated against one record's context. */
export function renderTemplate(parsed: ParsedTemplate, ctx: TemplateContext): string {
  let out = '';
  for (const part of parsed.parts) out += part.kind === 'text' ? part.text : part.call.evaluate(ctx);
  return out;
}

/**
 * The text with each call replaced, at the same length, by what JSON will see: a number (`0`) for
 * numeric calls, a bare word (`x`) for text ones. Offsets stay those of the source, so a JSON
 * error points at the template that caused it (text unquoted in JSON is an error there).
 */
export function jsonShape(text: string, parsed: ParsedTemplate): string {
  let out = text;
  for (const part of parsed.parts) {
    if (part.kind !== 'call') continue;
    const { start, end, numeric } = part.call;
    out = out.slice(0, start) + (numeric ? '0' : 'x').padEnd(end - start, ' ') + out.slice(end);
  }
  return out;
}

/** A context for one record: real time, Math.random and crypto UUIDs unless given. */
export function templateContext(seq: number, overrides: Partial<Omit<TemplateContext, 'seq'>> = {}): TemplateContext {
  return { seq, now: overrides.now ?? new Date(), random: overrides.random ?? Math.random, uuid: overrides.uuid ?? randomUUID };
}
