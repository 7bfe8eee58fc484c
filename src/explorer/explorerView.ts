// Registers the Kinesis explorer: the model, its tree view, and what refreshes it (the AWS
// config files, the kinesis.connections setting, the Refresh commands).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { AwsConfigWatcher } from './configWatcher';
import { ExplorerModel } from './explorerModel';
import { mementoRegionStore } from './regionStore';
import { ExplorerProvider } from './treeProvider';

export interface Explorer {
  provider: ExplorerProvider;
  view: vscode.TreeView<unknown>;
  disposables: vscode.Disposable[];
}

const SETTING = 'kinesis.connections';

export function registerExplorer(services: Services): Explorer {
  const { log } = services;
  const watcher = new AwsConfigWatcher((file) => {
    log.info(`explorer: ${file} changed; reloading connections`);
    provider.refresh();
  });
  const model = new ExplorerModel({
    kinesis: () => services.kinesis(),
    customConnections: () => vscode.workspace.getConfiguration().get<unknown>(SETTING),
    regions: mementoRegionStore(services.context.globalState),
    log,
    mfaCodeProvider: (profile, serial) => services.prompts.current.input({
      title: `MFA code for profile ${profile}`,
      prompt: `Enter the current code of ${serial}`,
      placeHolder: '123456',
      ignoreFocusOut: true,
      validate: (v) => (/^\d{6}$/.test(v.trim()) ? undefined : 'Enter the 6-digit code from your MFA device'),
    }),
    onDiscovered: (paths) => watcher.watch([paths.configFile, paths.credentialsFile]),
  });
  const provider = new ExplorerProvider(model);
  const view = vscode.window.createTreeView('kinesis.explorer', { treeDataProvider: provider, showCollapseAll: true });
  services.refreshExplorer = () => provider.refresh();
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTING)) provider.refresh();
  });
  return { provider, view, disposables: [model, provider, view, watcher, settings] };
}
