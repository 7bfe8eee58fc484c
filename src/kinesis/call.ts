// One wrapper for every SDK call of the put and manage operations: a failure is rethrown as a
// KinesisCallError that still looks like the SDK error to describeError() and also names the IAM action.
import { describeError, errorCode, type DescribedError } from './errors';

export class KinesisCallError extends Error {
  /** IAM action of the call that failed, e.g. `kinesis:CreateStream`. */
  readonly action: string;
  /** describeError() of the original error, with the action in its next step. */
  readonly described: DescribedError;
  readonly $metadata?: { httpStatusCode?: number };
  readonly code?: string;

  constructor(action: string, cause: unknown) {
    const described = describeError(cause, { action });
    super(described.message || described.code, { cause });
    // The same name, code and status as the SDK error, so describeError(this) classifies it alike.
    this.name = errorCode(cause);
    this.action = action;
    this.described = described;
    const meta = (cause as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata;
    if (meta) this.$metadata = meta;
    const code = (cause as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') this.code = code;
  }
}

/** Runs one SDK call; failures come back as KinesisCallError naming `action`. */
export async function callKinesis<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof KinesisCallError ? err : new KinesisCallError(action, err);
  }
}

/** The described error of anything thrown by callKinesis (or elsewhere), with `action` as a fallback. */
export function describeCallError(err: unknown, action?: string): DescribedError {
  if (err instanceof KinesisCallError) return err.described;
  return describeError(err, action ? { action } : {});
}
