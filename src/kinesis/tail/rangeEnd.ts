// Where a bounded read ends: "until now" (the time the read started), a timestamp, or a record
// count per shard; and the per-shard check that trims each batch at that end and says when the
// shard is done. Pure: the reader passes the call time, arrival timestamps come from Kinesis.
import type { TailBatch } from './types';

export type ReadEnd =
  /** Stop each shard once it has caught up with the time the read started. */
  | { type: 'NOW' }
  /** Stop each shard at the last record that arrived at or before this time. */
  | { type: 'AT_TIMESTAMP'; timestamp: Date }
  /** Stop each shard after this many user records. */
  | { type: 'COUNT'; records: number };

/** Why a shard stopped at its end: a record beyond the end, caught up past it, or the count reached. */
export type RangeEndReason = 'beyond-end' | 'caught-up' | 'count';

/** Throws on an end that cannot be read, so a bad value never starts a read. */
export function checkReadEnd(end: ReadEnd): void {
  if (end.type === 'AT_TIMESTAMP' && !Number.isFinite(end.timestamp.getTime())) throw new RangeError('The end of the range needs a valid date.');
  if (end.type === 'COUNT' && (!Number.isSafeInteger(end.records) || end.records < 1)) throw new RangeError('A record count must be a whole number of at least 1.');
}

/** The end as a time (ms, client clock), given when the read started; undefined for a count. */
export function endTime(end: ReadEnd, startedAt: number): number | undefined {
  if (end.type === 'NOW') return startedAt;
  if (end.type === 'AT_TIMESTAMP') return end.timestamp.getTime();
  return undefined;
}

export function describeReadEnd(end: ReadEnd): string {
  if (end.type === 'NOW') return 'now';
  if (end.type === 'AT_TIMESTAMP') return Number.isFinite(end.timestamp.getTime()) ? end.timestamp.toISOString() : '(invalid date)';
  return `${end.records} records per shard`;
}

/** One shard's end of range. Each shard gets its own (a count is per shard). */
export class ShardRangeEnd {
  private readonly until?: number;
  private remaining?: number;

  constructor(end: ReadEnd, startedAt: number) {
    checkReadEnd(end);
    this.until = endTime(end, startedAt);
    if (end.type === 'COUNT') this.remaining = end.records;
  }

  /**
   * Keeps the records of a batch that are inside the range. `done` is set when the shard has
   * reached its end within this batch: a record arrived after the end time (everything after it
   * did too, so it is beyond the range), or the count is used up.
   */
  cut(batch: TailBatch): { batch: TailBatch; done?: RangeEndReason } {
    let keep = batch.records.length;
    let done: RangeEndReason | undefined;
    if (this.until !== undefined) {
      const beyond = batch.records.findIndex((r) => r.approximateArrival > (this.until as number));
      if (beyond >= 0) {
        keep = beyond;
        done = 'beyond-end';
      }
    }
    if (this.remaining !== undefined && keep >= this.remaining) {
      keep = this.remaining;
      done = 'count';
    }
    if (this.remaining !== undefined) this.remaining -= keep;
    if (keep === batch.records.length) return { batch, ...(done ? { done } : {}) };
    const records = batch.records.slice(0, keep);
    // The Kinesis bytes of the part kept: its user records' bytes (exact for plain records).
    return { batch: { ...batch, records, bytes: records.reduce((s, r) => s + r.size, 0) }, ...(done ? { done } : {}) };
  }

  /**
   * For an empty response: true when it reached the tip (MillisBehindLatest 0) and was asked for
   * at or after the end time, so every record that arrived by the end has been read. A response
   * with records is not trusted for this (kinesis-local says 0 behind on a closed shard with
   * records left), and a closed shard is not done this way: its children may hold the range.
   */
  caughtUp(millisBehindLatest: number | undefined, calledAt: number): boolean {
    return this.until !== undefined && millisBehindLatest === 0 && calledAt >= this.until;
  }
}
