// One wrapper for every command: checks the id prefix, logs the call, and turns a thrown error
// into a notification with the AWS error code and a "Show Log" action instead of a silent failure.
import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import { showError } from '../ui/notify';
import { Cancelled } from '../ui/prompts';

export function registerCommand(log: Log, id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  if (!id.startsWith('kinesis.')) throw new Error(`command id must start with "kinesis.": ${id}`);
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    log.debug(`command ${id}`);
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      await showError(log, `${id} failed`, err);
      return undefined;
    }
  });
}
