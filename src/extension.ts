// Activation: build the long-lived objects, the explorer tree, and register every command id.
// Nothing else happens here: the command bodies, the tail panels and producer documents
// (dist/features.js) and the Kinesis layer with the AWS SDK (dist/kinesis.js) load on first use.
import * as vscode from 'vscode';
import { CommandIds } from './commands/ids';
import { registerCommands } from './commands/registerCommand';
import { CONNECTIONS_SETTING, registerExplorer } from './explorer/explorerView';
import type { ExplorerProvider } from './explorer/treeProvider';
import { LazyFeatures } from './featuresLoader';
import { KinesisClients } from './kinesisClients';
import { loadKinesis } from './kinesisLoader';
import { Services } from './services';
import type { TailPanels } from './tail/host/panels';
import { createLog } from './ui/log';
import { mfaCodePrompt, PromptHost, type Prompts } from './ui/prompts';

export interface ExtensionApi {
  /** Present only when running under tests: swaps the prompt layer for scripted answers. */
  testing?: { setPrompts(prompts: Prompts | undefined): void; services: Services; explorer: ExplorerProvider; tails: TailPanels };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLog(context);
  const prompts = new PromptHost();
  const clients = new KinesisClients({
    kinesis: loadKinesis,
    customConnections: () => vscode.workspace.getConfiguration().get<unknown>(CONNECTIONS_SETTING),
    mfaCodeProvider: mfaCodePrompt(prompts),
  });
  const services = new Services(context, log, prompts, clients);
  const explorer = registerExplorer(services);
  const features = new LazyFeatures({ services, explorer });
  shutdown = () => features.loaded?.tails.deregisterTemporaries('the window is closing or reloading') ?? Promise.resolve();
  context.subscriptions.push(
    clients,
    services,
    ...explorer.disposables,
    features,
    ...registerCommands(log, Object.values(CommandIds), () => features.get().commands),
    ...features.registerTriggers(),
  );
  log.info(`Kinesis Explorer ${context.extension.packageJSON.version as string} activated (VS Code ${vscode.version})`);

  if (context.extensionMode !== vscode.ExtensionMode.Test) return {};
  const defaults = services.prompts.current;
  return {
    testing: {
      setPrompts: (prompts) => {
        services.prompts.current = prompts ?? defaults;
      },
      services,
      explorer: explorer.provider,
      // Loads the features, as a command would.
      get tails() {
        return features.get().tails;
      },
    },
  };
}

/** What deactivate() must finish before the extension host goes (everything else is in context.subscriptions). */
let shutdown: (() => Promise<void>) | undefined;

/** Deregisters the temporary consumers of open tail panels; VS Code waits a few seconds for it. */
export async function deactivate(): Promise<void> {
  const run = shutdown;
  shutdown = undefined;
  await run?.();
}
