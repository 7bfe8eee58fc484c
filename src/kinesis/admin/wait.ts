// Waits for a stream to settle (ACTIVE) or disappear, polling DescribeStreamSummary, with
// cancel, timeout and a lost connection each reported as such rather than as a failure.
import type { KinesisClient, StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import { describeSummary } from '../streams/streams';
import { describeError, errorCode, httpStatus, isAbort, isNetworkError, isThrottling, type DescribedError } from '../errors';
import { sleepUnlessAborted, systemClock, type Clock } from '../clock';

export type StreamWaitGoal = 'ACTIVE' | 'GONE';

export interface StreamWaitProgress {
  streamName: string;
  /** Last status seen; undefined before the first answer. */
  status?: string;
  elapsedMs: number;
  /** e.g. "orders is CREATING (12 s)". */
  message: string;
}

export interface StreamWaitOptions {
  /** Stops waiting only: the stream's change goes on. */
  signal?: AbortSignal;
  onProgress?: (p: StreamWaitProgress) => void;
  /** Default 10 minutes: resharding a large stream takes a while. */
  timeoutMs?: number;
  /** Default 2 s (DescribeStreamSummary allows 20 calls/s per account, shared with the explorer). */
  pollIntervalMs?: number;
  /** How long calls may fail with network errors before the wait reports a lost connection. Default 30 s. */
  connectionGraceMs?: number;
  /** Time for the waits and the timeout; tests pass a fake one. */
  clock?: Clock;
}

export type StreamWaitOutcome =
  | { kind: 'reached'; summary?: StreamDescriptionSummary; elapsedMs: number }
  | { kind: 'cancelled'; lastStatus?: string; elapsedMs: number }
  | { kind: 'timeout'; lastStatus?: string; elapsedMs: number }
  | { kind: 'connectionLost'; lastStatus?: string; error: DescribedError; elapsedMs: number }
  | { kind: 'failed'; lastStatus?: string; error: DescribedError; elapsedMs: number };

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
const ACTION = 'kinesis:DescribeStreamSummary';

export async function waitForStream(client: KinesisClient, streamName: string, goal: StreamWaitGoal, opts: StreamWaitOptions = {}): Promise<StreamWaitOutcome> {
  const clock = opts.clock ?? systemClock;
  const started = clock.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval = opts.pollIntervalMs ?? 2_000;
  const grace = opts.connectionGraceMs ?? 30_000;
  let lastStatus: string | undefined;
  let offlineSince: number | undefined;
  const elapsed = () => clock.now() - started;
  for (;;) {
    if (opts.signal?.aborted) return withStatus({ kind: 'cancelled', elapsedMs: elapsed() }, lastStatus);
    const poll = await pollOnce(client, streamName, opts.signal);
    if (poll.kind === 'summary') {
      offlineSince = undefined;
      lastStatus = poll.summary.StreamStatus;
      if (goal === 'ACTIVE' && lastStatus === 'ACTIVE') return { kind: 'reached', summary: poll.summary, elapsedMs: elapsed() };
      if (goal === 'ACTIVE' && lastStatus === 'DELETING') return withStatus({ kind: 'failed', error: { code: 'StreamDeleting', message: `${streamName} is being deleted`, retryable: false, nextStep: 'Someone deleted the stream meanwhile. Refresh the explorer.' }, elapsedMs: elapsed() }, lastStatus);
    } else if (poll.kind === 'notFound') {
      if (goal === 'GONE') return { kind: 'reached', elapsedMs: elapsed() };
      return withStatus({ kind: 'failed', error: poll.error, elapsedMs: elapsed() }, lastStatus);
    } else if (poll.kind === 'aborted') {
      return withStatus({ kind: 'cancelled', elapsedMs: elapsed() }, lastStatus);
    } else if (poll.kind === 'offline') {
      offlineSince ??= clock.now();
      if (clock.now() - offlineSince >= grace) return withStatus({ kind: 'connectionLost', error: poll.error, elapsedMs: elapsed() }, lastStatus);
    } else if (poll.kind === 'error') {
      return withStatus({ kind: 'failed', error: poll.error, elapsedMs: elapsed() }, lastStatus);
    }
    opts.onProgress?.({ streamName, status: lastStatus, elapsedMs: elapsed(), message: progressMessage(streamName, lastStatus, offlineSince !== undefined, elapsed()) });
    const remaining = timeoutMs - elapsed();
    if (remaining <= 0) return withStatus({ kind: 'timeout', elapsedMs: elapsed() }, lastStatus);
    // Throttled polls back off; the rest keep the interval.
    const pause = poll.kind === 'throttled' ? interval * 2 : interval;
    if (!(await sleepUnlessAborted(Math.min(pause, remaining), opts.signal, clock))) return withStatus({ kind: 'cancelled', elapsedMs: elapsed() }, lastStatus);
  }
}

function withStatus<T extends StreamWaitOutcome>(outcome: T, lastStatus: string | undefined): T {
  return lastStatus !== undefined ? { ...outcome, lastStatus } : outcome;
}

type Poll =
  | { kind: 'summary'; summary: StreamDescriptionSummary }
  | { kind: 'notFound'; error: DescribedError }
  | { kind: 'aborted' }
  | { kind: 'throttled' }
  | { kind: 'offline'; error: DescribedError }
  | { kind: 'error'; error: DescribedError };

async function pollOnce(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<Poll> {
  try {
    const summary = await describeSummary(client, streamName, signal);
    if (summary) return { kind: 'summary', summary };
    return { kind: 'error', error: { code: 'EmptyResponse', message: 'DescribeStreamSummary returned no summary', retryable: true } };
  } catch (err) {
    if (isAbort(err) || signal?.aborted) return { kind: 'aborted' };
    const error = describeError(err, { action: ACTION });
    if (errorCode(err) === 'ResourceNotFoundException') return { kind: 'notFound', error };
    if (isThrottling(err)) return { kind: 'throttled' };
    if (httpStatus(err) === undefined && isNetworkError(err)) return { kind: 'offline', error };
    // A 5xx is the service answering: worth another poll, not a lost connection.
    if ((httpStatus(err) ?? 0) >= 500) return { kind: 'throttled' };
    return { kind: 'error', error };
  }
}

function progressMessage(streamName: string, status: string | undefined, offline: boolean, elapsedMs: number): string {
  const secs = Math.round(elapsedMs / 1000);
  if (offline) return `${streamName}: connection lost, still trying (${secs} s)`;
  return `${streamName} is ${status ?? 'not known yet'} (${secs} s)`;
}
