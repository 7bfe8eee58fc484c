// The part of the extension that activation does not load (dist/features.js, built from this
// entry): every command body, the tail panels and the producer documents' language features.
// src/featuresLoader.ts loads it on the first command, tail panel restore or .kinesis document.
import type * as vscode from 'vscode';
import { consumerCommands } from './commands/consumers';
import { explorerCommands } from './commands/explorer';
import { findCommands, followFindRequests } from './commands/find';
import { generalCommands } from './commands/general';
import { CommandIds } from './commands/ids';
import { putCommands } from './commands/put/register';
import { sendToStreamCommands } from './commands/put/sendToStream';
import type { CommandSpec } from './commands/registerCommand';
import { DescribeDocuments } from './commands/stream/describe';
import { streamAdminCommands } from './commands/stream/register';
import { tailCommands } from './commands/tail';
import type { Explorer } from './explorer/explorerView';
import { registerProducerDocs } from './producerDoc/register';
import type { Services } from './services';
import { TailPanels } from './tail/host/panels';

export interface FeatureDeps {
  services: Services;
  explorer: Explorer;
}

export class Features implements vscode.Disposable {
  readonly tails: TailPanels;
  /** Every command's body, by id. */
  readonly commands: ReadonlyMap<string, CommandSpec>;
  private readonly disposables: vscode.Disposable[];

  constructor({ services, explorer }: FeatureDeps) {
    const model = explorer.provider.model;
    this.tails = new TailPanels(services);
    const describeDocs = new DescribeDocuments();
    const producerDocs = registerProducerDocs(services, model, explorer.view);
    this.disposables = [this.tails, describeDocs, ...producerDocs.disposables, followFindRequests(services, this.tails)];
    const specs = [
      ...generalCommands(services),
      ...explorerCommands(services, model),
      ...consumerCommands(services, model),
      ...putCommands(services, model),
      ...streamAdminCommands(services, model, explorer.view, describeDocs),
      ...tailCommands(services, model, this.tails),
      ...findCommands(services, model, this.tails),
      ...producerDocs.commands,
      ...sendToStreamCommands(services, model),
    ];
    this.commands = new Map(specs.map((s) => [s.id, s]));
    const missing = Object.values(CommandIds).filter((id) => !this.commands.has(id));
    if (missing.length > 0 || this.commands.size !== specs.length) {
      this.dispose();
      throw new Error(`Command bodies do not match the command ids (missing: ${missing.join(', ') || 'none'}; ${specs.length - this.commands.size} duplicated)`);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}

export function createFeatures(deps: FeatureDeps): Features {
  return new Features(deps);
}
