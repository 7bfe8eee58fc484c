// CodeLens for producer documents: the connection in use and "Put all blocks" at the top; "Put",
// "Put × N" and "Tail stream" above each block; the last result under its PUT line.
import * as vscode from 'vscode';
import { parseProducerDoc, type ProducerBlock } from '../kinesis/producerDoc/parse';
import type { BlockResults } from './run';
import { resolveDocTarget, type TargetDeps } from './target';

export const ProducerDocCommands = {
  put: 'kinesis.producerDoc.put',
  putAll: 'kinesis.producerDoc.putAll',
  tail: 'kinesis.producerDoc.tail',
  showReport: 'kinesis.producerDoc.showReport',
} as const;

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
    const doc = parseProducerDoc(document.getText());
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [new vscode.CodeLens(top, { title: await this.connectionTitle(doc), command: '' })];
    if (doc.blocks.some((b) => b.stream)) lenses.push(new vscode.CodeLens(top, { title: '$(run-all) Put all blocks', command: ProducerDocCommands.putAll, arguments: [document.uri] }));
    for (const block of doc.blocks) lenses.push(...this.blockLenses(document, block));
    return lenses;
  }

  private blockLenses(document: vscode.TextDocument, block: ProducerBlock): vscode.CodeLens[] {
    if (!block.stream) return [];
    const at = new vscode.Range(block.putLine, 0, block.putLine, 0);
    const times = block.repeatSet ? block.repeat : DEFAULT_PUT_TIMES;
    const args = [document.uri, block.index];
    const lenses = [
      new vscode.CodeLens(at, { title: '$(play) Put', command: ProducerDocCommands.put, arguments: [...args, 1], tooltip: `Put this block's record${block.lines ? 's' : ''} once to ${block.stream}` }),
      new vscode.CodeLens(at, { title: `Put × ${times.toLocaleString('en-US')}`, command: ProducerDocCommands.put, arguments: [...args, times], tooltip: `Put this block ${times} times${block.rate ? ` at ${block.rate}/s` : ''}` }),
      new vscode.CodeLens(at, { title: '$(eye) Tail stream', command: ProducerDocCommands.tail, arguments: args, tooltip: `Open a live tail of ${block.stream}` }),
    ];
    const result = this.results.get(document.uri, block.index);
    if (result) lenses.push(new vscode.CodeLens(at, { title: result.line, command: ProducerDocCommands.showReport, arguments: args, tooltip: `Last put to ${result.target.streamName}: click for the full report` }));
    return lenses;
  }

  private async connectionTitle(doc: ReturnType<typeof parseProducerDoc>): Promise<string> {
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
