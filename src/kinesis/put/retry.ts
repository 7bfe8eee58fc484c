// What a failed put request means for its records (not written and worth retrying, not written
// for good, or unknown), which entry errors are retried, and the backoff between attempts.
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { backoffDelay } from '../backoff';
import { errorCode, httpStatus, isCredentialError, isThrottling } from '../errors';

/**
 * - 'retry': the request certainly wrote nothing and may succeed later (throttling or a 5xx
 *   answer, or a connection that never opened);
 * - 'fatal': it certainly wrote nothing and will fail again (AccessDenied, ResourceNotFound, …);
 * - 'unknown': the request may have reached Kinesis and we cannot tell what it wrote (a reset
 *   connection, a timeout after sending, an unreadable answer). Resending could write twice.
 */
export type PutFailureKind = 'retry' | 'fatal' | 'unknown';

/** Socket errors raised before any byte of the request left this machine. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classifyPutFailure(err: unknown): PutFailureKind {
  const status = httpStatus(err);
  if (status !== undefined) {
    // An error status is Kinesis saying the request failed as a whole; 2xx with an error means
    // the answer could not be read although the request was processed.
    if (status >= 200 && status < 300) return 'unknown';
    const code = errorCode(err);
    if (isThrottling(err) || status >= 500 || code === 'InternalFailure' || code === 'ServiceUnavailable') return 'retry';
    return 'fatal';
  }
  const code = errorCode(err);
  if (NEVER_SENT.has(code)) return 'retry';
  if (code === 'TimeoutError' && /did not establish a connection/.test(messageOf(err))) return 'retry';
  if (isCredentialError(err) || code === 'CredentialsProviderError') return 'fatal';
  return 'unknown';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : '';
}

/** Entry-level error codes of PutRecords worth retrying; any other entry error is final. */
export const RETRYABLE_ENTRY_ERRORS: ReadonlySet<string> = new Set(['ProvisionedThroughputExceededException', 'InternalFailure', 'KMSThrottlingException']);

export interface BackoffSettings {
  /** First delay cap in ms; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0,1) source; tests pass a fixed one. */
  random: () => number;
}

export const DEFAULT_PUT_BACKOFF: BackoffSettings = { baseDelayMs: 100, maxDelayMs: 5_000, random: Math.random };

/**
 * Delay before retry number `retry` (1 = the first retry): "equal jitter", half of the capped
 * exponential step plus a random half, so that a throttled shard always gets some rest.
 */
export function putBackoffDelay(retry: number, s: BackoffSettings): number {
  return backoffDelay(retry, { baseMs: s.baseDelayMs, maxMs: s.maxDelayMs, random: s.random, jitter: 'equal' });
}

/** Throws unless the client leaves retries to us (maxAttempts 1); see putRecords. */
export async function requireSingleAttemptClient(client: KinesisClient): Promise<void> {
  const attempts = await client.config.maxAttempts();
  if (attempts !== 1) {
    throw new Error(`Put operations need a Kinesis client created with maxAttempts: 1 (this one has ${attempts}): the SDK's own retries would resend requests whose outcome is unknown and could write records twice.`);
  }
}
