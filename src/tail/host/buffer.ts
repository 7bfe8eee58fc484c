// The tail panel's host-side record buffer: a ring of at most `capacity` records, addressed by
// their monotonic ids. It outlives the webview (which is destroyed while the panel is hidden), so
// replay, export, copy and "tail from this record" always have the record at hand.
//
// It is columnar, so a million records fit in a few hundred MB: each record's bytes (and its
// partition key) go to a BodyArena off the JS heap (each full 1 MiB chunk deflated), the rest to typed arrays with interned shard
// ids and layer lists, and the sequence number as an interned head plus a 15-digit number. The
// row (preview, inline body) is not kept: get() and records() rebuild it by decoding the bytes
// again, the way copy and export already do. Rows of one CloudWatch Logs envelope share its bytes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Decoded } from '../../kinesis/decode/types';
import { BodyArena, type ChunkPacker } from '../shared/byteArena';
import type { DecodeLayer, LogEventMeta, RecordRow } from '../shared/protocol';
import { Interner, SequenceNumbers } from '../shared/interner';
import { toRecordRow } from '../shared/recordRow';

export interface BufferedRecord {
  row: RecordRow;
  /** The user record's bytes as stored (a KPL sub-record's own payload). */
  data: Uint8Array;
}

/** Decodes a record's bytes again; with `logEvent`, that event of a CloudWatch Logs envelope. */
export type RowDecoder = (data: Uint8Array, logEvent?: number) => Decoded;

/** Fields few records have, by slot. */
interface Rare { size?: number; seq?: string; explicitHashKey?: string; log?: LogEventMeta; warnings?: string[]; partitionKey?: string }

/**
 * Full 1 MiB chunks are deflated at level 1 (about 2 ms a MiB; JSON records shrink 2-12×) and
 * inflated again when read (about 2 ms, once per chunk when reading in order).
 */
const zlibPacker: ChunkPacker = {
  pack: (bytes) => {
    const packed = deflateRawSync(bytes, { level: 1 });
    // A small result can be a view of a larger pooled buffer: keep only its own bytes.
    return packed.byteLength === packed.buffer.byteLength ? packed : new Uint8Array(packed);
  },
  unpack: (packed) => inflateRawSync(packed),
};

/** Slots a new buffer starts with. */
const FIRST_SLOTS = 4096;

type Column = Float64Array | Uint32Array | Uint16Array | Int32Array;

function grown<T extends Column>(old: T | undefined, Type: new (n: number) => T, n: number): T {
  const column = new Type(n);
  if (old) column.set(old);
  return column;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

export class HostBuffer {
  private id!: Float64Array;
  private arrival!: Float64Array;
  private shard!: Uint32Array;
  private layers!: Uint16Array;
  private subSeq!: Int32Array;
  private seqHead!: Uint32Array;
  private seqTail!: Float64Array;
  private dataChunk!: Uint32Array;
  private dataOffset!: Uint32Array;
  private dataLength!: Uint32Array;
  /** The partition key's UTF-8 bytes follow the record's bytes in the same arena entry. */
  private keyLength!: Uint16Array;
  /** Slots allocated: the columns grow by doubling up to `capacity` (a new panel holds little). */
  private slots = 0;
  private readonly rare = new Map<number, Rare>();
  private shards = new Interner<string>();
  private sequences = new SequenceNumbers();
  private layerLists = new Interner<DecodeLayer[]>();
  private readonly arena = new BodyArena(zlibPacker);
  /** The last pushed bytes and the slot holding them (rows of one log envelope share them). */
  private lastData?: Uint8Array;
  private lastDataSlot = -1;
  /** Ring index of the oldest record. */
  private head = 0;
  private count = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number, private readonly decode: RowDecoder) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.allocate(Math.min(capacity, FIRST_SLOTS));
  }

  get size(): number {
    return this.count;
  }

  /** Records dropped (oldest first) because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** The oldest buffered id (undefined when empty). */
  get oldestId(): number | undefined {
    return this.count === 0 ? undefined : this.id[this.head];
  }

  /** The newest buffered id (undefined when empty). */
  get newestId(): number | undefined {
    return this.count === 0 ? undefined : this.id[this.slotAt(this.count - 1)];
  }

  /** Bytes of record payloads and partition keys held off the JS heap. */
  get arenaBytes(): number {
    return this.arena.bytes;
  }

  /** Appends a record; ids must increase. Returns true when the oldest record was dropped. */
  push(record: BufferedRecord): boolean {
    const { row, data } = record;
    if (this.count > 0 && row.id <= this.id[this.slotAt(this.count - 1)]) throw new RangeError(`record ids must increase: ${row.id} after ${this.id[this.slotAt(this.count - 1)]}`);
    let dropped = false;
    let slot: number;
    if (this.count === this.capacity) {
      slot = this.head;
      this.release(slot);
      this.head = (this.head + 1) % this.capacity;
      this.droppedCount++;
      dropped = true;
    } else {
      slot = (this.head + this.count) % this.capacity;
      if (slot >= this.slots) this.allocate(Math.min(this.capacity, this.slots * 2));
      this.count++;
    }
    this.set(slot, row, data);
    return dropped;
  }

  /** The record with this id, if still buffered (its row rebuilt). */
  get(id: number): BufferedRecord | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.recordAt(slot);
  }

  /** The buffered records, oldest first, each row rebuilt as it is reached. */
  *records(): IterableIterator<BufferedRecord> {
    for (let i = 0; i < this.count; i++) yield this.recordAt(this.slotAt(i));
  }

  /** The buffered records from the first with an id of at least `from`, oldest first. */
  *recordsFrom(from: number): IterableIterator<BufferedRecord> {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.id[this.slotAt(mid)] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.count; i++) yield this.recordAt(this.slotAt(i));
  }

  clear(): void {
    this.arena.clear();
    this.rare.clear();
    this.shards = new Interner();
    this.sequences = new SequenceNumbers();
    this.layerLists = new Interner();
    this.lastData = undefined;
    this.lastDataSlot = -1;
    this.head = 0;
    this.count = 0;
  }

  private set(slot: number, row: RecordRow, data: Uint8Array): void {
    this.id[slot] = row.id;
    this.arrival[slot] = row.arrival;
    this.shard[slot] = this.shards.of(row.shardId, row.shardId);
    this.layers[slot] = this.layerLists.of(row.layers.join(','), [...row.layers]);
    this.subSeq[slot] = row.subSequenceNumber ?? -1;
    const rare: Rare = {};
    // UTF-8 cannot hold a lone surrogate: such a key stays a string, exactly as it came.
    const keyText = LONE_SURROGATE.test(row.partitionKey) ? undefined : row.partitionKey;
    if (keyText === undefined) rare.partitionKey = row.partitionKey;
    const from = this.lastDataSlot;
    if (data === this.lastData && from >= 0 && from !== slot && this.keyOf(from) === row.partitionKey) {
      this.dataChunk[slot] = this.dataChunk[from];
      this.dataOffset[slot] = this.dataOffset[from];
      this.dataLength[slot] = this.dataLength[from];
      this.keyLength[slot] = this.keyLength[from];
      this.arena.retain(this.dataChunk[slot]);
    } else {
      const key = encoder.encode(keyText ?? '');
      const entry = new Uint8Array(data.length + key.length);
      entry.set(data, 0);
      entry.set(key, data.length);
      const ref = this.arena.putBytes(entry);
      this.dataChunk[slot] = ref.chunk;
      this.dataOffset[slot] = ref.offset;
      this.dataLength[slot] = data.length;
      this.keyLength[slot] = key.length;
    }
    this.lastData = data;
    this.lastDataSlot = slot;
    if (row.size !== data.length) rare.size = row.size;
    const seq = row.sequenceNumber;
    const head = this.sequences.head(seq);
    if (head >= 0) {
      this.seqHead[slot] = head;
      this.seqTail[slot] = this.sequences.tail(seq);
    } else rare.seq = seq;
    if (row.explicitHashKey !== undefined) rare.explicitHashKey = row.explicitHashKey;
    if (row.log !== undefined) rare.log = row.log;
    if (row.warnings && row.warnings.length > 0) rare.warnings = [...row.warnings];
    if (Object.keys(rare).length > 0) this.rare.set(slot, rare);
    else this.rare.delete(slot);
  }

  /** Before the ring is full its slots are 0..count-1 (head is 0), so growing copies a prefix. */
  private allocate(n: number): void {
    this.id = grown(this.id, Float64Array, n);
    this.arrival = grown(this.arrival, Float64Array, n);
    this.shard = grown(this.shard, Uint32Array, n);
    this.layers = grown(this.layers, Uint16Array, n);
    this.subSeq = grown(this.subSeq, Int32Array, n);
    this.seqHead = grown(this.seqHead, Uint32Array, n);
    this.seqTail = grown(this.seqTail, Float64Array, n);
    this.dataChunk = grown(this.dataChunk, Uint32Array, n);
    this.dataOffset = grown(this.dataOffset, Uint32Array, n);
    this.dataLength = grown(this.dataLength, Uint32Array, n);
    this.keyLength = grown(this.keyLength, Uint16Array, n);
    this.slots = n;
  }

  private release(slot: number): void {
    this.arena.release(this.dataChunk[slot]);
    this.rare.delete(slot);
    if (this.lastDataSlot === slot) {
      this.lastData = undefined;
      this.lastDataSlot = -1;
    }
  }

  private recordAt(slot: number): BufferedRecord {
    const data = this.arena.bytesAt(this.dataChunk[slot], this.dataOffset[slot], this.dataLength[slot]);
    const rare = this.rare.get(slot);
    const sub = this.subSeq[slot];
    const decoded = this.decode(data, rare?.log?.index);
    const row = toRecordRow({
      id: this.id[slot],
      shardId: this.shards.values[this.shard[slot]],
      sequenceNumber: rare?.seq ?? this.sequences.join(this.seqHead[slot], this.seqTail[slot]),
      ...(sub >= 0 ? { subSequenceNumber: sub } : {}),
      ...(rare?.log === undefined ? {} : { log: rare.log }),
      partitionKey: this.keyOf(slot),
      ...(rare?.explicitHashKey === undefined ? {} : { explicitHashKey: rare.explicitHashKey }),
      arrival: this.arrival[slot],
      size: rare?.size ?? data.length,
      decoded,
    });
    // The layers and warnings as the engine gave them (a KPL sub-record's bytes alone say no 'kpl').
    row.layers = [...this.layerLists.values[this.layers[slot]]];
    if (rare?.warnings) row.warnings = [...rare.warnings];
    else delete row.warnings;
    return { row, data };
  }

  private keyOf(slot: number): string {
    const rare = this.rare.get(slot);
    if (rare?.partitionKey !== undefined) return rare.partitionKey;
    const start = this.dataOffset[slot] + this.dataLength[slot];
    return utf8.decode(this.arena.bytesAt(this.dataChunk[slot], start, this.keyLength[slot]));
  }

  private slotAt(i: number): number {
    return (this.head + i) % this.capacity;
  }

  /** Ids are consecutive, so this is O(1) once the offset is known; gaps (after clear()) fall back to a binary search. */
  private slotOf(id: number): number | undefined {
    if (this.count === 0) return undefined;
    const offset = id - this.id[this.head];
    if (offset >= 0 && offset < this.count) {
      const slot = this.slotAt(offset);
      if (this.id[slot] === id) return slot;
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.id[this.slotAt(mid)];
      if (v === id) return this.slotAt(mid);
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
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
    const same = last !== undefined && r.data.buffer === last.buffer && r.data.byteOffset === last.byteOffset && r.data.length === last.length;
    last = r.data;
    if (r.row.log !== undefined && same) continue;
    out.push(r);
  }
  return out;
}
