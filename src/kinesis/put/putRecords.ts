// Sends prepared records with PutRecords, one request at a time, tracking every record by index
// so that none is dropped silently or written twice, and returns a report of each record's fate.
import { PutRecordsCommand, type KinesisClient, type PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import { describeError, errorCode, type DescribedError } from '../errors';
import { shardForHashKey } from './hashKey';
import { planBatches, type BatchLimits } from './batches';
import type { PreparedRecord } from './prepare';
import type { FailedRecord, NotSentRecord, PutReport, SentRecord } from './report';
import { classifyPutFailure, DEFAULT_PUT_BACKOFF, putBackoffDelay, requireSingleAttemptClient, RETRYABLE_ENTRY_ERRORS, type BackoffSettings } from './retry';
import { sleepUnlessAborted, type Clock } from '../clock';
import type { PutTarget } from './target';

export interface PutProgress {
  total: number;
  sent: number;
  failed: number;
  unknown: number;
  /** Records waiting for a retry after a throttled or failed entry. */
  retrying: number;
  requests: number;
}

export interface PutRecordsOptions {
  /**
   * Cancels the run. The request in flight is never aborted (its outcome would become unknown):
   * the run stops once it answers, or at once while waiting to retry.
   */
  signal?: AbortSignal;
  /** Time for the retry waits; tests pass a fake one. */
  clock?: Clock;
  /** Called after every request. */
  onProgress?: (p: PutProgress) => void;
  /** Attempts per record, first one included. Default 8. */
  maxAttempts?: number;
  backoff?: Partial<BackoffSettings>;
  batch?: BatchLimits;
}

export const DEFAULT_PUT_ATTEMPTS = 8;
const ACTION = 'kinesis:PutRecords';

type State = 'pending' | 'sent' | 'failed' | 'unknown';

/**
 * Whole-request failures: throttling and 5xx answers (nothing written) are retried for the whole
 * batch; AccessDenied, ResourceNotFound and the like stop the run; a connection lost mid-request
 * marks the batch "unknown outcome" and stops the run, since resending could write it twice
 * (the KPL resends and accepts duplicates; an editor command should not).
 * Needs a client with maxAttempts 1: the SDK's own retries would resend such requests.
 */
export async function putRecords(client: KinesisClient, target: Pick<PutTarget, 'streamName' | 'openShards' | 'distribution'>, records: readonly PreparedRecord[], opts: PutRecordsOptions = {}): Promise<PutReport> {
  await requireSingleAttemptClient(client);
  return new PutRun(client, target, records, opts).run();
}

class PutRun {
  private readonly state: State[];
  private readonly attempts: number[];
  private readonly lastError: Array<{ code: string; message: string } | undefined>;
  private readonly sent: SentRecord[] = [];
  private readonly failures: FailedRecord[] = [];
  private readonly unknown: FailedRecord[] = [];
  private readonly backoff: BackoffSettings;
  private readonly maxAttempts: number;
  private stopError: DescribedError | undefined;
  private requests = 0;
  private resends = 0;
  private retrying = 0;
  private readonly started = Date.now();

  constructor(
    private readonly client: KinesisClient,
    private readonly target: Pick<PutTarget, 'streamName' | 'openShards' | 'distribution'>,
    private readonly records: readonly PreparedRecord[],
    private readonly opts: PutRecordsOptions,
  ) {
    this.state = records.map(() => 'pending');
    this.attempts = records.map(() => 0);
    this.lastError = records.map(() => undefined);
    this.backoff = { ...DEFAULT_PUT_BACKOFF, ...opts.backoff };
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_PUT_ATTEMPTS);
  }

  async run(): Promise<PutReport> {
    for (const batch of planBatches(this.records, this.opts.batch)) {
      if (this.stopError || this.opts.signal?.aborted) break;
      await this.sendBatch(batch);
    }
    return this.report();
  }

  /** One batch and the retries of its failed entries, until all are settled or the run stops. */
  private async sendBatch(batch: number[]): Promise<void> {
    let pending = batch;
    for (let retry = 0; pending.length > 0; retry++) {
      if (retry > 0) {
        this.retrying = pending.length;
        if (!(await sleepUnlessAborted(putBackoffDelay(retry, this.backoff), this.opts.signal, this.opts.clock))) return;
      }
      pending = await this.attempt(pending);
      this.retrying = pending.length;
      this.progress();
      if (this.stopError || (pending.length > 0 && this.opts.signal?.aborted)) return;
    }
  }

  /** One PutRecords request; returns the positions to retry. */
  private async attempt(idx: number[]): Promise<number[]> {
    for (const i of idx) if (this.attempts[i]++ > 0) this.resends++;
    this.requests++;
    let entries: PutRecordsResultEntry[];
    try {
      const out = await this.client.send(new PutRecordsCommand({ StreamName: this.target.streamName, Records: idx.map((i) => this.entry(i)) }));
      entries = out.Records ?? [];
    } catch (err) {
      return this.requestFailed(idx, err);
    }
    if (entries.length !== idx.length) {
      // Entries match requests by position only; without that we cannot tell which were written.
      return this.stop(idx, 'unknown', { code: 'InvalidResponse', message: `PutRecords answered ${entries.length} entries for ${idx.length} records`, retryable: false });
    }
    const retry: number[] = [];
    entries.forEach((e, k) => {
      const i = idx[k] as number;
      if (e.SequenceNumber && e.ShardId) this.markSent(i, e.ShardId, e.SequenceNumber);
      else if (RETRYABLE_ENTRY_ERRORS.has(e.ErrorCode ?? '')) retry.push(this.noteError(i, e.ErrorCode ?? 'InternalFailure', e.ErrorMessage ?? ''));
      else this.markFailed(i, e.ErrorCode ?? 'UnknownError', e.ErrorMessage ?? 'PutRecords returned no sequence number for this record.');
    });
    return this.giveUpExhausted(retry);
  }

  private requestFailed(idx: number[], err: unknown): number[] {
    const kind = classifyPutFailure(err);
    const described = describeError(err, { action: ACTION });
    if (kind !== 'retry') return this.stop(idx, kind === 'unknown' ? 'unknown' : 'failed', described);
    const code = errorCode(err);
    for (const i of idx) this.noteError(i, code, described.message);
    const left = this.giveUpExhausted(idx);
    // The whole request keeps failing (network down, throttled account): later batches would too.
    if (left.length === 0) this.stopError = described;
    return left;
  }

  private stop(idx: number[], as: 'unknown' | 'failed', error: DescribedError): number[] {
    for (const i of idx) {
      if (as === 'unknown') this.markUnknown(i, error.code, error.message);
      else this.markFailed(i, error.code, error.message);
    }
    this.stopError = error;
    return [];
  }

  private giveUpExhausted(idx: number[]): number[] {
    const left: number[] = [];
    for (const i of idx) {
      if ((this.attempts[i] as number) < this.maxAttempts) {
        left.push(i);
      } else {
        const last = this.lastError[i] ?? { code: 'InternalFailure', message: '' };
        this.markFailed(i, last.code, `${last.message} (gave up after ${this.attempts[i]} attempts)`.trim());
      }
    }
    return left;
  }

  private entry(i: number) {
    const r = this.records[i] as PreparedRecord;
    return r.explicitHashKey !== undefined ? { Data: r.data, PartitionKey: r.partitionKey, ExplicitHashKey: r.explicitHashKey } : { Data: r.data, PartitionKey: r.partitionKey };
  }

  private noteError(i: number, code: string, message: string): number {
    this.lastError[i] = { code, message };
    return i;
  }

  private markSent(i: number, shardId: string, sequenceNumber: string): void {
    const r = this.records[i] as PreparedRecord;
    this.state[i] = 'sent';
    const sent: SentRecord = { index: r.index, line: r.line, shardId, sequenceNumber, attempts: this.attempts[i] as number };
    const expected = this.expectedShard(r);
    if (expected) sent.expectedShardId = expected;
    this.sent.push(sent);
  }

  private markFailed(i: number, code: string, message: string): void {
    const r = this.records[i] as PreparedRecord;
    this.state[i] = 'failed';
    this.failures.push({ index: r.index, line: r.line, errorCode: code, errorMessage: message, attempts: this.attempts[i] as number });
  }

  private markUnknown(i: number, code: string, message: string): void {
    const r = this.records[i] as PreparedRecord;
    this.state[i] = 'unknown';
    this.unknown.push({ index: r.index, line: r.line, errorCode: code, errorMessage: message, attempts: this.attempts[i] as number });
  }

  private expectedShard(r: PreparedRecord): string | undefined {
    return this.target.distribution === 'AUTO' ? undefined : shardForHashKey(this.target.openShards, r.hashKey)?.id;
  }

  private progress(): void {
    this.opts.onProgress?.({ total: this.records.length, sent: this.sent.length, failed: this.failures.length, unknown: this.unknown.length, retrying: this.retrying, requests: this.requests });
  }

  private report(): PutReport {
    const notSent: NotSentRecord[] = [];
    this.state.forEach((s, i) => {
      const r = this.records[i] as PreparedRecord;
      if (s === 'pending') notSent.push({ index: r.index, line: r.line, attempts: this.attempts[i] as number });
    });
    const byIndex = <T extends { index: number }>(a: T, b: T) => a.index - b.index;
    const report: PutReport = {
      streamName: this.target.streamName,
      outcome: this.stopError ? 'stopped' : notSent.length > 0 ? 'cancelled' : 'completed',
      total: this.records.length,
      sent: this.sent.length,
      failed: this.failures.length,
      unknown: this.unknown.length,
      notSent: notSent.length,
      retried: this.attempts.filter((a, i) => a > 1 && this.state[i] === 'sent').length,
      resends: this.resends,
      requests: this.requests,
      durationMs: Date.now() - this.started,
      sentRecords: this.sent.sort(byIndex),
      failures: this.failures.sort(byIndex),
      unknownRecords: this.unknown.sort(byIndex),
      notSentRecords: notSent,
      shardMismatches: this.sent.filter((s) => s.expectedShardId !== undefined && s.expectedShardId !== s.shardId).length,
    };
    if (this.stopError) report.stopError = this.stopError;
    return report;
  }
}
