// The TreeDataProvider: asks the ExplorerModel for nodes and maps each to a TreeItem through
// presentation.ts. Stream tooltips are fetched lazily, when VS Code resolves the hovered item.
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode } from './nodes';
import { itemSpec, streamTooltipOf, type ItemSpec } from './presentation';

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(readonly model: ExplorerModel) {
    this.subscription = model.onDidChange((node) => this.changed.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(itemSpec(node), node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const children = await this.model.children(node);
    if (!node) await vscode.commands.executeCommand('setContext', 'kinesis.explorer.empty', this.model.isEmpty === true);
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.treeParent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'stream') return item;
    await this.model.describeForTooltip(node);
    if (token.isCancellationRequested) return item;
    item.tooltip = markdown(streamTooltipOf(node));
    return item;
  }

  /** Reloads everything (no node) or one node's children. */
  refresh(node?: ExplorerNode): void {
    this.model.refresh(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function markdown(text: string): vscode.MarkdownString {
  // Not trusted and no HTML: values come from AWS and from user configuration.
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function toTreeItem(spec: ItemSpec, node: ExplorerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(spec.label, spec.collapsible === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = spec.id;
  item.description = spec.description;
  item.contextValue = spec.contextValue;
  item.iconPath = new vscode.ThemeIcon(spec.icon.id, spec.icon.color ? new vscode.ThemeColor(spec.icon.color) : undefined);
  if (spec.tooltip) item.tooltip = markdown(spec.tooltip);
  if (spec.command) item.command = { command: spec.command.command, title: spec.command.title, arguments: [node] };
  return item;
}
