// Hex-and-ASCII dump in the layout of `hexdump -C`: an 8-digit hex offset, 16 bytes per line in
// two groups of 8, then the printable ASCII between bars. Capped, with a note of what was left out.
import { plural } from '../plural';

export const DEFAULT_MAX_HEX_BYTES = 64 * 1024;

/** "00000000  " + 16 × "xx " + 1 group gap + " |" + 16 ASCII + "|" + "\n" */
const LINE_WIDTH = 10 + 48 + 1 + 2 + 16 + 1 + 1;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const SPACE = 0x20;
const BAR = 0x7c;
const DOT = 0x2e;

/**
 * The tail decodes binary records by the hundred thousand, so the dump is written byte by byte
 * into one buffer and turned into a string once, instead of concatenating small strings.
 */
export function hexDump(bytes: Uint8Array, max: number = DEFAULT_MAX_HEX_BYTES): string {
  const limit = Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_HEX_BYTES;
  const shown = Math.min(bytes.length, limit);
  const out = Buffer.allocUnsafe(Math.ceil(shown / 16) * LINE_WIDTH);
  let pos = 0;
  for (let offset = 0; offset < shown; offset += 16) {
    pos = writeLine(out, pos, bytes, offset, Math.min(offset + 16, shown));
  }
  // Drop the newline after the last line.
  const dump = out.toString('latin1', 0, Math.max(0, pos - 1));
  if (bytes.length <= shown) return dump;
  const left = bytes.length - shown;
  const note = `… ${plural(left, 'more byte')} not shown (${shown.toLocaleString('en-US')} of ${bytes.length.toLocaleString('en-US')})`;
  return dump.length > 0 ? `${dump}\n${note}` : note;
}

function writeLine(out: Buffer, start: number, bytes: Uint8Array, offset: number, end: number): number {
  let pos = start;
  for (let shift = 28; shift >= 0; shift -= 4) out[pos++] = HEX_DIGITS[(offset >>> shift) & 0xf];
  out[pos++] = SPACE;
  out[pos++] = SPACE;
  for (let i = offset; i < offset + 16; i++) {
    if (i < end) {
      out[pos++] = HEX_DIGITS[bytes[i] >> 4];
      out[pos++] = HEX_DIGITS[bytes[i] & 0xf];
    } else {
      out[pos++] = SPACE;
      out[pos++] = SPACE;
    }
    out[pos++] = SPACE;
    if (i === offset + 7) out[pos++] = SPACE;
  }
  out[pos++] = SPACE;
  out[pos++] = BAR;
  for (let i = offset; i < end; i++) out[pos++] = bytes[i] >= 0x20 && bytes[i] < 0x7f ? bytes[i] : DOT;
  out[pos++] = BAR;
  out[pos++] = 0x0a;
  return pos;
}
