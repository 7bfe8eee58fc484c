// The few long-lived objects of the extension, built once in activate() and passed to each area
// through constructors rather than module singletons.
import type * as vscode from 'vscode';
import { loadKinesis, type KinesisApi } from './kinesisLoader';
import type { Log } from './ui/log';
import { PromptHost } from './ui/prompts';

export class Services implements vscode.Disposable {
  readonly prompts = new PromptHost();
  /** Set by the explorer once registered. */
  refreshExplorer: () => void = () => undefined;
  private readonly disposers: Array<() => void> = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: Log,
  ) {}

  /** The Kinesis layer, loaded on first use (it brings the AWS SDK). */
  kinesis(): Promise<KinesisApi> {
    return loadKinesis();
  }

  /** Registers cleanup that needs the lazily loaded layer (e.g. destroying cached clients). */
  onDispose(fn: () => void): void {
    this.disposers.push(fn);
  }

  dispose(): void {
    for (const fn of this.disposers.splice(0).reverse()) {
      try {
        fn();
      } catch (err) {
        this.log.error('dispose failed', err);
      }
    }
  }
}
