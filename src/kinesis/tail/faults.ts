// Sorts a failed Kinesis call into what the tail does next: renew the iterator, back off, retry,
// or stop (the shard, or for credentials the whole tail) with an error the user can act on.
import { errorCode, isAbort, isCredentialError, isNetworkError, isServerError, isThrottling } from '../errors';

export type FaultKind =
  /** stop() was called; not an error. */
  | 'aborted'
  /** The iterator is older than 5 minutes: get a new one from the last delivered record. */
  | 'expired-iterator'
  /** Over a shard, KMS or account limit: back off, show "throttled". */
  | 'throttled'
  /** Network failure or 5xx: back off, show "retrying (n)", resume from the last delivered record. */
  | 'transient'
  /** Credentials missing, invalid or expired: retrying cannot help, stop everything. */
  | 'credentials'
  /** Deleted stream, missing permission, invalid argument: stop this shard. */
  | 'fatal';

export function classifyFault(err: unknown, signal?: AbortSignal): FaultKind {
  if (signal?.aborted || isAbort(err)) return 'aborted';
  const code = errorCode(err);
  if (code === 'ExpiredIteratorException') return 'expired-iterator';
  if (isThrottling(err)) return 'throttled';
  if (isCredentialError(err)) return 'credentials';
  if (code === 'AccessDeniedException' || code === 'ResourceNotFoundException' || code === 'InvalidArgumentException') return 'fatal';
  // The stream is not ACTIVE yet or any more (CREATING, DELETING): back off and retry; a deleted
  // stream then answers ResourceNotFoundException, which stops the shard with the right message.
  if (code === 'ResourceInUseException') return 'transient';
  if (isNetworkError(err) || isServerError(err)) return 'transient';
  return 'fatal';
}
