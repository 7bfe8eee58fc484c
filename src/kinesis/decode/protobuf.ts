// A minimal protobuf wire-format reader: just enough (varints, length-delimited fields, skipping)
// to read KPL aggregates without a protobuf library. Every length is checked against the buffer.

/** Thrown by the reader on malformed input; callers catch it and report the message. */
export class ProtoError extends Error {
  override name = 'ProtoError';
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export interface ProtoTag {
  field: number;
  wire: number;
}

export class ProtoReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  readTag(): ProtoTag {
    const key = this.readVarint();
    const field = Math.floor(key / 8);
    if (field < 1 || field > 0x1fffffff) throw new ProtoError(`invalid field number ${field}`);
    return { field, wire: key % 8 };
  }

  /**
   * Reads an unsigned varint (at most 10 bytes). Values above 2^53 lose precision, which is
   * harmless here: they are only used as indexes and lengths, and both are range-checked.
   */
  readVarint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtoError('truncated varint');
      const b = this.buf[this.pos++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new ProtoError('varint longer than 10 bytes');
  }

  /** A length-delimited field as a view on the same memory (no copy). */
  readBytes(): Uint8Array {
    const len = this.readVarint();
    if (len > this.end - this.pos) throw new ProtoError(`length ${len} runs past the end of the message`);
    const start = this.pos;
    this.pos += len;
    return this.buf.subarray(start, this.pos);
  }

  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.readVarint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_BYTES:
        this.readBytes();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        // Groups (3, 4) are deprecated and never written by the KPL; 6 and 7 do not exist.
        throw new ProtoError(`unsupported wire type ${wire}`);
    }
  }

  private advance(n: number): void {
    if (n > this.end - this.pos) throw new ProtoError('truncated fixed-width field');
    this.pos += n;
  }
}
