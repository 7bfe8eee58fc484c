// Runs a producer block (or all of them): resolve the connection, read the stream's limits, send
// through runProducer under a cancellable progress notification, then show the result inline
// (CodeLens), in a notification with "Tail from this record", and as the full report on demand.
import * as vscode from 'vscode';
import type { CommandResult } from '../commands/registerCommand';
import { InputProblem } from '../ui/prompts';
import type { StreamRef } from '../kinesis/types';
import { tailFromRecord } from '../commands/put/send';
import type { Diagnosis } from '../kinesis/producerDoc/diagnostics';
import type { PutReport } from '../kinesis/put/report';
import { notify, type NotifyAction } from '../ui/notify';
import { docTargetOrAsk, type TargetDeps } from './target';
import { plural } from '../kinesis/plural';
import type { Services } from '../services';

export interface BlockResult {
  line: string;
  report: PutReport;
  target: StreamRef;
  reportMarkdown: string;
}

export interface ProducerRunResult extends CommandResult {
  status: PutReport['outcome'];
  target: StreamRef;
  report: PutReport;
  /** The inline line, e.g. "✓ 10 records · shards 0,2 · 0 failed". */
  line: string;
}

/** The last result of each block, by document and block index, for the CodeLens under it. */
export class BlockResults implements vscode.Disposable {
  private readonly byDoc = new Map<string, Map<number, BlockResult>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri, block: number): BlockResult | undefined {
    return this.byDoc.get(uri.toString())?.get(block);
  }

  set(uri: vscode.Uri, block: number, result: BlockResult): void {
    const map = this.byDoc.get(uri.toString()) ?? new Map<number, BlockResult>();
    map.set(block, result);
    this.byDoc.set(uri.toString(), map);
    this.changed.fire();
  }

  forget(uri: vscode.Uri): void {
    if (this.byDoc.delete(uri.toString())) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface RunDeps extends TargetDeps {
  results: BlockResults;
}

/** Reads the document and refuses a block that still has errors (file header ones included). */
export async function diagnoseForRun(deps: RunDeps, uri: vscode.Uri): Promise<{ document: vscode.TextDocument; diagnosis: Diagnosis }> {
  const document = await vscode.workspace.openTextDocument(uri);
  return { document, diagnosis: (await deps.services.kinesis()).diagnoseProducerDoc(document.getText()) };
}

/** Sends one block `copies` times (its Repeat, or the N of "Put × N"). */
export async function putBlock(deps: RunDeps, uri: vscode.Uri, index: number, copies?: number): Promise<ProducerRunResult> {
  const { diagnosis } = await diagnoseForRun(deps, uri);
  const compiled = diagnosis.compiled[index];
  if (!compiled) throw new InputProblem(`The document has no block ${index + 1} any more; it changed since the CodeLens was drawn.`);
  const { block } = compiled;
  const errors = diagnosis.issues.filter((i) => i.severity === 'error' && (i.range.start.line < (diagnosis.doc.blocks[0]?.headLine ?? 0) || (i.range.start.line >= block.headLine && i.range.start.line <= block.endLine)));
  const first = errors[0];
  if (first) throw new InputProblem(`Nothing was sent: fix line ${first.range.start.line + 1} first. ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'})` : ''}`);
  if (!block.stream) throw new InputProblem('This block has no stream: write PUT <stream>.');

  const where = await docTargetOrAsk(deps, diagnosis.doc, `Put ${block.stream}`);
  const target: StreamRef = { ...where, streamName: block.stream };
  const api = await deps.services.kinesis();
  const readClient = await deps.services.clients.client(target);
  const putTarget = await api.getPutTarget(readClient, target.streamName);
  const factory = api.recordFactory(compiled, { copies: copies ?? block.repeat, maxRecordBytes: putTarget.maxRecordBytes });
  const sample = factory.make(0);
  if (!sample.ok) throw new InputProblem(`Nothing was sent to ${target.streamName}. ${sample.message}`);
  const writeClient = await deps.services.clients.client(target, 'write');

  const total = factory.total;
  const pace = block.rate !== undefined ? ` at ${block.rate}/s` : '';
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Putting ${plural(total, 'record')} to ${target.streamName}${pace}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let shown = 0;
      try {
        return await api.runProducer(writeClient, putTarget, factory, {
          ...(block.rate !== undefined ? { rate: block.rate } : {}),
          signal: abort.signal,
          onProgress: (p) => {
            progress.report({ increment: ((p.settled - shown) / p.total) * 100, message: `${p.sent.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} sent` });
            shown = p.settled;
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  const line = api.producerResultLine(report);
  const reportMarkdown = `${api.renderPutReport(report)}\nLine numbers in this report are record numbers of the run ({{seq}}), from block ${index + 1} (line ${block.putLine + 1}) of ${vscode.workspace.asRelativePath(uri)}.\n`;
  deps.results.set(uri, index, { line, report, target, reportMarkdown });
  const message = resultMessage(report, target, line);
  notify(deps.services.log, api.summarizePutReport(report).severity, message, resultActions(deps.services, target, report, reportMarkdown));
  return { status: report.outcome, target, report, line, message };
}

/** Every block in order with its own Repeat; stops at the first that does not complete. */
export async function putAllBlocks(deps: RunDeps, uri: vscode.Uri): Promise<ProducerRunResult[]> {
  const { diagnosis } = await diagnoseForRun(deps, uri);
  if (diagnosis.doc.blocks.length === 0) throw new InputProblem('This document has no blocks: start one with ### and PUT <stream>.');
  const out: ProducerRunResult[] = [];
  for (const block of diagnosis.doc.blocks) {
    const r = await putBlock(deps, uri, block.index);
    out.push(r);
    if (r.status !== 'completed') break;
  }
  return out;
}

function resultMessage(report: PutReport, target: StreamRef, line: string): string {
  const to = `${target.streamName} (${target.connectionName} · ${target.region})`;
  if (report.outcome === 'cancelled') return `Cancelled: ${report.sent.toLocaleString('en-US')} of ${report.total.toLocaleString('en-US')} records were sent to ${to}; the other ${report.notSent.toLocaleString('en-US')} were not. ${line}`;
  if (report.outcome === 'stopped') return `${line} → ${to}. Stopped: ${report.stopError?.message ?? ''}`.trim();
  return `${line} → ${to}.`;
}

function resultActions(services: Services, target: StreamRef, report: PutReport, markdown: string): NotifyAction[] {
  const actions: NotifyAction[] = [];
  const first = report.sentRecords[0];
  if (first) actions.push({ title: 'Tail from this record', run: () => tailFromRecord(target, first.shardId, first.sequenceNumber) });
  actions.push({ title: 'Show report', run: () => showReport(services, markdown) });
  return actions;
}

/** The put report as a read-only Markdown preview. */
export async function showReport(services: Services, markdown: string): Promise<void> {
  await services.documents.open('Put report.md', markdown, 'markdown');
}
