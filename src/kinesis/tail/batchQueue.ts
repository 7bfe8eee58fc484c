// A bounded hand-off from shard readers to one `for await` consumer. A full queue makes push()
// wait, which pauses the readers behind it instead of buffering without limit.

export class BatchQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly pullers: ((r: IteratorResult<T>) => void)[] = [];
  private readonly pushers: (() => void)[] = [];
  private closed = false;

  /** @param onReturn called when the consumer leaves its loop early (break, throw). */
  constructor(
    private readonly capacity: number,
    private readonly onReturn?: () => void,
  ) {}

  /** Resolves true once the item is queued; false if the queue was closed first. */
  async push(item: T): Promise<boolean> {
    while (!this.closed && this.items.length >= this.capacity && this.pullers.length === 0) {
      await new Promise<void>((resolve) => this.pushers.push(resolve));
    }
    if (this.closed) return false;
    const puller = this.pullers.shift();
    if (puller) puller({ value: item, done: false });
    else this.items.push(item);
    return true;
  }

  /** No more items: the consumer gets what is queued, then the end. Waiting pushers are released. */
  close(): void {
    this.closed = true;
    for (const p of this.pushers.splice(0)) p();
    for (const p of this.pullers.splice(0)) p({ value: undefined, done: true });
  }

  get size(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) {
      this.pushers.shift()?.();
      return Promise.resolve({ value: item, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.pullers.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.items.length = 0;
    this.onReturn?.();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
