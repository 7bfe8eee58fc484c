// The one cancellable progress notification: "Cancel" aborts the signal the work was given, and
// the cancellation listener is always released.
import * as vscode from 'vscode';

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

export function withCancellableProgress<T>(title: string, run: (signal: AbortSignal, progress: ProgressReport) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await run(abort.signal, progress);
    } finally {
      sub.dispose();
    }
  });
}
