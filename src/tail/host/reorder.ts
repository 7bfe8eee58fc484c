// The reorder window of a merged stream tail: records from several shards are held for at most
// `windowMs` after they were received, so that a slower shard's records slot into arrival order.
// Only a shard's oldest held record is ever released, so per-shard order is never broken, and a
// record is released no later than windowMs after it came in, whatever the other shards do.

/** What the window needs of a record: its shard and its arrival time (ms). */
export interface Ordered {
  shardId: string;
  arrival: number;
}

interface Held<T> {
  item: T;
  /** When it must be out: time received + windowMs. */
  due: number;
}

/** One shard's held records; `head` avoids Array.shift, which is O(n) per call. */
interface Queue<T> {
  items: Array<Held<T>>;
  head: number;
}

export class ReorderWindow<T extends Ordered> {
  /** Per shard, held records in the order the shard delivered them. */
  private readonly queues = new Map<string, Queue<T>>();
  private count = 0;

  constructor(readonly windowMs: number, private readonly now: () => number) {}

  get size(): number { return this.count; }

  /** Holds one shard's records, in that shard's order. With a zero window they pass straight through. */
  add(shardId: string, items: readonly T[]): T[] {
    if (items.length === 0) return [];
    if (this.windowMs <= 0) return [...items];
    const due = this.now() + this.windowMs;
    let q = this.queues.get(shardId);
    if (!q) this.queues.set(shardId, (q = { items: [], head: 0 }));
    for (const item of items) q.items.push({ item, due });
    this.count += items.length;
    return [];
  }

  /**
   * Releases every record that is due, in arrival order: while any shard's oldest record is due,
   * the earliest-arriving of all shards' oldest records goes next (ties: the one received first).
   * Records of other shards that arrived earlier than a due record come out before it.
   */
  release(): T[] {
    const now = this.now();
    const out: T[] = [];
    while (this.count > 0 && this.anyDue(now)) out.push(this.takeEarliest());
    return out;
  }

  /** Everything held, in the same merge order (the tail stopped, or the panel needs it all now). */
  drain(): T[] {
    const out: T[] = [];
    while (this.count > 0) out.push(this.takeEarliest());
    return out;
  }

  /** When the next record falls due, or undefined when nothing is held. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const q of this.queues.values()) {
      const first = q.items[q.head];
      if (first && (next === undefined || first.due < next)) next = first.due;
    }
    return next;
  }

  clear(): void {
    this.queues.clear();
    this.count = 0;
  }

  private anyDue(now: number): boolean {
    // A shard's records come in order, so its oldest held record is its first due.
    for (const q of this.queues.values()) if (q.head < q.items.length && q.items[q.head].due <= now) return true;
    return false;
  }

  private takeEarliest(): T {
    let best: Queue<T> | undefined;
    let bestHeld: Held<T> | undefined;
    for (const q of this.queues.values()) {
      const h = q.items[q.head];
      if (!h) continue;
      if (!bestHeld || h.item.arrival < bestHeld.item.arrival || (h.item.arrival === bestHeld.item.arrival && h.due < bestHeld.due)) {
        best = q;
        bestHeld = h;
      }
    }
    const q = best as Queue<T>;
    q.head++;
    if (q.head === q.items.length) {
      q.items = [];
      q.head = 0;
    } else if (q.head > 1024 && q.head * 2 > q.items.length) {
      q.items = q.items.slice(q.head);
      q.head = 0;
    }
    this.count--;
    return (bestHeld as Held<T>).item;
  }
}
