// CodeLens for producer documents: the connection in use and "Put all blocks" at the top; "Put",
// "Put × N" and "Tail stream" above each block; the last result under its PUT line.
import * as vscode from 'vscode';
import { CommandIds } from '../commands/ids';
import type { ProducerBlock, ProducerDoc } from '../kinesis/producerDoc/parse';
import type { BlockResults } from './run';
import { resolveDocTarget, type TargetDeps } from './target';

/** "Put × N" without a Repeat header. */
export const DEFAULT_PUT_TIMES = 10;

export class ProducerCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly deps: TargetDeps,
    private readonly results: BlockResults,
  ) {
    this.subscriptions = [results.onDidChange(() => this.changed.fire()), deps.view.onDidChangeSelection(() => this.changed.fire())];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // The parser lives in the lazily loaded Kinesis layer; a producer document is about to use it anyway.
    const doc = (await this.deps.services.kinesis()).parseProducerDoc(document.getText());
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [new vscode.CodeLens(top, { title: await this.connectionTitle(doc), command: '' })];
    if (doc.blocks.some((b) => b.stream)) lenses.push(new vscode.CodeLens(top, { title: '$(run-all) Put all blocks', command: CommandIds.producerDocPutAll, arguments: [document.uri] }));
    for (const block of doc.blocks) lenses.push(...this.blockLenses(document, block));
    return lenses;
  }

  private blockLenses(document: vscode.TextDocument, block: ProducerBlock): vscode.CodeLens[] {
    if (!block.stream) return [];
    const at = new vscode.Range(block.putLine, 0, block.putLine, 0);
    const times = block.repeatSet ? block.repeat : DEFAULT_PUT_TIMES;
    const args = [document.uri, block.index];
    const lenses = [
      new vscode.CodeLens(at, { title: '$(play) Put', command: CommandIds.producerDocPut, arguments: [...args, 1], tooltip: `Put this block's record${block.lines ? 's' : ''} once to ${block.stream}` }),
      new vscode.CodeLens(at, { title: `Put × ${times.toLocaleString('en-US')}`, command: CommandIds.producerDocPut, arguments: [...args, times], tooltip: `Put this block ${times} times${block.rate ? ` at ${block.rate}/s` : ''}` }),
      new vscode.CodeLens(at, { title: '$(eye) Tail stream', command: CommandIds.producerDocTail, arguments: args, tooltip: `Open a live tail of ${block.stream}` }),
    ];
    const result = this.results.get(document.uri, block.index);
    if (result) lenses.push(new vscode.CodeLens(at, { title: result.line, command: CommandIds.producerDocShowReport, arguments: args, tooltip: `Last put to ${result.target.streamName}: click for the full report` }));
    return lenses;
  }

  private async connectionTitle(doc: ProducerDoc): Promise<string> {
    try {
      const resolved = await resolveDocTarget(this.deps, doc);
      if (resolved.ok) return `$(plug) ${resolved.target.connectionName} · ${resolved.target.region} (${resolved.source})`;
      return resolved.problem ? `$(warning) ${resolved.problem}` : '$(plug) No connection chosen: select one in the Kinesis explorer, or add # @connection <name>';
    } catch (err) {
      return `$(warning) ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
