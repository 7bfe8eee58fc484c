// Read-only virtual documents: reports, "Open in editor" payloads and stream descriptions are
// served by a TextDocumentContentProvider, so closing them never asks to save. Markdown reports
// open in the preview.
import * as vscode from 'vscode';

export type DocLanguage = 'json' | 'plaintext' | 'markdown';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private next = 1;

  constructor(readonly scheme: string, private readonly missing = 'This document is no longer loaded: run the command again.\n') {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(scheme, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === scheme) this.contents.delete(doc.uri.toString());
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? this.missing;
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  /** Opens `content` as a new read-only document whose tab reads `name`; Markdown opens in the preview. */
  async open(name: string, content: string, language: DocLanguage, viewColumn?: vscode.ViewColumn): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: this.scheme, path: `/${this.next++}/${name.replace(/[/\\]/g, '-')}` });
    this.set(uri, content);
    if (language === 'markdown') {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return uri;
    }
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    await vscode.window.showTextDocument(doc, { preview: false, ...(viewColumn === undefined ? {} : { viewColumn }) });
    return uri;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.contents.clear();
  }
}
