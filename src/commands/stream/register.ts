// Registers the manage-stream commands (create, delete, shard count, capacity mode, retention,
// describe), each usable from the palette and from the explorer's context menus.
import * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { Services } from '../../services';
import { reporting } from '../commandResult';
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
    registerCommand(log, ids.createStream, (from?: unknown) => reporting(log, 'create the stream', () => createStream(services, model, view, from), 'kinesis:CreateStream')),
    registerCommand(log, ids.deleteStream, (from?: unknown) => reporting(log, 'delete the stream', () => deleteStream(services, model, from), 'kinesis:DeleteStream')),
    registerCommand(log, ids.updateShardCount, (from?: unknown) => reporting(log, 'update the shard count', () => updateShardCount(services, model, from), 'kinesis:UpdateShardCount')),
    registerCommand(log, ids.switchCapacityMode, (from?: unknown) => reporting(log, 'switch the capacity mode', () => switchCapacityMode(services, model, from), 'kinesis:UpdateStreamMode')),
    registerCommand(log, ids.setRetention, (from?: unknown) => reporting(log, 'set the retention period', () => setRetention(services, model, from))),
    registerCommand(log, ids.describeStream, (from?: unknown) => reporting(log, 'describe the stream', () => describeStream(services, model, docs, from), 'kinesis:DescribeStreamSummary')),
  ];
}
