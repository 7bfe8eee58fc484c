// Registers the manage-stream commands (create, delete, shard count, capacity mode, retention,
// describe), each usable from the palette and from the explorer's context menus.
import * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { Services } from '../../services';
import { registerCommand } from '../registerCommand';
import { createStream } from './create';
import { deleteStream } from './delete';
import { DESCRIBE_SCHEME, DescribeDocuments, describeStream } from './describe';
import { setRetention, switchCapacityMode, updateShardCount } from './update';

export const StreamAdminCommands = {
  createStream: 'kinesis.createStream',
  deleteStream: 'kinesis.deleteStream',
  updateShardCount: 'kinesis.updateShardCount',
  switchCapacityMode: 'kinesis.switchCapacityMode',
  setRetention: 'kinesis.setRetention',
  describeStream: 'kinesis.describeStream',
} as const;

export function registerStreamAdminCommands(services: Services, model: ExplorerModel, view?: vscode.TreeView<unknown>): vscode.Disposable[] {
  const { log } = services;
  const docs = new DescribeDocuments();
  const ids = StreamAdminCommands;
  return [
    docs,
    vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, docs),
    registerCommand(log, ids.createStream, (from?: unknown) => createStream(services, model, view, from), { what: 'create the stream', action: 'kinesis:CreateStream' }),
    registerCommand(log, ids.deleteStream, (from?: unknown) => deleteStream(services, model, from), { what: 'delete the stream', action: 'kinesis:DeleteStream' }),
    registerCommand(log, ids.updateShardCount, (from?: unknown) => updateShardCount(services, model, from), { what: 'update the shard count', action: 'kinesis:UpdateShardCount' }),
    registerCommand(log, ids.switchCapacityMode, (from?: unknown) => switchCapacityMode(services, model, from), { what: 'switch the capacity mode', action: 'kinesis:UpdateStreamMode' }),
    registerCommand(log, ids.setRetention, (from?: unknown) => setRetention(services, model, from), { what: 'set the retention period' }),
    registerCommand(log, ids.describeStream, (from?: unknown) => describeStream(services, model, docs, from), { what: 'describe the stream', action: 'kinesis:DescribeStreamSummary' }),
  ];
}
