// Turns editor text into records: the whole text (or each selection) as one record, or every
// non-empty line as one record, each with the document line it came from for messages and reports.

/** 'whole': each source is one record; 'lines': every non-blank line of each source is one. */
export type SplitMode = 'whole' | 'lines';

export interface RecordSource {
  text: string;
  /** 1-based document line of the text's first line (a selection's start); 1 when absent. */
  startLine?: number;
}

export interface TextRecord {
  /** Position in the list, 0-based: the identity used in reports. */
  index: number;
  /** 1-based document line where the record starts. */
  line: number;
  /** Which source (selection) it came from, 0-based. */
  source: number;
  /** The text exactly as typed (line terminators excluded in 'lines' mode). */
  text: string;
}

/** Line breaks as VS Code counts them: \r\n, \n and a lone \r. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Splits the sources into records. In 'lines' mode lines holding only blanks are skipped (NDJSON
 * files often end with one); other lines keep their leading and trailing blanks, since data is
 * sent exactly as typed. In 'whole' mode a source with only blanks is skipped too, and
 * `preparePut` then reports the input as empty.
 */
export function splitRecords(input: string | readonly RecordSource[], mode: SplitMode): TextRecord[] {
  const sources: readonly RecordSource[] = typeof input === 'string' ? [{ text: input }] : input;
  const records: TextRecord[] = [];
  sources.forEach((src, source) => {
    const first = src.startLine ?? 1;
    if (mode === 'whole') {
      if (!isBlank(src.text)) records.push({ index: records.length, line: first + leadingBlankLines(src.text), source, text: src.text });
      return;
    }
    src.text.split(LINE_BREAK).forEach((text, i) => {
      if (!isBlank(text)) records.push({ index: records.length, line: first + i, source, text });
    });
  });
  return records;
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** A whole-text record is reported at its first non-blank line, where the user would look. */
function leadingBlankLines(text: string): number {
  const lines = text.split(LINE_BREAK);
  let n = 0;
  while (n < lines.length - 1 && isBlank(lines[n] as string)) n++;
  return n;
}

/** UTF-8 bytes of the text, exactly as typed. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}
