// Keeps the Problems of open producer documents current: parsed on open and on edit (debounced),
// with the unknown-stream check once the connection's stream list is known.
import * as vscode from 'vscode';
import type { DocIssue } from '../kinesis/producerDoc/parse';
import type { StreamNameCache } from './streamCache';
import { KINESIS_LANGUAGE } from './language';
import { resolveDocTarget, type TargetDeps } from './target';

const DEBOUNCE_MS = 250;

export class ProducerDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kinesis');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly deps: TargetDeps,
    private readonly streams: StreamNameCache,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== KINESIS_LANGUAGE) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.update(document);
    }, DEBOUNCE_MS));
  }

  /** Sets the syntax problems at once, then again with the stream check when names are known. */
  async update(document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    const { diagnoseProducerDoc } = await this.deps.services.kinesis();
    const first = diagnoseProducerDoc(text);
    this.collection.set(document.uri, first.issues.map(toDiagnostic));
    try {
      const resolved = await resolveDocTarget(this.deps, first.doc);
      if (!resolved.ok || document.isClosed || document.getText() !== text) return;
      const names = await this.streams.get(resolved.target);
      if (!names || document.isClosed || document.getText() !== text) return;
      const where = `${resolved.target.connectionName} · ${resolved.target.region}`;
      this.collection.set(document.uri, diagnoseProducerDoc(text, { knownStreams: names, where }).issues.map(toDiagnostic));
    } catch (err) {
      this.deps.services.log.warn(`producer document: stream check skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(issue: DocIssue): vscode.Diagnostic {
  const r = issue.range;
  const d = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), issue.message, issue.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'kinesis';
  return d;
}
