// Notifications: errors carry the code, sentence and next step (see registerCommand) and a
// "Show Log" button. Messages go through redact() like the log.
import * as vscode from 'vscode';
import type { Log } from './log';
import { redact } from './redact';

export type NotifySeverity = 'info' | 'warning' | 'error';

export interface NotifyAction {
  title: string;
  run: () => unknown;
}

/**
 * Shows a notification without waiting for it, so a command can return its result while the
 * notification stays; a chosen action runs then. Errors and warnings also go to the log, and
 * errors get a "Show Log" action.
 */
export function notify(log: Log, severity: NotifySeverity, text: string, actions: NotifyAction[] = [], cause?: unknown): void {
  const message = redact(text.startsWith('Kinesis') ? text : `Kinesis: ${text}`);
  if (severity === 'error') log.error(text, cause);
  else if (severity === 'warning') log.warn(text);
  else log.info(text);
  const all = severity === 'error' ? [...actions, { title: 'Show Log', run: () => log.show() }] : actions;
  const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, ...all.map((a) => a.title)).then(async (choice) => {
    const action = all.find((a) => a.title === choice);
    try {
      await action?.run();
    } catch (err) {
      log.error(`"${choice ?? ''}" failed`, err);
    }
  });
}
