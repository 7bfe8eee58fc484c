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
import { ReadOnlyDocuments } from '../../ui/readOnlyDocs';

export const DESCRIBE_SCHEME = 'kinesis-describe';

export interface DescribeResult extends CommandResult {
  status: 'done';
  target: StreamRef;
  uri: string;
  document: StreamDocument;
}

/** The describe documents: one per stream, refreshed in place by running the command again. */
export class DescribeDocuments extends ReadOnlyDocuments {
  constructor() {
    super(DESCRIBE_SCHEME, '{ "note": "This description is no longer loaded: run \\"Kinesis: Describe Stream\\" again." }\n');
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
