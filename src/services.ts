// The few long-lived objects of the extension, built once in activate() and passed to each area
// through constructors rather than module singletons.
import * as vscode from 'vscode';
import { loadKinesis, type KinesisApi } from './kinesisLoader';
import type { Log } from './ui/log';
import { PromptHost } from './ui/prompts';

export interface DeletedStream {
  connectionId: string;
  region: string;
  streamName: string;
}

export class Services implements vscode.Disposable {
  readonly prompts = new PromptHost();
  /** Set by the explorer once registered. */
  refreshExplorer: () => void = () => undefined;
  private readonly disposers: Array<() => void> = [];
  private readonly deletedStreams = new vscode.EventEmitter<DeletedStream>();
  /** Fired once Kinesis accepted a DeleteStream from this window, so open tail panels can stop. */
  readonly onDidDeleteStream = this.deletedStreams.event;

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

  /** Announces a deletion (see onDidDeleteStream). */
  fireStreamDeleted(stream: DeletedStream): void {
    this.deletedStreams.fire(stream);
  }

  dispose(): void {
    this.deletedStreams.dispose();
    for (const fn of this.disposers.splice(0).reverse()) {
      try {
        fn();
      } catch (err) {
        this.log.error('dispose failed', err);
      }
    }
  }
}
