// Parses *.kinesis producer documents: an optional file header (# @connection, # @region), then
// blocks separated by ### lines, each `PUT <stream>`, header lines and a body, with exact ranges.

/** 0-based, as editors count. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface DocIssue {
  range: Range;
  severity: 'error' | 'warning';
  message: string;
}

export interface HeaderLine {
  /** As typed. */
  name: string;
  value: string;
  nameRange: Range;
  valueRange: Range;
}

export interface BodyLine {
  text: string;
  /** 0-based document line. */
  line: number;
}

export interface ProducerBlock {
  /** 0-based position among the blocks that have a PUT line. */
  index: number;
  /** The text after ###, if any. */
  title: string;
  /** The ### line (or the PUT line of a block before any ###). */
  headLine: number;
  putLine: number;
  stream?: string;
  streamRange?: Range;
  headers: HeaderLine[];
  partitionKey?: HeaderLine;
  explicitHashKey?: HeaderLine;
  repeat: number;
  repeatSet: boolean;
  /** Records per second. */
  rate?: number;
  lines: boolean;
  /** Body lines, without leading and trailing blank lines. */
  body: BodyLine[];
  /** Last line of the block (0-based). */
  endLine: number;
}

export interface ProducerDoc {
  connection?: { name: string; range: Range };
  region?: { name: string; range: Range };
  blocks: ProducerBlock[];
  issues: DocIssue[];
}

export const HEADER_NAMES = ['Partition-Key', 'Explicit-Hash-Key', 'Repeat', 'Rate', 'Lines'] as const;
export type HeaderName = (typeof HEADER_NAMES)[number];
export const MAX_REPEAT = 100_000;
export const MAX_RATE = 10_000;

const LINE_BREAK = /\r\n|\r|\n/;
const SEPARATOR = /^###/;
const COMMENT = /^\s*(#|\/\/)/;
const DIRECTIVE = /^(\s*#\s*@)(connection|region)\b(\s*)(.*?)\s*$/;
const PUT = /^(\s*)(\S+)(\s*)(\S*)(\s*)(.*?)\s*$/;
const HEADER = /^(\s*)([A-Za-z][A-Za-z0-9-]*)(\s*:\s*)(.*?)\s*$/;
const STREAM_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function parseProducerDoc(text: string): ProducerDoc {
  const lines = text.split(LINE_BREAK);
  const doc: ProducerDoc = { blocks: [], issues: [] };
  const seps = lines.flatMap((l, i) => (SEPARATOR.test(l) ? [i] : []));
  const firstSep = seps[0] ?? lines.length;
  const firstPut = readFileHeader(lines, firstSep, doc);
  if (firstPut !== undefined) parseBlock(lines, firstPut, firstSep, firstPut, '', doc);
  seps.forEach((sep, k) => {
    const end = seps[k + 1] ?? lines.length;
    parseBlock(lines, sep + 1, end, sep, (lines[sep] as string).replace(SEPARATOR, '').trim(), doc);
  });
  return doc;
}

/** Reads # @connection / # @region before the first ###; returns the line of a PUT found there. */
function readFileHeader(lines: string[], end: number, doc: ProducerDoc): number | undefined {
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    const d = DIRECTIVE.exec(line);
    if (d) {
      const [, lead, key, gap, value] = d as unknown as [string, string, 'connection' | 'region', string, string];
      const start = lead.length + key.length + gap.length;
      if (!value) doc.issues.push({ range: range(i, 0, line.length), severity: 'error', message: `# @${key} needs a value, e.g. # @${key} ${key === 'region' ? 'us-east-1' : 'my-profile'}.` });
      else if (doc[key]) doc.issues.push({ range: range(i, start, start + value.length), severity: 'error', message: `# @${key} is already set above; remove one of them.` });
      else doc[key] = { name: value, range: range(i, start, start + value.length) };
      continue;
    }
    if (line.trim() === '' || COMMENT.test(line)) continue;
    return i;
  }
  return undefined;
}

function parseBlock(lines: string[], from: number, to: number, headLine: number, title: string, doc: ProducerDoc): void {
  let i = from;
  while (i < to && ((lines[i] as string).trim() === '' || COMMENT.test(lines[i] as string))) i++;
  if (i >= to) {
    if (headLine < from) doc.issues.push({ range: range(headLine, 0, (lines[headLine] as string).length), severity: 'warning', message: 'This block is empty: add a PUT <stream> line, or remove the ###.' });
    return;
  }
  const block: ProducerBlock = { index: doc.blocks.length, title, headLine, putLine: i, headers: [], repeat: 1, repeatSet: false, lines: false, body: [], endLine: to - 1 };
  if (!readPutLine(lines[i] as string, i, block, doc)) return;
  doc.blocks.push(block);
  i++;
  for (; i < to; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') break;
    if (COMMENT.test(line)) continue;
    const h = HEADER.exec(line);
    if (!h) break;
    const [, lead, name, sep, value] = h as unknown as [string, string, string, string, string];
    const valueStart = lead.length + name.length + sep.length;
    readHeader({ name, value, nameRange: range(i, lead.length, lead.length + name.length), valueRange: range(i, valueStart, valueStart + value.length) }, block, doc);
  }
  let last = to - 1;
  while (last >= i && (lines[last] as string).trim() === '') last--;
  while (i <= last && (lines[i] as string).trim() === '') i++;
  for (; i <= last; i++) block.body.push({ text: lines[i] as string, line: i });
  if (block.body.length === 0) doc.issues.push({ range: range(block.putLine, 0, (lines[block.putLine] as string).length), severity: 'error', message: 'This block has no body: write the record after the headers and a blank line.' });
}

function readPutLine(line: string, i: number, block: ProducerBlock, doc: ProducerDoc): boolean {
  const [, lead, verb, gap, stream, gap2, rest] = PUT.exec(line) as unknown as string[] as [string, string, string, string, string, string, string];
  if (verb.toUpperCase() !== 'PUT') {
    doc.issues.push({ range: range(i, lead.length, lead.length + verb.length), severity: 'error', message: `A block starts with PUT <stream>, not ${JSON.stringify(verb)}.` });
    return false;
  }
  const streamStart = lead.length + verb.length + gap.length;
  if (!stream) {
    doc.issues.push({ range: range(i, lead.length, lead.length + verb.length), severity: 'error', message: 'PUT needs a stream name: PUT <stream>.' });
    return true;
  }
  block.stream = stream;
  block.streamRange = range(i, streamStart, streamStart + stream.length);
  if (!STREAM_NAME.test(stream)) {
    doc.issues.push({ range: block.streamRange, severity: 'error', message: `${JSON.stringify(stream)} is not a stream name: 1 to 128 letters, digits, _ . or -.` });
  }
  if (rest) {
    const restStart = streamStart + stream.length + gap2.length;
    doc.issues.push({ range: range(i, restStart, restStart + rest.length), severity: 'error', message: 'Only the stream name follows PUT; put options on their own header lines (Partition-Key: …).' });
  }
  return true;
}

function readHeader(h: HeaderLine, block: ProducerBlock, doc: ProducerDoc): void {
  const known = HEADER_NAMES.find((n) => n.toLowerCase() === h.name.toLowerCase());
  const error = (r: Range, message: string) => doc.issues.push({ range: r, severity: 'error', message });
  if (!known) return void error(h.nameRange, `Unknown header ${JSON.stringify(h.name)}. Headers: ${HEADER_NAMES.join(', ')}. (A body starts after a blank line.)`);
  if (block.headers.some((o) => o.name.toLowerCase() === h.name.toLowerCase())) return void error(h.nameRange, `${known} is already set in this block.`);
  block.headers.push(h);
  if (h.value === '') return void error(h.nameRange, `${known} needs a value.`);
  switch (known) {
    case 'Partition-Key':
      block.partitionKey = h;
      return;
    case 'Explicit-Hash-Key':
      block.explicitHashKey = h;
      return;
    case 'Repeat': {
      const n = /^\d+$/.test(h.value) ? Number(h.value) : NaN;
      if (!(n >= 1 && n <= MAX_REPEAT)) return void error(h.valueRange, `Repeat is a whole number from 1 to ${MAX_REPEAT.toLocaleString('en-US')}, not ${JSON.stringify(h.value)}.`);
      block.repeat = n;
      block.repeatSet = true;
      return;
    }
    case 'Rate': {
      const m = /^(\d+(?:\.\d+)?)\s*\/\s*s$/.exec(h.value);
      const n = m ? Number(m[1]) : NaN;
      if (!(n > 0 && n <= MAX_RATE)) return void error(h.valueRange, `Rate is records per second, e.g. 50/s (more than 0, at most ${MAX_RATE.toLocaleString('en-US')}/s), not ${JSON.stringify(h.value)}.`);
      block.rate = n;
      return;
    }
    case 'Lines':
      if (!/^(true|false)$/i.test(h.value)) return void error(h.valueRange, `Lines is true (one record per non-blank line) or false (the body is one record), not ${JSON.stringify(h.value)}.`);
      block.lines = h.value.toLowerCase() === 'true';
      return;
  }
}
