// Recognizes gzip and zlib payloads by their headers and inflates them under a hard output cap,
// so that a small hostile record (a zip bomb) cannot make the tail allocate gigabytes.
import { constants as bufferConstants } from 'node:buffer';
import { gunzipSync, inflateSync } from 'node:zlib';

export type Compression = 'gzip' | 'zlib';

export type InflateResult =
  | { ok: true; data: Buffer }
  /** `capped` tells an over-large but valid stream from a corrupt one. */
  | { ok: false; capped: true }
  | { ok: false; capped: false; reason: string };

/**
 * gzip: 1F 8B (RFC 1952). zlib (RFC 1950): CM = 8,
 * CINFO <= 7, no preset dictionary, and the 16-bit header divisible by 31. That check rejects
 * almost all text that merely starts with "x".
 */
export function detectCompression(data: Uint8Array): Compression | undefined {
  if (data.length < 2) return undefined;
  const b0 = data[0];
  const b1 = data[1];
  if (b0 === 0x1f && b1 === 0x8b) return 'gzip';
  if ((b0 & 0x0f) === 8 && b0 >> 4 <= 7 && (b1 & 0x20) === 0 && ((b0 << 8) | b1) % 31 === 0) return 'zlib';
  return undefined;
}

/** Inflates at most `cap` bytes; beyond that zlib stops early and nothing larger is allocated. */
export function inflateCapped(data: Uint8Array, kind: Compression, cap: number): InflateResult {
  if (cap < 1) return { ok: false, capped: true };
  try {
    // zlib rejects a maxOutputLength above the largest possible Buffer.
    const opts = { maxOutputLength: Math.min(cap, bufferConstants.MAX_LENGTH) };
    const out = kind === 'gzip' ? gunzipSync(data, opts) : inflateSync(data, opts);
    return { ok: true, data: out };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, capped: true };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, capped: false, reason: message };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
