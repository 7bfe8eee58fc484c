// The table's columns: the header (sort buttons, drag handles to resize), the widths the user set
// (CSS variables on the table, so every pooled row follows without a re-render), and the JSON
// field columns added from the Columns menu ($.temperature). Payload takes the remaining width.
import { parseShortForm, resolvePath, type PathStep } from '../../src/tail/shared/shortForm';
import { rowJson } from '../../src/tail/shared/filter';
import { stringifyJson } from '../../src/tail/shared/exactJson';
import { SORT_KEYS, type SortKey, type SortSpec } from '../../src/tail/shared/rowSort';
import type { RecordRow } from '../../src/tail/shared/protocol';
import { h, icon } from './dom';

/** At most this many field columns, and this long a path. */
export const MAX_FIELD_COLUMNS = 8;
const MAX_FIELD_PATH = 200;
const MIN_WIDTH = 36;
const MAX_WIDTH = 2000;
const FIELD_WIDTH = 110;

export interface ColumnState {
  /** Widths the user dragged, by column id (time, shard, key, seq, size, badges, f0…). */
  widths: Record<string, number>;
  /** JSON field columns, as typed ($.temperature). */
  fields: string[];
}

export interface FieldColumn {
  source: string;
  path: PathStep[];
}

const FIXED: ReadonlyArray<{ id: string; title: string; sort?: SortKey }> = [
  { id: 'expand', title: '' }, { id: 'time', title: 'Arrival', sort: 'arrival' }, { id: 'shard', title: 'Shard', sort: 'shard' },
  { id: 'key', title: 'Partition key', sort: 'key' }, { id: 'seq', title: 'Sequence' }, { id: 'size', title: 'Size', sort: 'size' },
  { id: 'badges', title: 'Decoded', sort: 'kind' },
];
const RESIZABLE = new Set(['time', 'shard', 'key', 'seq', 'size', 'badges']);

/** Checks a field column path: a plain path such as $.temperature or user.id, no comparison. */
export function parseFieldColumn(source: string): FieldColumn | string {
  const s = source.trim();
  if (s === '') return 'Type a JSON path, for example $.temperature.';
  if (s.length > MAX_FIELD_PATH) return `A field path is at most ${MAX_FIELD_PATH} characters.`;
  try {
    const expr = parseShortForm(s);
    if (expr.kind !== 'exists') return 'A column needs a path only (such as $.temperature), without a comparison.';
    return { source: s, path: expr.path };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The cell text of a field column: the value at the path in compact JSON, empty when absent. */
export function fieldCellText(row: RecordRow, column: FieldColumn): string {
  const json = rowJson(row);
  if (!json) return '';
  const values = resolvePath(json.value, column.path);
  if (values.length === 0) return '';
  const v = values.length === 1 ? values[0] : values;
  if (typeof v === 'string') return v;
  try {
    return stringifyJson(v) ?? '';
  } catch {
    return '';
  }
}

export class ColumnLayout {
  readonly header = h('div', 'row column-header');
  private state: ColumnState = { widths: {}, fields: [] };
  private fieldColumns: FieldColumn[] = [];
  private readonly sortCells = new Map<SortKey, HTMLElement>();

  constructor(private readonly table: HTMLElement, private readonly events: { sort(key: SortKey): void; changed(): void }) {
    this.header.setAttribute('role', 'row');
    this.header.addEventListener('click', (e) => {
      const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-sort]') : null;
      const key = button?.dataset.sort as SortKey | undefined;
      if (key && (SORT_KEYS as readonly string[]).includes(key)) this.events.sort(key);
    });
    this.header.addEventListener('pointerdown', (e) => this.startResize(e));
    this.header.addEventListener('dblclick', (e) => {
      const id = e.target instanceof HTMLElement ? e.target.dataset.resize : undefined;
      if (id) this.setWidth(id, undefined);
    });
    this.build();
  }

  get fields(): readonly FieldColumn[] { return this.fieldColumns; }
  get snapshot(): ColumnState { return { widths: { ...this.state.widths }, fields: [...this.state.fields] }; }

  /** Restores saved widths and field columns, dropping what no longer parses. */
  restore(state: ColumnState): void {
    const fields = state.fields.map(parseFieldColumn).filter((f): f is FieldColumn => typeof f !== 'string').slice(0, MAX_FIELD_COLUMNS);
    this.state = { widths: {}, fields: fields.map((f) => f.source) };
    this.fieldColumns = fields;
    for (const [id, w] of Object.entries(state.widths)) if (this.knownColumn(id)) this.state.widths[id] = clampWidth(w);
    this.build();
  }

  /** Adds a field column; returns a problem to show, or undefined when added. */
  addField(source: string): string | undefined {
    const parsed = parseFieldColumn(source);
    if (typeof parsed === 'string') return parsed;
    if (this.state.fields.includes(parsed.source)) return `${parsed.source} is already a column.`;
    if (this.fieldColumns.length >= MAX_FIELD_COLUMNS) return `At most ${MAX_FIELD_COLUMNS} field columns.`;
    this.fieldColumns.push(parsed);
    this.state.fields.push(parsed.source);
    this.build();
    this.events.changed();
    return undefined;
  }

  removeField(source: string): void {
    const i = this.state.fields.indexOf(source);
    if (i < 0) return;
    this.state.fields.splice(i, 1);
    this.fieldColumns.splice(i, 1);
    // Field widths are by position: shift the ones after it.
    const widths: Record<string, number> = {};
    for (const [id, w] of Object.entries(this.state.widths)) {
      const m = /^f(\d+)$/.exec(id);
      if (!m) widths[id] = w;
      else if (Number(m[1]) < i) widths[id] = w;
      else if (Number(m[1]) > i) widths[`f${Number(m[1]) - 1}`] = w;
    }
    this.state.widths = widths;
    this.build();
    this.events.changed();
  }

  resetWidths(): void {
    this.state.widths = {};
    this.apply();
    this.events.changed();
  }

  showSort(spec: SortSpec | undefined): void {
    for (const [key, cell] of this.sortCells) {
      const on = spec?.key === key;
      cell.setAttribute('aria-sort', on ? (spec.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      cell.classList.toggle('sorted', on);
      const arrow = cell.querySelector('.codicon');
      if (arrow) arrow.className = `codicon codicon-${on ? (spec.dir === 'asc' ? 'arrow-up' : 'arrow-down') : 'blank'}`;
    }
  }

  private knownColumn(id: string): boolean {
    const m = /^f(\d+)$/.exec(id);
    return RESIZABLE.has(id) || (m !== null && Number(m[1]) < this.fieldColumns.length);
  }

  private build(): void {
    this.sortCells.clear();
    const cells: HTMLElement[] = [];
    for (const col of FIXED) cells.push(this.headerCell(`c-${col.id}`, col.id, col.title, col.sort));
    this.fieldColumns.forEach((f, i) => cells.push(this.headerCell(`c-field c-f${i}`, `f${i}`, f.source)));
    cells.push(this.headerCell('c-preview', 'preview', 'Payload'));
    this.header.replaceChildren(...cells);
    this.apply();
  }

  private headerCell(cls: string, id: string, title: string, sort?: SortKey): HTMLElement {
    const cell = h('span', `cell ${cls}`);
    cell.setAttribute('role', 'columnheader');
    if (sort) {
      const button = h('button', 'sort-button');
      button.type = 'button';
      button.dataset.sort = sort;
      button.title = `Sort by ${title.toLowerCase()} (again: descending; a third time: arrival order)`;
      button.append(h('span', 'sort-label', title), icon('blank'));
      cell.append(button);
      cell.setAttribute('aria-sort', 'none');
      this.sortCells.set(sort, cell);
    } else {
      cell.append(h('span', 'sort-label', title));
      if (id.startsWith('f')) cell.title = title;
    }
    if (RESIZABLE.has(id) || id.startsWith('f')) {
      const grip = h('span', 'col-resizer');
      grip.dataset.resize = id;
      grip.title = 'Drag to resize; double-click for the default width';
      cell.append(grip);
    }
    return cell;
  }

  /** Widths as CSS variables on the table; the row's minimum width follows (horizontal scroll). */
  private apply(): void {
    const style = this.table.style;
    for (const id of RESIZABLE) {
      const w = this.state.widths[id];
      if (w === undefined) style.removeProperty(`--w-${id}`);
      else style.setProperty(`--w-${id}`, `${w}px`);
    }
    let fieldsWidth = 0;
    for (let i = 0; i < MAX_FIELD_COLUMNS; i++) {
      if (i >= this.fieldColumns.length) {
        style.removeProperty(`--w-f${i}`);
        continue;
      }
      const w = this.state.widths[`f${i}`] ?? FIELD_WIDTH;
      fieldsWidth += w;
      style.setProperty(`--w-f${i}`, `${w}px`);
    }
    style.setProperty('--w-fields', `${fieldsWidth}px`);
  }

  private setWidth(id: string, width: number | undefined): void {
    if (width === undefined) delete this.state.widths[id];
    else this.state.widths[id] = clampWidth(width);
    this.apply();
    this.events.changed();
  }

  private startResize(e: PointerEvent): void {
    const grip = e.target instanceof HTMLElement ? e.target : null;
    const id = grip?.dataset.resize;
    const cell = grip?.parentElement;
    if (!grip || !id || !cell) return;
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = cell.getBoundingClientRect().width;
    grip.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      this.state.widths[id] = clampWidth(startWidth + ev.clientX - startX);
      this.apply();
    };
    const up = (): void => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      grip.removeEventListener('pointercancel', up);
      this.events.changed();
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
    grip.addEventListener('pointercancel', up);
  }
}

function clampWidth(w: number): number {
  return Number.isFinite(w) ? Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w))) : FIELD_WIDTH;
}
