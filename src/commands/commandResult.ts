// What the put and manage commands return (tests assert on it; notifications cannot be read back)
// and the one place that turns a thrown problem into that result plus a notification.
import { describeError, formatError, type DescribedError } from '../kinesis/errors';
import type { Log } from '../ui/log';
import { notify } from '../ui/notify';
import { Cancelled } from '../ui/prompts';

/**
 * - invalid: refused before any call to AWS (bad input, nothing to act on);
 * - cancelled: the user dismissed a prompt or the confirmation;
 * - failed: a call failed; `error` has the code and next step.
 * Commands add their own statuses (e.g. 'sent', 'done', 'timeout').
 */
export interface CommandResult {
  status: string;
  message?: string;
  error?: DescribedError;
}

/** A problem found before calling AWS; shown as a warning where the user is. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}

/** Runs a command body: Cancelled becomes {status:'cancelled'}, anything thrown a notification and a result. */
export async function reporting<T extends CommandResult>(log: Log, what: string, body: () => Promise<T>, action?: string): Promise<T | CommandResult> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof Cancelled) return { status: 'cancelled' };
    if (err instanceof InputProblem) {
      notify(log, 'warning', err.message);
      return { status: 'invalid', message: err.message };
    }
    const error = describedOf(err, action);
    const message = `Could not ${what}: ${formatError(error)}`;
    notify(log, 'error', message);
    return { status: 'failed', message, error };
  }
}

/**
 * The layer's KinesisCallError already carries describeError() with its IAM action. It comes from
 * the lazily loaded bundle, so it is recognised by shape rather than with instanceof.
 */
export function describedOf(err: unknown, action?: string): DescribedError {
  const carried = (err as { described?: DescribedError } | undefined)?.described;
  if (carried && typeof carried.code === 'string') return carried;
  return describeError(err, action ? { action } : {});
}
