// One wrapper for every command: checks the id prefix, logs the call, and turns a thrown error
// into a notification with the AWS error code and a "Show Log" action instead of a silent failure.
// The notification is not awaited, so the command's caller is never held until it is dismissed.
import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import { notify, showError } from '../ui/notify';
import { Cancelled } from '../ui/prompts';

export function registerCommand(log: Log, id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  if (!id.startsWith('kinesis.')) throw new Error(`command id must start with "kinesis.": ${id}`);
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    log.debug(`command ${id}`);
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      // Bad input the user can fix: its message is the whole story, no AWS error code.
      if (err instanceof Error && err.name === 'InputProblem') notify(log, 'warning', err.message);
      else void showError(log, `${id} failed`, err);
      return undefined;
    }
  });
}
