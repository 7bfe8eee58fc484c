// The virtualized record table: fixed-height rows, only the visible ones (plus overscan) in the
// DOM, recycled from a pool where row i always lands in slot i % poolSize so scrolling rewrites
// only the rows that scrolled in. It renders when the panel's frame scheduler says so.
import type { SortKey } from '../../src/tail/shared/rowSort';
import { ColumnLayout } from './columns';
import { h, setText } from './dom';
import type { RowContext } from './rowView';
import { ROW_HEIGHT, RowView } from './rowView';
import type { AppendResult, RecordStore } from './store';

const OVERSCAN = 4;
/** A narrow glyph: the preview never shapes more characters than its cell can show. */
const MIN_CHAR_PX = 6;

export interface TableEvents {
  select(id: number): void;
  toggle(id: number): void;
  /** Double click: show the record in the detail pane (single clicks already follow when it is open). */
  open(id: number): void;
  action(action: string, id: number): void;
  /** The table needs another frame (it scrolled or resized). */
  invalidate(): void;
  /** A sortable column header was clicked. */
  sort(key: SortKey): void;
  /** Widths or field columns changed (to be saved with the panel's state). */
  columnsChanged(): void;
}

export class VirtualTable {
  readonly el = h('div', 'table');
  readonly viewport = h('div', 'viewport');
  private readonly spacer = h('div', 'spacer');
  private readonly layer = h('div', 'rows');
  private readonly empty = h('div', 'empty-state');
  private pool: RowView[] = [];
  readonly columns: ColumnLayout;
  private viewportHeight = 0;
  private scrollLeft = 0;
  private viewportWidth = 0;
  private spacerHeight = -1;
  /** Stick to the newest row while auto-scroll is on and the user has not scrolled away. */
  private follow = true;
  private pendingShift = 0;
  private pendingReveal: number | undefined;
  /** The scrollTop the last render drew. */
  private renderedTop = -1;
  /** First and last fully or partly visible row at the last render. */
  firstVisible = 0;
  lastVisible = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly context: () => Omit<RowContext, 'previewChars'> & { autoScroll: boolean; ended: 'running' | 'stopped' | 'failed' },
    private readonly events: TableEvents,
  ) {
    this.columns = new ColumnLayout(this.el, {
      sort: (key) => this.events.sort(key),
      changed: () => {
        this.ensurePool(this.pool.length, true);
        this.events.columnsChanged();
        this.events.invalidate();
      },
    });
    const head = this.columns.header;
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'grid');
    this.viewport.setAttribute('aria-label', 'Records');
    this.spacer.append(this.layer);
    this.viewport.append(this.spacer, this.empty);
    this.el.append(head, this.viewport);
    this.viewport.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // The header is outside the scrolling viewport: it follows the horizontal scroll.
    this.viewport.addEventListener('scroll', () => {
      const x = this.viewport.scrollLeft;
      if (x !== this.scrollLeft) {
        this.scrollLeft = x;
        head.style.transform = x === 0 ? '' : `translateX(${-x}px)`;
        this.el.style.setProperty('--scroll-left', `${x}px`);
      }
    }, { passive: true });
    this.layer.addEventListener('click', (e) => this.onClick(e));
    this.layer.addEventListener('mouseover', (e) => {
      const rowEl = e.target instanceof Element ? e.target.closest('.row') : null;
      this.pool.find((r) => r.el === rowEl)?.applyTitles();
    });
    this.layer.addEventListener('dblclick', (e) => {
      const id = rowIdOf(e.target);
      if (id !== undefined && !(e.target instanceof Element && e.target.closest('[data-action]'))) this.events.open(id);
    });
    new ResizeObserver(() => {
      this.viewportHeight = this.viewport.clientHeight;
      this.events.invalidate();
    }).observe(this.viewport);
  }

  /** Call after rows were appended, before the next render, so the view keeps its place. */
  afterAppend(result: AppendResult): void {
    if (!(this.follow && this.context().autoScroll)) this.pendingShift += result.evictedShown;
  }

  /** Forget the scroll position (after clear, reset or a new filter). */
  resetScroll(): void {
    this.follow = true;
    this.pendingShift = 0;
  }

  /** Forget the records in the row elements (the store was cleared: ids may come again). */
  forgetRows(): void {
    for (const r of this.pool) r.hide();
  }

  /** Scroll so that shown row i is visible on the next render. */
  reveal(index: number): void {
    this.pendingReveal = index;
  }

  /** The shown row a keyboard move goes to from `current` (-1: none selected, start from the view). */
  moveTarget(delta: number | 'first' | 'last', current: number, n: number): number {
    let next: number;
    if (delta === 'first') next = 0;
    else if (delta === 'last') next = n - 1;
    else if (current < 0) next = delta > 0 ? this.firstVisible : this.lastVisible;
    else next = current + delta;
    return Math.max(0, Math.min(n - 1, next));
  }

  /** Rows that fit in the viewport, for Page Up/Down. */
  get pageSize(): number {
    return Math.max(1, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
  }

  render(): void {
    const previewCell = this.columns.header.lastElementChild as HTMLElement | null;
    const width = previewCell ? previewCell.clientWidth : this.viewport.clientWidth;
    const ctx = { ...this.context(), previewChars: Math.max(40, Math.ceil(width / MIN_CHAR_PX) + 2) };
    const n = this.store.shownCount;
    const total = n * ROW_HEIGHT;
    if (total !== this.spacerHeight) {
      this.spacerHeight = total;
      this.spacer.style.height = `${total}px`;
      this.viewport.setAttribute('aria-rowcount', String(n + 1));
    }
    if (this.empty.hidden !== n > 0) this.empty.hidden = n > 0;
    setText(this.empty, this.store.size > 0 ? 'No records match the filter.' : emptyText(this.context().ended));
    // One layout read per frame (scrollTop needs it anyway); the height changes when the detail opens.
    this.viewportHeight = this.viewport.clientHeight;
    const vpWidth = this.viewport.clientWidth;
    if (vpWidth !== this.viewportWidth) {
      this.viewportWidth = vpWidth;
      this.el.style.setProperty('--viewport-width', `${vpWidth}px`);
    }
    const scrollTop = this.placeScroll(total, ctx.autoScroll);
    const height = this.viewportHeight;
    this.firstVisible = Math.min(n - 1, Math.floor(scrollTop / ROW_HEIGHT));
    this.lastVisible = Math.min(n - 1, Math.floor((scrollTop + height - 1) / ROW_HEIGHT));
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(n - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    this.ensurePool(Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 2);
    const used = new Uint8Array(this.pool.length);
    for (let i = first; i <= last; i++) {
      const id = this.store.shownIdAt(i);
      if (id === undefined) continue;
      const slot = i % this.pool.length;
      const view = this.pool[slot];
      // A record already in its element is not built again (a RecordRow rebuilds its preview).
      if (view.holds(id, ctx)) view.place(i, ctx);
      else {
        const row = this.store.shownAt(i);
        if (!row) continue;
        view.show(row, i, ctx);
      }
      used[slot] = 1;
    }
    for (let s = 0; s < this.pool.length; s++) if (!used[s]) this.pool[s].hide();
  }

  /** Applies follow / shift / reveal to scrollTop and returns the position to render. */
  private placeScroll(total: number, autoScroll: boolean): number {
    const vp = this.viewport;
    const height = this.viewportHeight;
    let top = vp.scrollTop;
    let want = top;
    if (this.pendingReveal !== undefined) {
      const rowTop = this.pendingReveal * ROW_HEIGHT;
      if (rowTop < top) want = rowTop;
      else if (rowTop + ROW_HEIGHT > top + height) want = rowTop + ROW_HEIGHT - height;
      this.pendingReveal = undefined;
      this.follow = want + height >= total - 1;
    } else if (autoScroll && this.follow) {
      want = Math.max(0, total - height);
    } else if (this.pendingShift > 0) {
      want = Math.max(0, top - this.pendingShift * ROW_HEIGHT);
    }
    this.pendingShift = 0;
    if (want !== top) {
      vp.scrollTop = want;
      top = vp.scrollTop;
    }
    this.renderedTop = top;
    return top;
  }

  private onScroll(): void {
    // The echo of our own scrollTop write in render(): that position is drawn already.
    if (this.viewport.scrollTop === this.renderedTop) return;
    const height = this.viewportHeight || this.viewport.clientHeight;
    this.follow = this.viewport.scrollTop + height >= this.spacerHeight - ROW_HEIGHT / 2;
    this.events.invalidate();
  }

  private ensurePool(size: number, rebuild = false): void {
    if (size === this.pool.length && !rebuild) return;
    for (const r of this.pool) r.el.remove();
    this.pool = Array.from({ length: size }, () => new RowView(this.columns.fields));
    this.layer.append(...this.pool.map((r) => r.el));
  }

  private onClick(e: MouseEvent): void {
    const id = rowIdOf(e.target);
    if (id === undefined) return;
    const actionEl = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-action]') : null;
    const action = actionEl?.dataset.action;
    if (action === 'toggle') this.events.toggle(id);
    else if (action) this.events.action(action, id);
    else this.events.select(id);
  }
}

/** What an empty table says: never "Waiting" once the tail has stopped. */
function emptyText(ended: 'running' | 'stopped' | 'failed'): string {
  if (ended === 'failed') return 'No records: the tail stopped with an error (see above).';
  if (ended === 'stopped') return 'No records arrived before the tail stopped.';
  return 'Waiting for records…';
}

function rowIdOf(target: EventTarget | null): number | undefined {
  const rowEl = target instanceof Element ? target.closest<HTMLElement>('.row[data-id]') : null;
  if (!rowEl) return undefined;
  const id = Number(rowEl.dataset.id);
  return Number.isSafeInteger(id) ? id : undefined;
}
