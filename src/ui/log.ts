// The "Kinesis" log channel. Everything written goes through redact(), so access keys, secrets
// and session tokens never reach the log even when an error message echoes them.
import * as vscode from 'vscode';
import { redact } from './redact';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  debug(message: string): void;
  show(): void;
}

export function createLog(context: vscode.ExtensionContext): Log {
  const channel = vscode.window.createOutputChannel('Kinesis', { log: true });
  context.subscriptions.push(channel);
  return {
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    debug: (m) => channel.debug(redact(m)),
    error: (m, err) => channel.error(redact(err === undefined ? m : `${m}: ${errorText(err)}`)),
    show: () => channel.show(true),
  };
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return String(err);
}
