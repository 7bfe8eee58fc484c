// The "Columns" menu: add a decoded JSON field as a column ($.temperature), remove one, or reset
// the widths the user dragged. A small popover under the toolbar; Escape or a click outside closes it.
import { h, icon } from './dom';
import type { ColumnLayout } from './columns';

export class ColumnsMenu {
  readonly button = h('button', 'toggle-button text-toggle columns-button');
  readonly el = h('div', 'columns-menu');
  private readonly input = h('input');
  private readonly problem = h('div', 'columns-problem');
  private readonly list = h('ul', 'columns-list');

  constructor(private readonly columns: ColumnLayout, private readonly changed: () => void) {
    this.button.type = 'button';
    this.button.title = 'Columns: add JSON fields as columns, reset widths';
    this.button.setAttribute('aria-haspopup', 'true');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.append(icon('split-horizontal'), h('span', undefined, 'Columns'));
    this.el.hidden = true;
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', 'Columns');
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.placeholder = 'JSON field, e.g. $.temperature';
    this.input.setAttribute('aria-label', 'JSON field to add as a column');
    const add = h('button', 'menu-button', 'Add column');
    add.type = 'button';
    const reset = h('button', 'menu-button secondary', 'Reset widths');
    reset.type = 'button';
    const row = h('div', 'columns-add');
    const box = h('div', 'input-box');
    box.append(icon('json'), this.input);
    row.append(box, add);
    this.problem.setAttribute('role', 'alert');
    this.el.append(h('div', 'columns-title', 'Field columns'), row, this.problem, this.list, reset);
    this.button.addEventListener('click', () => this.toggle());
    add.addEventListener('click', () => this.add());
    reset.addEventListener('click', () => this.columns.resetWidths());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.add();
      if (e.key === 'Escape') this.close();
      e.stopPropagation();
    });
    this.list.addEventListener('click', (e) => {
      const source = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-field]')?.dataset.field : undefined;
      if (source !== undefined) {
        this.columns.removeField(source);
        this.renderList();
        this.changed();
      }
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.el.hidden && e.target instanceof Node && !this.el.contains(e.target) && !this.button.contains(e.target)) this.close();
    });
  }

  toggle(): void {
    if (this.el.hidden) this.open();
    else this.close();
  }

  private open(): void {
    this.el.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.renderList();
    this.input.focus();
  }

  private close(): void {
    this.el.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.problem.textContent = '';
  }

  private add(): void {
    const problem = this.columns.addField(this.input.value);
    this.problem.textContent = problem ?? '';
    if (problem === undefined) {
      this.input.value = '';
      this.renderList();
      this.changed();
    }
  }

  private renderList(): void {
    const items = this.columns.fields.map((f) => {
      const li = h('li', 'columns-item');
      const remove = h('button', 'icon-button');
      remove.type = 'button';
      remove.dataset.field = f.source;
      remove.title = `Remove the ${f.source} column`;
      remove.setAttribute('aria-label', remove.title);
      remove.append(icon('close'));
      li.append(h('span', 'columns-source', f.source), remove);
      return li;
    });
    if (items.length === 0) items.push(h('li', 'columns-empty', 'None yet. Fields come from each record\'s decoded JSON.'));
    this.list.replaceChildren(...items);
  }
}
