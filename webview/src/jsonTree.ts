// A collapsible JSON tree that renders lazily: a container's children are built when it is first
// expanded, a page at a time, so a 5,000-level or 1 MiB document costs only what is on screen.
// No recursion over the value: nothing here can overflow the stack.
import { isExactNumber } from '../../src/tail/shared/exactJson';
import { cutText, revealControls } from '../../src/tail/shared/display';
import { h, icon } from './dom';
import { plural } from '../../src/tail/shared/display';

const PAGE = 200;
const STRING_MAX = 10_000;
const KEY_MAX = 1_000;
/** Lines expanded up front, breadth first, so small documents open fully and big ones stay cheap. */
const AUTO_EXPAND_LINES = 150;
const AUTO_EXPAND_DEPTH = 3;
/** Deeper levels are not opened in the tree (the Text tab has them): nesting thousands of DOM levels is slow to lay out. */
export const MAX_TREE_DEPTH = 200;

interface NodeData {
  value: unknown;
  depth: number;
  children?: HTMLElement;
  /** Entries rendered so far. */
  shown: number;
}

/** Exact numbers (beyond a double) are objects too, but leaves. */
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !isExactNumber(v);

export class JsonTree {
  readonly el = h('div', 'json-tree');
  private readonly nodes = new WeakMap<HTMLElement, NodeData>();
  private lines = 0;

  constructor(value: unknown) {
    this.el.setAttribute('role', 'tree');
    const root = this.node(undefined, value, 0);
    this.el.append(root);
    this.autoExpand(root);
    this.el.addEventListener('click', (e) => this.onClick(e));
  }

  /** Expands breadth first until about `maxLines` lines are rendered. */
  expandAll(maxLines = 2000): void {
    const queue: HTMLElement[] = Array.from(this.el.querySelectorAll<HTMLElement>('.jnode.collapsible'));
    const budget = this.lines + maxLines;
    for (let i = 0; i < queue.length && this.lines < budget; i++) {
      const n = queue[i];
      if (n.getAttribute('aria-expanded') !== 'true') this.setExpanded(n, true);
      const data = this.nodes.get(n);
      if (data?.children) queue.push(...Array.from(data.children.children).filter((c): c is HTMLElement => c instanceof HTMLElement && c.classList.contains('collapsible')));
    }
  }

  private autoExpand(root: HTMLElement): void {
    const queue: HTMLElement[] = [root];
    for (let i = 0; i < queue.length && this.lines < AUTO_EXPAND_LINES; i++) {
      const n = queue[i];
      const data = this.nodes.get(n);
      if (!data || !n.classList.contains('collapsible') || data.depth >= AUTO_EXPAND_DEPTH) continue;
      const size = entryCount(data.value);
      if (i > 0 && this.lines + size > AUTO_EXPAND_LINES) continue;
      this.setExpanded(n, true);
      if (data.children) for (const c of Array.from(data.children.children)) if (c instanceof HTMLElement) queue.push(c);
    }
  }

  private node(key: string | undefined, value: unknown, depth: number): HTMLElement {
    this.lines++;
    const n = h('div', 'jnode');
    n.setAttribute('role', 'treeitem');
    const line = h('div', 'jline');
    const toggle = h('span', 'jtoggle');
    line.append(toggle);
    if (key !== undefined) line.append(h('span', 'jkey', quoted(cutText(key, KEY_MAX)).slice(1, -1)), h('span', 'jpunct', ': '));
    if (isContainer(value) && depth >= MAX_TREE_DEPTH) {
      line.append(h('span', 'jsummary', `${summary(value)} nested too deep for the tree; see Text`));
    } else if (isContainer(value)) {
      n.classList.add('collapsible');
      n.setAttribute('aria-expanded', 'false');
      toggle.append(icon('chevron-right'));
      line.append(h('span', 'jsummary', summary(value)));
    } else {
      line.append(primitive(value));
    }
    n.append(line);
    this.nodes.set(n, { value, depth, shown: 0 });
    return n;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const more = target?.closest<HTMLElement>('.jmore');
    if (more) {
      const owner = more.closest<HTMLElement>('.jnode');
      more.remove();
      if (owner) this.renderPage(owner);
      return;
    }
    const line = target?.closest<HTMLElement>('.jline');
    const n = line?.parentElement;
    if (n && n.classList.contains('collapsible')) this.setExpanded(n, n.getAttribute('aria-expanded') !== 'true');
  }

  private setExpanded(n: HTMLElement, expanded: boolean): void {
    const data = this.nodes.get(n);
    if (!data) return;
    n.setAttribute('aria-expanded', String(expanded));
    const chevron = n.firstElementChild?.firstElementChild?.firstElementChild;
    if (chevron) chevron.className = `codicon codicon-${expanded ? 'chevron-down' : 'chevron-right'}`;
    if (expanded && !data.children) {
      data.children = h('div', 'jchildren');
      data.children.setAttribute('role', 'group');
      n.append(data.children);
      this.renderPage(n);
    }
    if (data.children) data.children.hidden = !expanded;
  }

  /** Renders the next PAGE entries of a container, with a "show more" line if any remain. */
  private renderPage(n: HTMLElement): void {
    const data = this.nodes.get(n);
    if (!data?.children || !isContainer(data.value)) return;
    const value = data.value;
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const total = keys ? keys.length : (value as unknown[]).length;
    const end = Math.min(total, data.shown + PAGE);
    const frag = document.createDocumentFragment();
    for (let i = data.shown; i < end; i++) {
      const key = keys ? keys[i] : String(i);
      const child = keys ? (value as Record<string, unknown>)[key] : (value as unknown[])[i];
      frag.append(this.node(key, child, data.depth + 1));
    }
    data.shown = end;
    if (end < total) {
      const more = h('div', 'jmore', `Show ${Math.min(PAGE, total - end)} more of ${total - end} remaining…`);
      more.setAttribute('role', 'button');
      more.tabIndex = 0;
      frag.append(more);
    }
    data.children.append(frag);
  }
}

function entryCount(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  return isContainer(v) ? Object.keys(v).length : 0;
}

function summary(v: Record<string, unknown> | unknown[]): string {
  const n = entryCount(v);
  return Array.isArray(v) ? `[ ${plural(n, 'item')} ]` : `{ ${plural(n, 'key')} }`;
}

/** JSON string syntax (escapes quotes, backslashes, line breaks, C0), then bidi and the rest shown. */
function quoted(s: string): string {
  return revealControls(JSON.stringify(s));
}

function primitive(v: unknown): HTMLSpanElement {
  if (typeof v === 'string') {
    const cut = cutText(v, STRING_MAX);
    const el = h('span', 'jvalue j-string', quoted(cut));
    if (cut.length < v.length) el.append(h('span', 'jcut', ` … ${v.length - cut.length} more characters (see Text)`));
    return el;
  }
  if (typeof v === 'number') return h('span', 'jvalue j-number', String(v));
  if (isExactNumber(v)) return h('span', 'jvalue j-number', v.value);
  if (typeof v === 'boolean') return h('span', 'jvalue j-boolean', String(v));
  return h('span', 'jvalue j-null', 'null');
}
