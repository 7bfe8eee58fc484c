// Interning for the columnar row stores (the host buffer and the webview's): a value that repeats
// across many rows (a shard id, a sequence number's head, a layer list) is kept once and each
// row's column holds its small index.

/** Values by key, each kept once; `of` gives the index of the key's value, adding it if new. */
export class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  of(key: string, value: T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/** Digits of a sequence number kept as a number (15 < log10(2^53)); the rest, its head, is interned. */
const SEQ_TAIL = 15;

/**
 * Sequence numbers as a column pair: an interned head (shared by a shard's records) and the last
 * 15 digits as a number. A sequence number that is not all digits is kept whole by the caller.
 */
export class SequenceNumbers {
  private readonly heads = new Interner<string>();

  /** The head's index, or -1 when `seq` is too short or not all digits (keep it whole). */
  head(seq: string): number {
    if (seq.length <= SEQ_TAIL || !/^\d+$/.test(seq)) return -1;
    const head = seq.slice(0, -SEQ_TAIL);
    return this.heads.of(head, head);
  }

  tail(seq: string): number {
    return Number(seq.slice(-SEQ_TAIL));
  }

  join(head: number, tail: number): string {
    return this.heads.values[head] + String(tail).padStart(SEQ_TAIL, '0');
  }
}
