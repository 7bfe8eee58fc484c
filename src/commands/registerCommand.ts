// The one wrapper for every command: checks the id prefix, logs the call, and turns every failure
// into a notification where the user is. Cancel is quiet; InputProblem is a warning with its own
// message; anything else is an error with the AWS code and a next step (and "Show Log").
// Notifications are not awaited, so the command's caller is never held until one is dismissed.
import * as vscode from 'vscode';
import { describeError, formatError, type DescribedError } from '../kinesis/errors';
import type { Log } from '../ui/log';
import { notify } from '../ui/notify';
import { Cancelled, InputProblem } from '../ui/prompts';

/**
 * What the put and manage commands return (tests assert on it; notifications cannot be read back):
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

/** For commands that return a CommandResult: the failure message says "Could not <what>", naming `action`. */
export interface Reporting {
  /** e.g. "put the record" */
  what: string;
  /** IAM action for the next step when the error does not carry one, e.g. `kinesis:PutRecord`. */
  action?: string;
}

export function registerCommand(log: Log, id: string, handler: (...args: never[]) => unknown, report?: Reporting): vscode.Disposable {
  if (!id.startsWith('kinesis.')) throw new Error(`command id must start with "kinesis.": ${id}`);
  return vscode.commands.registerCommand(id, (...args: never[]) => runCommand(log, id, () => handler(...args), report));
}

/** Runs a command body; with `report`, failures also come back as a CommandResult. */
export async function runCommand(log: Log, id: string, body: () => unknown, report?: Reporting): Promise<unknown> {
  log.debug(`command ${id}`);
  try {
    return await body();
  } catch (err) {
    if (err instanceof Cancelled) return report ? { status: 'cancelled' } : undefined;
    if (err instanceof InputProblem) {
      notify(log, 'warning', err.message);
      return report ? { status: 'invalid', message: err.message } : undefined;
    }
    const error = describedOf(err, report?.action);
    const message = report ? `Could not ${report.what}: ${formatError(error)}` : formatError(error);
    notify(log, 'error', message, [], err);
    return report ? { status: 'failed', message, error } : undefined;
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
