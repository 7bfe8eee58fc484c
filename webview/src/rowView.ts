// One pooled table row: built once, then refilled with whichever record scrolls into its slot.
// Every record field reaches the DOM through textContent or a plain-string title.
import { formatBytes, formatDateTime, formatTime, makePreview, recordPart, revealControls, shortSequence, shortShard } from '../../src/tail/shared/display';
import type { RecordRow, TimeZoneMode, WebviewToHost } from '../../src/tail/shared/protocol';
import { h, icon, iconButton, setText, setTitle } from './dom';
import { badgesFor } from './badges';
import { fieldCellText, type FieldColumn } from './columns';

export const ROW_HEIGHT = 22;
/** Defence in depth: the host cuts previews, but a long one must not cost layout time here. */
const PREVIEW_RENDER_MAX = 300;

export interface RowContext {
  timeZone: TimeZoneMode;
  /** Characters of preview that can be visible at the current width (the rest is never shaped). */
  previewChars: number;
  selectedId: number | undefined;
  expandedId: number | undefined;
}

/** Row actions, as data-action values on the buttons. */
export const ROW_ACTIONS: ReadonlyArray<{ action: string; icon: string; label: string }> = [
  { action: 'copyPayload', icon: 'copy', label: 'Copy payload' },
  { action: 'copySequenceNumber', icon: 'symbol-number', label: 'Copy sequence number' },
  { action: 'openInEditor', icon: 'go-to-file', label: 'Open in editor' },
  { action: 'tailFromRecord', icon: 'debug-start', label: 'Tail from this record' },
  { action: 'putAgain', icon: 'redo', label: 'Put again' },
];

/** The message a row action (a ROW_ACTIONS value) sends to the host; undefined for an unknown one. */
export function rowActionMessage(action: string, id: number): WebviewToHost | undefined {
  switch (action) {
    case 'copyPayload': return { type: 'copy', what: 'payload', id };
    case 'copySequenceNumber': return { type: 'copy', what: 'sequenceNumber', id };
    case 'openInEditor': return { type: 'openInEditor', id };
    case 'tailFromRecord': return { type: 'tailFromRecord', id };
    case 'putAgain': return { type: 'putAgain', id };
    default: return undefined;
  }
}

export class RowView {
  readonly el = h('div', 'row');
  private readonly chevron = icon('chevron-right');
  private readonly time = h('span', 'cell c-time');
  private readonly shard = h('span', 'cell c-shard');
  private readonly key = h('span', 'cell c-key');
  private readonly seq = h('span', 'cell c-seq');
  private readonly size = h('span', 'cell c-size');
  private readonly badges = h('span', 'cell c-badges');
  private readonly preview = h('span', 'cell c-preview');
  private readonly fieldCells: HTMLElement[];
  private row: RecordRow | undefined;
  private titled = false;
  private badgeKey: string | undefined;
  private zone: TimeZoneMode | undefined;
  private previewChars = 0;
  private top = -1;

  constructor(private readonly fields: readonly FieldColumn[] = []) {
    this.el.setAttribute('role', 'row');
    this.fieldCells = fields.map((_, i) => h('span', `cell c-field c-f${i}`));
    const expand = h('span', 'cell c-expand');
    expand.dataset.action = 'toggle';
    expand.append(this.chevron);
    const actions = h('span', 'row-actions');
    for (const a of ROW_ACTIONS) actions.append(iconButton(a.icon, a.label, a.action));
    this.el.append(expand, this.time, this.shard, this.key, this.seq, this.size, this.badges, ...this.fieldCells, this.preview, actions);
  }

  get id(): number | undefined { return this.row?.id; }

  /** True when the element already shows record `id` as ctx draws it: place() is then enough. */
  holds(id: number, ctx: RowContext): boolean {
    return this.row !== undefined && this.row.id === id && ctx.timeZone === this.zone && ctx.previewChars === this.previewChars;
  }

  show(row: RecordRow, index: number, ctx: RowContext): void {
    if (!this.holds(row.id, ctx)) this.fill(row, ctx);
    this.place(index, ctx);
  }

  /** Moves the shown record to row `index` and marks selection and expansion. */
  place(index: number, ctx: RowContext): void {
    const row = this.row;
    if (!row) return;
    const top = index * ROW_HEIGHT;
    if (top !== this.top) {
      this.top = top;
      this.el.style.transform = `translateY(${top}px)`;
      this.el.setAttribute('aria-rowindex', String(index + 2));
    }
    if (this.el.hidden) this.el.hidden = false;
    const selected = row.id === ctx.selectedId;
    if (this.el.classList.contains('selected') !== selected) this.el.classList.toggle('selected', selected);
    const expanded = row.id === ctx.expandedId;
    if (this.el.classList.contains('expanded') !== expanded) {
      this.el.classList.toggle('expanded', expanded);
      this.chevron.className = `codicon codicon-${expanded ? 'chevron-down' : 'chevron-right'}`;
      this.el.setAttribute('aria-expanded', String(expanded));
    }
  }

  hide(): void {
    if (!this.el.hidden) this.el.hidden = true;
    this.row = undefined;
  }

  /**
   * Hover text (full time, shard id, partition key, sequence number), set when the pointer first
   * enters the row rather than on every refill: scrolling refills all rows each frame.
   */
  applyTitles(): void {
    const row = this.row;
    if (!row || this.titled || this.zone === undefined) return;
    this.titled = true;
    const sub = recordPart(row);
    const event = row.log ? `\nevent time ${formatDateTime(row.log.timestamp, this.zone)} · ${row.log.group} · ${row.log.stream}` : '';
    setTitle(this.time, formatDateTime(row.arrival, this.zone) + event);
    setTitle(this.shard, revealControls(row.shardId));
    setTitle(this.key, makePreview(row.partitionKey, 1000));
    setTitle(this.seq, revealControls(row.sequenceNumber + sub));
  }

  private fill(row: RecordRow, ctx: RowContext): void {
    const zone = ctx.timeZone;
    this.row = row;
    this.zone = zone;
    this.previewChars = ctx.previewChars;
    // Stale hover text would describe the previous record; under the pointer, it describes this one.
    const hovered = this.titled && this.el.matches(':hover');
    if (this.titled) {
      for (const cell of [this.time, this.shard, this.key, this.seq]) cell.removeAttribute('title');
      this.titled = false;
    }
    this.el.dataset.id = String(row.id);
    setText(this.time, formatTime(row.arrival, zone));
    // Every cell is one line: makePreview folds line breaks and shows control characters.
    setText(this.shard, makePreview(shortShard(row.shardId), 40));
    setText(this.key, makePreview(row.partitionKey, PREVIEW_RENDER_MAX));
    const sub = recordPart(row, true);
    setText(this.seq, makePreview(shortSequence(row.sequenceNumber) + sub, 60));
    setText(this.size, formatBytes(row.size));
    // Most neighbouring records share their layers: keep the badges when they match.
    const badgeKey = row.layers.join('+') + (row.warnings && row.warnings.length > 0 ? `!${row.warnings.join('\n')}` : '');
    if (badgeKey !== this.badgeKey) {
      this.badgeKey = badgeKey;
      this.badges.replaceChildren(...badgesFor(row));
    }
    this.fields.forEach((f, i) => setText(this.fieldCells[i], makePreview(fieldCellText(row, f), 120)));
    setText(this.preview, makePreview(row.preview, Math.min(PREVIEW_RENDER_MAX, ctx.previewChars)));
    this.el.classList.toggle('has-warning', row.warnings !== undefined && row.warnings.length > 0);
    if (hovered) this.applyTitles();
  }
}
