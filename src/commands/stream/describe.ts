// "Kinesis: Describe Stream": DescribeStreamSummary plus every shard as a read-only JSON document,
// served by a TextDocumentContentProvider on the `kinesis-describe:` scheme (such documents
// cannot be edited). Running the command again refreshes the open document.
import * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { StreamDocument } from '../../kinesis/admin/read';
import type { Services } from '../../services';
import type { CommandResult } from '../registerCommand';
import { pickStreamTarget } from '../pickTarget';
import type { StreamRef } from '../../kinesis/types';

export const DESCRIBE_SCHEME = 'kinesis-describe';

export interface DescribeResult extends CommandResult {
  status: 'done';
  target: StreamRef;
  uri: string;
  document: StreamDocument;
}

export class DescribeDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === DESCRIBE_SCHEME) this.contents.delete(doc.uri.toString());
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{ "note": "This description is no longer loaded: run \\"Kinesis: Describe Stream\\" again." }\n';
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
    this.contents.clear();
  }
}

/** One document per (connection, region, stream); the tab shows `<stream>.json`. */
export function describeUri(target: StreamRef): vscode.Uri {
  const query = new URLSearchParams({ connection: target.connectionId, region: target.region }).toString();
  return vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${target.streamName}.json`, query });
}

export async function describeStream(services: Services, model: ExplorerModel, docs: DescribeDocuments, from: unknown): Promise<DescribeResult> {
  const api = await services.kinesis();
  const target = await pickStreamTarget(services, model, { title: 'Describe Stream', from });
  const client = await services.clients.client(target);
  const document = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Describing ${target.streamName}` },
    () => api.describeStreamDocument(client, target.streamName),
  );
  const uri = describeUri(target);
  docs.set(uri, api.renderStreamDocument(document));
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'json') doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
  return { status: 'done', target, uri: uri.toString(), document, message: `Described ${target.streamName}` };
}
