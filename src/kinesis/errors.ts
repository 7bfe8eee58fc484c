// Turns any error from the SDK, the network or credential resolution into one shape the UI can
// show: the AWS error code, a one-line message, and the next step the user can take.

export interface DescribedError {
  /** AWS error name (e.g. `ResourceNotFoundException`) or a network code (`ECONNREFUSED`). */
  code: string;
  message: string;
  /** What to do about it, e.g. "Grant kinesis:GetRecords to the role" or "Run aws sso login --profile dev". */
  nextStep?: string;
  /** Whether retrying the same call later may succeed. */
  retryable: boolean;
  /** HTTP status, when the service answered. */
  status?: number;
}

export interface ErrorContext {
  /** IAM action of the failed call, e.g. `kinesis:PutRecords`; named in access errors. */
  action?: string;
  /** Profile name, for re-authentication hints. */
  profile?: string;
  endpoint?: string;
  /** For iterator calls from a sequence number: which number, on which shard. */
  sequenceNumber?: string;
  shardId?: string;
}

/** The sentence shown for a sequence number that belongs to no record of the shard. */
export function notASequenceNumberOf(sequenceNumber: string, shardId: string): string {
  return `${sequenceNumber} is not a sequence number of ${shardId}: copy one from a record of this shard (a tail row or a put result).`;
}

/**
 * An iterator refused for its sequence number. Kinesis says InvalidArgumentException; some
 * emulators say ResourceNotFoundException ("Unable to find record with provided SequenceNumber").
 */
function isBadSequenceNumber(code: string, message: string, ctx: ErrorContext): boolean {
  if (ctx.sequenceNumber === undefined || ctx.action !== 'kinesis:GetShardIterator') return false;
  return code === 'InvalidArgumentException' || (code === 'ResourceNotFoundException' && /sequence ?number/i.test(message));
}

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'ThrottlingException',
  'KMSThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

const NETWORK = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'ECONNABORTED', 'TimeoutError', 'RequestTimeout', 'NetworkingError', 'socket hang up',
]);

const CREDENTIALS = new Set([
  'ExpiredTokenException', 'ExpiredToken', 'UnrecognizedClientException', 'InvalidSignatureException',
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'CredentialsProviderError', 'TokenProviderError',
  'IncompleteSignature', 'MissingAuthenticationToken',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
  cause?: unknown;
}

/** The error's code: AWS `name`, or Node's `code` for socket errors (also looked up in `cause`). */
export function errorCode(err: unknown): string {
  if (err == null || typeof err !== 'object') return 'Error';
  const e = err as ErrorLike;
  const nodeCode = typeof e.code === 'string' ? e.code : undefined;
  const name = typeof e.name === 'string' ? e.name : undefined;
  if (nodeCode && NETWORK.has(nodeCode)) return nodeCode;
  if (name && name !== 'Error' && name !== 'TypeError') return name;
  if (nodeCode) return nodeCode;
  if (e.cause) return errorCode(e.cause);
  return name ?? 'Error';
}

function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && typeof (err as ErrorLike).message === 'string') {
    return ((err as ErrorLike).message as string).split('\n')[0] ?? '';
  }
  return safeString(err);
}

/** String(x) throws for objects without a prototype; error paths must not. */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function isThrottling(err: unknown): boolean {
  return THROTTLING.has(errorCode(err));
}

export function isNetworkError(err: unknown): boolean {
  const code = errorCode(err);
  if (NETWORK.has(code)) return true;
  return /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|network/i.test(messageOf(err));
}

export function isCredentialError(err: unknown): boolean {
  const code = errorCode(err);
  return CREDENTIALS.has(code) || /credential|token (has )?expired|sso session/i.test(messageOf(err)) && !isThrottling(err);
}

export function isAbort(err: unknown): boolean {
  return errorCode(err) === 'AbortError';
}

export function httpStatus(err: unknown): number | undefined {
  return (err as ErrorLike | undefined)?.$metadata?.httpStatusCode;
}

export function isServerError(err: unknown): boolean {
  const status = httpStatus(err);
  if (status !== undefined && status >= 500) return true;
  const code = errorCode(err);
  return code === 'InternalFailure' || code === 'ServiceUnavailable' || code === 'InternalServerError' || (err as ErrorLike)?.$fault === 'server' && !isThrottling(err);
}

/** Maps an error to the code, sentence and next step shown to the user. */
export function describeError(err: unknown, ctx: ErrorContext = {}): DescribedError {
  const code = errorCode(err);
  const message = messageOf(err);
  const status = httpStatus(err);
  const base = { code, message, status };
  const login = ctx.profile ? `aws sso login --profile ${ctx.profile}` : 'aws sso login';

  if (isBadSequenceNumber(code, message, ctx)) {
    return { ...base, message: notASequenceNumberOf(ctx.sequenceNumber ?? '', ctx.shardId ?? 'this shard'), retryable: false, nextStep: 'Start from a sequence number shown for this shard, or from TRIM_HORIZON or a timestamp.' };
  }
  if (isThrottling(err)) {
    return { ...base, retryable: true, nextStep: 'The shard or account is over its limit; the call is retried with backoff. Reduce readers or add shards if it persists.' };
  }
  if (code === 'AccessDeniedException' || code === 'AccessDenied' || code === 'UnauthorizedOperation') {
    return { ...base, retryable: false, nextStep: `Grant ${ctx.action ?? 'the needed kinesis:* action'} to this identity in IAM.` };
  }
  if (code === 'ResourceNotFoundException') {
    return { ...base, retryable: false, nextStep: 'The stream or shard does not exist (it may have been deleted). Refresh the explorer.' };
  }
  if (code === 'ResourceInUseException') {
    return { ...base, retryable: false, nextStep: 'The stream is not ACTIVE. Wait until it settles, then try again.' };
  }
  if (code === 'ExpiredIteratorException') {
    return { ...base, retryable: true, nextStep: 'A new shard iterator is requested from the last delivered record.' };
  }
  if (code === 'InvalidArgumentException' || code === 'ValidationException') {
    return { ...base, retryable: false, nextStep: 'Check the value entered; AWS rejected it as invalid.' };
  }
  if (/sso/i.test(message) || code === 'TokenProviderError') {
    return { ...base, retryable: false, nextStep: `The SSO session is missing or expired. Run \`${login}\` and refresh.` };
  }
  if (isCredentialError(err)) {
    return { ...base, retryable: false, nextStep: ctx.profile ? `Credentials of profile "${ctx.profile}" are missing, invalid or expired. Re-authenticate (for SSO: \`${login}\`) and refresh.` : 'Credentials are missing, invalid or expired. Re-authenticate and refresh.' };
  }
  if (isNetworkError(err)) {
    return { ...base, retryable: true, nextStep: ctx.endpoint ? `Cannot reach ${ctx.endpoint}. Check that it is running and the URL is right.` : 'Check your network connection, proxy or VPN.' };
  }
  if (isServerError(err)) {
    return { ...base, retryable: true, nextStep: 'Kinesis returned a server error; it is retried with backoff.' };
  }
  return { ...base, retryable: false };
}

/** One line for notifications and error nodes: "Code: message. Next step". */
export function formatError(d: DescribedError): string {
  const msg = d.message && d.message !== d.code ? `${d.code}: ${d.message}` : d.code;
  return d.nextStep ? `${msg}. ${d.nextStep}` : msg;
}
