// Owns every open tail panel: opens new ones, restores them after a window reload (for the
// WebviewPanelSerializer, reading the webview's persisted target and per-shard positions), and
// stops the ones reading a stream that was just deleted.
import * as vscode from 'vscode';
import { describePosition, type StartPosition } from '../../kinesis/tail/position';
import { sameStream } from '../../kinesis/types';
import type { Services } from '../../services';
import { parsePersistedState, type HostToWebview } from '../shared/protocol';
import { currentUser, EfoConsumers } from './efoConsumers';
import { FIND_LABEL, TailPanel, tailTitle, type EfoTarget, type TailRequest } from './panel';
import { TAIL_VIEW_TYPE } from './viewType';
import type { TailHandle } from './sessionOptions';
import { HostDiagnostics } from './diagnostics';
import { FIND_GET_RECORDS_LIMIT } from './findScan';
import { readEngineSettings, readPanelSettings } from './settings';

/** A tail panel's "Find…": its stream and shards (from.req) and its filters. */
export interface FindRequest {
  from: TailPanel;
  text: string;
  field: string;
}

export class TailPanels implements vscode.Disposable {
  private readonly open = new Set<TailPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The temporary consumers of open panels, until they are deregistered. */
  private readonly temporaries = new Map<string, { req: TailRequest; efo: EfoTarget }>();
  /** Consumers to choose from, temporary ones, their heartbeats and the sweep. */
  readonly consumers: EfoConsumers;
  private readonly findRequests = new vscode.EventEmitter<FindRequest>();
  /** A panel's "Find…" (commands/find.ts answers it with the same prompts and scan as the palette). */
  readonly onDidRequestFind = this.findRequests.event;
  /** Only when KINESIS_EXPLORER_DIAGNOSTICS is set (bench/scale.ts). */
  private readonly diagnostics = HostDiagnostics.fromEnv();

  constructor(private readonly services: Services) {
    this.consumers = new EfoConsumers(services);
    // The WebviewPanelSerializer is registered at activation and calls restore() (featuresLoader.ts).
    this.disposables.push(
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

  /** Opens a new panel (in the active editor group, or beside it) and starts reading. */
  async openTail(req: TailRequest, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<TailPanel> {
    const panel = vscode.window.createWebviewPanel(TAIL_VIEW_TYPE, tailTitle(req), { viewColumn: column, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview')],
    });
    return this.attach(panel, req);
  }

  dispose(): void {
    for (const p of [...this.open]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.findRequests.dispose();
    this.diagnostics?.dispose();
  }

  /**
   * Deregisters every open panel's temporary consumer (the window is closing or reloading; a
   * restored panel registers a new one). Best effort: deactivate() gives it a few seconds.
   */
  async deregisterTemporaries(why: string): Promise<void> {
    const all = [...this.temporaries.values()];
    this.temporaries.clear();
    await Promise.all(all.map(({ req, efo }) => this.consumers.deregister(req, efo, why)));
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
        const { limit, idleIntervalMs, idleMaxIntervalMs } = readEngineSettings();
        return new api.StreamTail({
          client,
          streamName: r.streamName,
          position: r.position,
          ...(r.shardIds.length > 0 ? { shardIds: r.shardIds } : {}),
          ...(r.resumeAfter ? { resumeAfter: r.resumeAfter } : {}),
          ...(r.resumeAtLatest ? { resumeAtLatest: r.resumeAtLatest } : {}),
          limit: r.find ? Math.min(limit, FIND_GET_RECORDS_LIMIT) : limit,
          idleIntervalMs,
          idleMaxIntervalMs,
          onBatch: handlers.onBatch,
          onStatus: handlers.onStatus,
          ...(r.find ? { end: r.find.end } : {}),
          ...(r.efo && subscribeClient ? { efo: { consumerARN: r.efo.consumerARN, client: subscribeClient } } : {}),
        });
      },
      ...(this.diagnostics ? { onPost: (m: HostToWebview) => this.diagnostics?.countPost(m) } : {}),
      find: (from, filter) => this.findRequests.fire({ from, ...filter }),
      tailFromRecord: async (from, record) => {
        const position: StartPosition = { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: record.sequenceNumber };
        await this.openTail({ ...from, shardIds: [record.shardId], position, positionLabel: describePosition(position), resumeAfter: undefined, resumeAtLatest: undefined });
      },
    });
    this.open.add(tail);
    const stopBeating = req.efo?.temporary ? this.keepAlive(req, req.efo, api.HEARTBEAT_INTERVAL_MS) : undefined;
    tail.onDidDispose(() => {
      this.open.delete(tail);
      stopBeating?.();
    });
    this.services.log.info(`tail opened: ${tailTitle(req)} (${req.connectionName} · ${req.region})`);
    return tail;
  }

  /**
   * A temporary consumer lives as long as its panel: its heartbeat is refreshed while the panel is
   * open (so no other window's sweep takes it), and it is deregistered when the panel closes. If
   * the window dies first, a later sweep removes it once it is an hour old and its heartbeat stale.
   */
  private keepAlive(req: TailRequest, efo: EfoTarget, intervalMs: number): () => void {
    this.temporaries.set(efo.consumerName, { req, efo });
    void this.consumers.beat(efo.consumerName);
    const timer = setInterval(() => void this.consumers.beat(efo.consumerName), intervalMs);
    return () => {
      clearInterval(timer);
      if (this.temporaries.delete(efo.consumerName)) void this.consumers.deregister(req, efo, 'its tail panel closed');
    };
  }

  /**
   * Rebuilds a panel after a window reload (the serializer calls it; host tests too); resumes after
   * the last record each shard showed, in the mode it had.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePersistedState(state);
    const target = saved?.target;
    const connection = target ? (await this.services.clients.connections()).find((c) => c.id === target.connection) : undefined;
    // A finished or half-done find is not restarted as a live tail after a reload.
    if (target?.startPosition.startsWith(FIND_LABEL)) {
      panel.dispose();
      return;
    }
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
    const stream = { connectionId: connection.id, connectionName: connection.name, region: target.region, streamName: target.stream };
    let efo: EfoTarget | undefined;
    try {
      efo = target.efo === undefined ? undefined : await this.restoreConsumer(stream, target.efo, target);
      await this.attach(panel, { ...stream, shardIds: target.shardIds, position, positionLabel: label, resumeAfter, resumeAtLatest, ...(efo ? { efo } : {}) });
    } catch (err) {
      this.services.log.error(`restoring the tail of ${target.stream} failed`, err);
      if (efo?.temporary) await this.consumers.deregister(stream, efo, 'its panel could not be restored');
      panel.dispose();
    }
  }

  /**
   * The consumer a restored enhanced fan-out panel reads with: the same registered one (its
   * current ARN, else the saved one), or for a temporary one a fresh temporary consumer, after
   * deregistering the old one if the closing window could not.
   */
  private async restoreConsumer(stream: Omit<TailRequest, 'shardIds' | 'position' | 'positionLabel'>, name: string, saved: { efoConsumerARN?: string; efoTemporary?: boolean }): Promise<EfoTarget> {
    const api = await this.services.kinesis();
    const streamARN = await this.consumers.streamARN(stream);
    const client = await this.services.clients.client(stream);
    if (saved.efoTemporary) {
      // Only a name this extension gives its own temporary consumers is ever deregistered here.
      const old = api.isTemporaryConsumerOf(name, currentUser()) ? await api.describeConsumer(client, streamARN, name).catch(() => undefined) : undefined;
      if (old && old.status !== 'DELETING') await this.consumers.deregister(stream, { consumerName: name, consumerARN: old.arn, streamARN, temporary: true }, 'its panel was restored with a new one');
      else await this.consumers.forget(name);
      return this.consumers.registerTemporary(stream, streamARN, { progress: false });
    }
    const current = await api.describeConsumer(client, streamARN, name).catch((err: unknown) => {
      this.services.log.warn(`restoring the tail of ${stream.streamName}: consumer ${name} could not be described: ${String(err)}`);
      return undefined;
    });
    const consumerARN = current?.arn || saved.efoConsumerARN;
    if (!consumerARN) throw new Error(`Consumer ${name} of ${stream.streamName} no longer exists; start a new tail.`);
    return { consumerName: name, consumerARN, streamARN, temporary: false };
  }
}
