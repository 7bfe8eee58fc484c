// The tail panel's host-side record buffer: a ring of at most `capacity` records, addressed by
// their monotonic ids. It outlives the webview (which is destroyed while the panel is hidden), so
// replay, export, copy and "tail from this record" always have the record at hand.
import type { RecordRow } from '../shared/protocol';

export interface BufferedRecord {
  row: RecordRow;
  /** The user record's bytes as stored (a KPL sub-record's own payload). */
  data: Uint8Array;
}

export class HostBuffer {
  private ring: Array<BufferedRecord | undefined>;
  /** Ring index of the oldest record. */
  private head = 0;
  private count = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array<BufferedRecord | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Records dropped (oldest first) because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Appends a record; ids must increase. Returns true when the oldest record was dropped. */
  push(record: BufferedRecord): boolean {
    const last = this.newest();
    if (last && record.row.id <= last.row.id) throw new RangeError(`record ids must increase: ${record.row.id} after ${last.row.id}`);
    if (this.count === this.capacity) {
      this.ring[this.head] = record;
      this.head = (this.head + 1) % this.capacity;
      this.droppedCount++;
      return true;
    }
    this.ring[(this.head + this.count) % this.capacity] = record;
    this.count++;
    return false;
  }

  /** The record with this id, if still buffered. Ids are consecutive, so this is O(1) once the offset is known. */
  get(id: number): BufferedRecord | undefined {
    const oldest = this.oldest();
    if (!oldest) return undefined;
    const offset = id - oldest.row.id;
    if (offset >= 0 && offset < this.count) {
      const candidate = this.ring[(this.head + offset) % this.capacity];
      if (candidate?.row.id === id) return candidate;
    }
    // Ids can have gaps (e.g. after clear()); fall back to a binary search over the ring.
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const rec = this.at(mid);
      if (rec.row.id === id) return rec;
      if (rec.row.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *records(): IterableIterator<BufferedRecord> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  clear(): void {
    this.ring = new Array<BufferedRecord | undefined>(this.capacity);
    this.head = 0;
    this.count = 0;
  }

  private oldest(): BufferedRecord | undefined {
    return this.count === 0 ? undefined : this.at(0);
  }

  private newest(): BufferedRecord | undefined {
    return this.count === 0 ? undefined : this.at(this.count - 1);
  }

  private at(i: number): BufferedRecord {
    return this.ring[(this.head + i) % this.capacity] as BufferedRecord;
  }
}

/**
 * The rows of one CloudWatch Logs envelope share their record's bytes: sending "the rows" sends
 * each Kinesis record once, not once per log event.
 */
export function onePerRecord(records: Iterable<BufferedRecord>): BufferedRecord[] {
  const out: BufferedRecord[] = [];
  let last: Uint8Array | undefined;
  for (const r of records) {
    if (r.row.log !== undefined && r.data === last) continue;
    last = r.data;
    out.push(r);
  }
  return out;
}
