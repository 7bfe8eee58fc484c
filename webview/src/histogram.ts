// The arrivals histogram above the table: stacked bars per shard or per decoder kind, drawn on a
// plain canvas from the incremental buckets. Dragging brushes a time window (the table filters to
// it, shown as a removable chip); a click, or Enter on the keyboard cursor, scrolls to that moment.
import { formatCount, formatTime, makePreview, revealControls } from '../../src/tail/shared/display';
import type { TimeZoneMode } from '../../src/tail/shared/protocol';
import type { TimeWindow } from '../../src/tail/shared/timeWindow';
import { h, icon, setText } from './dom';
import type { RowObserver } from './store';
import { ArrivalBuckets, type BucketView, type SeriesMode } from './histogramBuckets';


export interface HistogramEvents {
  /** A window was brushed (from inclusive, to exclusive), or cleared (undefined). */
  window(w: TimeWindow | undefined): void;
  /** Scroll the table to the first record at or after this time. */
  jump(time: number): void;
}

/** Series drawn in their own colors; the rest share one "other" band. */
const MAX_SERIES = 8;
/** Bars never get wider than a bucket of this many across the width. */
const MIN_SLOTS = 30;
const HEIGHT = 56;
const CLICK_PX = 4;
const PALETTE: Array<[string, string]> = [
  ['--vscode-charts-blue', '#3794ff'], ['--vscode-charts-orange', '#d18616'], ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'], ['--vscode-charts-red', '#f14c4c'], ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-terminal-ansiCyan', '#11a8cd'], ['--vscode-terminal-ansiMagenta', '#bc3fbc'],
];

export class Histogram implements RowObserver {
  readonly el = h('section', 'histogram');
  readonly buckets = new ArrivalBuckets();
  readonly canvas = h('canvas', 'histogram-canvas');
  private readonly modeButton = h('button', 'histogram-mode');
  private readonly chip = h('button', 'window-chip');
  private readonly legend = h('div', 'histogram-legend');
  private readonly live = h('div', 'sr-only');
  private mode: SeriesMode = 'shard';
  private zone: TimeZoneMode = 'local';
  private windowSel: TimeWindow | undefined;
  private drag: { x0: number; x1: number } | undefined;
  /** The keyboard cursor (a bucket index) and the anchor of a Shift+arrow selection. */
  private cursor = -1;
  private anchor = -1;
  private dirty = true;
  private measured: { width: number; style: StyleReader | undefined } | undefined;

  constructor(private readonly events: HistogramEvents) {
    this.el.setAttribute('aria-label', 'Arrivals histogram');
    const bar = h('div', 'histogram-bar');
    this.modeButton.type = 'button';
    this.chip.type = 'button';
    this.chip.hidden = true;
    bar.append(h('span', 'histogram-title', 'Arrivals'), this.modeButton, this.chip, this.legend);
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.live.setAttribute('aria-live', 'polite');
    this.el.append(bar, this.canvas, this.live);
    this.paintMode();
    this.modeButton.addEventListener('click', () => this.setMode(this.mode === 'shard' ? 'kind' : 'shard'));
    this.chip.addEventListener('click', () => this.setWindow(undefined));
    this.canvas.addEventListener('pointerdown', (e) => this.onDown(e));
    this.canvas.addEventListener('pointermove', (e) => this.onMove(e));
    this.canvas.addEventListener('pointerup', (e) => this.onUp(e));
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
  }

  get timeWindow(): TimeWindow | undefined { return this.windowSel; }
  get seriesMode(): SeriesMode { return this.mode; }

  // RowObserver: the store reports rows entering and leaving its ring.
  added(arrival: number, shard: string, kind: string): void {
    this.buckets.add(arrival, shard, kind);
    this.dirty = true;
  }

  removed(arrival: number, shard: string, kind: string): void {
    this.buckets.remove(arrival, shard, kind);
    this.dirty = true;
  }

  cleared(): void {
    this.buckets.clear();
    this.cursor = this.anchor = -1;
    this.dirty = true;
  }

  setTimeZone(zone: TimeZoneMode): void {
    if (zone === this.zone) return;
    this.zone = zone;
    this.paintChip();
    this.dirty = true;
  }

  setMode(mode: SeriesMode): void {
    this.mode = mode;
    this.paintMode();
    this.dirty = true;
    this.draw();
  }

  /** Sets (or clears) the brushed window and tells the panel. */
  setWindow(w: TimeWindow | undefined): void {
    this.windowSel = w;
    this.paintChip();
    this.dirty = true;
    this.events.window(w);
  }

  /** Draws when something changed; the panel calls this once per animation frame at most. */
  /**
   * The layout and style reads of the next draw(), made at the start of a frame, before the table
   * writes its rows: read after those writes, they would force a layout of the whole page.
   */
  measure(): void {
    this.measured = this.read();
  }

  private read(): { width: number; style: StyleReader | undefined } {
    const width = this.canvas.clientWidth;
    const stale = this.dirty || this.canvas.width !== Math.round(width * devicePixelRatio);
    return { width, style: stale ? styleSnapshot(getComputedStyle(this.el)) : undefined };
  }

  draw(): void {
    const m = this.measured ?? this.read();
    this.measured = undefined;
    if (!this.dirty && this.canvas.width === Math.round(m.width * devicePixelRatio)) return;
    this.dirty = false;
    const v = this.buckets.view(this.mode);
    const dpr = devicePixelRatio || 1;
    const cssWidth = Math.max(1, m.width);
    this.canvas.width = Math.round(cssWidth * dpr);
    this.canvas.height = Math.round(HEIGHT * dpr);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssWidth, HEIGHT);
    const style = m.style ?? styleSnapshot(getComputedStyle(this.el));
    const color = (i: number): string => (i < MAX_SERIES ? cssColor(style, ...PALETTE[i]) : cssColor(style, '--vscode-descriptionForeground', '#999'));
    const slots = this.slots(v);
    const slotW = cssWidth / slots;
    const stacks = stackedBuckets(v);
    const peak = Math.max(1, ...stacks.map((s) => s.total));
    for (let b = 0; b < v.used; b++) {
      let y = HEIGHT;
      for (const [series, n] of stacks[b].parts) {
        const barH = (n / peak) * (HEIGHT - 2);
        ctx.fillStyle = color(series);
        ctx.fillRect(b * slotW + 0.5, y - barH, Math.max(1, slotW - 1), barH);
        y -= barH;
      }
    }
    const sel = this.selectionPx(v, slotW);
    if (sel) {
      ctx.fillStyle = cssColor(style, '--vscode-editor-selectionBackground', 'rgba(38,79,120,0.6)');
      ctx.globalAlpha = 0.45;
      ctx.fillRect(sel[0], 0, Math.max(1, sel[1] - sel[0]), HEIGHT);
      ctx.globalAlpha = 1;
    }
    if (this.cursor >= 0 && this.cursor < v.used && document.activeElement === this.canvas) {
      ctx.strokeStyle = cssColor(style, '--vscode-focusBorder', '#007fd4');
      ctx.strokeRect(this.cursor * slotW + 0.5, 0.5, Math.max(1, slotW - 1), HEIGHT - 1);
    }
    this.paintLegend(v, color);
    this.canvas.setAttribute('aria-label', this.summary(v, stacks, peak));
  }

  /** Arrival-time range [from, to) of bucket b. */
  bucketRange(b: number): TimeWindow {
    const v = this.buckets.view(this.mode);
    return { from: v.start + b * v.width, to: v.start + (b + 1) * v.width };
  }

  private slots(v: BucketView): number { return Math.max(MIN_SLOTS, v.used); }

  private bucketAt(clientX: number): number {
    const v = this.buckets.view(this.mode);
    const rect = this.canvas.getBoundingClientRect();
    const b = Math.floor(((clientX - rect.left) / Math.max(1, rect.width)) * this.slots(v));
    return Math.max(0, Math.min(v.used - 1, b));
  }

  private selectionPx(v: BucketView, slotW: number): [number, number] | undefined {
    if (this.drag) {
      const rect = this.canvas.getBoundingClientRect();
      const a = this.drag.x0 - rect.left;
      const b = this.drag.x1 - rect.left;
      return [Math.min(a, b), Math.max(a, b)];
    }
    if (!this.windowSel || v.used === 0) return undefined;
    const x = (t: number): number => ((t - v.start) / v.width) * slotW;
    return [Math.max(0, x(this.windowSel.from)), Math.min(this.slots(v) * slotW, x(this.windowSel.to))];
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0 || this.buckets.count === 0) return;
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { x0: e.clientX, x1: e.clientX };
  }

  private onMove(e: PointerEvent): void {
    if (!this.drag) return;
    this.drag.x1 = e.clientX;
    this.dirty = true;
    this.draw();
  }

  private onUp(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = undefined;
    this.dirty = true;
    if (Math.abs(e.clientX - drag.x0) < CLICK_PX) {
      this.cursor = this.bucketAt(e.clientX);
      this.events.jump(this.bucketRange(this.cursor).from);
      this.draw();
      return;
    }
    const a = this.bucketAt(Math.min(drag.x0, e.clientX));
    const b = this.bucketAt(Math.max(drag.x0, e.clientX));
    this.setWindow({ from: this.bucketRange(a).from, to: this.bucketRange(b).to });
  }

  private onKey(e: KeyboardEvent): void {
    const used = this.buckets.view(this.mode).used;
    if (used === 0) return;
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 };
    let next = this.cursor < 0 ? used - 1 : this.cursor;
    if (e.key in step) next += step[e.key];
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = used - 1;
    else if (e.key === 'Enter') {
      this.events.jump(this.bucketRange(next).from);
      e.preventDefault();
      return;
    } else if (e.key === 'Escape' && this.windowSel) {
      this.setWindow(undefined);
      e.preventDefault();
      e.stopPropagation();
      return;
    } else return;
    e.preventDefault();
    next = Math.max(0, Math.min(used - 1, next));
    if (e.shiftKey) {
      if (this.anchor < 0) this.anchor = this.cursor < 0 ? next : this.cursor;
      this.cursor = next;
      const lo = Math.min(this.anchor, next);
      const hi = Math.max(this.anchor, next);
      this.setWindow({ from: this.bucketRange(lo).from, to: this.bucketRange(hi).to });
    } else {
      this.anchor = -1;
      this.cursor = next;
    }
    this.dirty = true;
    this.draw();
    setText(this.live, this.describeBucket(next));
  }

  private describeBucket(b: number): string {
    const v = this.buckets.view(this.mode);
    const r = this.bucketRange(b);
    const parts = v.names.map((name, i) => [name, v.counts[i][b]] as const).filter(([, n]) => n > 0);
    const total = parts.reduce((a, [, n]) => a + n, 0);
    const detail = parts.slice(0, MAX_SERIES).map(([name, n]) => `${makePreview(revealControls(name), 60)} ${formatCount(n)}`).join(', ');
    return `${formatTime(r.from, this.zone)} to ${formatTime(r.to, this.zone)}: ${formatCount(total)} records${detail ? ` (${detail})` : ''}. Enter scrolls the table there; Shift+arrows select a window.`;
  }

  private summary(v: BucketView, stacks: Stack[], peak: number): string {
    if (v.used === 0 || v.total === 0) return 'Arrivals histogram: no records yet.';
    const peakAt = stacks.findIndex((s) => s.total === peak);
    const end = v.start + v.used * v.width;
    return `Arrivals histogram by ${this.mode === 'shard' ? 'shard' : 'decoder kind'}: ${formatCount(v.total)} records from ${formatTime(v.start, this.zone)} to ${formatTime(end, this.zone)}, ` +
      `${v.used} buckets of ${formatWidth(v.width)}, peak ${formatCount(peak)} at ${formatTime(v.start + peakAt * v.width, this.zone)}. ` +
      'Arrow keys move between buckets, Enter scrolls the table there, Shift+arrows select a window, Escape clears it.';
  }

  private paintMode(): void {
    setText(this.modeButton, this.mode === 'shard' ? 'By shard' : 'By kind');
    this.modeButton.title = `Bars are stacked ${this.mode === 'shard' ? 'per shard' : 'per decoder kind'}; click to stack them ${this.mode === 'shard' ? 'per decoder kind' : 'per shard'}.`;
    this.modeButton.setAttribute('aria-pressed', String(this.mode === 'kind'));
  }

  private paintChip(): void {
    const w = this.windowSel;
    this.chip.hidden = w === undefined;
    if (!w) return;
    const label = `${formatTime(w.from, this.zone)} – ${formatTime(w.to, this.zone)}`;
    this.chip.replaceChildren(h('span', 'window-chip-text', label), icon('close'));
    this.chip.title = `The table shows records that arrived from ${label}. Click to remove this window.`;
    this.chip.setAttribute('aria-label', `Time window ${label}; remove`);
  }

  private paintLegend(v: BucketView, color: (i: number) => string): void {
    const items: HTMLElement[] = [];
    const shown = Math.min(v.names.length, MAX_SERIES);
    for (let i = 0; i < shown; i++) items.push(legendItem(makePreview(revealControls(v.names[i]), 40), color(i)));
    if (v.names.length > MAX_SERIES) items.push(legendItem(`${v.names.length - MAX_SERIES} more`, color(MAX_SERIES)));
    const key = items.map((x) => x.textContent).join('|');
    if (this.legend.dataset.key !== key) {
      this.legend.dataset.key = key;
      this.legend.replaceChildren(...items);
    }
  }
}

interface Stack { total: number; parts: Array<[number, number]> }

/** Per bucket, the series counts to stack, with series past MAX_SERIES folded into one band. */
function stackedBuckets(v: BucketView): Stack[] {
  const out: Stack[] = [];
  for (let b = 0; b < v.used; b++) {
    const parts: Array<[number, number]> = [];
    let other = 0;
    let total = 0;
    for (let s = 0; s < v.counts.length; s++) {
      const n = v.counts[s][b];
      if (n === 0) continue;
      total += n;
      if (s < MAX_SERIES) parts.push([s, n]);
      else other += n;
    }
    if (other > 0) parts.push([MAX_SERIES, other]);
    out.push({ total, parts });
  }
  return out;
}

function legendItem(text: string, color: string): HTMLElement {
  const item = h('span', 'legend-item');
  const swatch = h('span', 'legend-swatch');
  // CSSOM, not a style attribute: allowed under the panel's CSP.
  swatch.style.backgroundColor = color;
  item.append(swatch, h('span', 'legend-name', text));
  return item;
}

type StyleReader = Pick<CSSStyleDeclaration, 'getPropertyValue'>;

/** The colour variables draw() reads, read at once (one style recalc, at measure time). */
function styleSnapshot(style: CSSStyleDeclaration): StyleReader {
  const values = new Map<string, string>();
  for (const name of [...PALETTE.map(([v]) => v), '--vscode-descriptionForeground', '--vscode-editor-selectionBackground', '--vscode-focusBorder']) {
    values.set(name, style.getPropertyValue(name));
  }
  return { getPropertyValue: (name) => values.get(name) ?? style.getPropertyValue(name) };
}

function cssColor(style: StyleReader, variable: string, fallback: string): string {
  const v = style.getPropertyValue(variable).trim();
  return v === '' ? fallback : v;
}

function formatWidth(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}
