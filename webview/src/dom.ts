// Element construction for the panel. Text reaches the DOM only through textContent and
// attributes only get fixed names, so no record data is ever parsed as HTML.

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A codicon glyph; `name` is one of our own constants, never data. */
export function icon(name: string): HTMLSpanElement {
  const el = h('span', `codicon codicon-${name}`);
  el.setAttribute('aria-hidden', 'true');
  return el;
}

/** An icon button that carries its action name in data-action, for delegated click handling. */
export function iconButton(iconName: string, label: string, action: string): HTMLButtonElement {
  const b = h('button', 'icon-button');
  b.type = 'button';
  b.title = label;
  b.setAttribute('aria-label', label);
  b.dataset.action = action;
  b.append(icon(iconName));
  return b;
}

/** Sets text only when it changed: cheaper than a DOM write on every frame. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setTitle(el: HTMLElement, title: string): void {
  if (el.title !== title) el.title = title;
}
