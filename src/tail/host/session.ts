// One tail panel's host-side logic, without VS Code: runs the engine, buffers records, paces
// what goes to the webview (records at most once per flush interval, status at most once per
// status interval, each carrying everything that came in meanwhile),
// replays the buffer after the `ready` handshake (replay.ts, in slices; live records wait for
// it), and answers the webview's typed requests.
// The VS Code panel (tailPanel.ts) only supplies `post` and the editor-facing actions.
import { stringifyJson } from '../shared/exactJson';
import type { TailBatch, TailStatus } from '../../kinesis/tail/types';
import { HostBuffer, onePerRecord, type BufferedRecord } from './buffer';
import { ReorderWindow } from './reorder';
import { Replay } from './replay';
import { exportRecords } from './sessionExport';
import type { CompiledView } from '../shared/filter';
import { loadFilter } from './filterLoader';
import { withTimeWindow, type TimeWindow } from '../shared/timeWindow';
import { recordMeta, type RecordRow, type StatusMessage, type WebviewToHost } from '../shared/protocol';
import { fullBody, toRecordRow } from '../shared/recordRow';
import { shortenLongNumbers, shortShard } from '../shared/display';
import { originalJson } from './sessionText';
import { StatusReport } from './statusReport';
import { describeStop } from '../shared/findProgress';
import type { ForwardRecord, TailHandle, TailSessionOptions } from './sessionOptions';

const RAW_MAX = 64 * 1024;

/** No filter set: the CEL engine is not even loaded. */
const NO_FILTER: CompiledView = { active: false, matches: () => true };

/** A delivered record waiting in the reorder window. */
interface HeldRecord {
  shardId: string;
  arrival: number;
  record: TailBatch['records'][number];
}

export class TailSession {
  private readonly buffer: HostBuffer;
  private readonly tail: TailHandle;
  private nextId = 1;
  private ready = false;
  private pending: RecordRow[] = [];
  private statusDirty = false;
  /** The status interval has passed: the next flush (or this one, if none is armed) posts it. */
  private statusDue = false;
  private statusTimer?: ReturnType<typeof setTimeout>;
  private readonly status: StatusReport;
  private paused = false;
  private stopped = false;
  private endedMessage?: string;
  private view: CompiledView = NO_FILTER;
  private filterText = '';
  private filterField = '';
  private timeWindow: TimeWindow | undefined;
  private readonly hidden = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly reorder: ReorderWindow<HeldRecord>;
  private reorderTimer?: ReturnType<typeof setTimeout>;
  private disposed = false;
  /** The replay to the (re)opened webview: while it runs, live records and status wait. */
  private replay?: Replay;
  readonly done: Promise<TailStatus>;
  private resolveDone!: (s: TailStatus) => void;

  constructor(private readonly opts: TailSessionOptions) {
    this.buffer = new HostBuffer(opts.settings.maxRecords, opts.decode);
    this.status = new StatusReport(opts.target.stream, opts.log);
    this.reorder = new ReorderWindow<HeldRecord>(opts.reorderWindowMs ?? 0, opts.now ?? Date.now);
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.tail = opts.createTail({ onBatch: (b) => this.onBatch(b), onStatus: (s) => this.onStatus(s) });
  }

  start(): void {
    this.tail.start().then(
      (final) => this.ended(final),
      (err: unknown) => this.opts.onError?.('tail ended with an error', err),
    );
  }

  /** The webview went away (panel hidden): stop posting until it says `ready` again. */
  detach(): void {
    this.ready = false;
    this.pending = [];
    this.replay?.cancel();
  }

  /** Stops the reader (panel closed or stream deleted). */
  async stop(reason?: string): Promise<void> {
    if (reason) this.endedMessage = reason;
    this.opts.find?.markCancelled();
    this.stopped = true;
    this.markStatus();
    await this.tail.stop();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.ready = false;
    this.replay?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = undefined;
    if (this.reorderTimer) clearTimeout(this.reorderTimer);
    this.reorderTimer = undefined;
    this.reorder.clear();
    await this.tail.stop();
  }

  /** For tests and the "stopping leaves nothing running" check. */
  snapshot(): { buffered: number; dropped: number; nextId: number; paused: boolean; stopped: boolean; ready: boolean; timerPending: boolean; held: number; waiting: number } {
    return { buffered: this.buffer.size, dropped: this.buffer.dropped, waiting: this.pending.length, nextId: this.nextId, paused: this.paused, stopped: this.stopped, ready: this.ready, timerPending: this.timer !== undefined || this.statusTimer !== undefined || this.reorderTimer !== undefined, held: this.reorder.size };
  }

  /** Rows currently buffered, oldest first (what a reopened webview is replayed, in slices). */
  rows(): RecordRow[] {
    return [...this.buffer.records()].map((r) => r.row);
  }

  /** Handles one validated webview message. */
  async handle(msg: WebviewToHost): Promise<void> {
    switch (msg.type) {
      case 'ready': return this.onReady();
      case 'pause': return this.setPaused(true);
      case 'resume': return this.setPaused(false);
      case 'stop': return this.stop();
      case 'clear':
        this.buffer.clear();
        this.reorder.clear();
        this.pending = [];
        return;
      case 'setFilter':
        this.filterText = msg.text;
        this.filterField = msg.field;
        this.timeWindow = msg.window;
        return this.recompileView();
      case 'toggleShard':
        if (msg.visible) this.hidden.delete(msg.shardId);
        else this.hidden.add(msg.shardId);
        return this.recompileView();
      case 'export': {
        const o = this.opts;
        return exportRecords(msg, { records: this.buffer.records(), view: this.view, decode: (d, e) => o.decode(d, e), post: (m) => o.post(m), saveExport: (c, f) => o.actions.saveExport(c, f), onError: (w, e) => o.onError?.(w, e) });
      }
      case 'getPayload': return this.sendPayload(msg.requestId, msg.id);
      case 'copy': {
        const rec = this.buffer.get(msg.id);
        if (rec) await this.opts.actions.copy(msg.what === 'sequenceNumber' ? rec.row.sequenceNumber : this.fullText(rec).text);
        return;
      }
      case 'openInEditor': {
        const rec = this.buffer.get(msg.id);
        if (!rec) return;
        const { text, json } = this.fullText(rec, true);
        const name = `${this.opts.target.stream} ${shortShard(rec.row.shardId)} ${shortenLongNumbers(rec.row.sequenceNumber)}${rec.row.subSequenceNumber === undefined ? '' : `-${rec.row.subSequenceNumber}`}.${json ? 'json' : 'txt'}`;
        return this.opts.actions.openInEditor(text, json ? 'json' : 'plaintext', name);
      }
      case 'tailFromRecord': {
        const rec = this.buffer.get(msg.id);
        if (rec) await this.opts.actions.tailFromRecord({ shardId: rec.row.shardId, sequenceNumber: rec.row.sequenceNumber });
        return;
      }
      case 'sendToStream': return this.sendToStream(msg.selectedId);
      case 'putAgain': {
        const rec = this.buffer.get(msg.id);
        if (rec) await this.opts.actions.putAgain({ data: rec.data, partitionKey: rec.row.partitionKey, ...(rec.row.explicitHashKey ? { explicitHashKey: rec.row.explicitHashKey } : {}) });
        return;
      }
    }
  }

  /** Resolves once the replay is posted (or cancelled by a newer one, a hide or dispose). */
  private async onReady(): Promise<void> {
    this.replay?.cancel();
    if (this.disposed) return;
    this.ready = true;
    // Everything buffered so far goes in the replay; only newer records go live.
    this.pending = [];
    const { post } = this.opts;
    const windowMs = this.opts.reorderWindowMs ?? 0;
    post({ type: 'init', target: this.opts.target, streamTail: this.opts.streamTail, settings: this.opts.settings, ...(windowMs > 0 ? { reorderWindowMs: windowMs } : {}) });
    // A (re)opened webview has no rows: send everything buffered.
    post({ type: 'reset' });
    const replay = new Replay(this.buffer, { post, ...(this.opts.replayChunk === undefined ? {} : { maxRows: this.opts.replayChunk }) });
    this.replay = replay;
    if (!(await replay.start()) || this.replay !== replay) return;
    this.replay = undefined;
    // Then what arrived meanwhile, then the status (which never counts rows not yet sent).
    this.postPending();
    post(this.statusMessage());
    this.statusDirty = false;
  }


  private setPaused(paused: boolean): void {
    if (this.stopped || paused === this.paused) return;
    this.paused = paused;
    if (paused) this.tail.pause();
    else this.tail.resume();
    this.markStatus();
  }

  private onBatch(batch: TailBatch): void {
    if (this.disposed) return;
    const find = this.opts.find;
    const records = find ? find.keep(batch) : batch.records;
    if (find?.capReached) void this.tail.stop();
    this.emit(this.reorder.add(batch.shardId, records.map((r) => ({ shardId: r.shardId, arrival: r.approximateArrival, record: r }))));
    this.armReorder();
  }

  /** Releases what the reorder window owes, then waits for the next record to fall due. */
  private armReorder(): void {
    if (this.reorderTimer || this.disposed) return;
    const due = this.reorder.nextDue();
    if (due === undefined) return;
    const now = (this.opts.now ?? Date.now)();
    this.reorderTimer = setTimeout(() => {
      this.reorderTimer = undefined;
      this.emit(this.reorder.release());
      this.armReorder();
    }, Math.max(0, due - now));
  }

  /** Gives released records their ids (so ids keep growing in buffer order) and queues them. */
  private emit(held: readonly HeldRecord[]): void {
    if (held.length === 0) return;
    for (const { record: r } of held) {
      const row = toRecordRow({
        id: this.nextId++,
        ...recordMeta({ ...r, arrival: r.approximateArrival }),
        decoded: r.decoded,
      });
      this.buffer.push({ row, data: r.data });
      if (this.ready) this.pending.push(row);
    }
    // Rows wait here during a replay (or until the next flush); past maxRecords the webview would
    // drop the oldest on arrival, and the buffer has dropped and counted them already.
    const max = this.opts.settings.maxRecords;
    if (this.pending.length > max) this.pending.splice(0, this.pending.length - max);
    this.schedule();
  }

  private onStatus(status: TailStatus): void {
    this.opts.find?.update(status);
    this.status.update(status);
    this.markStatus();
  }

  private markStatus(): void {
    this.statusDirty = true;
    if (this.statusTimer || this.disposed) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      this.statusDue = true;
      // Rows already waiting go first, so a status never counts rows the webview has not got.
      if (!this.timer) this.flushStatus();
    }, this.opts.statusIntervalMs ?? 250);
  }

  private schedule(): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => this.flush(), this.opts.flushIntervalMs ?? 100);
  }

  private flush(): void {
    this.timer = undefined;
    // During a replay, pending rows wait (the replay's end posts them).
    if (!this.ready || this.disposed || this.replay) return;
    this.postPending();
    if (this.statusDue) this.flushStatus();
  }

  private postPending(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.opts.post({ type: 'records', rows });
  }

  private flushStatus(): void {
    this.statusDue = false;
    if (!this.ready || this.disposed || !this.statusDirty || this.replay) return;
    this.statusDirty = false;
    this.opts.post(this.statusMessage());
  }

  private ended(final: TailStatus): void {
    if (this.reorderTimer) clearTimeout(this.reorderTimer);
    this.reorderTimer = undefined;
    this.emit(this.reorder.drain());
    this.status.final(final);
    const stop = this.opts.find?.finish(final);
    // A find always says why it ended, so a partial result never looks complete.
    if (stop) this.endedMessage ??= describeStop(stop, this.opts.find?.progress().matches ?? 0);
    this.stopped = true;
    this.markStatus();
    this.resolveDone(final);
  }

  private statusMessage(): StatusMessage {
    const find = this.opts.find?.progress();
    return this.status.message({ paused: this.paused, stopped: this.stopped, droppedByHost: this.buffer.dropped, ...(this.endedMessage === undefined ? {} : { endedMessage: this.endedMessage }), ...(find ? { find } : {}) });
  }

  private recompileView(): void {
    const idle = this.filterText.trim() === '' && this.filterField.trim() === '' && this.hidden.size === 0;
    const view = idle ? NO_FILTER : loadFilter().compileView({ text: this.filterText, field: this.filterField, hiddenShards: [...this.hidden] });
    this.view = withTimeWindow(view, this.timeWindow);
  }

  private fullText(rec: BufferedRecord, pretty = false): { text: string; json: boolean } {
    const decoded = this.opts.decode(rec.data, rec.row.log?.index);
    if (pretty && decoded.kind === 'json') {
      try {
        return { text: stringifyJson(decoded.json, 2) ?? '', json: true };
      } catch {
        // Too deep to pretty-print: fall through to the compact form.
      }
    }
    return { text: fullBody(decoded), json: decoded.kind === 'json' };
  }

  private sendPayload(requestId: number, id: number): void {
    const rec = this.buffer.get(id);
    if (!rec) {
      this.opts.post({ type: 'payload', requestId, id, ok: false, error: 'This record is no longer buffered.' });
      return;
    }
    const raw = rec.data.subarray(0, RAW_MAX);
    const original = rec.row.layers.some((l) => l === 'dynamodb' || l === 'cloudwatch-logs') ? originalJson(rec.data) : undefined;
    this.opts.post({ type: 'payload', requestId, id, ok: true, body: this.fullText(rec).text, rawBase64: Buffer.from(raw).toString('base64'), rawSize: rec.data.length, ...(original === undefined ? {} : { original }) });
  }

  private async sendToStream(selectedId: number | undefined): Promise<void> {
    const forward = ({ row, data }: BufferedRecord): ForwardRecord => ({ data, partitionKey: row.partitionKey, ...(row.explicitHashKey ? { explicitHashKey: row.explicitHashKey } : {}) });
    const all = onePerRecord(this.buffer.records());
    const selected = selectedId === undefined ? undefined : this.buffer.get(selectedId);
    const matching = this.view.active ? onePerRecord([...this.buffer.records()].filter((r) => this.view.matches(r.row))) : all;
    await this.opts.actions.sendToStream?.({ ...(selected ? { selected: forward(selected) } : {}), matching: matching.map(forward), all: all.map(forward), filtered: this.view.active });
  }
}
