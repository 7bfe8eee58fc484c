// Producer documents (*.kinesis): registers CodeLens, completion and diagnostics, and returns the
// commands the lenses run with what must be disposed. Part of dist/features.js, so it starts when a
// .kinesis document is first open or one of its commands first runs (src/featuresLoader.ts).
import * as vscode from 'vscode';
import { CommandIds } from '../commands/ids';
import { InputProblem } from '../ui/prompts';
import { command, type CommandSpec } from '../commands/registerCommand';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { Services } from '../services';
import { ProducerCodeLens } from './codeLens';
import { COMPLETION_TRIGGERS, ProducerCompletion } from './completion';
import { ProducerDiagnostics } from './diagnostics';
import { KINESIS_LANGUAGE } from './language';
import { BlockResults, diagnoseForRun, putAllBlocks, putBlock, showReport, type RunDeps } from './run';
import { StreamNameCache } from './streamCache';
import { docTargetOrAsk } from './target';

export function registerProducerDocs(services: Services, model: ExplorerModel, view: vscode.TreeView<unknown>): { commands: CommandSpec[]; disposables: vscode.Disposable[] } {
  const results = new BlockResults();
  const deps: RunDeps = { services, model, view, results };
  const streams = new StreamNameCache(services);
  const lenses = new ProducerCodeLens(deps, results);
  const selector: vscode.DocumentSelector = { language: KINESIS_LANGUAGE };
  const disposables = [
    results,
    lenses,
    new ProducerDiagnostics(deps, streams),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCompletionItemProvider(selector, new ProducerCompletion(deps, streams), ...COMPLETION_TRIGGERS),
    vscode.workspace.onDidCloseTextDocument((d) => results.forget(d.uri)),
  ];
  const commands = [
    command(CommandIds.producerDocPut, async (uri?: unknown, block?: unknown, copies?: unknown) =>
      putBlock(deps, asUri(uri), await blockIndex(deps, block), typeof copies === 'number' ? copies : undefined), { what: 'put the block', action: 'kinesis:PutRecords' }),
    command(CommandIds.producerDocPutAll, async (uri?: unknown) => ({ status: 'done', results: await putAllBlocks(deps, asUri(uri)) }), { what: 'put the blocks', action: 'kinesis:PutRecords' }),
    command(CommandIds.producerDocTail, async (uri?: unknown, block?: unknown) => tailBlockStream(deps, asUri(uri), await blockIndex(deps, block)), { what: 'tail the stream' }),
    command(CommandIds.producerDocShowReport, async (uri?: unknown, block?: unknown) => {
      const result = results.get(asUri(uri), await blockIndex(deps, block));
      if (result) await showReport(deps.services, result.reportMarkdown);
    }),
  ];
  return { commands, disposables };
}

async function tailBlockStream(deps: RunDeps, uri: vscode.Uri, index: number): Promise<{ status: string }> {
  const { diagnosis } = await diagnoseForRun(deps, uri);
  const stream = diagnosis.doc.blocks[index]?.stream;
  if (!stream) throw new InputProblem('This block has no stream to tail: write PUT <stream>.');
  const where = await docTargetOrAsk(deps, diagnosis.doc, `Tail ${stream}`);
  await vscode.commands.executeCommand('kinesis.tailStream', { connectionId: where.connectionId, connectionName: where.connectionName, region: where.region, streamName: stream });
  return { status: 'done' };
}

/** The lenses pass the document's URI; from the palette, the active .kinesis editor. */
function asUri(value: unknown): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === KINESIS_LANGUAGE) return editor.document.uri;
  throw new InputProblem('Open a .kinesis producer document first.');
}

async function blockIndex(deps: RunDeps, value: unknown): Promise<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== KINESIS_LANGUAGE) return 0;
  // From the palette: the block under the cursor.
  const line = editor.selection.active.line;
  const blocks = (await deps.services.kinesis()).parseProducerDoc(editor.document.getText()).blocks.filter((b) => b.headLine <= line);
  return blocks[blocks.length - 1]?.index ?? 0;
}
