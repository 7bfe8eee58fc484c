// Everything wrong with a producer document, each at its exact range: syntax and headers, bad
// templates, an unknown stream (when the stream list is known), JSON that does not parse, and a
// sample record of each body that breaks a Kinesis limit (over 1 MiB, partition key over 256).
import { parseProducerDoc, type DocIssue, type ProducerBlock, type ProducerDoc, type Range } from './parse';
import { checkJson } from './jsonCheck';
import { compileBlock, pieceRange, positionIn, recordFactory, type BodyPiece, type CompiledBlock } from './records';
import { jsonShape } from './templates';

export interface DiagnoseOptions {
  /** The streams of the document's connection and region, when listed; absent: not checked. */
  knownStreams?: ReadonlySet<string>;
  /** Names the connection and region in the unknown-stream message. */
  where?: string;
}

export interface Diagnosis {
  doc: ProducerDoc;
  compiled: CompiledBlock[];
  issues: DocIssue[];
}

/** A fixed context for sample records: the checks must not depend on chance or the clock. */
const SAMPLE = { copies: 1, clock: () => new Date(0), random: () => 0, uuid: () => '00000000-0000-4000-8000-000000000000' };

export function diagnoseProducerDoc(text: string, opts: DiagnoseOptions = {}): Diagnosis {
  const doc = parseProducerDoc(text);
  const issues = [...doc.issues];
  const compiled = doc.blocks.map(compileBlock);
  for (const c of compiled) {
    issues.push(...c.issues);
    issues.push(...unknownStream(c.block, opts));
    issues.push(...jsonIssues(c));
    if (c.issues.length === 0) issues.push(...sampleIssues(c));
  }
  issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { doc, compiled, issues };
}

function unknownStream(block: ProducerBlock, opts: DiagnoseOptions): DocIssue[] {
  if (!opts.knownStreams || !block.stream || !block.streamRange || opts.knownStreams.has(block.stream)) return [];
  const where = opts.where ? ` in ${opts.where}` : '';
  return [{ range: block.streamRange, severity: 'warning', message: `No stream named ${block.stream}${where}. Create it, or fix the name (completion lists the streams).` }];
}

/** A body that starts with { or [ must be JSON (each line of it, with Lines: true). */
function jsonIssues(c: CompiledBlock): DocIssue[] {
  const out: DocIssue[] = [];
  for (const piece of c.pieces) {
    if (!/^\s*[[{]/.test(piece.text) || piece.template.errors.length > 0) continue;
    const check = checkJson(jsonShape(piece.text, piece.template));
    if (check.ok) continue;
    out.push({ range: errorRange(piece, check.offset), severity: 'error', message: `Invalid JSON: ${check.message}` });
  }
  return out;
}

/** The template at the offset when there is one (its text is what JSON saw), else the one character. */
function errorRange(piece: BodyPiece, offset: number): Range {
  for (const part of piece.template.parts) {
    if (part.kind === 'call' && offset >= part.call.start && offset < part.call.end) {
      return { start: positionIn(piece.lines, part.call.start), end: positionIn(piece.lines, part.call.end) };
    }
  }
  const start = positionIn(piece.lines, offset);
  const atEnd = offset >= piece.text.length;
  return { start, end: atEnd ? start : positionIn(piece.lines, offset + 1) };
}

function sampleIssues(c: CompiledBlock): DocIssue[] {
  const out: DocIssue[] = [];
  const factory = recordFactory(c, SAMPLE);
  c.pieces.forEach((piece, i) => {
    const made = factory.make(i);
    if (made.ok) return;
    const message = made.message.replace(/^Record \d+ \(body line \d+\): /, '');
    const keyHeader = made.code === 'explicitHashKey' ? c.block.explicitHashKey : made.code === 'partitionKey' || made.code === 'jsonPathValue' ? c.block.partitionKey : undefined;
    out.push({ range: keyHeader?.valueRange ?? pieceRange(piece), severity: 'error', message });
  });
  return out;
}
