// Lazily loads dist/features.js (src/features.ts): the command bodies, the tail panels and the
// producer documents' features. In the bundle, the require below stays require('./features.js'), a
// separate file (esbuild.mjs: the lazy-bundles plugin), so activation loads only what must be
// registered up front: the tree, the command ids, the tail panel serializer and a .kinesis watch.
import * as vscode from 'vscode';
import type * as FeaturesModule from './features';
import type { FeatureDeps, Features } from './features';
import { KINESIS_LANGUAGE } from './producerDoc/language';
import { TAIL_VIEW_TYPE } from './tail/host/viewType';

export class LazyFeatures implements vscode.Disposable {
  private instance: Features | undefined;
  private disposed = false;

  constructor(private readonly deps: FeatureDeps) {}

  /** Loads and starts the features on first call (synchronously: a CommonJS require). */
  get(): Features {
    if (this.disposed) throw new Error('Kinesis Explorer is shutting down.');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.instance ??= (require('./features') as typeof FeaturesModule).createFeatures(this.deps);
    return this.instance;
  }

  /** The features if something has loaded them already. */
  get loaded(): Features | undefined {
    return this.instance;
  }

  /** What must exist from activation on: it restores tail panels and starts producer documents. */
  registerTriggers(): vscode.Disposable[] {
    const isProducerDoc = (d: vscode.TextDocument): boolean => d.languageId === KINESIS_LANGUAGE;
    // A failure here must not fail activation (the tree still works); commands report it again.
    const start = (): void => {
      if (this.instance || this.disposed) return;
      try {
        this.get();
      } catch (err) {
        this.deps.services.log.error('starting producer documents failed', err);
      }
    };
    if (vscode.workspace.textDocuments.some(isProducerDoc)) start();
    const opened = vscode.workspace.onDidOpenTextDocument((d) => {
      if (isProducerDoc(d)) start();
    });
    return [
      vscode.window.registerWebviewPanelSerializer(TAIL_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.get().tails.restore(panel, state) }),
      opened,
    ];
  }

  dispose(): void {
    this.disposed = true;
    this.instance?.dispose();
    this.instance = undefined;
  }
}
