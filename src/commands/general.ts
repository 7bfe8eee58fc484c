// Commands that belong to no single resource: refresh, show log, open the AWS config file.
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../services';
import { command, type CommandSpec } from './registerCommand';
import { CommandIds } from './ids';

export function generalCommands(services: Services): CommandSpec[] {
  const { log } = services;
  return [
    command(CommandIds.refresh, () => services.refreshExplorer()),
    command(CommandIds.showLog, () => log.show()),
    command(CommandIds.openConfigFile, async () => {
      const file = process.env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
      const uri = vscode.Uri.file(file);
      try {
        await vscode.workspace.fs.stat(uri);
        await vscode.window.showTextDocument(uri);
      } catch {
        // No file yet: open an untitled one at that path so saving creates it.
        await vscode.window.showTextDocument(uri.with({ scheme: 'untitled' }));
      }
    }),
    command(CommandIds.addConnection, async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'kinesis.connections');
    }),
  ];
}
