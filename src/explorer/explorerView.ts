// Registers the Kinesis explorer tree. (Foundation: an empty tree that shows the welcome view;
// the Explorer issue fills it with connections, streams and shards.)
import * as vscode from 'vscode';
import type { Services } from '../services';

class ExplorerProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(): Promise<vscode.TreeItem[]> {
    await vscode.commands.executeCommand('setContext', 'kinesis.explorer.empty', true);
    return [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerExplorer(services: Services): vscode.Disposable[] {
  const provider = new ExplorerProvider();
  const view = vscode.window.createTreeView('kinesis.explorer', { treeDataProvider: provider, showCollapseAll: true });
  services.refreshExplorer = () => provider.refresh();
  return [provider, view];
}
