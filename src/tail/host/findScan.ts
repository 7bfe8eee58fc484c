// The host side of Find in Stream, without VS Code: the filter (compiled once through
// compileView), the match cap, per-shard progress from arrival timestamps, and the stop reason.
// TailSession hands it every batch before buffering; only matches are kept.
import type { TailBatch, TailRecord, TailStatus } from '../../kinesis/tail/types';
import type { CompiledView, FieldFilterError, FilterSubject } from '../shared/filter';
import { loadFilter } from './filterLoader';
import type { FindProgress, FindShardProgress, FindStopReason } from '../shared/findProgress';
import { INLINE_BODY_MAX } from '../shared/protocol';
import { needsExactParse } from '../shared/exactJson';
import { fullBody } from '../shared/recordRow';

/** How a Find in Stream panel's position label starts (a reload does not restore it as a tail). */
export const FIND_LABEL = 'Find ';

/**
 * GetRecords Limit of a find. A batch of KPL aggregates expands into many decoded user records at
 * once, and a 10,000-record response can be 10 MiB; smaller calls keep the scan's memory flat
 * while the 2 MiB/s per-shard budget, not the call count, still sets the pace.
 */
export const FIND_GET_RECORDS_LIMIT = 1000;

export interface FindSpec {
  /** Case-insensitive substring over payload and partition key ('' for none). */
  text: string;
  /** Field expression over decoded JSON ('' for none). */
  field: string;
  /** Matches kept before the find stops (kinesis.find.maxMatches). */
  matchCap: number;
  /** Start of the range (ms); undefined for TRIM_HORIZON (each shard's first record then). */
  fromMs?: number;
  /** End of the range (ms): "now" resolved when the find started. */
  untilMs: number;
  /** Shown in the header and the notification, e.g. "-5m → now · $.status == \"WARN\"". */
  label: string;
}

/** Compiles the filter once; an expression that does not parse is refused with its position. */
export function compileFindFilter(text: string, field: string): { ok: true; view: CompiledView } | { ok: false; error: FieldFilterError } {
  const view = loadFilter().compileView({ text, field, hiddenShards: [] });
  return view.fieldError ? { ok: false, error: view.fieldError } : { ok: true, view };
}

interface ShardScan {
  matches: number;
  firstArrival?: number;
  lastArrival?: number;
}

export class FindScan {
  private readonly view: CompiledView;
  private readonly shards = new Map<string, ShardScan>();
  private readonly listeners = new Set<(p: FindProgress) => void>();
  private matches = 0;
  private cancelled = false;
  private status?: TailStatus;
  private stop?: FindStopReason;
  private readonly startedAt: number;

  constructor(readonly spec: FindSpec, private readonly now: () => number = Date.now) {
    const compiled = compileFindFilter(spec.text, spec.field);
    if (!compiled.ok) throw new RangeError(`The field filter does not parse at ${compiled.error.position}: ${compiled.error.message}`);
    this.view = compiled.view;
    this.startedAt = now();
  }

  get capReached(): boolean {
    return this.matches >= this.spec.matchCap;
  }

  /** The records of a batch that match, up to the cap; everything scanned counts for progress. */
  keep(batch: TailBatch): TailRecord[] {
    const scan = this.shardScan(batch.shardId);
    const out: TailRecord[] = [];
    for (const r of batch.records) {
      scan.firstArrival ??= r.approximateArrival;
      scan.lastArrival = r.approximateArrival;
      if (this.capReached) continue;
      if (!this.view.active || this.view.matches(subject(r))) {
        out.push(r);
        scan.matches++;
        this.matches++;
      }
    }
    return out;
  }

  /** The user cancelled (notification or the panel's Stop). */
  markCancelled(): void {
    this.cancelled = true;
  }

  /** The engine's latest status (scanned counts and rates per shard). */
  update(status: TailStatus): void {
    this.status = status;
    this.notify();
  }

  /** The engine stopped: decides, once, why. */
  finish(final: TailStatus): FindStopReason {
    this.status = final;
    this.stop ??= stopReason(final, this.capReached ? this.spec.matchCap : undefined, this.cancelled);
    this.notify();
    return this.stop;
  }

  onProgress(listener: (p: FindProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  progress(): FindProgress {
    const shards: FindShardProgress[] = (this.status?.shards ?? []).map((sh) => {
      const scan = this.shards.get(sh.shardId);
      const ended = sh.state === 'done' || sh.state === 'closed';
      return { shardId: sh.shardId, percent: ended ? 100 : this.percentOf(scan), records: sh.totalRecords, bytes: sh.totalBytes, matches: scan?.matches ?? 0, recordsPerSecond: sh.recordsPerSecond };
    });
    const percent = shards.length === 0 ? 0 : shards.reduce((s, x) => s + x.percent, 0) / shards.length;
    const elapsed = this.now() - this.startedAt;
    const etaMs = percent > 0 && percent < 100 ? (elapsed * (100 - percent)) / percent : undefined;
    return {
      range: this.spec.label,
      shards,
      percent: this.stop?.kind === 'range-done' ? 100 : percent,
      scannedRecords: this.status?.totalRecords ?? 0,
      scannedBytes: this.status?.totalBytes ?? 0,
      matches: this.matches,
      recordsPerSecond: this.status?.recordsPerSecond ?? 0,
      ...(etaMs === undefined || this.stop ? {} : { etaMs }),
      ...(this.stop ? { stop: this.stop } : {}),
    };
  }

  private percentOf(scan: ShardScan | undefined): number {
    if (scan?.lastArrival === undefined) return 0;
    const from = this.spec.fromMs ?? scan.firstArrival ?? scan.lastArrival;
    const span = this.spec.untilMs - from;
    if (span <= 0) return 100;
    return Math.max(0, Math.min(99.9, ((scan.lastArrival - from) / span) * 100));
  }

  private shardScan(shardId: string): ShardScan {
    let s = this.shards.get(shardId);
    if (!s) this.shards.set(shardId, (s = { matches: 0 }));
    return s;
  }

  private notify(): void {
    if (this.listeners.size === 0) return;
    const p = this.progress();
    for (const l of this.listeners) l(p);
  }
}

/** The filter sees a record as the table would: its body as text, cut at the inline cap. */
/**
 * What the filter reads of a scanned record: the same variables as in the panel. The body text is
 * built only if the filter reads it, and a JSON record's parsed value is handed over (when it has
 * plain numbers, as `value` would parse it), so a field filter costs no stringify and re-parse.
 */
function subject(r: TailRecord): FilterSubject {
  const d = r.decoded;
  let full: string | undefined;
  const body = (): string => (full ??= fullBody(d));
  const plainJson = d.kind === 'json' && d.text !== undefined && !d.layers.includes('dynamodb') && !needsExactParse(d.text);
  return {
    shardId: r.shardId,
    partitionKey: r.partitionKey,
    kind: d.kind,
    get body() {
      const b = body();
      return b.length > INLINE_BODY_MAX ? b.slice(0, INLINE_BODY_MAX) : b;
    },
    get bodyTruncated() {
      return body().length > INLINE_BODY_MAX;
    },
    sequenceNumber: r.sequenceNumber,
    arrival: r.approximateArrival,
    size: r.size,
    ...(r.log ? { log: r.log } : {}),
    ...(plainJson ? { parsedJson: d.json } : {}),
  };
}

/** A shard error outranks everything: the result is incomplete for a reason the user must see. */
export function stopReason(final: TailStatus, cap: number | undefined, cancelled: boolean): FindStopReason {
  const failed = final.shards.find((s) => s.state === 'error' && s.error);
  const error = failed?.error ?? final.error;
  if (error) return { kind: 'shard-error', shardId: failed?.shardId ?? final.streamName, code: error.code, message: error.message, ...(error.nextStep ? { nextStep: error.nextStep } : {}) };
  if (cap !== undefined) return { kind: 'match-cap', cap };
  if (cancelled) return { kind: 'cancelled' };
  const unfinished = final.shards.some((s) => s.state !== 'done' && s.state !== 'closed');
  return unfinished ? { kind: 'cancelled' } : { kind: 'range-done' };
}
