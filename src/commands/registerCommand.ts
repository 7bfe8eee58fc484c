// The one wrapper for every command: checks the id prefix, logs the call, and turns every failure
// into a notification where the user is. Cancel is quiet; InputProblem is a warning with its own
// message; anything else is an error with the AWS code and a next step (and "Show Log").
// Notifications are not awaited, so the command's caller is never held until one is dismissed.
// Every id is registered at activation; the bodies (CommandSpec) live in dist/features.js and are
// looked up on a command's first run (src/featuresLoader.ts).
import * as vscode from 'vscode';
import { describeError, formatError, type DescribedError } from '../kinesis/errors';
import type { Log } from '../ui/log';
import { notify } from '../ui/notify';
import { isCancelled, isInputProblem } from '../ui/prompts';

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

/** A command's body, and (for commands that return a CommandResult) how its failures read. */
export interface CommandSpec {
  id: string;
  run: (...args: never[]) => unknown;
  report?: Reporting;
}

export function command(id: string, run: (...args: never[]) => unknown, report?: Reporting): CommandSpec {
  return report ? { id, run, report } : { id, run };
}

/**
 * Registers every id now (a contributed command needs a handler); `specs()` gives the bodies, and
 * is called only when a command runs, so the code behind them loads on the first one.
 */
export function registerCommands(log: Log, ids: readonly string[], specs: () => ReadonlyMap<string, CommandSpec>): vscode.Disposable[] {
  return ids.map((id) => {
    if (!id.startsWith('kinesis.')) throw new Error(`command id must start with "kinesis.": ${id}`);
    return vscode.commands.registerCommand(id, (...args: never[]) => {
      const spec = lookup(specs, id);
      return runCommand(log, id, () => spec.run(...args), spec.report);
    });
  });
}

/** A spec whose body throws when the bodies cannot be loaded, so that failure is reported like any other. */
function lookup(specs: () => ReadonlyMap<string, CommandSpec>, id: string): CommandSpec {
  try {
    return specs().get(id) ?? command(id, () => {
      throw new Error(`The command ${id} has no handler.`);
    });
  } catch (err) {
    return command(id, () => {
      throw err;
    });
  }
}

/** Runs a command body; with `report`, failures also come back as a CommandResult. */
export async function runCommand(log: Log, id: string, body: () => unknown, report?: Reporting): Promise<unknown> {
  log.debug(`command ${id}`);
  try {
    return await body();
  } catch (err) {
    if (isCancelled(err)) return report ? { status: 'cancelled' } : undefined;
    if (isInputProblem(err)) {
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
