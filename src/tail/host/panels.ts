// Owns every open tail panel: opens new ones, restores them after a window reload (a
// WebviewPanelSerializer reading the webview's persisted target and per-shard positions), and
// stops the ones reading a stream that was just deleted.
import * as vscode from 'vscode';
import { describePosition, type StartPosition } from '../../kinesis/tail/position';
import { sameStream } from '../../kinesis/types';
import type { Services } from '../../services';
import { parsePersistedState } from '../shared/protocol';
import { TAIL_VIEW_TYPE, TailPanel, tailTitle, type EfoTarget, type TailRequest } from './panel';
import type { TailHandle } from './session';
import { readEngineSettings, readPanelSettings } from './settings';

export class TailPanels implements vscode.Disposable {
  private readonly open = new Set<TailPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TAIL_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
      services.onDidDeleteStream((s) => {
        for (const p of this.open) {
          if (sameStream(p.req, s)) {
            void p.stop(`Stream deleted: ${s.streamName} no longer exists, so this tail has stopped.`);
          }
        }
      }),
    );
  }

  /** Open panels, for tests. */
  panels(): TailPanel[] {
    return [...this.open];
  }

  /** Opens a new panel beside the others and starts reading. */
  async openTail(req: TailRequest): Promise<TailPanel> {
    const panel = vscode.window.createWebviewPanel(TAIL_VIEW_TYPE, tailTitle(req), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview')],
    });
    return this.attach(panel, req);
  }

  dispose(): void {
    for (const p of [...this.open]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async attach(panel: vscode.WebviewPanel, req: TailRequest): Promise<TailPanel> {
    const api = await this.services.kinesis();
    const client = await this.services.clients.client(req, 'tail');
    const subscribeClient = req.efo ? await this.services.clients.client(req, 'subscribe') : undefined;
    const tail = new TailPanel(panel, req, {
      extensionUri: this.services.context.extensionUri,
      log: this.services.log,
      documents: this.services.documents,
      settings: readPanelSettings,
      decode: (data, logEvent) => (logEvent === undefined ? api.decodePayload(data) : api.decodeLogEvent(data, logEvent)),
      createTail: (r, handlers): TailHandle => {
        const { limit, idleIntervalMs } = readEngineSettings();
        return new api.StreamTail({
          client,
          streamName: r.streamName,
          position: r.position,
          ...(r.shardIds.length > 0 ? { shardIds: r.shardIds } : {}),
          ...(r.resumeAfter ? { resumeAfter: r.resumeAfter } : {}),
          ...(r.resumeAtLatest ? { resumeAtLatest: r.resumeAtLatest } : {}),
          limit,
          idleIntervalMs,
          onBatch: handlers.onBatch,
          onStatus: handlers.onStatus,
          ...(r.efo && subscribeClient ? { efo: { consumerARN: r.efo.consumerARN, client: subscribeClient } } : {}),
        });
      },
      tailFromRecord: async (from, record) => {
        const position: StartPosition = { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: record.sequenceNumber };
        await this.openTail({ ...from, shardIds: [record.shardId], position, positionLabel: describePosition(position), resumeAfter: undefined, resumeAtLatest: undefined });
      },
    });
    this.open.add(tail);
    tail.onDidDispose(() => {
      this.open.delete(tail);
      if (req.efo?.temporary) void this.deregisterTemporary(req, req.efo);
    });
    this.services.log.info(`tail opened: ${tailTitle(req)} (${req.connectionName} · ${req.region})`);
    return tail;
  }

  /**
   * A temporary consumer goes with its panel (closed, or the window reloading). If the window dies
   * first, the sweep at the next enhanced fan-out start removes it once it is an hour old.
   */
  private async deregisterTemporary(req: TailRequest, efo: EfoTarget): Promise<void> {
    try {
      const api = await this.services.kinesis();
      await api.deregisterConsumer(await this.services.clients.client(req), efo.streamARN, efo.consumerName);
      this.services.log.info(`tail closed: deregistered temporary consumer ${efo.consumerName} of ${req.streamName}`);
    } catch (err) {
      this.services.log.warn(`tail closed: deregistering temporary consumer ${efo.consumerName} of ${req.streamName} failed (the next enhanced fan-out start sweeps it after an hour): ${String(err)}`);
    }
  }

  /** Rebuilds a panel after a window reload; resumes after the last record each shard showed. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePersistedState(state);
    const target = saved?.target;
    const connection = target ? (await this.services.clients.connections()).find((c) => c.id === target.connection) : undefined;
    if (!saved || !target || !connection || !target.region) {
      this.services.log.warn('a tail panel could not be restored: its connection or stream is unknown');
      panel.dispose();
      return;
    }
    const resumeAfter = saved.positions;
    const resumeAtLatest = saved.latestTimes ?? {};
    const shards = new Set([...Object.keys(resumeAfter), ...Object.keys(resumeAtLatest)]);
    // Shards that showed nothing re-read from when their LATEST position was taken (a few seconds
    // earlier for clock skew), so records written during the reload are not lost. Shards with
    // neither (none known yet) start at LATEST: a restored tail never replays history.
    const position: StartPosition = { type: 'LATEST' };
    const label = shards.size > 0 ? `${target.startPosition} (resumed)` : target.startPosition;
    try {
      await this.attach(panel, { connectionId: connection.id, connectionName: connection.name, region: target.region, streamName: target.stream, shardIds: target.shardIds, position, positionLabel: label, resumeAfter, resumeAtLatest });
    } catch (err) {
      this.services.log.error(`restoring the tail of ${target.stream} failed`, err);
      panel.dispose();
    }
  }
}
