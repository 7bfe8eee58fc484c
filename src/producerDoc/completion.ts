// Completion in producer documents: stream names after PUT (from the document's connection,
// cached), header names under the PUT line, template functions after {{, and connection names
// after # @connection.
import * as vscode from 'vscode';
import type { HeaderName } from '../kinesis/producerDoc/parse';
import type { KinesisApi } from '../kinesisLoader';
import type { StreamNameCache } from './streamCache';
import { resolveDocTarget, type TargetDeps } from './target';

export const COMPLETION_TRIGGERS = ['{', ' ', '@'];

const HEADER_HINTS: Record<HeaderName, string> = {
  'Partition-Key': 'A fixed key, {uuid} for a random key per record, a JSON path such as $.id, or a template: user-{{int 1 9}}.',
  'Explicit-Hash-Key': 'A decimal hash key (0 to 2^128 - 1) that places every record, overriding the partition key.',
  Repeat: 'Send the block this many times (1 to 100,000); {{seq}} numbers the records.',
  Rate: 'Records per second, e.g. 50/s.',
  Lines: 'true: each non-blank body line is one record (NDJSON).',
};

export class ProducerCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly deps: TargetDeps,
    private readonly streams: StreamNameCache,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const open = before.lastIndexOf('{{');
    const api = await this.deps.services.kinesis();
    if (open >= 0 && !before.slice(open).includes('}}') && /^\{\{\s*\w*$/.test(before.slice(open))) return templateItems(api);
    if (/^\s*PUT\s+\S*$/i.test(before)) return this.streamItems(api, document);
    if (/^\s*#\s*@connection\s+\S*$/.test(before)) return this.connectionItems();
    if (/^\s*#\s*@?\w*$/.test(before) && position.line < firstContentLine(document)) return directiveItems();
    if (/^[A-Za-z-]*$/.test(before) && inHeaderArea(document, position.line)) return headerItems(api);
    return [];
  }

  private async streamItems(api: KinesisApi, document: vscode.TextDocument): Promise<vscode.CompletionItem[]> {
    const resolved = await resolveDocTarget(this.deps, api.parseProducerDoc(document.getText()));
    if (!resolved.ok) return [];
    const names = await this.streams.get(resolved.target);
    return [...(names ?? [])].sort().map((name) => {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Value);
      item.detail = `${resolved.target.connectionName} · ${resolved.target.region}`;
      return item;
    });
  }

  private async connectionItems(): Promise<vscode.CompletionItem[]> {
    return (await this.deps.model.connections()).filter((c) => !c.problem).map((c) => {
      const item = new vscode.CompletionItem(c.name, vscode.CompletionItemKind.Reference);
      item.detail = c.endpoint ?? c.region;
      return item;
    });
  }
}

function templateItems(api: KinesisApi): vscode.CompletionItem[] {
  return Object.entries(api.TEMPLATE_FUNCTIONS).map(([name, spec]) => {
    const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Function);
    item.detail = `{{${spec.usage}}}`;
    item.documentation = spec.doc;
    return item;
  });
}

function headerItems(api: KinesisApi): vscode.CompletionItem[] {
  return api.HEADER_NAMES.map((name) => {
    const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Property);
    item.insertText = `${name}: `;
    item.documentation = HEADER_HINTS[name];
    return item;
  });
}

function directiveItems(): vscode.CompletionItem[] {
  return ['connection', 'region'].map((name) => {
    const item = new vscode.CompletionItem(`@${name}`, vscode.CompletionItemKind.Keyword);
    item.insertText = `@${name} `;
    item.filterText = `@${name}`;
    item.documentation = name === 'connection' ? 'The connection (AWS profile or kinesis.connections entry) this file puts to.' : 'The region this file puts to.';
    return item;
  });
}

/** The line is among a block's headers: below its PUT line with no blank line in between. */
function inHeaderArea(document: vscode.TextDocument, line: number): boolean {
  for (let i = line - 1; i >= 0; i--) {
    const text = document.lineAt(i).text;
    if (text.trim() === '' || text.startsWith('###')) return false;
    if (/^\s*PUT\b/i.test(text)) return true;
  }
  return false;
}

function firstContentLine(document: vscode.TextDocument): number {
  for (let i = 0; i < document.lineCount; i++) {
    const text = document.lineAt(i).text;
    if (text.startsWith('###') || /^\s*PUT\b/i.test(text)) return i;
  }
  return document.lineCount;
}
