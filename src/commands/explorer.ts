// Commands on explorer nodes: refresh a node, load more streams, copy names and ARNs, show an
// error's details, and the SSO login hint.
import * as vscode from 'vscode';
import { CommandIds } from './ids';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ConsumerNode, ErrorNode, ExplorerNode, LoadMoreNode, ShardNode, StreamNode } from '../explorer/nodes';
import type { Services } from '../services';
import { command, type CommandSpec } from './registerCommand';
import { selectRegionsCommand } from './regions';

export function explorerCommands(services: Services, model: ExplorerModel): CommandSpec[] {
  const { log } = services;
  return [
    command(CommandIds.refreshNode, (node?: ExplorerNode) => model.refresh(node)),
    command(CommandIds.loadMore, (node: LoadMoreNode) => model.loadMore(node)),
    command(CommandIds.copyName, async (node: StreamNode | ShardNode) => {
      const name = node.kind === 'stream' ? node.name : node.model.id;
      await copy(name, `Copied ${name}`);
    }),
    command(CommandIds.copyArn, async (node: StreamNode | ConsumerNode) => {
      if (node.kind === 'consumer') return copy(node.model.arn, `Copied ${node.model.arn}`);
      if (!node.model.arn) await model.describeForTooltip(node, 0);
      if (!node.model.arn) throw new Error(`No ARN known for ${node.name}${node.describeError ? `: ${node.describeError.code}` : ''}`);
      await copy(node.model.arn, `Copied ${node.model.arn}`);
    }),
    command(CommandIds.showErrorDetails, (node?: ErrorNode) => {
      if (node) log.error(`${node.error.code} (${node.connection?.name ?? 'explorer'})`, detailError(node));
      log.show();
    }),
    command(CommandIds.ssoLogin, (node: ErrorNode) => {
      const command = node.error.ssoLoginCommand ?? 'aws sso login';
      // Not awaited: the notification stays until dismissed, and the command should not.
      void vscode.window
        .showWarningMessage(`Kinesis: the SSO session is missing or expired. Run \`${command}\` in a terminal, then refresh.`, 'Copy Command', 'Show Log')
        .then(async (choice) => {
          if (choice === 'Copy Command') await copy(command, `Copied: ${command}`);
          if (choice === 'Show Log') log.show();
        });
    }),
    command(CommandIds.copySsoLoginCommand, async (node: ErrorNode) => {
      const command = node.error.ssoLoginCommand ?? 'aws sso login';
      await copy(command, `Copied: ${command}`);
    }),
    selectRegionsCommand(services, model),
  ];
}

async function copy(text: string, status: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(status, 3000);
}

/** The log prints an Error's name, message and stack; ours carries the full detail text. */
function detailError(node: ErrorNode): Error {
  const err = new Error(node.error.detail);
  err.name = node.error.code;
  err.stack = undefined;
  return err;
}
