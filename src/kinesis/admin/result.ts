// The result every manage-stream operation returns: what happened, which changes AWS accepted,
// and one sentence for the notification, so nothing is left half-done without saying so.
import { describeError, errorCode, formatError, type DescribedError } from '../errors';
import type { StreamWaitOptions, StreamWaitOutcome } from './wait';

/**
 * - done: every step finished and the stream settled;
 * - refused: checked before any change, nothing was changed (see `refusal`);
 * - failed: a call failed (see `error`; `applied` lists what AWS had already accepted);
 * - cancelled / timeout / connectionLost: the change was accepted but we stopped waiting for it;
 *   the stream keeps going on its own.
 */
export type AdminStatus = 'done' | 'refused' | 'failed' | 'cancelled' | 'timeout' | 'connectionLost';

export type AdminRefusal = 'invalid' | 'exists' | 'notFound' | 'notActive' | 'onDemand' | 'outOfRange' | 'unchanged';

export interface AdminResult<T> {
  status: AdminStatus;
  streamName: string;
  /** A complete sentence for the notification. */
  message: string;
  /** Changes AWS accepted, in order (API names, e.g. "CreateStream"). Non-empty means refresh the tree. */
  applied: string[];
  /** Last stream status seen, when known. */
  streamStatus?: string;
  refusal?: AdminRefusal;
  error?: DescribedError;
  /** Present when status is 'done'. */
  value?: T;
}

export interface AdminOptions extends StreamWaitOptions {
  /** Passed to every call except the mutating ones, which are never aborted half-way. */
  signal?: AbortSignal;
}

/**
 * describeError() for a manage call. LimitExceededException is a refusal here (shard limit, too
 * many scaling operations in 24 h), not throttling to retry, so its next step says so.
 */
export function adminError(err: unknown, action: string): DescribedError {
  const d = describeError(err, { action });
  if (errorCode(err) === 'LimitExceededException') {
    return { ...d, retryable: false, nextStep: 'Kinesis refused it under an account or stream limit (see the message): choose fewer shards, wait for the limit window to pass, or request a limit increase.' };
  }
  return d;
}

export function adminRefused<T>(streamName: string, refusal: AdminRefusal, message: string, error?: DescribedError): AdminResult<T> {
  const r: AdminResult<T> = { status: 'refused', streamName, message, applied: [], refusal };
  if (error) r.error = error;
  return r;
}

/** A call failed; the message says what had already been applied, if anything. */
export function adminFailed<T>(streamName: string, what: string, error: DescribedError, applied: string[], streamStatus?: string): AdminResult<T> {
  const before = applied.length > 0 ? ` (${applied.join(' and ')} had already been accepted)` : '';
  const r: AdminResult<T> = { status: 'failed', streamName, message: `Could not ${what}${before}: ${formatError(error)}`, applied, error };
  if (streamStatus) r.streamStatus = streamStatus;
  return r;
}

/** The wait ended without reaching its goal: say that the change goes on and what was seen last. */
export function adminUnsettled<T>(streamName: string, outcome: Exclude<StreamWaitOutcome, { kind: 'reached' }>, applied: string[], goal: string): AdminResult<T> {
  const accepted = applied.length > 0 ? `${applied.join(' and ')} ${applied.length > 1 ? 'were' : 'was'} accepted` : 'The change was accepted';
  const seen = outcome.lastStatus ? ` (last seen ${outcome.lastStatus})` : '';
  const base = { streamName, applied, ...(outcome.lastStatus ? { streamStatus: outcome.lastStatus } : {}) };
  switch (outcome.kind) {
    case 'cancelled':
      return { ...base, status: 'cancelled', message: `Stopped waiting. ${accepted}; ${streamName} keeps its state${seen} and becomes ${goal} on its own. Refresh to see it.` };
    case 'timeout':
      return { ...base, status: 'timeout', message: `${streamName} did not become ${goal} within ${Math.round(outcome.elapsedMs / 1000)} s${seen}. ${accepted}; it may still settle. Refresh later.` };
    case 'connectionLost':
      return { ...base, status: 'connectionLost', error: outcome.error, message: `Lost the connection to Kinesis while waiting for ${streamName}${seen}: ${formatError(outcome.error)} ${accepted}; the stream settles on its own. Refresh once the connection is back.` };
    case 'failed':
      return { ...base, status: 'failed', error: outcome.error, message: `${accepted}, but waiting for ${streamName} failed${seen}: ${formatError(outcome.error)}` };
  }
}
