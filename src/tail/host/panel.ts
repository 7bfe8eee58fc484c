// One tail panel in the editor area: a webview with a strict CSP whose messages are validated
// before they reach the session, plus the editor-facing actions (save dialog, clipboard, untitled
// documents). The reading and buffering live in TailSession.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { homedir } from 'node:os';
import type { StartPosition } from '../../kinesis/tail/position';
import type { ReadEnd } from '../../kinesis/tail/rangeEnd';
import { FIND_LABEL, FindScan, type FindSpec } from './findScan';
import type { Log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { plural } from '../../kinesis/plural';
import type { ReadOnlyDocuments } from '../../ui/readOnlyDocs';
import { exportChunks, exportFileName, type ExportItem } from '../shared/exportFormat';
import { isWebviewMessage, type ExportFormat, type HostToWebview, type PanelSettings } from '../shared/protocol';
import { TailSession } from './session';
import type { TailHandle, TailHandlers } from './sessionOptions';
import { renderTailHtml } from './webviewHtml';
import { shortenLongNumbers } from '../shared/display';
import type { Decoded } from '../../kinesis/decode/types';
import type { StreamRef } from '../../kinesis/types';
import { CommandIds } from '../../commands/ids';

export { FIND_LABEL };
/** How long a merged tail holds records so that its shards interleave by arrival time. */
const REORDER_WINDOW_MS = 1000;

/** What to tail (a StreamRef whose shards are a list); also what a restored panel is rebuilt from. */
export interface TailRequest extends Omit<StreamRef, 'shardId'> {
  /** Empty: the whole stream. */
  shardIds: string[];
  position: StartPosition;
  /** Shown in the title and header, e.g. "TRIM_HORIZON". */
  positionLabel: string;
  /** Per shard, the last sequence number seen before a window reload. */
  resumeAfter?: Record<string, string>;
  /** Per shard that had shown nothing, when its LATEST position was taken (restored tails). */
  resumeAtLatest?: Record<string, number>;
  /** Read through enhanced fan-out with this consumer instead of polling. */
  efo?: EfoTarget;
  /** Find in Stream: a bounded read (to `end`) whose records are filtered in the host. */
  find?: { end: ReadEnd; spec: FindSpec };
}

export interface EfoTarget {
  consumerName: string;
  consumerARN: string;
  streamARN: string;
  /** Registered for this panel: deregistered when it closes. */
  temporary: boolean;
}

export interface TailPanelDeps {
  extensionUri: vscode.Uri;
  log: Log;
  /** Where "Open in editor" puts a payload: a read-only document. */
  documents: ReadOnlyDocuments;
  settings(): PanelSettings;
  createTail(req: TailRequest, handlers: TailHandlers): TailHandle;
  decode(data: Uint8Array, logEvent?: number): Decoded;
  tailFromRecord(req: TailRequest, record: { shardId: string; sequenceNumber: string }): Promise<void>;
  /** The toolbar's "Find…": a Find in Stream over this panel's stream and shards with these filters. */
  find(from: TailPanel, filter: { text: string; field: string }): void;
  /** Sees each message posted to the webview (scale diagnostics, diagnostics.ts). */
  onPost?(message: HostToWebview): void;
}

export function tailTitle(req: TailRequest): string {
  const where = req.shardIds.length === 0 ? 'all shards' : req.shardIds.map((s) => s.replace(/^shardId-0*(?=\d)/, 'shard ')).join(', ');
  return `${req.streamName} · ${where} · ${shortenLongNumbers(req.positionLabel)}${req.efo ? ' · EFO' : ''}`;
}

export class TailPanel implements vscode.Disposable {
  readonly session: TailSession;
  /** Set for a Find in Stream panel: its filter, progress and stop reason. */
  readonly find?: FindScan;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  private closed = false;

  constructor(readonly panel: vscode.WebviewPanel, readonly req: TailRequest, private readonly deps: TailPanelDeps) {
    const root = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.title = tailTitle(req);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'kinesis.svg');
    const webview = panel.webview;
    webview.html = renderTailHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'tail.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'tail.css')).toString(),
      codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'codicon.css')).toString(),
      title: tailTitle(req),
    });

    this.find = req.find ? new FindScan(req.find.spec) : undefined;
    this.session = new TailSession({
      target: { connection: req.connectionId, connectionName: req.connectionName, region: req.region, stream: req.streamName, shardIds: req.shardIds, startPosition: req.positionLabel, ...(req.efo ? { efo: req.efo.consumerName, efoConsumerARN: req.efo.consumerARN, efoTemporary: req.efo.temporary } : {}) },
      streamTail: req.shardIds.length !== 1,
      reorderWindowMs: req.shardIds.length === 1 || req.find ? 0 : REORDER_WINDOW_MS,
      ...(this.find ? { find: this.find } : {}),
      settings: deps.settings(),
      createTail: (handlers) => deps.createTail(req, handlers),
      decode: deps.decode,
      post: (m) => this.post(m),
      onError: (what, err) => deps.log.error(`tail ${req.streamName}: ${what}`, err),
      log: (level, line) => deps.log[level](line),
      actions: {
        saveExport: (items, format) => this.saveExport(items, format),
        copy: async (text) => {
          await vscode.env.clipboard.writeText(text);
          void vscode.window.setStatusBarMessage('$(copy) Copied', 2000);
        },
        openInEditor: async (content, language, name) => {
          await deps.documents.open(name, content, language, vscode.ViewColumn.Beside);
        },
        tailFromRecord: (record) => deps.tailFromRecord(req, record),
        sendToStream: async (sets) => {
          await vscode.commands.executeCommand(CommandIds.sendToStream, sets);
        },
        putAgain: async (record) => {
          await vscode.commands.executeCommand(CommandIds.putAgain, {
            connectionId: req.connectionId,
            region: req.region,
            streamName: req.streamName,
            data: Buffer.from(record.data).toString('base64'),
            partitionKey: record.partitionKey,
            ...(record.explicitHashKey ? { explicitHashKey: record.explicitHashKey } : {}),
          });
        },
      },
    });

    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // Without retainContextWhenHidden the webview is destroyed when hidden; it says `ready`
      // again when shown and gets the host buffer replayed.
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.session.detach();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.session.start();
  }

  /** Stops the reader but keeps the panel, e.g. after the stream was deleted. */
  stop(reason: string): Promise<void> {
    return this.session.stop(reason);
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    void this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.deps.log.warn(`tail ${this.req.streamName}: ignored a malformed message from the webview`);
      return;
    }
    if (message.type === 'find') {
      this.deps.find(this, { text: message.text, field: message.field });
      return;
    }
    this.session.handle(message).catch((err: unknown) => this.deps.log.error(`tail ${this.req.streamName}: ${message.type} failed`, err));
  }

  private post(message: HostToWebview): void {
    if (this.closed) return;
    this.deps.onPost?.(message);
    this.panel.webview.postMessage(message).then(undefined, (err: unknown) => this.deps.log.debug(`postMessage failed: ${String(err)}`));
  }

  private async saveExport(items: Iterable<ExportItem>, format: ExportFormat): Promise<{ path: string; count: number } | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, exportFileName(this.req.streamName, new Date(), format)),
      filters: format === 'csv' ? { CSV: ['csv'] } : format === 'json' ? { JSON: ['json'] } : { NDJSON: ['ndjson', 'jsonl'] },
      saveLabel: 'Export',
      title: `Export records of ${this.req.streamName}`,
    });
    if (!target) return undefined;
    let count = 0;
    const counted = (function* () {
      for (const item of items) {
        count++;
        yield item;
      }
    })();
    if (target.scheme === 'file') {
      // Stream to disk: 100,000 records should not become one string in memory.
      const out = createWriteStream(target.fsPath, { encoding: 'utf8' });
      try {
        for (const chunk of exportChunks(counted, format)) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      } finally {
        out.end();
        await once(out, 'close');
      }
    } else {
      const text = [...exportChunks(counted, format)].join('');
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    }
    const where = target.scheme === 'file' ? target.fsPath : target.toString(true);
    notify(this.deps.log, 'info', `Exported ${plural(count, 'record')} of ${this.req.streamName} to ${where}.`, [
      { title: 'Open', run: () => vscode.commands.executeCommand('vscode.open', target) },
      // In the Explorer when the file is in the workspace, else in the system's file manager.
      { title: 'Reveal', run: () => vscode.commands.executeCommand(vscode.workspace.getWorkspaceFolder(target) ? 'revealInExplorer' : 'revealFileInOS', target) },
    ]);
    return { path: target.scheme === 'file' ? target.fsPath : target.toString(true), count };
  }
}
