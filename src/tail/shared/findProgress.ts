// What a Find in Stream reports while it scans and when it ends: per shard the share of the time
// range scanned, records, bytes, matches and rate; overall an ETA and the stop reason. Pure: the
// host's notification and the panel header render it with the same words.
import { plural } from './display';

export interface FindShardProgress {
  shardId: string;
  /** 0..100: how far into the time range the shard's arrival timestamps have come. */
  percent: number;
  records: number;
  bytes: number;
  matches: number;
  recordsPerSecond: number;
}

export type FindStopReason =
  | { kind: 'range-done' }
  | { kind: 'match-cap'; cap: number }
  | { kind: 'cancelled' }
  | { kind: 'shard-error'; shardId: string; code: string; message: string; nextStep?: string };

export interface FindProgress {
  /** E.g. "-5m → now, $.status == \"WARN\"". */
  range: string;
  shards: FindShardProgress[];
  percent: number;
  scannedRecords: number;
  scannedBytes: number;
  matches: number;
  recordsPerSecond: number;
  /** Estimated time left (ms), once something has been scanned. */
  etaMs?: number;
  /** Set once the find has ended; until then the result is partial. */
  stop?: FindStopReason;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Why the find ended, in a sentence; says plainly when the result is incomplete. */
export function describeStop(stop: FindStopReason, matches: number): string {
  switch (stop.kind) {
    case 'range-done':
      return `Range done: every shard was scanned to the end of the range. ${plural(matches, 'match', 'matches')}.`;
    case 'match-cap':
      return `Stopped at the match cap (${stop.cap.toLocaleString('en-US')}): the result is incomplete. Narrow the range or the filter, or raise kinesis.find.maxMatches.`;
    case 'cancelled':
      return `Cancelled: the result is incomplete (${plural(matches, 'match', 'matches')} so far).`;
    case 'shard-error':
      return `Stopped on an error on ${stop.shardId}: ${stop.code}: ${stop.message}${stop.nextStep ? ` ${stop.nextStep}` : ''} The result is incomplete.`;
  }
}

/** One line for a progress notification or the panel header. */
export function describeFindProgress(p: FindProgress): string {
  const head = `${Math.floor(p.percent)}% · ${p.scannedRecords.toLocaleString('en-US')} records (${size(p.scannedBytes)}) scanned · ${plural(p.matches, 'match', 'matches')}`;
  if (p.stop) return `${head} · ${describeStop(p.stop, p.matches)}`;
  const rate = ` · ${Math.round(p.recordsPerSecond).toLocaleString('en-US')} records/s`;
  return `${head}${rate}${p.etaMs === undefined ? '' : ` · about ${duration(p.etaMs)} left`}`;
}

/** One shard's figures, for a hover. */
export function describeShardFind(s: FindShardProgress): string {
  return `${s.shardId}: ${Math.floor(s.percent)}% of the range · ${s.records.toLocaleString('en-US')} records (${size(s.bytes)}) · ${plural(s.matches, 'match', 'matches')} · ${Math.round(s.recordsPerSecond)} records/s`;
}
