// Error notifications: code, sentence, next step, and a "Show Log" button. Messages go through
// redact() like the log.
import * as vscode from 'vscode';
import { describeError, formatError, type ErrorContext } from '../kinesis/errors';
import type { Log } from './log';
import { redact } from './redact';

export async function showError(log: Log, what: string, err: unknown, ctx: ErrorContext = {}): Promise<void> {
  const described = describeError(err, ctx);
  log.error(what, err);
  const choice = await vscode.window.showErrorMessage(redact(`Kinesis: ${formatError(described)}`), 'Show Log');
  if (choice === 'Show Log') log.show();
}
