// The few long-lived objects of the extension, built once in activate() and passed to each area
// through constructors rather than module singletons.
import * as vscode from 'vscode';
import type { KinesisClients } from './kinesisClients';
import type { KinesisApi } from './kinesisLoader';
import type { StreamLocator } from './kinesis/types';
import type { Log } from './ui/log';
import type { PromptHost } from './ui/prompts';
import { ReadOnlyDocuments } from './ui/readOnlyDocs';

export class Services implements vscode.Disposable {
  /** Set by the explorer once registered. */
  refreshExplorer: () => void = () => undefined;
  private readonly disposers: Array<() => void> = [];
  private readonly deletedStreams = new vscode.EventEmitter<StreamLocator>();
  /** Fired once Kinesis accepted a DeleteStream from this window, so open tail panels can stop. */
  readonly onDidDeleteStream = this.deletedStreams.event;
  /** Reports and "Open in editor" payloads: read-only, so closing them asks nothing. */
  readonly documents = new ReadOnlyDocuments('kinesis-doc');

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: Log,
    readonly prompts: PromptHost,
    /** Connections and cached clients: the one way to reach Kinesis. */
    readonly clients: KinesisClients,
  ) {}

  /** The Kinesis layer, loaded on first use (it brings the AWS SDK). */
  kinesis(): Promise<KinesisApi> {
    return this.clients.api();
  }

  /** Registers cleanup that needs the lazily loaded layer (e.g. destroying cached clients). */
  onDispose(fn: () => void): void {
    this.disposers.push(fn);
  }

  /** Announces a deletion (see onDidDeleteStream). */
  fireStreamDeleted(stream: StreamLocator): void {
    this.deletedStreams.fire(stream);
  }

  dispose(): void {
    this.deletedStreams.dispose();
    this.documents.dispose();
    for (const fn of this.disposers.splice(0).reverse()) {
      try {
        fn();
      } catch (err) {
        this.log.error('dispose failed', err);
      }
    }
  }
}
