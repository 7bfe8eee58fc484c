// Activation: build the long-lived objects and register each area. Nothing else happens here;
// the Kinesis layer and the AWS SDK load on first use.
import * as vscode from 'vscode';
import { registerExplorerCommands } from './commands/explorer';
import { registerConsumerCommands } from './commands/consumers';
import { registerGeneralCommands } from './commands/general';
import { registerSendToStream } from './commands/put/sendToStream';
import { registerPutCommands } from './commands/put/register';
import { registerStreamAdminCommands } from './commands/stream/register';
import { registerTailCommands } from './commands/tail';
import { CONNECTIONS_SETTING, registerExplorer } from './explorer/explorerView';
import { registerProducerDocs } from './producerDoc/register';
import type { ExplorerProvider } from './explorer/treeProvider';
import { KinesisClients } from './kinesisClients';
import { loadKinesis } from './kinesisLoader';
import { Services } from './services';
import { TailPanels } from './tail/host/panels';
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
  const tails = new TailPanels(services);
  shutdown = () => tails.deregisterTemporaries('the window is closing or reloading');
  context.subscriptions.push(
    clients,
    services,
    ...registerGeneralCommands(services),
    ...explorer.disposables,
    ...registerExplorerCommands(services, explorer.provider.model),
    ...registerConsumerCommands(services, explorer.provider.model),
    ...registerPutCommands(services, explorer.provider.model),
    ...registerStreamAdminCommands(services, explorer.provider.model, explorer.view),
    tails,
    ...registerTailCommands(services, explorer.provider.model, tails),
    ...registerProducerDocs(services, explorer.provider.model, explorer.view),
    ...registerSendToStream(services, explorer.provider.model),
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
      tails,
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
