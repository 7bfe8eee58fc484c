// Refreshes the explorer when the AWS config or credentials file changes (and when the SSO token
// cache does, i.e. after `aws sso login`). Debounced; follows AWS_CONFIG_FILE when it changes.
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export class AwsConfigWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private watching = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (file: string) => void, private readonly debounceMs = 500) {}

  /** Watches these files (absolute paths) and the SDK's SSO token cache (~/.aws/sso/cache). */
  watch(files: string[]): void {
    const key = files.join('\n');
    if (key === this.watching) return;
    this.disposeWatchers();
    this.watching = key;
    const patterns = files.map((f) => new vscode.RelativePattern(vscode.Uri.file(dirname(f)), basename(f)));
    patterns.push(new vscode.RelativePattern(vscode.Uri.file(join(homedir(), '.aws', 'sso', 'cache')), '*.json'));
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const fire = (uri: vscode.Uri) => this.changed(uri.fsPath);
      this.watchers.push(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire));
    }
  }

  dispose(): void {
    this.disposeWatchers();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private changed(file: string): void {
    // Editors save in several steps (truncate, write, rename); act once they are done.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange(file);
    }, this.debounceMs);
  }

  private disposeWatchers(): void {
    for (const d of this.watchers.splice(0)) d.dispose();
    this.watching = '';
  }
}
