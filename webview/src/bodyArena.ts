// The webview's payload text, off the JS heap: each row's inline body is stored as UTF-8 in
// 1 MiB chunks that are appended in arrival order and freed once every row in them has left the
// ring. A 300-character body costs 300 bytes here instead of a string plus its header and pointer.

const CHUNK = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a body lives: chunk id, byte offset, byte length. */
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

  put(text: string): BodyRef {
    const worst = text.length * 3;
    let chunk = this.chunks.get(this.current);
    if (!chunk || this.used + worst > chunk.bytes.byteLength) {
      this.current = this.nextChunk++;
      chunk = { bytes: new Uint8Array(Math.max(CHUNK, worst)), live: 0 };
      this.chunks.set(this.current, chunk);
      this.used = 0;
    }
    const { written } = encoder.encodeInto(text, chunk.bytes.subarray(this.used));
    const ref = { chunk: this.current, offset: this.used, length: written };
    this.used += written;
    chunk.live++;
    return ref;
  }

  get(chunk: number, offset: number, length: number): string {
    const c = this.chunks.get(chunk);
    return c ? decoder.decode(c.bytes.subarray(offset, offset + length)) : '';
  }

  /** The row that used this chunk left the ring; the chunk goes once none is left in it. */
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
}
