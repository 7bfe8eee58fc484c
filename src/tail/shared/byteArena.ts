// Bytes off the JS heap: text (the webview's inline bodies) or raw bytes (the host buffer's
// record payloads) appended in arrival order to 1 MiB chunks, each freed once every entry in it
// has been released. A 300-byte payload costs 300 bytes here instead of an object, a string or an
// ArrayBuffer of its own plus their headers and pointers. With a `ChunkPacker` (the host passes
// zlib; the webview has none), each chunk is packed when it fills, trimmed to what it holds, and
// unpacked again on read, one chunk at a time.

const CHUNK = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where an entry lives: chunk id, byte offset, byte length. */
export interface BodyRef { chunk: number; offset: number; length: number }

/** Packs a full chunk (synchronously: about 2 ms a MiB for zlib level 1) and unpacks it on read. */
export interface ChunkPacker {
  pack(bytes: Uint8Array): Uint8Array;
  unpack(packed: Uint8Array): Uint8Array;
}

interface Chunk {
  bytes: Uint8Array;
  live: number;
  /** `bytes` holds the packed form. */
  packed?: boolean;
}

export class BodyArena {
  private readonly chunks = new Map<number, Chunk>();
  private current = -1;
  private used = CHUNK;
  private nextChunk = 0;
  /** The last chunk unpacked, so reading in arrival order unpacks each chunk once. */
  private unpacked?: { chunk: number; bytes: Uint8Array };

  constructor(private readonly packer?: ChunkPacker) {}

  /** Bytes held by live chunks (for the benchmark's memory figures). */
  get bytes(): number {
    let n = 0;
    for (const c of this.chunks.values()) n += c.bytes.byteLength;
    return n;
  }

  /** Stores text as UTF-8. */
  put(text: string): BodyRef {
    const chunk = this.room(text.length * 3);
    const { written } = encoder.encodeInto(text, chunk.bytes.subarray(this.used));
    return this.commit(chunk, written);
  }

  /** Stores a copy of the bytes. */
  putBytes(bytes: Uint8Array): BodyRef {
    const chunk = this.room(bytes.length);
    chunk.bytes.set(bytes, this.used);
    return this.commit(chunk, bytes.length);
  }

  get(chunk: number, offset: number, length: number): string {
    return decoder.decode(this.bytesAt(chunk, offset, length));
  }

  /** A view of the stored bytes (empty once the chunk is gone). Do not write through it. */
  bytesAt(chunk: number, offset: number, length: number): Uint8Array {
    const c = this.chunks.get(chunk);
    if (!c) return new Uint8Array(0);
    return this.plain(chunk, c).subarray(offset, offset + length);
  }

  /** One more entry refers to bytes already in this chunk (it must then be released once more). */
  retain(chunk: number): void {
    const c = this.chunks.get(chunk);
    if (c) c.live++;
  }

  /** The entry that used this chunk left the ring; the chunk goes once none is left in it. */
  release(chunk: number): void {
    const c = this.chunks.get(chunk);
    if (!c) return;
    c.live--;
    if (c.live <= 0 && chunk !== this.current) this.drop(chunk);
  }

  clear(): void {
    this.chunks.clear();
    this.unpacked = undefined;
    this.current = -1;
    this.used = CHUNK;
  }

  private plain(id: number, c: Chunk): Uint8Array {
    if (!c.packed || !this.packer) return c.bytes;
    if (this.unpacked?.chunk !== id) this.unpacked = { chunk: id, bytes: this.packer.unpack(c.bytes) };
    return this.unpacked.bytes;
  }

  private drop(id: number): void {
    this.chunks.delete(id);
    if (this.unpacked?.chunk === id) this.unpacked = undefined;
  }

  /** The chunk is full: with a packer, keep only the packed form of what it holds. */
  private seal(c: Chunk, used: number): void {
    if (!this.packer) return;
    c.bytes = this.packer.pack(c.bytes.subarray(0, used));
    c.packed = true;
  }

  private room(worst: number): Chunk {
    let chunk = this.chunks.get(this.current);
    if (!chunk || this.used + worst > chunk.bytes.byteLength) {
      // The chunk being left behind may already be empty (all its entries released).
      const left = chunk;
      const leftId = this.current;
      if (left && left.live <= 0) this.drop(leftId);
      else if (left) this.seal(left, this.used);
      this.current = this.nextChunk++;
      chunk = { bytes: new Uint8Array(Math.max(CHUNK, worst)), live: 0 };
      this.chunks.set(this.current, chunk);
      this.used = 0;
    }
    return chunk;
  }

  private commit(chunk: Chunk, written: number): BodyRef {
    const ref = { chunk: this.current, offset: this.used, length: written };
    this.used += written;
    chunk.live++;
    return ref;
  }
}
