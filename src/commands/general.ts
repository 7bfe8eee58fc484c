// Commands that belong to no single resource: refresh, show log, open the AWS config file.
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../services';
import { registerCommand } from './registerCommand';

export function registerGeneralCommands(services: Services): vscode.Disposable[] {
  const { log } = services;
  return [
    registerCommand(log, 'kinesis.refresh', () => services.refreshExplorer()),
    registerCommand(log, 'kinesis.showLog', () => log.show()),
    registerCommand(log, 'kinesis.openConfigFile', async () => {
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
    registerCommand(log, 'kinesis.addConnection', async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'kinesis.connections');
    }),
  ];
}
