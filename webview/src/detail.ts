// The detail pane under the table: the expanded record's metadata, its actions, and its payload as
// a JSON tree, text or hex. A payload cut at the inline cap is fetched in full with getPayload.
import { parseJsonExact, stringifyJson } from '../../src/tail/shared/exactJson';
import { formatBytes, formatDateTime, jsonDepth, makePreview, recordPart, revealControls } from '../../src/tail/shared/display';
import type { PayloadMessage, RecordRow, TimeZoneMode } from '../../src/tail/shared/protocol';
import { badgesFor } from './badges';
import { h, iconButton } from './dom';
import { decodeBase64, renderHexView } from './hexView';
import { JsonTree } from './jsonTree';
import { ROW_ACTIONS } from './rowView';

type Tab = 'tree' | 'text' | 'hex' | 'original';

/** Records whose values the decoder converted: the Original tab shows them as they arrived. */
function conversionNote(row: RecordRow): string | undefined {
  if (row.layers.includes('dynamodb')) return 'Values were converted from DynamoDB\'s typed JSON ({"N": "5"} shows as 5). The Original tab shows the record as it arrived.';
  if (row.log) return `This row is event ${row.log.index + 1} of ${row.log.count} of a gzipped CloudWatch Logs envelope. The Original tab shows the whole envelope as it arrived; put again and tail from this record use its Kinesis record.`;
  if (row.layers.includes('cloudwatch-logs')) return 'Log events were unpacked from the gzipped CloudWatch Logs envelope. The Original tab shows the envelope as it arrived.';
  return undefined;
}

export interface DetailEvents {
  action(action: string, id: number): void;
  close(): void;
  /** Posts getPayload and returns its request id. */
  requestPayload(id: number): number;
}

interface Loaded {
  body?: string;
  rawBase64?: string;
  rawSize?: number;
  original?: string;
  error?: string;
}

export class DetailPane {
  readonly el = h('section', 'detail');
  private readonly meta = h('div', 'detail-meta');
  private readonly tabs = h('div', 'detail-tabs');
  private readonly body = h('div', 'detail-body');
  private row: RecordRow | undefined;
  private zone: TimeZoneMode = 'local';
  private tab: Tab = 'tree';
  private loaded: Loaded | undefined;
  private pendingRequest: number | undefined;
  private tree: JsonTree | undefined;

  constructor(private readonly events: DetailEvents) {
    this.el.hidden = true;
    this.el.setAttribute('aria-label', 'Record detail');
    const actions = h('div', 'detail-actions');
    for (const a of ROW_ACTIONS) actions.append(iconButton(a.icon, a.label, a.action));
    actions.append(iconButton('close', 'Close detail (Escape)', 'close'));
    const head = h('div', 'detail-head');
    head.append(this.meta, actions);
    this.tabs.setAttribute('role', 'tablist');
    this.body.tabIndex = 0;
    this.el.append(head, this.tabs, this.body);
    this.el.addEventListener('click', (e) => this.onClick(e));
  }

  get openId(): number | undefined { return this.row?.id; }

  show(row: RecordRow, zone: TimeZoneMode): void {
    const same = this.row?.id === row.id;
    this.row = row;
    this.zone = zone;
    if (!same) {
      this.loaded = undefined;
      this.pendingRequest = undefined;
      this.tab = row.kind === 'json' ? 'tree' : 'text';
    }
    this.el.hidden = false;
    this.renderMeta();
    this.renderTabs();
    this.renderBody();
  }

  hide(): void {
    this.el.hidden = true;
    this.row = undefined;
    this.loaded = undefined;
    this.tree = undefined;
    this.body.replaceChildren();
  }

  onPayload(msg: PayloadMessage): void {
    if (msg.requestId !== this.pendingRequest || msg.id !== this.row?.id) return;
    this.pendingRequest = undefined;
    this.loaded = msg.ok
      ? { body: msg.body, rawBase64: msg.rawBase64, rawSize: msg.rawSize, original: msg.original }
      : { error: msg.error ?? 'The record is no longer available.' };
    this.renderBody();
  }

  private renderMeta(): void {
    const row = this.row as RecordRow;
    const fields: Array<[string, string]> = [
      ['Sequence', row.sequenceNumber + recordPart(row)],
      ['Shard', row.shardId],
      ['Partition key', row.partitionKey],
      ['Arrival', formatDateTime(row.arrival, this.zone)],
      ['Size', `${formatBytes(row.size)} (${row.size} bytes)`],
    ];
    if (row.explicitHashKey !== undefined) fields.push(['Explicit hash key', row.explicitHashKey]);
    if (row.log) {
      // A CloudWatch Logs event: the row is one event; sequence, size and actions are its record's.
      fields.push(['Log group', row.log.group], ['Log stream', row.log.stream], ['Event', `${row.log.index + 1} of ${row.log.count}, id ${row.log.id}`], ['Event time', formatDateTime(row.log.timestamp, this.zone)]);
      if (row.log.level !== undefined) fields.push(['Level', row.log.level]);
      if (row.log.requestId !== undefined) fields.push(['Request id', row.log.requestId]);
    }
    const items: HTMLElement[] = [];
    for (const [label, value] of fields) {
      const cell = h('span', 'meta-value', makePreview(value, 2000));
      cell.title = revealControls(value.length > 10_000 ? `${value.slice(0, 10_000)}…` : value);
      items.push(h('span', 'meta-label', label), cell);
    }
    const layers = h('span', 'meta-value');
    layers.append(...badgesFor(row));
    items.push(h('span', 'meta-label', 'Decoded'), layers);
    if (row.warnings && row.warnings.length > 0) {
      items.push(h('span', 'meta-label', 'Warnings'), h('span', 'meta-value warning-text', makePreview(row.warnings.join('; '), 2000)));
    }
    this.meta.replaceChildren(...items);
  }

  private renderTabs(): void {
    const row = this.row as RecordRow;
    const tabs: Array<[Tab, string]> = row.kind === 'json' ? [['tree', 'Tree'], ['text', 'Text']] : [['text', row.kind === 'binary' ? 'Decoded' : 'Text']];
    if (conversionNote(row)) tabs.push(['original', 'Original']);
    tabs.push(['hex', 'Raw hex']);
    const buttons = tabs.map(([tab, label]) => {
      const b = h('button', 'tab', label);
      b.type = 'button';
      b.dataset.tab = tab;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(tab === this.tab));
      return b;
    });
    if (this.tab === 'tree') {
      const expand = iconButton('expand-all', 'Expand all', 'expandAll');
      expand.classList.add('tab-tool');
      buttons.push(expand);
    }
    this.tabs.replaceChildren(...buttons);
  }

  private renderBody(): void {
    const row = this.row;
    if (!row) return;
    this.tree = undefined;
    const needsFetch = this.tab === 'hex' || this.tab === 'original' ? this.loaded?.rawBase64 === undefined : row.bodyTruncated && this.loaded?.body === undefined;
    if (needsFetch && !this.loaded?.error && this.pendingRequest === undefined) this.pendingRequest = this.events.requestPayload(row.id);
    const content: HTMLElement[] = [];
    if (this.loaded?.error) content.push(h('div', 'detail-note warning-text', this.loaded.error));
    const note = conversionNote(row);
    if (note && this.tab !== 'hex') content.push(h('div', 'detail-note', note));
    if (this.tab === 'original') {
      if (this.loaded?.original !== undefined) content.push(h('pre', 'text-view', revealControls(this.loaded.original)));
      else if (this.loaded?.rawBase64 !== undefined) content.push(h('div', 'detail-note', 'The original could not be read as JSON: see Raw hex.'));
      else if (!this.loaded?.error) content.push(h('div', 'detail-note', 'Loading the original record…'));
    } else if (this.tab === 'hex') {
      if (this.loaded?.rawBase64 !== undefined) content.push(renderHexView(decodeBase64(this.loaded.rawBase64), this.loaded.rawSize));
      else if (!this.loaded?.error) content.push(h('div', 'detail-note', 'Loading the record bytes…'));
    } else {
      const full = this.loaded?.body ?? row.body;
      const complete = !row.bodyTruncated || this.loaded?.body !== undefined;
      if (!complete) content.push(h('div', 'detail-note', `Showing the first ${row.body.length} characters; loading the full payload…`));
      content.push(this.tab === 'tree' && complete ? this.treeOrText(full) : textView(row, full, complete));
    }
    this.body.replaceChildren(...content);
  }

  private treeOrText(body: string): HTMLElement {
    try {
      this.tree = new JsonTree(parseJsonExact(body));
      return this.tree.el;
    } catch {
      return h('pre', 'text-view', revealControls(body));
    }
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const tab = target?.closest<HTMLElement>('[data-tab]')?.dataset.tab;
    if (tab === 'tree' || tab === 'text' || tab === 'hex' || tab === 'original') {
      this.tab = tab;
      this.renderTabs();
      this.renderBody();
      return;
    }
    const action = target?.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (!action || !this.row) return;
    if (action === 'close') this.events.close();
    else if (action === 'expandAll') this.tree?.expandAll();
    else this.events.action(action, this.row.id);
  }
}

/** Past this depth, indentation alone would be megabytes: such documents are shown as they came. */
const MAX_INDENT_DEPTH = 64;

/** Pretty JSON when the body parses, else the text as is; controls are shown, never interpreted. */
function textView(row: RecordRow, body: string, complete: boolean): HTMLElement {
  let text = body;
  let note: string | undefined;
  if (row.kind === 'json' && complete) {
    if (jsonDepth(body, MAX_INDENT_DEPTH) > MAX_INDENT_DEPTH) {
      note = `Nested more than ${MAX_INDENT_DEPTH} levels deep: shown without indentation.`;
    } else {
      try {
        text = stringifyJson(parseJsonExact(body), 2) ?? body;
      } catch {
        // Not JSON after all: show the source.
      }
    }
  }
  const pre = h('pre', `text-view${row.kind === 'binary' ? ' hex-dump' : ''}`, revealControls(text));
  if (!note) return pre;
  const wrap = h('div');
  wrap.append(h('div', 'detail-note', note), pre);
  return wrap;
}
