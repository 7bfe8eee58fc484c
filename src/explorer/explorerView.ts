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

/** Editing it changes the connections; KinesisClients reads it (extension.ts). */
export const CONNECTIONS_SETTING = 'kinesis.connections';

export function registerExplorer(services: Services): Explorer {
  const { log } = services;
  const watcher = new AwsConfigWatcher((file) => {
    log.info(`explorer: ${file} changed; reloading connections`);
    provider.refresh();
  });
  const model = new ExplorerModel({
    clients: services.clients,
    regions: mementoRegionStore(services.context.globalState),
    log,
    onDiscovered: (paths) => watcher.watch([paths.configFile, paths.credentialsFile]),
  });
  const provider = new ExplorerProvider(model);
  const view = vscode.window.createTreeView('kinesis.explorer', { treeDataProvider: provider, showCollapseAll: true });
  services.refreshExplorer = () => provider.refresh();
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(CONNECTIONS_SETTING)) provider.refresh();
  });
  return { provider, view, disposables: [model, provider, view, watcher, settings] };
}
