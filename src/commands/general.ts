// Commands that belong to no single resource: refresh, show log, open the AWS config file.
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../services';
import { registerCommand } from './registerCommand';
import { CommandIds } from './ids';

export function registerGeneralCommands(services: Services): vscode.Disposable[] {
  const { log } = services;
  return [
    registerCommand(log, CommandIds.refresh, () => services.refreshExplorer()),
    registerCommand(log, CommandIds.showLog, () => log.show()),
    registerCommand(log, CommandIds.openConfigFile, async () => {
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
    registerCommand(log, CommandIds.addConnection, async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'kinesis.connections');
    }),
  ];
}
