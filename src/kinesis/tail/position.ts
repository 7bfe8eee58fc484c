// Where a read starts: the five Kinesis iterator types, validation of sequence numbers, and the
// mapping to GetShardIterator parameters.
import type { ShardIteratorType } from '@aws-sdk/client-kinesis';
import type { Result } from '../result';

export type StartPosition =
  | { type: 'LATEST' }
  | { type: 'TRIM_HORIZON' }
  | { type: 'AT_SEQUENCE_NUMBER'; sequenceNumber: string }
  | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string }
  | { type: 'AT_TIMESTAMP'; timestamp: Date };



/** Kinesis sequence numbers are decimal strings of up to 128 digits. */
export const MAX_SEQUENCE_DIGITS = 128;

/**
 * How far client and Kinesis clocks may disagree. A re-read from a recorded time starts this much
 * earlier, and a start time this far in the future is still accepted.
 */
export const CLOCK_SKEW_MARGIN_MS = 5_000;

/**
 * Where to read again after a LATEST position taken at `latestAt` (client clock): AT_TIMESTAMP a
 * skew margin earlier, so nothing that arrived since is skipped. The reader drops anything at or
 * below what it already delivered.
 */
export function reReadFromLatest(latestAt: number): StartPosition {
  return { type: 'AT_TIMESTAMP', timestamp: new Date(latestAt - CLOCK_SKEW_MARGIN_MS) };
}

/** Checks a sequence number typed or pasted by a user; surrounding blanks are ignored. */
export function validateSequenceNumber(input: string): Result<string, string> {
  const s = input.trim();
  if (s === '') return { ok: false, error: 'Enter a sequence number (digits only, as shown on a record).' };
  if (!/^\d+$/.test(s)) {
    const bad = [...s].find((c) => c < '0' || c > '9') ?? '';
    return { ok: false, error: `A sequence number has only digits 0-9; "${bad}" is not one.` };
  }
  if (s.length > MAX_SEQUENCE_DIGITS) {
    return { ok: false, error: `A sequence number has at most ${MAX_SEQUENCE_DIGITS} digits; this one has ${s.length}.` };
  }
  return { ok: true, value: s };
}

/** Throws on an invalid position so that a bad value never reaches AWS. */
export function checkPosition(position: StartPosition): void {
  if (position.type === 'AT_SEQUENCE_NUMBER' || position.type === 'AFTER_SEQUENCE_NUMBER') {
    const v = validateSequenceNumber(position.sequenceNumber);
    if (!v.ok) throw new RangeError(v.error);
  }
  if (position.type === 'AT_TIMESTAMP' && !Number.isFinite(position.timestamp.getTime())) {
    throw new RangeError('AT_TIMESTAMP needs a valid date.');
  }
}

export interface IteratorParams {
  ShardIteratorType: ShardIteratorType;
  StartingSequenceNumber?: string;
  Timestamp?: Date;
}

export function iteratorParams(position: StartPosition): IteratorParams {
  switch (position.type) {
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER':
      return { ShardIteratorType: position.type, StartingSequenceNumber: position.sequenceNumber.trim() };
    case 'AT_TIMESTAMP':
      return { ShardIteratorType: position.type, Timestamp: position.timestamp };
    default:
      return { ShardIteratorType: position.type };
  }
}

/** Short text for logs and status lines, e.g. "AFTER_SEQUENCE_NUMBER 4968…0034". */
export function describePosition(position: StartPosition): string {
  switch (position.type) {
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER':
      return `${position.type} ${position.sequenceNumber}`;
    case 'AT_TIMESTAMP':
      return Number.isFinite(position.timestamp.getTime()) ? `${position.type} ${position.timestamp.toISOString()}` : `${position.type} (invalid date)`;
    default:
      return position.type;
  }
}
