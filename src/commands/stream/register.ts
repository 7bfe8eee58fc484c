// The manage-stream commands (create, delete, shard count, capacity mode, retention,
// describe), each usable from the palette and from the explorer's context menus.
import type * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { Services } from '../../services';
import { CommandIds } from '../ids';
import { command, type CommandSpec } from '../registerCommand';
import { createStream } from './create';
import { deleteStream } from './delete';
import { describeStream, type DescribeDocuments } from './describe';
import { setRetention, switchCapacityMode, updateShardCount } from './update';

export function streamAdminCommands(services: Services, model: ExplorerModel, view: vscode.TreeView<unknown> | undefined, docs: DescribeDocuments): CommandSpec[] {
  return [
    command(CommandIds.createStream, (from?: unknown) => createStream(services, model, view, from), { what: 'create the stream', action: 'kinesis:CreateStream' }),
    command(CommandIds.deleteStream, (from?: unknown) => deleteStream(services, model, from), { what: 'delete the stream', action: 'kinesis:DeleteStream' }),
    command(CommandIds.updateShardCount, (from?: unknown) => updateShardCount(services, model, from), { what: 'update the shard count', action: 'kinesis:UpdateShardCount' }),
    command(CommandIds.switchCapacityMode, (from?: unknown) => switchCapacityMode(services, model, from), { what: 'switch the capacity mode', action: 'kinesis:UpdateStreamMode' }),
    command(CommandIds.setRetention, (from?: unknown) => setRetention(services, model, from), { what: 'set the retention period' }),
    command(CommandIds.describeStream, (from?: unknown) => describeStream(services, model, docs, from), { what: 'describe the stream', action: 'kinesis:DescribeStreamSummary' }),
  ];
}
