// Bytes off the JS heap: text (the webview's inline bodies) or raw bytes (the host buffer's
// record payloads) appended in arrival order to 1 MiB chunks, each freed once every entry in it
// has been released. A 300-byte payload costs 300 bytes here instead of an object, a string or an
// ArrayBuffer of its own plus their headers and pointers.

const CHUNK = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where an entry lives: chunk id, byte offset, byte length. */
export interface BodyRef { chunk: number; offset: number; length: number }

export class BodyArena {
  private readonly chunks = new Map<number, { bytes: Uint8Array; live: number }>();
  private current = -1;
  private used = CHUNK;
  private nextChunk = 0;

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
    const c = this.chunks.get(chunk);
    return c ? decoder.decode(c.bytes.subarray(offset, offset + length)) : '';
  }

  /** A view of the stored bytes (empty once the chunk is gone). */
  bytesAt(chunk: number, offset: number, length: number): Uint8Array {
    const c = this.chunks.get(chunk);
    return c ? c.bytes.subarray(offset, offset + length) : new Uint8Array(0);
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
    if (c.live <= 0 && chunk !== this.current) this.chunks.delete(chunk);
  }

  clear(): void {
    this.chunks.clear();
    this.current = -1;
    this.used = CHUNK;
  }

  private room(worst: number): { bytes: Uint8Array; live: number } {
    let chunk = this.chunks.get(this.current);
    if (!chunk || this.used + worst > chunk.bytes.byteLength) {
      // The chunk being left behind may already be empty (all its entries released).
      const left = chunk;
      const leftId = this.current;
      this.current = this.nextChunk++;
      chunk = { bytes: new Uint8Array(Math.max(CHUNK, worst)), live: 0 };
      this.chunks.set(this.current, chunk);
      this.used = 0;
      if (left && left.live <= 0) this.chunks.delete(leftId);
    }
    return chunk;
  }

  private commit(chunk: { bytes: Uint8Array; live: number }, written: number): BodyRef {
    const ref = { chunk: this.current, offset: this.used, length: written };
    this.used += written;
    chunk.live++;
    return ref;
  }
}
