// The toolbar: pause/resume, stop, clear, the text and field filters, auto-scroll and UTC toggles,
// and export (scope and format; the host shows the save dialog).
import type { ExportFormat, ExportScope, TimeZoneMode } from '../../src/tail/shared/protocol';
import { MAX_FILTER_LENGTH } from '../../src/tail/shared/protocol';
import { h, icon, iconButton, setTitle } from './dom';

export interface ToolbarEvents {
  pauseResume(): void;
  stop(): void;
  clear(): void;
  filters(text: string, field: string): void;
  autoScroll(on: boolean): void;
  timeZone(zone: TimeZoneMode): void;
  export(scope: ExportScope, format: ExportFormat): void;
  /** "Send to stream…": the host asks which records and where. */
  sendToStream(): void;
}

const FILTER_DEBOUNCE_MS = 150;

function select<T extends string>(label: string, options: ReadonlyArray<[T, string]>): HTMLSelectElement {
  const s = h('select', 'select');
  s.title = label;
  s.setAttribute('aria-label', label);
  for (const [value, text] of options) {
    const o = h('option', undefined, text);
    o.value = value;
    s.append(o);
  }
  return s;
}

function inputBox(iconName: string, placeholder: string, cls: string): [HTMLDivElement, HTMLInputElement] {
  const box = h('div', `input-box ${cls}`);
  const input = h('input');
  input.type = 'text';
  input.spellcheck = false;
  input.placeholder = placeholder;
  input.maxLength = MAX_FILTER_LENGTH;
  input.setAttribute('aria-label', placeholder);
  box.append(icon(iconName), input);
  return [box, input];
}

export class Toolbar {
  readonly el = h('div', 'toolbar');
  readonly filterInput: HTMLInputElement;
  readonly fieldInput: HTMLInputElement;
  private readonly fieldBox: HTMLDivElement;
  private readonly pauseButton = iconButton('debug-pause', 'Pause', 'pauseResume');
  private readonly stopButton = iconButton('debug-stop', 'Stop', 'stop');
  private readonly autoScrollButton = iconButton('fold-down', 'Auto-scroll to new records', 'autoScroll');
  private readonly utcButton = h('button', 'toggle-button text-toggle', 'UTC');
  private readonly scope = select<ExportScope>('Export scope', [['shown', 'Shown'], ['all', 'All buffered']]);
  private readonly format = select<ExportFormat>('Export format', [['ndjson', 'NDJSON'], ['json', 'JSON'], ['csv', 'CSV']]);
  private readonly message = h('span', 'toolbar-message');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private paused = false;

  constructor(private readonly events: ToolbarEvents) {
    const [filterBox, filterInput] = inputBox('filter', 'Filter payload and partition key', 'text-filter');
    const [fieldBox, fieldInput] = inputBox('json', 'Field filter (CEL), e.g. $.level == "error"', 'field-filter');
    this.filterInput = filterInput;
    this.fieldInput = fieldInput;
    this.fieldBox = fieldBox;
    this.autoScrollButton.classList.add('toggle-button');
    this.utcButton.type = 'button';
    this.utcButton.dataset.action = 'utc';
    this.utcButton.title = 'Show arrival times in UTC';
    const exportButton = iconButton('desktop-download', 'Export…', 'export');
    const sendButton = iconButton('send', 'Send to stream…', 'sendToStream');
    const group = (...children: HTMLElement[]): HTMLDivElement => {
      const g = h('div', 'toolbar-group');
      g.append(...children);
      return g;
    };
    this.message.setAttribute('aria-live', 'polite');
    this.el.setAttribute('role', 'toolbar');
    this.el.append(
      group(this.pauseButton, this.stopButton, iconButton('clear-all', 'Clear', 'clear')),
      group(filterBox, fieldBox),
      group(this.autoScrollButton, this.utcButton),
      group(this.scope, this.format, exportButton, sendButton),
      this.message,
    );
    this.el.addEventListener('click', (e) => this.onClick(e));
    for (const input of [filterInput, fieldInput]) input.addEventListener('input', () => this.filtersChangedSoon());
  }

  /** Adds controls owned by others (the Columns menu) as a group before the message. */
  mount(...els: HTMLElement[]): void {
    const g = h('div', 'toolbar-group');
    g.append(...els);
    this.el.insertBefore(g, this.message);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    const b = this.pauseButton;
    const label = paused ? 'Resume' : 'Pause';
    setTitle(b, label);
    b.setAttribute('aria-label', label);
    (b.firstElementChild as HTMLElement).className = `codicon codicon-${paused ? 'debug-continue' : 'debug-pause'}`;
  }

  setStopped(stopped: boolean): void {
    this.pauseButton.disabled = stopped;
    this.stopButton.disabled = stopped;
  }

  setAutoScroll(on: boolean): void { this.autoScrollButton.setAttribute('aria-pressed', String(on)); }
  setTimeZone(zone: TimeZoneMode): void { this.utcButton.setAttribute('aria-pressed', String(zone === 'utc')); }

  setFilters(text: string, field: string): void {
    this.filterInput.value = text;
    this.fieldInput.value = field;
  }

  /** Marks the field filter invalid (or valid again with undefined). */
  setFieldError(error: { message: string; position: number } | undefined): void {
    this.fieldBox.classList.toggle('invalid', error !== undefined);
    this.fieldInput.setAttribute('aria-invalid', String(error !== undefined));
    setTitle(this.fieldInput, error ? `${error.message} (at character ${error.position + 1})` : '');
    if (error) this.say(`Field filter: ${error.message} (at character ${error.position + 1})`, 'error');
    else if (this.message.classList.contains('error')) this.say('');
  }

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.message.textContent = text;
    this.message.title = text;
    this.message.classList.toggle('error', kind === 'error' && text !== '');
  }

  private filtersChangedSoon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.events.filters(this.filterInput.value, this.fieldInput.value);
    }, FILTER_DEBOUNCE_MS);
  }

  private onClick(e: MouseEvent): void {
    const action = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-action]')?.dataset.action : undefined;
    switch (action) {
      case 'pauseResume': this.events.pauseResume(); break;
      case 'stop': this.events.stop(); break;
      case 'clear': this.events.clear(); break;
      case 'autoScroll': this.events.autoScroll(this.autoScrollButton.getAttribute('aria-pressed') !== 'true'); break;
      case 'utc': this.events.timeZone(this.utcButton.getAttribute('aria-pressed') === 'true' ? 'local' : 'utc'); break;
      case 'export': this.events.export(this.scope.value as ExportScope, this.format.value as ExportFormat); break;
      case 'sendToStream': this.events.sendToStream(); break;
    }
  }

  get isPaused(): boolean { return this.paused; }
}
