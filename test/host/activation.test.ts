import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/commands/ids';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'kinesis-explorer.kinesis-explorer';

describe('activation (inside real VS Code)', () => {
  it('activates and reports the VS Code version', async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    console.log(`vscode.version = ${vscode.version}`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('loads the command bodies (dist/features.js) on the first command, not at activation', async () => {
    // This file runs first, so nothing has run a command, restored a tail or opened a .kinesis document yet.
    const loaded = (): boolean => Object.keys(require.cache).some((k) => /[\\/]dist[\\/]features\.js$/.test(k));
    assert.equal(loaded(), false, 'activation loaded dist/features.js');
    await vscode.commands.executeCommand(CommandIds.showLog);
    assert.equal(loaded(), true, 'running a command did not load dist/features.js');
  });

  it('contributes the Kinesis view container and the explorer view', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { viewsContainers: { activitybar: Array<{ id: string; title: string }> }; views: Record<string, Array<{ id: string }>> };
    };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.title), ['Kinesis']);
    assert.ok(pkg.contributes.views.kinesis?.some((v) => v.id === 'kinesis.explorer'));
  });

  it('registers every contributed command', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('runs in test mode and exposes the scripted-prompt API', async () => {
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.activate();
    assert.ok(api?.testing, 'the testing API is only present in ExtensionMode.Test');
  });

  it('opens the Kinesis view without errors', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.kinesis');
    await vscode.commands.executeCommand('kinesis.refresh');
    // Commands report failures as notifications, so ask the tree itself: discovery must not have failed.
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.activate();
    const roots = (await api?.testing?.explorer.getChildren()) ?? [];
    const failed = roots.filter((n) => n.id === 'root/discovery');
    assert.deepEqual(failed.map((n) => n.kind === 'error' ? n.error.detail : n.id), [], 'connection discovery failed');
    assert.ok(roots.every((n) => n.kind === 'connection' || n.kind === 'error'), `unexpected roots: ${roots.map((n) => n.kind).join(', ')}`);
  });
});
