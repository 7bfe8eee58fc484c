// Sends a producer block's records through the put command's putRecords (same batching, retry and
// exact partial-failure report), rendering them as they go and pacing them when the block sets a
// Rate, and merges the runs into one PutReport. Cancel stops at a record boundary.
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { putRecords, type PutRecordsOptions } from '../put/putRecords';
import type { PreparedRecord } from '../put/prepare';
import type { NotSentRecord, PutReport } from '../put/report';
import { sleepUnlessAborted } from '../clock';
import type { PutTarget } from '../put/target';
import type { RecordFactory } from './records';

export interface ProducerRunProgress {
  total: number;
  /** Records whose fate is settled (sent, failed or unknown). */
  settled: number;
  sent: number;
}

export interface ProducerRunOptions {
  /** Records per second; absent: as fast as PutRecords allows. */
  rate?: number;
  signal?: AbortSignal;
  onProgress?: (p: ProducerRunProgress) => void;
  /** Passed to putRecords (tests shorten the backoff). */
  put?: Pick<PutRecordsOptions, 'maxAttempts' | 'backoff'>;
  /** Milliseconds clock (tests may inject one). */
  now?: () => number;
}

/** Records rendered at a time without a Rate: keeps memory flat and {{now}} close to the send. */
const UNPACED_CHUNK = 2_000;
/** PutRecords' limit per request. */
const MAX_PER_REQUEST = 500;

export async function runProducer(client: KinesisClient, target: Pick<PutTarget, 'streamName' | 'openShards' | 'distribution'>, factory: RecordFactory, opts: ProducerRunOptions = {}): Promise<PutReport> {
  const now = opts.now ?? Date.now;
  const started = now();
  const merged = emptyReport(target.streamName, factory.total);
  const rate = opts.rate;
  let next = 0;
  // The schedule starts when the first record's request has answered, so that it arrived no later
  // than the anchor; record i (i >= 1) is never sent before anchor + i / rate. The span between the
  // first and last arrivals is therefore at least (N - 1) / rate: a slow machine only makes it longer.
  let anchor: number | undefined;
  while (next < factory.total && !opts.signal?.aborted) {
    let end: number;
    if (rate === undefined) end = Math.min(factory.total, next + UNPACED_CHUNK);
    else if (anchor === undefined) end = next + 1;
    else {
      const due = Math.floor(((now() - anchor) * rate) / 1000) + 1;
      end = Math.min(factory.total, due, next + MAX_PER_REQUEST);
      if (end <= next) {
        await sleepUnlessAborted(Math.max(1, Math.ceil(anchor + (next * 1000) / rate - now())), opts.signal);
        continue;
      }
    }
    const records: PreparedRecord[] = [];
    for (let i = next; i < end; i++) {
      const made = factory.make(i);
      if (!made.ok) {
        merged.outcome = 'stopped';
        merged.stopError = { code: 'InvalidRecord', message: made.message, retryable: false };
        break;
      }
      records.push(made.record);
    }
    if (records.length > 0) {
      const part = await putRecords(client, target, records, { ...opts.put, ...(opts.signal ? { signal: opts.signal } : {}) });
      absorb(merged, part);
      opts.onProgress?.({ total: factory.total, settled: merged.sent + merged.failed + merged.unknown, sent: merged.sent });
      if (part.outcome === 'stopped' && part.stopError) {
        merged.outcome = 'stopped';
        merged.stopError = part.stopError;
      }
    }
    next += records.length;
    anchor ??= now();
    if (merged.outcome === 'stopped') break;
  }
  for (let i = next; i < factory.total; i++) merged.notSentRecords.push({ index: i, line: i + 1, attempts: 0 });
  return finish(merged, now() - started);
}

function emptyReport(streamName: string, total: number): PutReport {
  return { streamName, outcome: 'completed', total, sent: 0, failed: 0, unknown: 0, notSent: 0, retried: 0, resends: 0, requests: 0, durationMs: 0, sentRecords: [], failures: [], unknownRecords: [], notSentRecords: [], shardMismatches: 0 };
}

/** Adds one putRecords report; its not-sent records stay not sent (the run stops after it). */
function absorb(into: PutReport, part: PutReport): void {
  into.sent += part.sent;
  into.failed += part.failed;
  into.unknown += part.unknown;
  into.retried += part.retried;
  into.resends += part.resends;
  into.requests += part.requests;
  into.shardMismatches += part.shardMismatches;
  into.sentRecords.push(...part.sentRecords);
  into.failures.push(...part.failures);
  into.unknownRecords.push(...part.unknownRecords);
  into.notSentRecords.push(...part.notSentRecords);
}

function finish(r: PutReport, durationMs: number): PutReport {
  const notSent: NotSentRecord[] = r.notSentRecords.sort((a, b) => a.index - b.index);
  r.notSent = notSent.length;
  r.durationMs = durationMs;
  if (r.outcome !== 'stopped' && r.notSent > 0) r.outcome = 'cancelled';
  return r;
}
