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
