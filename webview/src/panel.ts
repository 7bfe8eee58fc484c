// The panel controller: owns the store and the UI state, turns host messages into store updates
// and user actions into typed messages, and renders at most once per animation frame.
import { compileView } from '../../src/tail/shared/filter';
import type {
  ExportFormat, ExportScope, HostToWebview, InitMessage, PersistedState, RecordRow, StatusMessage, TailTarget,
  TimeZoneMode, WebviewToHost,
} from '../../src/tail/shared/protocol';
import { plural } from '../../src/tail/shared/display';
import { nextSort, type SortSpec } from '../../src/tail/shared/rowSort';
import { ColumnsMenu } from './columnsMenu';
import { DetailPane } from './detail';
import { h } from './dom';
import { FilterScan } from './filterScan';
import { Header, tailNote } from './header';
import { Histogram } from './histogram';
import { withTimeWindow } from '../../src/tail/shared/timeWindow';
import { installKeyboard } from './keyboard';
import { rowActionMessage } from './rowView';
import { RecordStore } from './store';
import { VirtualTable } from './table';
import { Toolbar } from './toolbar';

export interface PanelHost {
  post(message: WebviewToHost): void;
  saveSoon(): void;
}

export class Panel {
  readonly store = new RecordStore();
  private readonly header: Header;
  private readonly toolbar: Toolbar;
  private readonly table: VirtualTable;
  private readonly detail: DetailPane;
  private readonly histogram: Histogram;
  private readonly filterScan = new FilterScan(this.store, { progress: () => this.invalidate(), settled: () => this.filterSettled() });
  private filterText = '';
  private fieldFilter = '';
  private hiddenShards = new Set<string>();
  private autoScroll = true;
  private timeZone: TimeZoneMode = 'local';
  private autoPauseWhenFull = false;
  private selectedId: number | undefined;
  private paused = false;
  private stopped = false;
  /** The host reported an error (tail-wide or a shard's). */
  private failed = false;
  private pausedForFull = false;
  private restoring = false;
  private target: TailTarget | undefined;
  private positions: Record<string, string> = {};
  /** Per shard, when its LATEST position was taken while it showed nothing (from status). */
  private latestTimes: Record<string, number> = {};
  private lastSeenId: number | undefined;
  private nextRequestId = 1;
  private frame = 0;

  constructor(root: HTMLElement, private readonly host: PanelHost, restored: PersistedState | undefined) {
    this.header = new Header({ toggleShard: (id, visible) => this.toggleShard(id, visible), cancelFind: () => this.host.post({ type: 'stop' }) });
    this.toolbar = new Toolbar({
      pauseResume: () => this.setPaused(!this.paused),
      stop: () => this.host.post({ type: 'stop' }),
      clear: () => this.clear(),
      filters: (text, field) => this.setFilters(text, field),
      autoScroll: (on) => this.setAutoScroll(on),
      timeZone: (zone) => this.setTimeZone(zone),
      export: (scope, format) => this.exportRecords(scope, format),
      sendToStream: () => this.host.post({ type: 'sendToStream', ...(this.selectedId === undefined ? {} : { selectedId: this.selectedId }) }),
      find: (text, field) => this.host.post({ type: 'find', text, field }),
    });
    this.table = new VirtualTable(this.store, () => ({
      timeZone: this.timeZone, selectedId: this.selectedId, expandedId: this.detail.openId, autoScroll: this.autoScroll,
      ended: !this.stopped ? 'running' : this.failed ? 'failed' : 'stopped',
    }), {
      select: (id) => this.select(id),
      toggle: (id) => this.toggle(id),
      open: (id) => {
        this.selectedId = id;
        this.openDetail(id);
        this.invalidate();
      },
      action: (action, id) => this.rowAction(action, id),
      invalidate: () => this.invalidate(),
      sort: (key) => this.setSort(nextSort(this.store.sort, key)),
      columnsChanged: () => this.host.saveSoon(),
    });
    this.detail = new DetailPane({
      action: (action, id) => this.rowAction(action, id),
      close: () => this.closeDetail(),
      requestPayload: (id) => {
        const requestId = this.nextRequestId++;
        this.host.post({ type: 'getPayload', requestId, id });
        return requestId;
      },
    });
    this.histogram = new Histogram({
      window: () => this.setFilters(this.filterText, this.fieldFilter),
      jump: (time) => this.jumpTo(time),
    });
    this.store.observer = this.histogram;
    const menu = new ColumnsMenu(this.table.columns, () => this.host.saveSoon());
    this.toolbar.mount(menu.button);
    this.toolbar.el.append(menu.el);
    const main = h('main', 'panel');
    main.append(this.header.el, this.toolbar.el, this.histogram.el, this.table.el, this.detail.el);
    root.replaceChildren(main);
    if (restored) this.restore(restored);
    this.toolbar.setAutoScroll(this.autoScroll);
    this.toolbar.setTimeZone(this.timeZone);
    this.toolbar.setPaused(false);
    installKeyboard({
      tableHasFocus: () => document.activeElement === document.body || this.table.el.contains(document.activeElement),
      move: (delta) => this.move(delta),
      pageSize: () => this.table.pageSize,
      toggleSelected: () => { if (this.selectedId !== undefined) this.toggle(this.selectedId); },
      closeDetail: () => this.closeDetail(),
      focusFilter: () => { this.toolbar.filterInput.focus(); this.toolbar.filterInput.select(); },
      find: () => this.toolbar.requestFind(),
      focusTable: () => this.table.viewport.focus(),
    });
    this.invalidate();
  }

  /** Handles one message from the host; anything unknown is ignored. */
  receive(msg: HostToWebview): void {
    switch (msg.type) {
      case 'init': this.init(msg); break;
      case 'records': this.addRows(msg.rows, true); break;
      case 'replay':
        this.restoring = !msg.done;
        this.addRows(msg.rows, false);
        break;
      case 'reset': this.resetRows(); break;
      case 'status': this.setStatus(msg); break;
      case 'payload': this.detail.onPayload(msg); break;
      case 'exportResult':
        if (msg.cancelled) this.toolbar.say('');
        else if (msg.ok) this.toolbar.say(`Exported ${plural(msg.count ?? 0, 'record')}${msg.path ? ` to ${msg.path}` : ''}.`);
        else this.toolbar.say(`Export failed: ${msg.error ?? 'unknown error'}`, 'error');
        break;
    }
  }

  /** The state kept across hide/reload: UI toggles and where each shard was, never records. */
  snapshot(): PersistedState {
    return {
      v: 1,
      filterText: this.filterText,
      fieldFilter: this.fieldFilter,
      hiddenShards: [...this.hiddenShards],
      autoScroll: this.autoScroll,
      timeZone: this.timeZone,
      positions: { ...this.positions },
      latestTimes: { ...this.latestTimes },
      ...(this.lastSeenId === undefined ? {} : { lastSeenId: this.lastSeenId }),
      columns: this.table.columns.snapshot,
      ...(this.store.sort ? { sort: this.store.sort } : {}),
      ...(this.target ? { target: this.target } : {}),
    };
  }

  private restore(s: PersistedState): void {
    this.filterText = s.filterText;
    this.fieldFilter = s.fieldFilter;
    this.hiddenShards = new Set(s.hiddenShards);
    this.autoScroll = s.autoScroll;
    this.timeZone = s.timeZone;
    this.positions = { ...s.positions };
    this.latestTimes = { ...s.latestTimes };
    this.lastSeenId = s.lastSeenId;
    this.target = s.target;
    this.toolbar.setFilters(s.filterText, s.fieldFilter);
    this.header.setHiddenShards(this.hiddenShards);
    if (s.columns) this.table.columns.restore(s.columns);
    this.applyFilter();
    if (s.sort) this.setSort(s.sort);
  }

  private init(msg: InitMessage): void {
    const first = this.target === undefined;
    this.target = msg.target;
    this.header.setTarget(msg.target, msg.streamTail, typeof msg.reorderWindowMs === 'number' ? msg.reorderWindowMs : 0);
    this.store.setCapacity(msg.settings.maxRecords);
    this.autoPauseWhenFull = msg.settings.autoPauseWhenFull;
    // Settings give the defaults; a restored panel keeps the user's own toggles.
    if (first && this.lastSeenId === undefined) {
      this.autoScroll = msg.settings.autoScroll;
      this.timeZone = msg.settings.timeZone;
      this.toolbar.setAutoScroll(this.autoScroll);
      this.toolbar.setTimeZone(this.timeZone);
    }
    this.host.saveSoon();
    this.invalidate();
  }

  private addRows(rows: readonly RecordRow[], live: boolean): void {
    if (!Array.isArray(rows) || rows.length === 0) {
      this.invalidate();
      return;
    }
    const result = this.store.append(rows);
    this.table.afterAppend(result);
    for (const row of rows) this.positions[row.shardId] = row.sequenceNumber;
    this.lastSeenId = rows[rows.length - 1].id;
    if (live && result.becameFull && this.autoPauseWhenFull && !this.paused) {
      this.pausedForFull = true;
      this.paused = true;
      this.toolbar.setPaused(true);
      this.host.post({ type: 'pause', reason: 'full' });
    }
    this.host.saveSoon();
    this.invalidate();
  }

  private resetRows(): void {
    this.store.clear();
    this.table.forgetRows();
    this.table.resetScroll();
    this.closeDetail();
    this.selectedId = undefined;
    this.pausedForFull = false;
    this.invalidate();
  }

  private setStatus(msg: StatusMessage): void {
    this.header.setStatus(msg);
    let changed = false;
    // Kept once seen: a row shown later takes precedence on restore (positions win).
    for (const s of msg.shards) {
      if (s.latestAt !== undefined && this.latestTimes[s.shardId] !== s.latestAt) {
        this.latestTimes[s.shardId] = s.latestAt;
        changed = true;
      }
    }
    if (changed) this.host.saveSoon();
    this.paused = msg.paused;
    this.stopped = msg.stopped;
    this.failed = msg.severity === 'error';
    if (!msg.paused) this.pausedForFull = false;
    this.toolbar.setPaused(msg.paused);
    this.toolbar.setStopped(msg.stopped);
    this.invalidate();
  }

  private setPaused(paused: boolean): void {
    if (this.stopped) return;
    this.paused = paused;
    if (!paused) this.pausedForFull = false;
    this.toolbar.setPaused(paused);
    this.host.post(paused ? { type: 'pause', reason: 'user' } : { type: 'resume' });
    this.invalidate();
  }

  private clear(): void {
    this.resetRows();
    this.host.post({ type: 'clear' });
  }

  private setFilters(text: string, field: string): void {
    this.filterText = text;
    this.fieldFilter = field;
    this.applyFilter();
    const window = this.histogram.timeWindow;
    this.host.post({ type: 'setFilter', text, field, ...(window ? { window } : {}) });
  }

  private toggleShard(shardId: string, visible: boolean): void {
    if (visible) this.hiddenShards.delete(shardId);
    else this.hiddenShards.add(shardId);
    this.header.setHiddenShards(this.hiddenShards);
    this.applyFilter();
    this.host.post({ type: 'toggleShard', shardId, visible });
  }

  private applyFilter(): void {
    const view = compileView({ text: this.filterText, field: this.fieldFilter, hiddenShards: [...this.hiddenShards] });
    this.toolbar.setFieldError(view.fieldError);
    this.table.resetScroll();
    this.filterScan.start(withTimeWindow(view, this.histogram.timeWindow));
    this.host.saveSoon();
    this.invalidate();
  }

  /** Every row is tested: keep the selected record in view when it is shown. */
  private filterSettled(): void {
    const selected = this.selectedId === undefined ? -1 : this.store.shownIndexOf(this.selectedId);
    if (selected >= 0 && !this.autoScroll) this.table.reveal(selected);
    this.invalidate();
  }

  private setSort(spec: SortSpec | undefined): void {
    this.store.setSort(spec);
    this.table.columns.showSort(spec);
    const selected = this.selectedId === undefined ? -1 : this.store.shownIndexOf(this.selectedId);
    if (selected >= 0) this.table.reveal(selected);
    else this.table.resetScroll();
    this.host.saveSoon();
    this.invalidate();
  }

  private setAutoScroll(on: boolean): void {
    this.autoScroll = on;
    this.toolbar.setAutoScroll(on);
    if (on) this.table.resetScroll();
    this.host.saveSoon();
    this.invalidate();
  }

  private setTimeZone(zone: TimeZoneMode): void {
    this.timeZone = zone;
    this.toolbar.setTimeZone(zone);
    const open = this.detail.openId === undefined ? undefined : this.store.byId(this.detail.openId);
    if (open) this.detail.show(open, zone);
    this.host.saveSoon();
    this.invalidate();
  }

  private exportRecords(scope: ExportScope, format: ExportFormat): void {
    this.toolbar.say('Choose where to save the export…');
    this.host.post({ type: 'export', requestId: this.nextRequestId++, scope, format });
  }

  private select(id: number): void {
    this.selectedId = id;
    if (this.detail.openId !== undefined && this.detail.openId !== id) this.openDetail(id);
    this.invalidate();
  }

  private toggle(id: number): void {
    this.selectedId = id;
    if (this.detail.openId === id) this.closeDetail();
    else this.openDetail(id);
    this.invalidate();
  }

  private openDetail(id: number): void {
    const row = this.store.byId(id);
    if (!row) return;
    this.detail.show(row, this.timeZone);
    // The pane takes room from the table: keep the record in view.
    const index = this.store.shownIndexOf(id);
    if (index >= 0) this.table.reveal(index);
  }

  private closeDetail(): boolean {
    if (this.detail.openId === undefined) return false;
    this.detail.hide();
    this.table.viewport.focus();
    this.invalidate();
    return true;
  }

  private move(delta: number | 'first' | 'last'): void {
    const n = this.store.shownCount;
    if (n === 0) return;
    const next = this.table.moveTarget(delta, this.selectedId === undefined ? -1 : this.store.shownIndexOf(this.selectedId), n);
    const row = this.store.shownAt(next);
    if (!row) return;
    this.select(row.id);
    this.table.reveal(next);
  }

  /** A click on a histogram bar: show that moment (auto-scroll lets go, as when scrolling up). */
  private jumpTo(time: number): void {
    const index = this.store.shownIndexAtTime(time);
    const row = index < 0 ? undefined : this.store.shownAt(index);
    if (!row) return;
    if (this.autoScroll) this.setAutoScroll(false);
    this.select(row.id);
    this.table.reveal(index);
  }

  private rowAction(action: string, id: number): void {
    const message = rowActionMessage(action, id);
    if (message) this.host.post(message);
  }

  private invalidate(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    // Layout reads first, then writes: the histogram reads its width before the rows change.
    this.histogram.measure();
    this.table.render();
    this.histogram.setTimeZone(this.timeZone);
    this.histogram.draw();
    this.header.renderStats(
      {
        buffered: this.store.size, capacity: this.store.capacity, shown: this.store.shownCount, filtered: this.store.filterActive,
        filtering: this.store.filterProgress, dropped: this.store.dropped,
      },
      tailNote({ stopped: this.stopped, restoring: this.restoring, paused: this.paused, pausedForFull: this.pausedForFull, capacity: this.store.capacity }),
    );
  }
}
