// The row store's columns: one slot per ring position, in typed arrays (id, arrival, size, shard,
// kind and layers, sub-sequence, sequence number) with interned strings, payload text in the
// BodyArena, and the preview rebuilt from the body when shown. A RecordRow object exists only
// for the rows on screen and the one a row action or the detail pane asks for.
import { previewFromBody } from '../../src/tail/shared/recordRow';
import type { DecodeLayer, LogEventMeta, PayloadKind, RecordRow } from '../../src/tail/shared/protocol';
import { BodyArena } from '../../src/tail/shared/byteArena';
import { Interner, SequenceNumbers } from '../../src/tail/shared/interner';

const TRUNCATED = 1;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Fields few rows have, by slot. */
interface Rare { preview?: string; seq?: string; explicitHashKey?: string; warnings?: string[]; body?: string; log?: LogEventMeta }

/** The fields a filter and the histogram read, without building a row. */
export interface RowSubject {
  id: number;
  arrival: number;
  shardId: string;
  partitionKey: string;
  kind: PayloadKind;
  body: string;
  bodyTruncated: boolean;
  /** What CEL's `seq`, `size` and `log` read. */
  sequenceNumber: string;
  size: number;
  log?: LogEventMeta;
}

interface KindLayers { kind: PayloadKind; layers: DecodeLayer[]; label: string }

export class RowColumns {
  readonly id: Float64Array;
  readonly arrival: Float64Array;
  private readonly size: Float64Array;
  private readonly shard: Uint32Array;
  private readonly kindLayers: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly subSeq: Int32Array;
  private readonly seqHead: Uint32Array;
  private readonly seqTail: Float64Array;
  private readonly bodyChunk: Uint32Array;
  private readonly bodyOffset: Uint32Array;
  private readonly bodyLength: Uint32Array;
  private readonly partitionKey: Array<string | undefined>;
  /** Rare fields, by slot. */
  private readonly rare = new Map<number, Rare>();
  private shards = new Interner<string>();
  private sequences = new SequenceNumbers();
  private kinds: KindLayers[] = [];
  private kindIndex = new Map<string, number>();
  private readonly arena = new BodyArena();

  constructor(readonly capacity: number) {
    this.id = new Float64Array(capacity);
    this.arrival = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.shard = new Uint32Array(capacity);
    this.kindLayers = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.subSeq = new Int32Array(capacity);
    this.seqHead = new Uint32Array(capacity);
    this.seqTail = new Float64Array(capacity);
    this.bodyChunk = new Uint32Array(capacity);
    this.bodyOffset = new Uint32Array(capacity);
    this.bodyLength = new Uint32Array(capacity);
    this.partitionKey = new Array<string | undefined>(capacity);
  }

  /** Payload bytes held off the JS heap. */
  get bodyBytes(): number { return this.arena.bytes; }

  set(slot: number, row: RecordRow): void {
    this.id[slot] = row.id;
    this.arrival[slot] = row.arrival;
    this.size[slot] = row.size;
    this.shard[slot] = this.shards.of(row.shardId, row.shardId);
    this.kindLayers[slot] = this.kindOf(row.kind, row.layers);
    this.flags[slot] = row.bodyTruncated ? TRUNCATED : 0;
    this.subSeq[slot] = row.subSequenceNumber ?? -1;
    this.partitionKey[slot] = row.partitionKey;
    const rare: Rare = {};
    // UTF-8 cannot hold a lone surrogate: such a body stays a string, exactly as it came.
    if (LONE_SURROGATE.test(row.body)) rare.body = row.body;
    const ref = this.arena.put(rare.body === undefined ? row.body : '');
    this.bodyChunk[slot] = ref.chunk;
    this.bodyOffset[slot] = ref.offset;
    this.bodyLength[slot] = ref.length;
    const seq = row.sequenceNumber;
    const head = this.sequences.head(seq);
    if (head >= 0) {
      this.seqHead[slot] = head;
      this.seqTail[slot] = this.sequences.tail(seq);
    } else rare.seq = seq;
    if (row.kind === 'binary' || (row.kind === 'json' && row.bodyTruncated)) rare.preview = row.preview;
    if (row.explicitHashKey !== undefined) rare.explicitHashKey = row.explicitHashKey;
    if (row.log !== undefined) rare.log = row.log;
    if (row.warnings && row.warnings.length > 0) rare.warnings = row.warnings;
    if (Object.keys(rare).length > 0) this.rare.set(slot, rare);
    else this.rare.delete(slot);
  }

  /** Frees what the slot holds outside the typed arrays (its row left the ring). */
  release(slot: number): void {
    this.arena.release(this.bodyChunk[slot]);
    this.partitionKey[slot] = undefined;
    this.rare.delete(slot);
  }

  clear(): void {
    this.arena.clear();
    this.rare.clear();
    this.partitionKey.fill(undefined);
    this.shards = new Interner<string>();
    this.sequences = new SequenceNumbers();
    this.kinds = [];
    this.kindIndex = new Map();
  }

  shardId(slot: number): string { return this.shards.values[this.shard[slot]]; }
  kind(slot: number): PayloadKind { return this.kinds[this.kindLayers[slot]].kind; }
  /** "kpl › gzip › json": the decoder kind the histogram stacks by. */
  kindLabel(slot: number): string { return this.kinds[this.kindLayers[slot]].label; }
  body(slot: number): string { return this.rare.get(slot)?.body ?? this.arena.get(this.bodyChunk[slot], this.bodyOffset[slot], this.bodyLength[slot]); }
  /** The body's UTF-8 in the arena (a view, not a copy); undefined when the body is kept as text. */
  bodyUtf8(slot: number): Uint8Array | undefined {
    return this.rare.get(slot)?.body === undefined ? this.arena.bytesAt(this.bodyChunk[slot], this.bodyOffset[slot], this.bodyLength[slot]) : undefined;
  }

  /** The fields filters read, the body decoded only when read (a fresh object: rows keep it). */
  subject(slot: number): RowSubject {
    return new SlotSubject(this, slot).snapshot();
  }

  /**
   * One reusable cursor for a scan over many slots: the filter reads it during matches() only,
   * so no object per row is built and no body is decoded unless the filter reads it.
   */
  cursor(): SlotSubject {
    return new SlotSubject(this, 0);
  }

  /** The stored sequence number (the head is interned). */
  sequenceNumber(slot: number): string {
    return this.rare.get(slot)?.seq ?? this.sequences.join(this.seqHead[slot], this.seqTail[slot]);
  }

  partitionKeyOf(slot: number): string { return this.partitionKey[slot] ?? ''; }
  sizeOf(slot: number): number { return this.size[slot]; }
  truncated(slot: number): boolean { return (this.flags[slot] & TRUNCATED) !== 0; }
  logOf(slot: number): LogEventMeta | undefined { return this.rare.get(slot)?.log; }

  /** The full row, as the host sent it. */
  row(slot: number): RecordRow {
    const s = this.subject(slot);
    const rare = this.rare.get(slot);
    const k = this.kinds[this.kindLayers[slot]];
    const sub = this.subSeq[slot];
    return {
      id: s.id,
      shardId: s.shardId,
      sequenceNumber: s.sequenceNumber,
      ...(sub >= 0 ? { subSequenceNumber: sub } : {}),
      ...(rare?.log === undefined ? {} : { log: rare.log }),
      partitionKey: s.partitionKey,
      ...(rare?.explicitHashKey === undefined ? {} : { explicitHashKey: rare.explicitHashKey }),
      arrival: s.arrival,
      size: this.size[slot],
      layers: [...k.layers],
      kind: s.kind,
      preview: rare?.preview ?? previewFromBody(s) ?? '',
      body: s.body,
      bodyTruncated: s.bodyTruncated,
      ...(rare?.warnings ? { warnings: [...rare.warnings] } : {}),
    };
  }

  /** What a column sort compares, without decoding the body. */
  sortKey(slot: number): Pick<RecordRow, 'arrival' | 'shardId' | 'partitionKey' | 'size' | 'kind'> {
    return { arrival: this.arrival[slot], shardId: this.shardId(slot), partitionKey: this.partitionKey[slot] ?? '', size: this.size[slot], kind: this.kind(slot) };
  }

  private kindOf(kind: PayloadKind, layers: readonly DecodeLayer[]): number {
    const label = layers.includes(kind as DecodeLayer) ? layers.join(' › ') : [...layers, kind].join(' › ');
    const key = `${kind}|${label}`;
    let i = this.kindIndex.get(key);
    if (i === undefined) {
      i = this.kinds.length;
      this.kinds.push({ kind, layers: [...layers], label });
      this.kindIndex.set(key, i);
    }
    return i;
  }
}

/** A row's filter fields read from the columns at `slot`; move() points it at another slot. */
export class SlotSubject implements RowSubject {
  private decoded: string | undefined;
  constructor(private readonly cols: RowColumns, private slot: number) {}
  move(slot: number): this {
    this.slot = slot;
    this.decoded = undefined;
    return this;
  }
  get id(): number { return this.cols.id[this.slot]; }
  get arrival(): number { return this.cols.arrival[this.slot]; }
  get shardId(): string { return this.cols.shardId(this.slot); }
  get partitionKey(): string { return this.cols.partitionKeyOf(this.slot); }
  get kind(): PayloadKind { return this.cols.kind(this.slot); }
  get body(): string { return (this.decoded ??= this.cols.body(this.slot)); }
  /** Read by a field filter that needs only a few top-level fields: no decode of the whole body. */
  get bodyUtf8(): Uint8Array | undefined { return this.cols.bodyUtf8(this.slot); }
  get bodyTruncated(): boolean { return this.cols.truncated(this.slot); }
  get sequenceNumber(): string { return this.cols.sequenceNumber(this.slot); }
  get size(): number { return this.cols.sizeOf(this.slot); }
  get log(): LogEventMeta | undefined { return this.cols.logOf(this.slot); }
  /** A plain object with the same fields (for callers that keep it). */
  snapshot(): RowSubject {
    const log = this.log;
    return {
      id: this.id, arrival: this.arrival, shardId: this.shardId, partitionKey: this.partitionKey, kind: this.kind, body: this.body,
      bodyTruncated: this.bodyTruncated, sequenceNumber: this.sequenceNumber, size: this.size, ...(log === undefined ? {} : { log }),
    };
  }
}
