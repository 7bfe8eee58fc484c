// Big streams (more than CHIP_LIMIT shards): one line that groups the shards by state, "498 caught
// up · 2 reading · 1 throttled", instead of a chip each, and a details table opened from it that
// lists every shard, sortable by lag (MillisBehindLatest), state, records and rate. The header
// stays one line high whatever the shard count; the table is an overlay with its own scroll.
import { formatCount, formatLag, formatRate, makePreview, revealControls, shortShard } from '../../src/tail/shared/display';
import type { ShardState, ShardStatus } from '../../src/tail/shared/protocol';
import { h, setTitle } from './dom';

/** Up to this many shards the header shows one chip per shard. */
export const CHIP_LIMIT = 16;

export const STATE_LABEL: Record<ShardState, string> = {
  waiting: 'waiting', starting: 'starting', reading: 'reading', 'caught-up': 'caught up', throttled: 'throttled', retrying: 'retrying',
  closed: 'closed', error: 'error', stopped: 'stopped', paused: 'paused', done: 'done',
};
/** Sorting by state puts trouble first. */
const STATE_RANK: ShardState[] = ['error', 'throttled', 'retrying', 'reading', 'starting', 'waiting', 'caught-up', 'paused', 'done', 'closed', 'stopped'];

export type ShardSortKey = 'shard' | 'state' | 'lag' | 'records' | 'rate';
const COLUMNS: { key: ShardSortKey; label: string; numeric: boolean }[] = [
  { key: 'shard', label: 'Shard', numeric: false },
  { key: 'state', label: 'State', numeric: false },
  { key: 'lag', label: 'Behind latest', numeric: true },
  { key: 'records', label: 'Records', numeric: true },
  { key: 'rate', label: 'rec/s', numeric: true },
];
/** While open, the table is redrawn at most this often (statuses come up to 10 times a second). */
const REDRAW_MS = 500;

const known = (s: ShardState): ShardState => (Object.prototype.hasOwnProperty.call(STATE_LABEL, s) ? s : 'error');

/** "498 caught up · 2 reading · 1 throttled": the states by count, most first. */
export function groupByState(shards: readonly ShardStatus[]): { state: ShardState; count: number }[] {
  const counts = new Map<ShardState, number>();
  for (const s of shards) counts.set(known(s.state), (counts.get(known(s.state)) ?? 0) + 1);
  return [...counts].map(([state, count]) => ({ state, count })).sort((a, b) => b.count - a.count || STATE_RANK.indexOf(a.state) - STATE_RANK.indexOf(b.state));
}

function sortValue(s: ShardStatus, key: ShardSortKey): number | string {
  switch (key) {
    case 'lag': return s.millisBehindLatest ?? -1;
    case 'state': return STATE_RANK.indexOf(known(s.state));
    case 'records': return s.totalRecords;
    case 'rate': return s.recordsPerSecond;
    default: return s.shardId;
  }
}

export function sortShards(shards: readonly ShardStatus[], key: ShardSortKey, desc: boolean): ShardStatus[] {
  const dir = desc ? -1 : 1;
  return [...shards].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c !== 0 ? c * dir : a.shardId < b.shardId ? -1 : a.shardId > b.shardId ? 1 : 0;
  });
}

export class ShardSummary {
  readonly el = h('div', 'shard-summary');
  private readonly button = h('button', 'summary-button');
  private readonly details = h('div', 'shard-details');
  private readonly head = h('tr');
  private readonly body = h('tbody');
  private shards: readonly ShardStatus[] = [];
  private hidden: ReadonlySet<string> = new Set();
  private streamTail = false;
  private sort: { key: ShardSortKey; desc: boolean } = { key: 'lag', desc: true };
  private drawnAt = 0;
  private redraw?: ReturnType<typeof setTimeout>;

  constructor(private readonly toggleShard: (shardId: string, visible: boolean) => void) {
    this.el.hidden = true;
    this.details.hidden = true;
    this.button.type = 'button';
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-haspopup', 'true');
    const table = h('table', 'shard-table');
    const thead = h('thead');
    this.head.append(...COLUMNS.map((c) => {
      const th = h('th', c.numeric ? 'num' : '');
      const b = h('button', 'shard-sort', c.label);
      b.type = 'button';
      b.dataset.sort = c.key;
      th.append(b);
      return th;
    }));
    thead.append(this.head);
    table.append(thead, this.body);
    this.details.append(table);
    this.details.setAttribute('role', 'dialog');
    this.details.setAttribute('aria-label', 'Shards');
    this.el.append(this.button, this.details);
    this.button.addEventListener('click', () => this.setOpen(this.details.hidden));
    this.head.addEventListener('click', (e) => {
      const key = e.target instanceof Element ? (e.target.closest<HTMLElement>('[data-sort]')?.dataset.sort as ShardSortKey | undefined) : undefined;
      if (!key) return;
      this.sort = { key, desc: this.sort.key === key ? !this.sort.desc : key !== 'shard' && key !== 'state' };
      this.draw();
    });
    this.body.addEventListener('click', (e) => {
      const id = e.target instanceof Element ? e.target.closest<HTMLElement>('tr')?.dataset.shard : undefined;
      if (id !== undefined && this.streamTail) this.toggleShard(id, this.hidden.has(id));
    });
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.details.hidden) return;
      e.stopPropagation();
      this.setOpen(false);
      this.button.focus();
    }, true);
    document.addEventListener('mousedown', (e) => {
      if (!this.details.hidden && e.target instanceof Node && !this.el.contains(e.target)) this.setOpen(false);
    });
  }

  get open(): boolean {
    return !this.details.hidden;
  }

  /** `now`: redraw an open table at once (the user's own click), not at the next redraw slot. */
  update(shards: readonly ShardStatus[], hidden: ReadonlySet<string>, streamTail: boolean, now = false): void {
    this.shards = shards;
    this.hidden = hidden;
    this.streamTail = streamTail;
    this.el.hidden = false;
    const groups = groupByState(shards);
    const parts: HTMLElement[] = [h('span', 'summary-count', `${formatCount(shards.length)} shards`)];
    for (const g of groups) {
      const part = h('span', 'summary-group');
      part.dataset.state = g.state;
      part.append(h('span', 'chip-dot'), h('span', '', `${formatCount(g.count)} ${STATE_LABEL[g.state]}`));
      parts.push(part);
    }
    if (hidden.size > 0) parts.push(h('span', 'summary-hidden dim', `${formatCount(hidden.size)} hidden`));
    parts.push(h('span', 'codicon codicon-chevron-down'));
    this.button.replaceChildren(...parts);
    setTitle(this.button, `${groups.map((g) => `${g.count} ${STATE_LABEL[g.state]}`).join(' · ')}\nClick for every shard, sortable by lag, state and records.`);
    if (this.open) {
      if (now) this.draw();
      else this.scheduleDraw();
    }
  }

  hide(): void {
    this.el.hidden = true;
    this.setOpen(false);
  }

  private setOpen(open: boolean): void {
    this.details.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.draw();
  }

  private scheduleDraw(): void {
    if (this.redraw !== undefined) return;
    const wait = this.drawnAt + REDRAW_MS - Date.now();
    if (wait <= 0) return this.draw();
    this.redraw = setTimeout(() => this.draw(), wait);
  }

  private draw(): void {
    if (this.redraw !== undefined) clearTimeout(this.redraw);
    this.redraw = undefined;
    this.drawnAt = Date.now();
    for (const th of this.head.children) {
      const key = th.querySelector<HTMLElement>('[data-sort]')?.dataset.sort;
      th.setAttribute('aria-sort', this.sort.key === key ? (this.sort.desc ? 'descending' : 'ascending') : 'none');
    }
    const rows = sortShards(this.shards, this.sort.key, this.sort.desc).map((s) => this.row(s));
    this.body.replaceChildren(...rows);
  }

  private row(s: ShardStatus): HTMLTableRowElement {
    const tr = h('tr');
    tr.dataset.shard = s.shardId;
    tr.dataset.state = known(s.state);
    tr.classList.toggle('shard-hidden', this.hidden.has(s.shardId));
    const label = (s.state === 'retrying' || s.state === 'throttled') && s.attempt ? `${STATE_LABEL[known(s.state)]} (${s.attempt})` : STATE_LABEL[known(s.state)];
    const name = h('td', 'shard-name', makePreview(shortShard(s.shardId), 40));
    const state = h('td', 'shard-state');
    state.append(h('span', 'chip-dot'), h('span', '', label));
    tr.append(
      name, state,
      h('td', 'num', s.millisBehindLatest === undefined ? '' : formatLag(s.millisBehindLatest)),
      h('td', 'num', formatCount(s.totalRecords)),
      h('td', 'num', formatRate(s.recordsPerSecond)),
    );
    const hint = this.streamTail ? `\nClick to ${this.hidden.has(s.shardId) ? 'show' : 'hide'} this shard's records.` : '';
    setTitle(tr, [revealControls(s.shardId), s.message ? revealControls(s.message) : ''].filter((x) => x !== '').join('\n') + hint);
    return tr;
  }
}
