// Turns a parsed block into records: its body (or each body line, with Lines: true) and keys
// compiled as templates once, then rendered per record, checked and prepared by the put command's
// own preparePut, so a block's records obey exactly the rules of Put Record.
import { parsePartitionKeyInput, UUID_KEY_TOKEN } from '../put/partitionKey';
import { preparePut, type PreparedRecord, type PutIssueCode } from '../put/prepare';
import type { BodyLine, DocIssue, HeaderLine, Position, ProducerBlock, Range } from './parse';
import { parseTemplate, renderTemplate, templateContext, type ParsedTemplate, type TemplateContext } from './templates';

/** One record's worth of body: the whole body, or one line of it. */
export interface BodyPiece {
  text: string;
  lines: BodyLine[];
  template: ParsedTemplate;
}

export interface CompiledBlock {
  block: ProducerBlock;
  pieces: BodyPiece[];
  partitionKey?: ParsedTemplate;
  explicitHashKey?: ParsedTemplate;
  /** Template errors at their document ranges; a block with any cannot be sent. */
  issues: DocIssue[];
}

export function compileBlock(block: ProducerBlock): CompiledBlock {
  const issues: DocIssue[] = [];
  const groups = block.lines ? block.body.filter((l) => l.text.trim() !== '').map((l) => [l]) : block.body.length > 0 ? [block.body] : [];
  const pieces = groups.map((lines): BodyPiece => {
    const text = lines.map((l) => l.text).join('\n');
    const template = parseTemplate(text);
    for (const e of template.errors) issues.push({ range: { start: positionIn(lines, e.start), end: positionIn(lines, e.end) }, severity: 'error', message: e.message });
    return { text, lines, template };
  });
  const compiled: CompiledBlock = { block, pieces, issues };
  const key = headerTemplate(block.partitionKey, issues);
  if (key) compiled.partitionKey = key;
  const hash = headerTemplate(block.explicitHashKey, issues);
  if (hash) compiled.explicitHashKey = hash;
  return compiled;
}

function headerTemplate(header: HeaderLine | undefined, issues: DocIssue[]): ParsedTemplate | undefined {
  if (!header) return undefined;
  const template = parseTemplate(header.value);
  const { line, character } = header.valueRange.start;
  for (const e of template.errors) issues.push({ range: { start: { line, character: character + e.start }, end: { line, character: character + e.end } }, severity: 'error', message: e.message });
  return template;
}

/** The document position of an offset into lines joined with \n. */
export function positionIn(lines: readonly BodyLine[], offset: number): Position {
  let rest = offset;
  for (const [k, l] of lines.entries()) {
    if (rest <= l.text.length || k === lines.length - 1) return { line: l.line, character: Math.min(rest, l.text.length) };
    rest -= l.text.length + 1;
  }
  return { line: 0, character: 0 };
}

export function pieceRange(piece: BodyPiece): Range {
  const first = piece.lines[0] as BodyLine;
  const last = piece.lines[piece.lines.length - 1] as BodyLine;
  return { start: { line: first.line, character: 0 }, end: { line: last.line, character: last.text.length } };
}

export type MadeRecord = { ok: true; record: PreparedRecord } | { ok: false; code: PutIssueCode; message: string; piece: BodyPiece };

export interface RecordFactoryOptions {
  /** Copies of the block's records (Repeat, or the count of "Put × N"). */
  copies: number;
  /** Data + key bytes allowed per record; 1 MiB when absent. */
  maxRecordBytes?: number;
  /** The time of each record (default: now, when it is made). */
  clock?: () => Date;
  random?: TemplateContext['random'];
  uuid?: TemplateContext['uuid'];
}

export interface RecordFactory {
  total: number;
  /** Record i (0-based) of the run: {{seq}} is i + 1, and the report's "line" is i + 1 too. */
  make(i: number): MadeRecord;
}

export function recordFactory(compiled: CompiledBlock, opts: RecordFactoryOptions): RecordFactory {
  const { pieces } = compiled;
  const clock = opts.clock ?? (() => new Date());
  const make = (i: number): MadeRecord => {
    const piece = pieces[i % pieces.length] as BodyPiece;
    const ctx = templateContext(i + 1, { now: clock(), ...(opts.random ? { random: opts.random } : {}), ...(opts.uuid ? { uuid: opts.uuid } : {}) });
    const text = renderTemplate(piece.template, ctx);
    const keyText = compiled.partitionKey ? renderTemplate(compiled.partitionKey, ctx) : UUID_KEY_TOKEN;
    const where = `Record ${i + 1} (body line ${(piece.lines[0] as BodyLine).line + 1})`;
    const strategy = parsePartitionKeyInput(keyText);
    if (!strategy.ok) return { ok: false, code: 'partitionKey', message: `${where}: ${strategy.error}`, piece };
    const prepareOpts = { partitionKey: strategy.strategy, ...(opts.maxRecordBytes !== undefined ? { maxRecordBytes: opts.maxRecordBytes } : {}), ...(opts.uuid ? { newKey: opts.uuid } : {}) };
    const hash = compiled.explicitHashKey ? renderTemplate(compiled.explicitHashKey, ctx) : undefined;
    const prepared = preparePut([{ index: i, line: i + 1, source: 0, text }], hash !== undefined ? { ...prepareOpts, explicitHashKey: hash } : prepareOpts);
    const problem = prepared.errors[0];
    if (problem) return { ok: false, code: problem.code, message: `${where}: ${problem.message.replace(/^Line \d+: /, '')}`, piece };
    return { ok: true, record: prepared.records[0] as PreparedRecord };
  };
  return { total: pieces.length === 0 ? 0 : opts.copies * pieces.length, make };
}
